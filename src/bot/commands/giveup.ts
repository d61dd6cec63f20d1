/**
 * `/giveup`: the caller gives their question up (0 points for it), and gets the answer and
 * the worked solution with its pictures.
 */
import type { BotCommand } from '../command.js';
import { giveUpQuestion } from '../quiz-play/hint-give-up.js';
import { keysOf } from '../quiz-play/keys.js';
import { questionOfMessage } from '../quiz-play/target.js';
import { roundsFor } from '../rounds/round-manager.js';
import { ROUND } from '../rounds/round-texts.js';

export const command: BotCommand = {
  name: 'giveup',
  description: { en: 'Give up your quiz question and see the worked solution', ru: 'Сдаться и посмотреть разбор решения' },
  options: [],
  examples: ['/giveup'],
  async run(ctx) {
    const keys = keysOf(ctx);
    const replyTo = ctx.request.replyTo;
    if (roundsFor(ctx).target(keys.chat, replyTo?.id, true)) {
      await ctx.send({ text: [ROUND.noGiveUp[ctx.lang]], private: true, ...(ctx.request.message ? { replyTo: ctx.request.message } : {}) });
      return;
    }
    await giveUpQuestion(ctx, questionOfMessage(ctx.services.store, keys.chat, replyTo));
  },
};
