/**
 * Ending a /quiz question: the worked solution (with pictures) in the chat, and the question's
 * message edited so its buttons are gone.
 */
import type { Question } from '../../quiz/index.js';
import type { BaseContext } from '../command.js';
import { b, richTextLength } from '../rich-text.js';
import type { OutMessage, RichText } from '../types.js';
import { keysOf } from './keys.js';
import { playMemory } from './play-memory.js';
import { solutionMessage } from './solution-message.js';

/**
 * A question message without its buttons and with a closing note. When its text did not fit
 * a caption, the bot sent it as a text message followed by the picture (with the buttons);
 * only that last message can be edited, so its caption becomes just the note.
 */
export function closedVersion(sent: OutMessage, note: string, maxCaption: number): OutMessage {
  const split = (sent.images?.length ?? 0) > 0 && richTextLength(sent.text) > maxCaption;
  // An empty keyboard, not a missing one: doors read `buttons: []` as "take the buttons away".
  return { ...sent, text: split ? [b(note)] : [...sent.text, '\n\n', b(note)], buttons: [] };
}

/** Sends the worked solution, as a reply to the question's message when it is known. */
export async function sendSolution(ctx: BaseContext, q: Question, messageId: string | undefined, lead?: RichText): Promise<void> {
  const opts: Parameters<typeof solutionMessage>[3] = {};
  if (lead) opts.lead = lead;
  if (messageId !== undefined) opts.replyTo = { chat: ctx.chat, id: messageId };
  await ctx.replier.typing?.();
  await ctx.send(await solutionMessage(ctx.services, q, ctx.lang, opts));
}

/**
 * Edits the question's message: same text and picture, no buttons, a closing note. Needs the
 * message as it was sent (remembered in memory); after a restart the edit is skipped and a
 * press on an old button is answered as "not counted" instead.
 */
export async function closeQuestionMessage(ctx: BaseContext, q: Question, messageId: string, note: string): Promise<void> {
  const { chat } = keysOf(ctx);
  const memory = playMemory(ctx.services);
  const sent = memory.sentMessage(chat, messageId);
  if (!sent || sent.buttons === undefined || sent.buttons.length === 0) return;
  const closed = closedVersion(sent, note, ctx.replier.caps.maxCaption);
  memory.rememberSent(chat, messageId, closed);
  try {
    await ctx.edit({ chat: ctx.chat, id: messageId }, closed);
  } catch (e) {
    // The message may be gone (deleted by an admin); the answer itself is already recorded.
    ctx.services.log.warn({ err: e instanceof Error ? e.message : String(e), questionId: q.id }, 'closing a question message failed');
  }
}
