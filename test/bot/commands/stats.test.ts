import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command } from '../../../src/bot/commands/stats.js';
import { createHarness, HARNESS_EPOCH, type Harness } from '../harness.js';
import { seedAttempts } from './attempt-seeds.js';

const DAY = 24 * 3600_000;
let h: Harness;
beforeEach(async () => {
  h = await createHarness({ commands: [command] });
});
afterEach(async () => {
  await h.close();
});

describe('/stats', () => {
  it('own results per topic over every chat, totals and the streak', async () => {
    seedAttempts(h.store, [
      { user: 'u1', name: 'Аня', chat: 'g1', topic: 'gates', at: HARNESS_EPOCH - 2 * DAY },
      { user: 'u1', name: 'Аня', chat: 'g1', topic: 'backprop', at: HARNESS_EPOCH - DAY, questionId: 'backprop:1:2' },
      { user: 'u1', name: 'Аня', chat: 'u1', topic: 'backprop', at: HARNESS_EPOCH, questionId: 'backprop:2:2', score: 0.5 },
      { user: 'u1', name: 'Аня', chat: 'g1', topic: 'backprop', at: HARNESS_EPOCH, questionId: 'backprop:3:2', correct: false },
      { user: 'u2', name: 'Борис', chat: 'g1', topic: 'softmax', at: HARNESS_EPOCH },
    ]);
    const r = await h.command('/stats', { user: h.user('u1', 'Аня', 'ru'), chat: h.group('g1') });
    expect(r.text).toBe(
      [
        'Результаты по темам — Аня:',
        '• Обратное распространение на графе вычислений (backprop): верно 2 из 3, 1,5\u00a0балла',
        '• Правила гейтов при обратном распространении (gates): верно 1 из 1, 1\u00a0балл',
        '',
        'Всего: верно 3 из 4, 2,5\u00a0балла.',
        'Серия: 3\u00a0дня подряд с верным ответом.',
      ].join('\n'),
    );
  });

  it('no answers yet: a hint, in English', async () => {
    const r = await h.command('/stats', { user: h.user('u1', 'Ann', 'en'), chat: h.group('g1') });
    expect(r.text).toBe('You have not answered any questions yet. Try /quiz.');
  });

  it('no streak when the last right answer is older than yesterday', async () => {
    seedAttempts(h.store, [{ user: 'u1', name: 'Ann', chat: 'g1', at: HARNESS_EPOCH - 5 * DAY }]);
    const r = await h.command('/stats', { user: h.user('u1', 'Ann', 'en'), chat: h.group('g1') });
    expect(r.text.split('\n').at(-1)).toBe('No streak yet: answer one question right today to start one.');
    expect(r.text).toContain('• Backpropagation on a computation graph (backprop): 1 of 1 right, 1\u00a0point');
  });
});
