/**
 * Who has answered which `/guess` game, so each person's first press counts (in a group
 * anyone may play). In memory per bot, bounded: a game is a moment's fun, not a record.
 */
import type { BotServices } from '../services.js';

const MAX_GAMES = 1000;

/** Answers by game id, then by user key: whether the first answer was right. */
export class GuessAnswers {
  private readonly games = new Map<string, Map<string, boolean>>();

  /** The user's first answer to the game, if any. */
  get(game: string, user: string): boolean | undefined {
    return this.games.get(game)?.get(user);
  }

  /** Records a first answer; the oldest games are forgotten past the bound. */
  record(game: string, user: string, correct: boolean): void {
    let answers = this.games.get(game);
    if (!answers) {
      answers = new Map();
      this.games.set(game, answers);
      while (this.games.size > MAX_GAMES) {
        const oldest = this.games.keys().next();
        if (oldest.done) break;
        this.games.delete(oldest.value);
      }
    }
    answers.set(user, correct);
  }
}

const registries = new WeakMap<BotServices, GuessAnswers>();

/** The answers of the bot these services belong to. */
export function guessAnswers(services: BotServices): GuessAnswers {
  let r = registries.get(services);
  if (!r) {
    r = new GuessAnswers();
    registries.set(services, r);
  }
  return r;
}
