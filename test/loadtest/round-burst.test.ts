/**
 * A class of 30 answering the same round question within one second, through the local
 * chat's HTTP API: every one of them is scored exactly once (one counted attempt each, in the
 * store and on the round's board), and a second answer from anyone counts for nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTemplate } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { ROUND } from '../../src/bot/rounds/round-texts.js';
import { planAnswer, questionFromId, type PlannedAnswer } from '../../src/loadtest/answers.js';
import { ChatFeed, type From } from '../../src/loadtest/chat-client.js';
import { isQuestion, isVerdict, questionIdIn } from '../../src/loadtest/replies.js';
import { chatKey, userKey } from '../../src/store/types.js';
import { startClassApp, type ClassApp } from './class-app.js';

const CLASS = 30;
const GROUP = 'lecture-7';
const teacher: From = { id: 'teacher', name: 'Ирина Петровна' };
const students: From[] = Array.from({ length: CLASS }, (_, i) => ({ id: `st${i + 1}`, name: `Ученик ${String(i + 1).padStart(2, '0')}` }));

let c: ClassApp;
const feeds = new Map<string, ChatFeed>();

beforeAll(async () => {
  c = await startClassApp();
  for (const who of [teacher, ...students]) {
    const f = new ChatFeed(c.client, GROUP, who.id);
    await f.open();
    feeds.set(who.id, f);
  }
});

afterAll(async () => {
  for (const f of feeds.values()) f.close();
  await c?.stop();
});

const feedOf = (who: From) => feeds.get(who.id) as ChatFeed;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Sends one student's answer: a press for a choice question, `/answer` replying to the question otherwise. */
async function answer(who: From, plan: PlannedAnswer, question: { id: string; buttons: string[] }): Promise<number> {
  if (plan.kind === 'press') {
    const action = question.buttons[plan.choice] as string;
    return (await c.client.press(GROUP, { from: who, messageId: question.id, action, locale: 'ru' })).status;
  }
  return (await c.client.post(GROUP, { from: who, text: `/answer ${plan.text}`, chatKind: 'group', locale: 'ru', replyTo: question.id })).status;
}

describe('a round with a whole class answering at once', () => {
  it('scores each of 30 students exactly once', async () => {
    const tf = feedOf(teacher);
    const mark = tf.mark();
    expect((await c.client.post(GROUP, { from: teacher, text: '/round activations 1 60', chatKind: 'group', locale: 'ru' })).status).toBe(202);
    const seen = await tf.waitFor((m) => m.from.bot && isQuestion(m), mark, 30_000);
    const qMsg = seen?.msg;
    if (!qMsg) throw new Error('the round asked no question within 30 s');
    const questionId = questionIdIn(qMsg.text) as string;
    expect(questionId).toMatch(/^activations:\d+:[123]$/);
    const q = questionFromId(questionId);
    const question = { id: qMsg.id, buttons: qMsg.buttons.map((b) => b.id) };
    if (q.answer.kind === 'choice') expect(question.buttons).toHaveLength(q.answer.choices.length);

    // Every student's answer, right or wrong by plan (the key comes from the question's id).
    const rng = new Rng('round-burst');
    const plans = students.map(() => planAnswer(q, rng, 0.6));
    const marks = students.map((s) => feedOf(s).mark());
    // All 30 within one second: one every 30 ms.
    const statuses = await Promise.all(students.map(async (s, i) => {
      await sleep(i * 30);
      return answer(s, plans[i] as PlannedAnswer, question);
    }));
    expect(statuses).toEqual(students.map(() => 202));

    // Each gets one private verdict, right or wrong as planned.
    const verdicts = await Promise.all(students.map((s, i) => feedOf(s).waitFor((m) => m.from.bot && m.to === s.id && isVerdict(m), marks[i] as number, 30_000)));
    verdicts.forEach((v, i) => {
      expect(v?.msg.text.slice(0, 1), students[i]?.name).toBe((plans[i] as PlannedAnswer).right ? '✅' : '❌');
    });

    // A second answer from everyone (the opposite one) counts for nothing.
    const marks2 = students.map((s) => feedOf(s).mark());
    const again = plans.map((p) => planAnswer(q, new Rng(`again:${p.kind}`), p.right ? 0 : 1));
    const statuses2 = await Promise.all(students.map((s, i) => answer(s, again[i] as PlannedAnswer, question)));
    expect(statuses2).toEqual(students.map(() => 202));
    const duplicate = formatTemplate(ROUND.duplicate.ru, {});
    const dupes = await Promise.all(students.map((s, i) => feedOf(s).waitFor((m) => m.from.bot && m.to === s.id && m.text.includes(duplicate), marks2[i] as number, 30_000)));
    expect(dupes.filter((d) => d !== undefined)).toHaveLength(CLASS);

    // The store: one counted attempt per student on this question, in this round.
    const store = c.app.services.store;
    const attempts = store.attempts.forChat(chatKey('local', GROUP)).filter((a) => a.questionId === questionId);
    expect(attempts).toHaveLength(CLASS);
    expect(new Set(attempts.map((a) => a.user))).toEqual(new Set(students.map((s) => userKey('local', s.id))));
    const round = attempts[0]?.roundId as number;
    expect(round).toBeGreaterThan(0);
    for (const [i, s] of students.entries()) {
      const a = attempts.find((x) => x.user === userKey('local', s.id));
      expect(a?.counted).toBe(true);
      expect(a?.roundId).toBe(round);
      expect(a?.correct).toBe((plans[i] as PlannedAnswer).right);
      expect((a?.score ?? -1) > 0).toBe((plans[i] as PlannedAnswer).right);
    }
    const rights = plans.filter((p) => p.right).length;
    expect(rights).toBeGreaterThan(5);
    expect(rights).toBeLessThan(CLASS);
    const scores = store.rounds.scores(round);
    for (const [i, s] of students.entries()) {
      const row = scores.find((r) => r.user === userKey('local', s.id));
      if ((plans[i] as PlannedAnswer).right) expect(row?.correct).toBe(1);
      else expect(row?.correct ?? 0).toBe(0);
    }

    // Stopping the round shows the board with every right student on it.
    const before = tf.mark();
    expect((await c.client.post(GROUP, { from: teacher, text: '/round stop', chatKind: 'group', locale: 'ru' })).status).toBe(202);
    const board = await tf.waitFor((m) => m.from.bot && m.to === undefined && m.text.includes('🛑'), before, 30_000);
    const boardText = board?.msg.text ?? '(no board within 30 s)';
    for (const [i, s] of students.entries()) if ((plans[i] as PlannedAnswer).right) expect(boardText).toContain(s.name);
    expect(store.rounds.get(round)?.status).toBe('stopped');
    expect(c.log.errors()).toEqual([]);
  }, 120_000);
});
