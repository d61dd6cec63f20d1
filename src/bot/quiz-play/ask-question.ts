/**
 * Asking a /quiz question: draw its picture in the pool, open the caller's session in the
 * store (so /answer, /hint and a restart find it), send the message and link it to the
 * question (so an answer by reply finds it).
 */
import type { Question } from '../../quiz/index.js';
import type { BaseContext } from '../command.js';
import { say } from '../features/say.js';
import type { MessageRef } from '../types.js';
import { keysOf } from './keys.js';
import { drawQuestionPicture } from './pictures.js';
import { playMemory } from './play-memory.js';
import { questionMessage } from './question-message.js';
import { playMessages } from './texts.js';

/** The action name of a choice button on a /quiz question (handled by the quiz command). */
export const PICK_ACTION = 'pick';

/** What a choice button keeps server-side: the question and the choice, never which is right. */
export interface PickData {
  q: string;
  c: number;
}

/** Asks `q` in the context's chat for its user; resolves to the question's message (none when its picture failed). */
export async function askQuestion(ctx: BaseContext, q: Question): Promise<MessageRef | undefined> {
  const { store } = ctx.services;
  const keys = keysOf(ctx);
  await ctx.replier.typing?.();
  const drawn = await drawQuestionPicture(ctx.services, q, ctx.lang);
  if (drawn.failure !== undefined) {
    // Every picture of a quiz carries data the question needs (graph values, the chart to name).
    await ctx.send([say(ctx.lang, playMessages.texts.picture_missing, { id: q.id, reason: drawn.failure })]);
    return undefined;
  }
  const session = { chat: keys.chat, user: keys.user, questionId: q.id, wrongTries: 0, hintsUsed: 0, closed: false, openedAt: ctx.services.now() };
  // Open before sending: an answer typed the moment the question appears finds its session.
  store.sessions.put(session);
  const data = (c: number): PickData => ({ q: q.id, c });
  const msg = questionMessage({ q, lang: ctx.lang, kind: ctx.chat.kind, images: drawn.images, actionFor: (c) => ctx.action(PICK_ACTION, { ...data(c) }) });
  const ref = await ctx.send(msg);
  store.transaction(() => {
    store.sessions.linkMessage(keys.chat, ref.id, q.id);
    // Only if the session is still this question's (the student may already have asked for another).
    const now = store.sessions.get(keys.chat, keys.user);
    if (now && now.questionId === q.id && now.openedAt === session.openedAt) store.sessions.put({ ...now, messageId: ref.id });
  });
  playMemory(ctx.services).rememberSent(keys.chat, ref.id, msg);
  return ref;
}
