/**
 * Every bot command: one line per command file (each exports `command`). Every door, /help,
 * `gradbot commands --json` and the Discord deploy script read this list; the maps are derived.
 */
import type { BotCommand } from './command.js';
import { command as start } from './commands/start.js';
import { command as help } from './commands/help.js';
import { command as lang } from './commands/lang.js';
import { command as leaderboard } from './commands/leaderboard.js';
import { command as stats } from './commands/stats.js';
import { command as settings } from './commands/settings.js';
import { command as exportCsv } from './commands/export.js';
// ── quiz play (quiz, answer, hint, giveup, round): add imports here ──
import { command as quiz } from './commands/quiz.js';
import { command as answer } from './commands/answer.js';
import { command as hint } from './commands/hint.js';
import { command as giveup } from './commands/giveup.js';
import { command as round } from './commands/round.js';
// ── features (grad, plot, train, predict, cancel, spells, guess): add imports here ──
import { command as grad } from './commands/grad.js';
import { command as plot } from './commands/plot.js';
import { command as train } from './commands/train.js';
import { command as predict } from './commands/predict.js';
import { command as cancel } from './commands/cancel.js';
import { command as spells } from './commands/spells.js';
import { command as guess } from './commands/guess.js';

/** The commands in the order menus and /help list them. */
export const COMMANDS: readonly BotCommand[] = Object.freeze([
  start,
  help,
  // ── quiz play ──
  quiz,
  answer,
  hint,
  giveup,
  round,
  // ── features ──
  grad,
  plot,
  train,
  predict,
  cancel,
  spells,
  guess,
  leaderboard,
  stats,
  lang,
  settings,
  exportCsv,
]);

/** Commands by name. */
export const COMMANDS_BY_NAME: ReadonlyMap<string, BotCommand> = new Map(COMMANDS.map((c) => [c.name, c]));
