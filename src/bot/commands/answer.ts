/**
 * `/answer [value]`: answers a number or expression question (choices too, by letter). The
 * question is the one replied to, else the chat's running round, else the caller's open one.
 * Plain text reaches the same path through `onText`: a reply to a question message in any chat,
 * and any message in a private chat with an open question.
 */
import type { BaseContext, BotCommand } from '../command.js';
import { keysOf } from '../quiz-play/keys.js';
import { ANSWER_OPTIONS } from '../quiz-play/options.js';
import { submitAnswer } from '../quiz-play/submit-answer.js';
import { questionOfMessage } from '../quiz-play/target.js';
import { playMessages } from '../quiz-play/texts.js';
import { roundsFor, type RoundTarget } from '../rounds/round-manager.js';
import type { MessageRef } from '../types.js';

/** The round a typed answer belongs to, if any. */
function roundTarget(ctx: BaseContext, replyTo: MessageRef | undefined, requireReply: boolean): RoundTarget | undefined {
  const keys = keysOf(ctx);
  const rounds = roundsFor(ctx);
  const t = rounds.target(keys.chat, replyTo?.id, requireReply);
  if (!t || replyTo) return t;
  // No reply and the round is between questions: an open question of the caller's own goes first.
  const s = ctx.services.store.sessions.get(keys.chat, keys.user);
  const open = t.round.current?.open === true && t.round.current.index === t.index;
  return !open && s && !s.closed ? undefined : t;
}

/** Routes a typed answer to a round or a /quiz question; false when it is for neither. */
async function answerTyped(ctx: BaseContext, text: string, replyTo: MessageRef | undefined, own: MessageRef | undefined, fromCommand: boolean): Promise<boolean> {
  const keys = keysOf(ctx);
  const round = roundTarget(ctx, replyTo, !fromCommand);
  if (round) {
    await roundsFor(ctx).typed(ctx, round, text, own);
    return true;
  }
  const hint = questionOfMessage(ctx.services.store, keys.chat, replyTo);
  if (!hint && !fromCommand) {
    // Plain text: an answer only in a private chat with an open question.
    const s = ctx.services.store.sessions.get(keys.chat, keys.user);
    if (ctx.chat.kind !== 'private' || !s || s.closed) return false;
  }
  await submitAnswer(ctx, { text, ...(hint ? { target: hint } : {}), ...(own ? { replyTo: own } : {}) });
  return true;
}

export const command: BotCommand = {
  name: 'answer',
  description: {
    en: 'Answer the quiz question (a number, a letter or an expression)',
    ru: 'Ответить на вопрос викторины (число, буква или выражение)',
  },
  options: ANSWER_OPTIONS,
  examples: ['/answer 0.5', '/answer -20', '/answer b', '/answer 2*x*cos(x^2)'],
  async run(ctx) {
    const value = typeof ctx.options.value === 'string' ? ctx.options.value.trim() : '';
    if (value === '') throw playMessages.error('empty_answer');
    await answerTyped(ctx, value, ctx.request.replyTo, ctx.request.message, true);
  },
  async onText(ctx) {
    const text = ctx.text.text.trim();
    if (text === '' || text.startsWith('/')) return false;
    return answerTyped(ctx, text, ctx.text.replyTo, ctx.text.message, false);
  },
};
