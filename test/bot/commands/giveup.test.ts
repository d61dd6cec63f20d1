import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateQuestion, giveUp } from '../../../src/quiz/index.js';
import { chatKey, userKey } from '../../../src/store/types.js';
import type { Harness } from '../harness.js';
import { playHarness, rightAnswer } from '../rounds/play-helpers.js';

const PNG = [0x89, 0x50, 0x4e, 0x47];

describe('/giveup', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await playHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('shows the answer and the worked solution with its step pictures, and scores 0', async () => {
    const u = h.user('g1', 'Gia', 'ru');
    const chat = h.privateChat(u);
    const q = generateQuestion('backprop', 17, 2);
    const withPictures = q.solution.filter((s) => s.picture).length;
    expect(withPictures).toBeGreaterThan(3);
    await h.command(`/quiz id:${q.id}`, { user: u, chat });
    const r = await h.command('/giveup', { user: u, chat });
    expect(r.text).toContain(`🏳 ${giveUp(q).feedback.ru} Вопрос сдан: за него 0 баллов.`);
    expect(r.text).toContain(`Решение вопроса ${q.id}`);
    for (const [k, step] of q.solution.entries()) expect(r.text).toContain(`${k + 1}. ${step.text.ru}`);
    const images = r.sent.flatMap((s) => s.message.images ?? []);
    expect(images).toHaveLength(3);
    for (const img of images) expect([...img.png.slice(0, 4)]).toEqual(PNG);
    expect(images.map((i) => i.name)).toEqual(images.map((i) => i.name).sort());
    expect(r.text).toMatch(/На картинках шаги \d+, \d+, \d+\./);
    const attempts = h.store.attempts.forChat(chatKey('local', u.id));
    expect(attempts.map((a) => [a.answer, a.correct, a.score, a.counted])).toEqual([['/giveup', false, 0, true]]);
    expect(h.store.sessions.get(chatKey('local', u.id), userKey('local', u.id))?.closed).toBe(true);
  });

  it('after giving up, a right answer by reply is acknowledged but not counted', async () => {
    const u = h.user('g2', 'Hal', 'en');
    const chat = h.privateChat(u);
    const asked = await h.command('/quiz id:gates:17:1', { user: u, chat });
    const qm = asked.sent[asked.sent.length - 1]!;
    await h.command('/giveup', { user: u, chat });
    const r = await h.text(rightAnswer(generateQuestion('gates', 17, 1)), { user: u, chat, replyTo: qm });
    expect(r.text.startsWith('✅')).toBe(true);
    expect(r.text).toContain('Not counted: this question is already solved or given up.');
    const board = h.store.leaderboard.top(chatKey('local', u.id), 'all', 5, h.clock.now());
    expect(board.map((row) => [row.score, row.attempts])).toEqual([[0, 1]]);
  });

  it('asks for a question first when there is none', async () => {
    const u = h.user('g3', 'Ivy', 'ru');
    const r = await h.command('/giveup', { user: u, chat: h.privateChat(u) });
    expect(r.text).toContain('У вас нет открытого вопроса');
  });
});
