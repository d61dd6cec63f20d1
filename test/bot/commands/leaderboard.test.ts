import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command } from '../../../src/bot/commands/leaderboard.js';
import { createHarness, HARNESS_EPOCH, type Harness } from '../harness.js';
import { seedAttempts } from './attempt-seeds.js';

const DAY = 24 * 3600_000;
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ commands: [command] });
  seedAttempts(h.store, [
    { user: 'u1', name: 'Аня', chat: 'g1', at: HARNESS_EPOCH - DAY, score: 1 },
    { user: 'u1', name: 'Аня', chat: 'g1', at: HARNESS_EPOCH - 2 * DAY, score: 1, questionId: 'backprop:2:2' },
    { user: 'u2', name: 'Борис', chat: 'g1', at: HARNESS_EPOCH - DAY, score: 0.5, questionId: 'backprop:3:2' },
    { user: 'u2', name: 'Борис', chat: 'g1', at: HARNESS_EPOCH - DAY, correct: false, questionId: 'backprop:4:2' },
    // long ago: only in "all"
    ...Array.from({ length: 21 }, (_, k) => ({ user: 'u3', name: '@everyone', chat: 'g1', at: HARNESS_EPOCH - 30 * DAY, questionId: `gates:${k}:1`, topic: 'gates' })),
    // another chat
    { user: 'u4', name: 'Чужой', chat: 'g2', at: HARNESS_EPOCH - DAY },
  ]);
});
afterEach(async () => {
  await h.close();
});

describe('/leaderboard', () => {
  it('the last 7 days by default, best first, with plural forms in Russian', async () => {
    const r = await h.command('/leaderboard', { user: h.user('u1', 'Аня', 'ru'), chat: h.group('g1') });
    expect(r.text).toBe(['Лидеры этого чата за 7 дней:', '1. Аня — 2\u00a0балла (верно 2 из 2)', '2. Борис — 0,5\u00a0балла (верно 1 из 2)'].join('\n'));
  });

  it('all time, in English; a name like @everyone is plain text', async () => {
    const r = await h.command('/leaderboard all', { user: h.user('u9', 'Ann', 'en'), chat: h.group('g1') });
    expect(r.text).toBe(
      ['Leaderboard of this chat, all time:', '1. @everyone — 21\u00a0points (21 of 21 right)', '2. Аня — 2\u00a0points (2 of 2 right)', '3. Борис — 0.5\u00a0points (1 of 2 right)'].join('\n'),
    );
    // a plain span: the door escapes it, no mention markup is produced here
    expect(r.sent[0]?.message.text.every((s) => typeof s === 'string')).toBe(true);
  });

  it('21 points is "21 балл" in Russian', async () => {
    const r = await h.command('/leaderboard период', { user: h.user('u1', 'Аня', 'ru'), chat: h.group('g1') });
    expect(r.text.startsWith('Параметр «period» может быть одним из: week, all; получено «период».')).toBe(true);
    const all = await h.command('/leaderboard "всё время"', { user: h.user('u1', 'Аня', 'ru'), chat: h.group('g1') });
    expect(all.text.split('\n')[1]).toBe('1. @everyone — 21\u00a0балл (верно 21 из 21)');
  });

  it('equal scores share the place', async () => {
    seedAttempts(h.store, [
      { user: 'u5', name: 'Вика', chat: 'g3', at: HARNESS_EPOCH - DAY, score: 1, questionId: 'gates:1:1', topic: 'gates' },
      { user: 'u6', name: 'Гена', chat: 'g3', at: HARNESS_EPOCH - DAY, score: 1, questionId: 'gates:1:1', topic: 'gates' },
      { user: 'u7', name: 'Дима', chat: 'g3', at: HARNESS_EPOCH - DAY, score: 0.5, questionId: 'gates:1:1', topic: 'gates' },
    ]);
    const r = await h.command('/leaderboard', { user: h.user('u5', 'Вика', 'ru'), chat: h.group('g3') });
    expect(r.text.split('\n').slice(1).map((l) => l.slice(0, 3))).toEqual(['1. ', '1. ', '3. ']);
  });

  it('an empty chat gets a hint to start', async () => {
    const r = await h.command('/leaderboard', { user: h.user('u1', 'Ann', 'en'), chat: h.group('g9') });
    expect(r.text).toBe('No counted answers in this chat in the last 7 days. Start with /quiz or /round.');
  });
});
