import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { ANNA, attempt, BORIS, DAY, GROUP, NOW, OTHER, seededStore, VERA } from './helpers.js';

let store: Store;
afterEach(() => store.close());

describe('leaderboard', () => {
  it('sums counted scores, best first, and ignores answers that did not count', () => {
    store = seededStore();
    store.attempts.record(attempt({ user: ANNA, score: 1 }));
    store.attempts.record(attempt({ user: ANNA, questionId: 'relu:1:1', score: 0.5 }));
    store.attempts.record(attempt({ user: BORIS, score: 1 }));
    // Boris answers again after the first one counted: no points.
    store.attempts.record(attempt({ user: BORIS, score: 1, counted: false }));
    store.attempts.record(attempt({ user: BORIS, questionId: 'relu:1:1', score: 1, counted: false }));
    store.attempts.record(attempt({ user: VERA, correct: false, score: 0 }));
    store.attempts.record(attempt({ user: VERA, chat: OTHER, score: 1 }));
    expect(store.leaderboard.top(GROUP, 'all', 10, NOW)).toEqual([
      { user: ANNA, name: 'Анна', score: 1.5, correct: 2, attempts: 2 },
      { user: BORIS, name: 'Boris', score: 1, correct: 1, attempts: 1 },
      { user: VERA, name: 'Вера', score: 0, correct: 0, attempts: 1 },
    ]);
    expect(store.leaderboard.top(GROUP, 'all', 2, NOW).map((r) => r.user)).toEqual([ANNA, BORIS]);
    expect(store.leaderboard.top('local:empty', 'all', 10, NOW)).toEqual([]);
  });

  it('breaks ties by correct answers, then by name', () => {
    store = seededStore();
    store.users.upsert('local:zed', 'Zed');
    store.users.upsert('local:al', 'Al');
    // Vera: 1 point from two half answers (2 correct); Boris, Zed, Al: 1 point from one answer.
    store.attempts.record(attempt({ user: VERA, score: 0.5 }));
    store.attempts.record(attempt({ user: VERA, questionId: 'relu:1:1', score: 0.25 }));
    store.attempts.record(attempt({ user: VERA, questionId: 'relu:2:1', score: 0.25 }));
    for (const u of ['local:zed', BORIS, 'local:al']) store.attempts.record(attempt({ user: u, score: 1 }));
    expect(store.leaderboard.top(GROUP, 'all', 10, NOW).map((r) => [r.name, r.score, r.correct])).toEqual([
      ['Вера', 1, 3],
      ['Al', 1, 1],
      ['Boris', 1, 1],
      ['Zed', 1, 1],
    ]);
  });

  it("'week' keeps the last 7 days before now; 'all' keeps everything", () => {
    store = seededStore();
    store.attempts.record(attempt({ user: ANNA, at: NOW - 8 * DAY, score: 1 }));
    store.attempts.record(attempt({ user: ANNA, questionId: 'a:1:1', at: NOW - 7 * DAY - 1, score: 1 }));
    store.attempts.record(attempt({ user: BORIS, at: NOW - 7 * DAY, score: 0.5 }));
    store.attempts.record(attempt({ user: VERA, at: NOW - 1, score: 0.25 }));
    store.attempts.record(attempt({ user: VERA, questionId: 'a:2:1', at: NOW + 1, score: 1 })); // after "now"
    expect(store.leaderboard.top(GROUP, 'week', 10, NOW).map((r) => [r.user, r.score])).toEqual([
      [BORIS, 0.5],
      [VERA, 0.25],
    ]);
    expect(store.leaderboard.top(GROUP, 'all', 10, NOW).map((r) => [r.user, r.score])).toEqual([
      [ANNA, 2],
      [VERA, 1.25],
      [BORIS, 0.5],
    ]);
    // A week later, only Vera's late answer is in the window.
    expect(store.leaderboard.top(GROUP, 'week', 10, NOW + 7 * DAY).map((r) => [r.user, r.score])).toEqual([[VERA, 1]]);
  });

  it('shows the current name after a rename', () => {
    store = seededStore();
    store.attempts.record(attempt({ user: BORIS }));
    store.users.upsert(BORIS, 'Борис 🦊');
    expect(store.leaderboard.top(GROUP, 'all', 10, NOW)[0]?.name).toBe('Борис 🦊');
  });
});
