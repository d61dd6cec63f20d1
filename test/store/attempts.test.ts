import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { ANNA, attempt, BORIS, DAY, GROUP, NOW, OTHER, seededStore, VERA } from './helpers.js';

let store: Store;
afterEach(() => store.close());

describe('attempts', () => {
  it('records every field and reads it back oldest first with the user name', () => {
    store = seededStore();
    const later = store.attempts.record(attempt({ user: BORIS, at: NOW + 1000, answer: 'B', correct: false, score: 0, counted: false, hintsUsed: 2 }));
    const earlier = store.attempts.record(attempt({ at: NOW, questionId: 'relu:3:1', topic: 'relu' }));
    expect(later).not.toBe(earlier);
    expect(store.attempts.forChat(GROUP)).toEqual([
      { id: earlier, chat: GROUP, user: ANNA, userName: 'Анна', questionId: 'relu:3:1', topic: 'relu', answer: '0.5', correct: true, score: 1, hintsUsed: 0, counted: true, at: NOW },
      { id: later, chat: GROUP, user: BORIS, userName: 'Boris', questionId: 'backprop:17:2', topic: 'backprop', answer: 'B', correct: false, score: 0, hintsUsed: 2, counted: false, at: NOW + 1000 },
    ]);
    expect(store.attempts.forChat(OTHER)).toEqual([]);
  });

  it('stores answers verbatim: unicode, emoji, quotes, formulas', () => {
    store = seededStore();
    const answers = ["1'; DELETE FROM attempts;--", '=HYPERLINK("x")', 'σ(x)·(1−σ(x)) 🤔', 'ответ «два»', ''];
    for (const a of answers) store.attempts.record(attempt({ answer: a }));
    expect(store.attempts.forChat(GROUP).map((r) => r.answer)).toEqual(answers);
  });

  it('keeps the round id when there is one', () => {
    store = seededStore();
    const round = store.rounds.start({ chat: GROUP, topic: 'sgd', count: 3, seconds: 20, startedAt: NOW });
    store.attempts.record(attempt({ roundId: round }));
    expect(store.attempts.forChat(GROUP)[0]?.roundId).toBe(round);
  });

  it('refuses an attempt for a chat or user that was never recorded', () => {
    store = seededStore();
    expect(() => store.attempts.record(attempt({ user: 'local:ghost' }))).toThrow(/FOREIGN KEY/);
    expect(() => store.attempts.record(attempt({ chat: 'local:ghost' }))).toThrow(/FOREIGN KEY/);
    expect(store.attempts.forChat(GROUP)).toEqual([]);
  });

  it('knows who already has a counted answer, per chat and per round', () => {
    store = seededStore();
    store.attempts.record(attempt({ user: BORIS, counted: false, correct: false, score: 0 }));
    store.attempts.record(attempt({ user: ANNA }));
    expect(store.attempts.hasCounted(GROUP, ANNA, 'backprop:17:2')).toBe(true);
    expect(store.attempts.hasCounted(GROUP, BORIS, 'backprop:17:2')).toBe(false);
    expect(store.attempts.hasCounted(OTHER, ANNA, 'backprop:17:2')).toBe(false);
    expect(store.attempts.hasCounted(GROUP, ANNA, 'backprop:17:3')).toBe(false);

    const r1 = store.rounds.start({ chat: GROUP, topic: 'backprop', count: 1, seconds: 10, startedAt: NOW });
    store.attempts.record(attempt({ user: VERA, questionId: 'relu:1:1', roundId: r1 }));
    store.rounds.finish(r1, 'finished');
    const r2 = store.rounds.start({ chat: GROUP, topic: 'backprop', count: 1, seconds: 10, startedAt: NOW + 1 });
    expect(store.attempts.hasCounted(GROUP, VERA, 'relu:1:1', r1)).toBe(true);
    expect(store.attempts.hasCounted(GROUP, VERA, 'relu:1:1', r2)).toBe(false);
    // Outside rounds, the round's answer still counts as answered.
    expect(store.attempts.hasCounted(GROUP, VERA, 'relu:1:1')).toBe(true);
  });

  it('sums stats per topic: all answers, right ones, counted points; per chat or everywhere', () => {
    store = seededStore();
    store.attempts.record(attempt({ topic: 'relu', questionId: 'relu:1:1', correct: false, score: 0, counted: true }));
    store.attempts.record(attempt({ topic: 'relu', questionId: 'relu:1:1', correct: true, score: 1, counted: false }));
    store.attempts.record(attempt({ topic: 'relu', questionId: 'relu:2:1', correct: true, score: 0.75, hintsUsed: 1 }));
    store.attempts.record(attempt({ topic: 'backprop', chat: OTHER, score: 0.5 }));
    store.attempts.record(attempt({ user: BORIS, topic: 'relu' }));
    expect(store.attempts.statsForUser(ANNA)).toEqual([
      { topic: 'backprop', attempts: 1, correct: 1, score: 0.5 },
      { topic: 'relu', attempts: 3, correct: 2, score: 0.75 },
    ]);
    expect(store.attempts.statsForUser(ANNA, OTHER)).toEqual([{ topic: 'backprop', attempts: 1, correct: 1, score: 0.5 }]);
    expect(store.attempts.statsForUser(VERA)).toEqual([]);
  });
});

describe('streak', () => {
  const day = (n: number, hour = 10) => Date.UTC(2024, 2, 10 + n, hour);

  it('counts consecutive UTC days with a correct answer, ending today', () => {
    store = seededStore();
    for (const n of [0, -1, -2, -4]) store.attempts.record(attempt({ at: day(n) }));
    store.attempts.record(attempt({ at: day(-3), correct: false, score: 0 })); // a wrong answer does not bridge the gap
    expect(store.attempts.streak(ANNA, day(0, 23))).toBe(3);
  });

  it('still counts when the last correct answer was yesterday, and is 0 after a missed day', () => {
    store = seededStore();
    store.attempts.record(attempt({ at: day(-1, 23) }));
    store.attempts.record(attempt({ at: day(-2, 0) }));
    store.attempts.record(attempt({ at: day(-2, 5) }));
    expect(store.attempts.streak(ANNA, day(0, 0))).toBe(2);
    expect(store.attempts.streak(ANNA, day(1, 0))).toBe(0);
    expect(store.attempts.streak(BORIS, day(0))).toBe(0);
  });

  it('uses UTC midnight, not a 24-hour window, and ignores answers after now', () => {
    store = seededStore();
    store.attempts.record(attempt({ at: Date.UTC(2024, 2, 9, 23, 59) }));
    store.attempts.record(attempt({ at: Date.UTC(2024, 2, 10, 0, 1) }));
    store.attempts.record(attempt({ at: NOW + 5 * DAY }));
    expect(store.attempts.streak(ANNA, Date.UTC(2024, 2, 10, 0, 2))).toBe(2);
  });

  it('counts answers in every chat', () => {
    store = seededStore();
    store.attempts.record(attempt({ at: day(0), chat: OTHER }));
    store.attempts.record(attempt({ at: day(-1), chat: GROUP }));
    expect(store.attempts.streak(ANNA, day(0))).toBe(2);
  });
});
