/**
 * Which question an answer, a hint or a give-up is about: the one a button or a replied-to
 * message names, else the caller's open question (their session in this chat).
 */
import type { QuizSession, Store } from '../../store/types.js';
import type { MessageRef } from '../types.js';
import type { Keys } from './keys.js';
import { playMessages } from './texts.js';

/** What the request points at, if anything. */
export interface TargetHint {
  questionId?: string;
  /** The question's message (a button's message, the replied-to message). */
  messageId?: string;
}

/** The question acted on. */
export interface Target {
  questionId: string;
  /** The question's message, when known. */
  messageId?: string;
  /** The caller's own session, when it is on this question. */
  session?: QuizSession;
}

/** The question a bot message asked (for answers by reply), if it was one. */
export function questionOfMessage(store: Store, chat: string, ref: MessageRef | undefined): TargetHint | undefined {
  if (!ref) return undefined;
  const questionId = store.sessions.questionForMessage(chat, ref.id);
  return questionId === undefined ? undefined : { questionId, messageId: ref.id };
}

/**
 * The target: the hinted question, else the caller's open one. Throws `quiz_bot.no_question`
 * when there is neither.
 */
export function resolveTarget(store: Store, keys: Keys, hint: TargetHint | undefined): Target {
  const session = store.sessions.get(keys.chat, keys.user);
  const questionId = hint?.questionId ?? (session && !session.closed ? session.questionId : undefined);
  if (questionId === undefined) throw playMessages.error('no_question');
  const mine = session && session.questionId === questionId ? session : undefined;
  const messageId = hint?.messageId ?? mine?.messageId;
  const t: Target = { questionId };
  if (messageId !== undefined) t.messageId = messageId;
  if (mine) t.session = mine;
  return t;
}
