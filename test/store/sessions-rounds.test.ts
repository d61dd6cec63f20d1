import { afterEach, describe, expect, it } from 'vitest';
import { StoreError, type Store } from '../../src/store/index.js';
import { ANNA, attempt, BORIS, GROUP, NOW, OTHER, seededStore, VERA } from './helpers.js';

let store: Store;
afterEach(() => store.close());

describe('quiz sessions', () => {
  it('keeps one open question per chat and user, replaced by the next', () => {
    store = seededStore();
    const s = { chat: GROUP, user: ANNA, questionId: 'backprop:17:2', wrongTries: 0, hintsUsed: 0, messageId: '42', closed: false, openedAt: NOW };
    store.sessions.put(s);
    expect(store.sessions.get(GROUP, ANNA)).toEqual(s);
    expect(store.sessions.get(GROUP, BORIS)).toBeUndefined();
    expect(store.sessions.get(OTHER, ANNA)).toBeUndefined();

    store.sessions.put({ ...s, wrongTries: 2, hintsUsed: 1, closed: true });
    expect(store.sessions.get(GROUP, ANNA)).toEqual({ ...s, wrongTries: 2, hintsUsed: 1, closed: true });

    const next = { chat: GROUP, user: ANNA, questionId: 'relu:5:1', wrongTries: 0, hintsUsed: 0, closed: false, openedAt: NOW + 10 };
    store.sessions.put(next);
    expect(store.sessions.get(GROUP, ANNA)).toEqual(next);
  });

  it('finds the question a bot message asked, per chat', () => {
    store = seededStore();
    store.sessions.linkMessage(GROUP, 'msg-1', 'backprop:17:2');
    store.sessions.linkMessage(OTHER, 'msg-1', 'relu:1:1');
    expect(store.sessions.questionForMessage(GROUP, 'msg-1')).toBe('backprop:17:2');
    expect(store.sessions.questionForMessage(OTHER, 'msg-1')).toBe('relu:1:1');
    expect(store.sessions.questionForMessage(GROUP, 'msg-2')).toBeUndefined();
  });
});

describe('rounds', () => {
  it('starts, finds the running round and finishes it once', () => {
    store = seededStore();
    const id = store.rounds.start({ chat: GROUP, topic: 'backprop', count: 5, seconds: 30, startedAt: NOW });
    const running = { id, chat: GROUP, topic: 'backprop', count: 5, seconds: 30, startedAt: NOW, status: 'running' };
    expect(store.rounds.running(GROUP)).toEqual(running);
    expect(store.rounds.running(OTHER)).toBeUndefined();
    store.rounds.finish(id, 'stopped');
    store.rounds.finish(id, 'finished'); // a late timer does not rewrite it
    expect(store.rounds.get(id)).toEqual({ ...running, status: 'stopped' });
    expect(store.rounds.running(GROUP)).toBeUndefined();
    expect(store.rounds.get(id + 100)).toBeUndefined();
  });

  it('allows one running round per chat', () => {
    store = seededStore();
    store.rounds.start({ chat: GROUP, topic: 'a', count: 1, seconds: 10, startedAt: NOW });
    let err: unknown;
    try {
      store.rounds.start({ chat: GROUP, topic: 'b', count: 1, seconds: 10, startedAt: NOW });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('store.round_running');
    expect((err as StoreError).render('ru')).toBe('В этом чате уже идёт раунд.');
    // Another chat may run its own.
    expect(typeof store.rounds.start({ chat: OTHER, topic: 'c', count: 1, seconds: 10, startedAt: NOW })).toBe('number');
  });

  it('scores a round from its counted attempts, best first', () => {
    store = seededStore();
    const id = store.rounds.start({ chat: GROUP, topic: 'relu', count: 2, seconds: 10, startedAt: NOW });
    store.attempts.record(attempt({ roundId: id, user: BORIS, questionId: 'relu:1:1', score: 1 }));
    store.attempts.record(attempt({ roundId: id, user: BORIS, questionId: 'relu:2:1', score: 1 }));
    store.attempts.record(attempt({ roundId: id, user: ANNA, questionId: 'relu:1:1', score: 1 }));
    store.attempts.record(attempt({ roundId: id, user: ANNA, questionId: 'relu:2:1', score: 1, counted: false }));
    store.attempts.record(attempt({ roundId: id, user: VERA, questionId: 'relu:1:1', correct: false, score: 0 }));
    store.attempts.record(attempt({ user: VERA, questionId: 'relu:9:1', score: 1 })); // outside the round
    expect(store.rounds.scores(id)).toEqual([
      { user: BORIS, name: 'Boris', score: 2, correct: 2 },
      { user: ANNA, name: 'Анна', score: 1, correct: 1 },
      { user: VERA, name: 'Вера', score: 0, correct: 0 },
    ]);
  });
});

describe('transaction', () => {
  it('commits together or not at all', () => {
    store = seededStore();
    expect(() =>
      store.transaction(() => {
        store.attempts.record(attempt());
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.attempts.forChat(GROUP)).toEqual([]);
    const id = store.transaction(() => store.attempts.record(attempt()));
    expect(store.attempts.forChat(GROUP).map((a) => a.id)).toEqual([id]);
  });
});
