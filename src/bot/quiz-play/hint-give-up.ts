/**
 * `/hint` and `/giveup` on a /quiz question. A hint is written to the session before it is
 * shown (a restart keeps its cost); giving up is recorded as an attempt scoring 0 before the
 * solution is shown, so nothing on that question counts afterwards in a private chat.
 */
import { giveUp, PENALTY, scoreFor } from '../../quiz/index.js';
import type { BaseContext } from '../command.js';
import { say } from '../features/say.js';
import { b } from '../rich-text.js';
import type { QuizSession } from '../../store/types.js';
import { keysOf } from './keys.js';
import { cost, points } from './numbers.js';
import { closeQuestionMessage, sendSolution } from './question-close.js';
import { questionFromId } from './question-id.js';
import { resolveTarget, type TargetHint } from './target.js';
import { PLAY } from './texts.js';

/** The answer stored for a give-up (shown as is in /export). */
export const GIVE_UP_ANSWER = '/giveup';

/** Shows the next hint of the caller's (or the hinted) question, with its cost. */
export async function showHint(ctx: BaseContext, hint?: TargetHint): Promise<void> {
  const { store } = ctx.services;
  const keys = keysOf(ctx);
  const target = resolveTarget(store, keys, hint);
  const q = questionFromId(target.questionId);
  const lang = ctx.lang;
  if (target.session?.closed) {
    await ctx.send([say(lang, PLAY.alreadyClosed, { id: q.id })]);
    return;
  }
  // Hinting at a question someone else asked in a group takes it up as the caller's own.
  const s: QuizSession = target.session ?? {
    chat: keys.chat,
    user: keys.user,
    questionId: q.id,
    wrongTries: 0,
    hintsUsed: 0,
    closed: false,
    openedAt: ctx.services.now(),
    ...(target.messageId !== undefined ? { messageId: target.messageId } : {}),
  };
  if (s.hintsUsed >= q.hints.length) {
    await ctx.send([say(lang, PLAY.noMoreHints, { hints: q.hints.length })]);
    return;
  }
  const k = s.hintsUsed;
  const next = { ...s, hintsUsed: k + 1 };
  store.sessions.put(next);
  const worth = scoreFor({ wrongTries: ctx.chat.kind === 'group' ? 0 : next.wrongTries, hintsUsed: next.hintsUsed });
  await ctx.send([
    '💡 ',
    // A group has many questions at once (and maybe a round): name the one this hint is for.
    b(say(lang, ctx.chat.kind === 'group' ? PLAY.hintFor : PLAY.hint, { k: k + 1, n: q.hints.length, id: q.id, cost: cost(lang, PENALTY.hint) })),
    ': ',
    q.hints[k]![lang],
    '\n',
    say(lang, PLAY.scoreNow, { points: points(lang, worth) }),
  ]);
}

/** Gives the question up: records a 0, closes the session, shows the key and the worked solution. */
export async function giveUpQuestion(ctx: BaseContext, hint?: TargetHint): Promise<void> {
  const { store } = ctx.services;
  const keys = keysOf(ctx);
  const target = resolveTarget(store, keys, hint);
  const q = questionFromId(target.questionId);
  const mine = target.session;
  // Already solved or given up: just the key and the solution again, nothing recorded.
  const lead = [mine?.closed ? giveUp(q).feedback[ctx.lang] : `🏳 ${giveUp(q).feedback[ctx.lang]}`];
  if (!mine?.closed) {
    store.transaction(() => {
      const first = !store.attempts.hasCounted(keys.chat, keys.user, q.id);
      store.attempts.record({
        chat: keys.chat,
        user: keys.user,
        questionId: q.id,
        topic: q.topic,
        answer: GIVE_UP_ANSWER,
        correct: false,
        score: 0,
        hintsUsed: mine?.hintsUsed ?? 0,
        counted: first,
        at: ctx.services.now(),
      });
      if (mine) store.sessions.put({ ...mine, closed: true });
    });
    lead.push(' ', PLAY.gaveUp[ctx.lang]);
  }
  await sendSolution(ctx, q, target.messageId, lead);
  if (mine && target.messageId !== undefined) await closeQuestionMessage(ctx, q, target.messageId, PLAY.nextQuestion[ctx.lang]);
}
