/**
 * `/hint`: the next hint of the caller's question (or of the question replied to), with what
 * it costs (PENALTY.hint of src/quiz/score.ts) and what a right answer is worth now.
 */
import type { BotCommand } from '../command.js';
import { showHint } from '../quiz-play/hint-give-up.js';
import { keysOf } from '../quiz-play/keys.js';
import { questionOfMessage } from '../quiz-play/target.js';
import { roundsFor } from '../rounds/round-manager.js';
import { ROUND } from '../rounds/round-texts.js';

export const command: BotCommand = {
  name: 'hint',
  description: { en: 'The next hint for your quiz question (costs points)', ru: 'Следующая подсказка к вашему вопросу (стоит баллов)' },
  options: [],
  examples: ['/hint'],
  async run(ctx) {
    const keys = keysOf(ctx);
    const replyTo = ctx.request.replyTo;
    if (roundsFor(ctx).target(keys.chat, replyTo?.id, true)) {
      await ctx.send({ text: [ROUND.noHints[ctx.lang]], private: true, ...(ctx.request.message ? { replyTo: ctx.request.message } : {}) });
      return;
    }
    await showHint(ctx, questionOfMessage(ctx.services.store, keys.chat, replyTo));
  },
};
