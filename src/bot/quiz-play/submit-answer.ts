/**
 * An answer to a /quiz question, from `/answer`, a reply, a private plain message or a button:
 * check it, commit the attempt (and the session's wrong tries) to the store, and only then
 * reply `✅`/`❌` with the quiz's feedback, so an acknowledged answer is never lost.
 *
 * Counting (what reaches the leaderboard):
 * - group: each person's first answer per question counts, right or wrong; later answers get
 *   feedback but are not counted;
 * - private: the first right answer counts, with STACK penalties for wrong tries and hints
 *   (src/quiz/score.ts); after it, or after /giveup, nothing on that question counts.
 * An unreadable answer (not a number...) is neither right nor wrong: it gets a help message,
 * is not recorded and costs no try.
 */
import { checkAnswer, PENALTY, scoreFor, type Question } from '../../quiz/index.js';
import type { BaseContext } from '../command.js';
import { say } from '../features/say.js';
import { b } from '../rich-text.js';
import type { MessageRef, OutMessage, RichText } from '../types.js';
import { keysOf } from './keys.js';
import { cost, points } from './numbers.js';
import { playMemory } from './play-memory.js';
import { closeQuestionMessage, sendSolution } from './question-close.js';
import { questionFromId } from './question-id.js';
import { howToAnswer } from './question-message.js';
import { resolveTarget, type TargetHint } from './target.js';
import { PLAY } from './texts.js';

/** The marks scripts and tests look for at the start of an answer's reply. */
export const RIGHT_MARK = '✅';
export const WRONG_MARK = '❌';

/** One answer as it arrived. */
export interface AnswerInput {
  /** What is checked: the typed text, or the pressed choice's letter. */
  text: string;
  /** What is stored as the answer (a pressed choice's label); default `text`. */
  recorded?: string;
  /** The question a button or a reply names; else the caller's open question. */
  target?: TargetHint;
  /** The message to reply to (the student's own message, or the question's). */
  replyTo?: MessageRef;
}

/** What happened, for callers that add to the reply (tests read it too). */
export interface AnswerOutcome {
  correct: boolean;
  counted: boolean;
  score: number;
  unreadable: boolean;
  attemptId?: number;
}

/** Checks, records and answers. Throws `quiz_bot.no_question` when there is nothing to answer. */
export async function submitAnswer(ctx: BaseContext, input: AnswerInput): Promise<AnswerOutcome> {
  const { store } = ctx.services;
  const keys = keysOf(ctx);
  const target = resolveTarget(store, keys, input.target);
  const q = questionFromId(target.questionId);
  const mine = target.session;
  const group = ctx.chat.kind === 'group';
  const state = { wrongTries: group ? 0 : (mine?.wrongTries ?? 0), hintsUsed: mine?.hintsUsed ?? 0 };
  const r = checkAnswer(q, input.text, state);
  const replyTo = input.replyTo ?? (target.messageId ? { chat: ctx.chat, id: target.messageId } : undefined);

  if (r.unreadable) {
    await ctx.send(withReply({ text: [r.feedback[ctx.lang], '\n', howToAnswer(q, ctx.lang, ctx.chat.kind)] }, replyTo));
    return { correct: false, counted: false, score: 0, unreadable: true };
  }

  // The check ("already counted?") and the insert run in one synchronous transaction: no other
  // answer can come between them, however many arrive in the same tick.
  const at = ctx.services.now();
  const { counted, score, attemptId, closedBefore } = store.transaction(() => {
    const closedBefore = mine?.closed === true;
    const first = !store.attempts.hasCounted(keys.chat, keys.user, q.id);
    const counted = group ? first : r.correct && first && !closedBefore;
    const score = counted && r.correct ? (group ? scoreFor(state) : r.score) : 0;
    const attemptId = store.attempts.record({
      chat: keys.chat,
      user: keys.user,
      questionId: q.id,
      topic: q.topic,
      answer: input.recorded ?? input.text.trim(),
      correct: r.correct,
      score,
      hintsUsed: state.hintsUsed,
      counted,
      at,
    });
    if (mine && !closedBefore) {
      store.sessions.put({ ...mine, wrongTries: r.correct ? mine.wrongTries : mine.wrongTries + 1, closed: r.correct });
    }
    return { counted, score, attemptId, closedBefore };
  });

  const text: RichText = [`${r.correct ? RIGHT_MARK : WRONG_MARK} `];
  if (group) text.push(b(ctx.user.name), ': ');
  // A right answer says "Correct!" here and its points once, in the count line below (the quiz's
  // own feedback would name the score a second time).
  text.push(r.correct ? PLAY.correct[ctx.lang] : r.feedback[ctx.lang]);
  const line = countLine(ctx, { correct: r.correct, counted, score, group, closedBefore });
  if (line !== '') text.push('\n', line);
  if (!group && !r.correct && !closedBefore) text.push('\n', say(ctx.lang, PLAY.nextTryCost, { cost: cost(ctx.lang, PENALTY.wrongTry) }));
  await ctx.send(withReply({ text }, replyTo));

  if (r.correct) await afterCorrect(ctx, q, { messageId: target.messageId, solvedByOwner: mine !== undefined && !closedBefore });
  return { correct: r.correct, counted, score, unreadable: false, attemptId };
}

function countLine(ctx: BaseContext, o: { correct: boolean; counted: boolean; score: number; group: boolean; closedBefore: boolean }): string {
  const lang = ctx.lang;
  if (o.counted && o.correct) return say(lang, o.score < 1 ? PLAY.countedReduced : PLAY.countedPoints, { points: points(lang, o.score) });
  if (o.counted) return say(lang, PLAY.countedZero, { points: points(lang, 0) });
  if (o.group) return PLAY.notCountedNotFirst[lang];
  if (o.closedBefore || o.correct) return PLAY.notCountedClosed[lang];
  // A wrong try in a private chat: not counted, the next right answer still can be.
  return '';
}

/** The solution once per question message; the question's buttons go when its owner solved it. */
async function afterCorrect(ctx: BaseContext, q: Question, o: { messageId: string | undefined; solvedByOwner: boolean }): Promise<void> {
  const { chat } = keysOf(ctx);
  // Once per question message: a group's later right answers do not post it again.
  if (playMemory(ctx.services).markSolutionShown(chat, o.messageId ?? `q:${q.id}`)) await sendSolution(ctx, q, o.messageId);
  if (o.solvedByOwner && o.messageId !== undefined) await closeQuestionMessage(ctx, q, o.messageId, PLAY.nextQuestion[ctx.lang]);
}

function withReply(msg: OutMessage, replyTo: MessageRef | undefined): OutMessage {
  return replyTo ? { ...msg, replyTo } : msg;
}
