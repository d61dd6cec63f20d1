/**
 * `/guess`: "which list is which?". Two lists of names invented by two networks (one trained
 * on D&D spells, one on Harry Potter spells); players press A or B. The game, its answer
 * included, stays server-side behind the buttons; each person's first press counts and is
 * answered with ✅ or ❌ and the reveal.
 */
import { scoreWhichList, type WhichListGame } from '../../spells/game.js';
import { whichListQuestionLines } from '../../spells/reply.js';
import { userKey } from '../../store/types.js';
import type { ActionContext, BotCommand, JsonValue } from '../command.js';
import { CANCEL_ACTION, cancelPress } from '../features/cancel-button.js';
import { guessAnswers } from '../features/guess-answers.js';
import { say } from '../features/say.js';
import { withSpellTraining } from '../features/spell-training.js';
import type { RichText } from '../types.js';

const TEXT = {
  button: { en: 'List {label}', ru: 'Список {label}' },
  right: { en: 'Right!', ru: 'Верно!' },
  wrong: { en: 'Not this time.', ru: 'На этот раз нет.' },
  again: {
    en: 'You have already answered this one ({mark}). Start a new game with /guess.',
    ru: 'Вы уже ответили на этот вопрос ({mark}). Новая игра — /guess.',
  },
} as const;

interface AnswerData {
  id: string;
  choice: 'A' | 'B';
  game: WhichListGame;
}

function asAnswer(data: JsonValue): AnswerData | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { id, choice, game } = data;
  if (typeof id !== 'string' || (choice !== 'A' && choice !== 'B')) return undefined;
  if (typeof game !== 'object' || game === null || Array.isArray(game) || game.kind !== 'which_list') return undefined;
  // Our own data, kept server-side when the game was posted: it has the game's shape.
  return { id, choice, game: game as unknown as WhichListGame };
}

async function answerPress(ctx: ActionContext, raw: JsonValue): Promise<void> {
  const data = asAnswer(raw);
  if (!data) return;
  const me = userKey(ctx.chat.door, ctx.user.id);
  const answers = guessAnswers(ctx.services);
  const before = answers.get(data.id, me);
  if (before !== undefined) {
    await ctx.send({ text: [say(ctx.lang, TEXT.again, { mark: before ? '✅' : '❌' })], private: true });
    return;
  }
  const score = scoreWhichList(data.game, data.choice);
  answers.record(data.id, me, score.correct);
  const text: RichText = [score.correct ? '✅ ' : '❌ '];
  // In a group, say whose answer it was (a display name: user text, a plain span).
  if (ctx.chat.kind === 'group') text.push(ctx.user.name, ': ');
  // In a group the reveal would give the answer away to everyone who has not pressed yet: where
  // the door has private replies, the chat sees only the mark and the player gets the reveal.
  if (ctx.chat.kind === 'group' && ctx.replier.caps.ephemeral) {
    text.push(say(ctx.lang, score.correct ? TEXT.right : TEXT.wrong));
    await ctx.send({ text, ...(ctx.message ? { replyTo: ctx.message } : {}) });
    await ctx.send({ text: [score.correct ? '✅ ' : '❌ ', score.feedback[ctx.lang]], private: true });
    return;
  }
  text.push(score.feedback[ctx.lang]);
  await ctx.send({ text, ...(ctx.message ? { replyTo: ctx.message } : {}) });
}

export const command: BotCommand = {
  name: 'guess',
  description: {
    en: 'Game: which list of invented names came from which network?',
    ru: 'Игра: какой список придуманных названий от какой нейросети?',
  },
  options: [],
  examples: ['/guess'],
  actions: { answer: answerPress, [CANCEL_ACTION]: cancelPress },
  async run(ctx) {
    const spells = ctx.services.spells;
    const seed = ctx.services.now();
    const game = await withSpellTraining(ctx, [spells.dataset('dnd'), spells.dataset('hp')], (hooks) => spells.whichListGame(seed, {}, hooks));
    if (!game) return;
    const id = `${ctx.chat.door}:${ctx.chat.id}:${seed}`;
    const button = (choice: 'A' | 'B') => ({
      id: ctx.action('answer', { id, choice, game: game as unknown as JsonValue }),
      label: say(ctx.lang, TEXT.button, { label: choice }),
    });
    // The invented names are plain spans (the door escapes them).
    await ctx.send({ text: [whichListQuestionLines(game, ctx.lang).join('\n').trimEnd()], buttons: [[button('A'), button('B')]] });
  },
};
