import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatKey, userKey } from '../../../src/store/types.js';
import type { Harness } from '../harness.js';
import { playHarness, questionOf, rightAnswer } from '../rounds/play-helpers.js';

describe('/hint', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await playHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('gives the hints in order with their cost, and a right answer then earns less', async () => {
    const u = h.user('h1', 'Hana', 'ru');
    const chat = h.privateChat(u);
    const q = questionOf((await h.command('/quiz id:gates:17:1', { user: u, chat })).sent[0]);
    expect(q.hints).toHaveLength(2);
    const first = await h.command('/hint', { user: u, chat });
    expect(first.text).toBe(`💡 Подсказка 1 из 2 (−0,2\u00a0балла): ${q.hints[0]!.ru}\nЗа верный ответ теперь: 0,8\u00a0балла.`);
    const second = await h.command('/hint', { user: u, chat });
    expect(second.text).toContain(`Подсказка 2 из 2 (−0,2\u00a0балла): ${q.hints[1]!.ru}`);
    expect(second.text).toContain('За верный ответ теперь: 0,6\u00a0балла.');
    const none = await h.command('/hint', { user: u, chat });
    expect(none.text).toBe('Подсказок больше нет: показаны все (2). /giveup покажет решение.');
    expect(h.store.sessions.get(chatKey('local', u.id), userKey('local', u.id))?.hintsUsed).toBe(2);
    const r = await h.command(`/answer ${rightAnswer(q)}`, { user: u, chat });
    expect(r.text).toContain('В зачёт: +0,6\u00a0балла (подсказки и прошлые попытки снижают балл).');
    expect(h.store.attempts.forChat(chatKey('local', u.id)).map((a) => [a.score, a.hintsUsed, a.counted])).toEqual([[0.6, 2, true]]);
  });

  it('writes English points and refuses without a question', async () => {
    const u = h.user('h2', 'Ian', 'en');
    const chat = h.privateChat(u);
    const none = await h.command('/hint', { user: u, chat });
    expect(none.text).toContain('You have no open question.');
    await h.command('/quiz id:backprop:17:2', { user: u, chat });
    const r = await h.command('/hint', { user: u, chat });
    expect(r.text).toContain('Hint 1 of 3 (−0.2\u00a0points)');
    expect(r.text).toContain('A correct answer now earns 0.8\u00a0points.');
  });

  it('a hint asked by reply to someone else’s group question is charged to the one who asks', async () => {
    const [alice, bob] = [h.user('a', 'Alice'), h.user('b', 'Bob')];
    const g = h.group('g-hint');
    const asked = await h.command('/quiz id:gates:17:2', { user: alice, chat: g });
    const qm = asked.sent[asked.sent.length - 1]!;
    const q = questionOf(qm);
    const hint = await h.command('/hint', { user: bob, chat: g, replyTo: qm });
    // in a group the hint names its question: several are open at once
    expect(hint.text.startsWith('💡 Hint 1 of 2 to gates:17:2 (−0.2\u00a0points): ')).toBe(true);
    const bobRight = await h.command(`/answer ${rightAnswer(q)}`, { user: bob, chat: g });
    expect(bobRight.text).toContain('Counted: +0.8\u00a0points (hints and earlier tries cost points).');
    const aliceRight = await h.command(`/answer ${rightAnswer(q)}`, { user: alice, chat: g });
    expect(aliceRight.text).toContain('Counted: +1\u00a0point.');
  });
});
