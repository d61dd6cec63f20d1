import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { attempt, GROUP, NOW, ANNA, BORIS, tempDir } from './helpers.js';

const tmp = tempDir('concurrency');
const open: Store[] = [];
afterAll(() => {
  for (const s of open) s.close();
  tmp.cleanup();
});

function seed(path: string, opts: Parameters<typeof openStore>[1] = {}): Store {
  const s = openStore(path, opts);
  open.push(s);
  return s;
}

describe('two stores on one file (WAL)', () => {
  it('a reader is not blocked by an open write and sees only committed rows', () => {
    const path = join(tmp.dir, 'shared.db');
    const writer = seed(path);
    const reader = seed(path);
    writer.chats.ensure(GROUP, 'group');
    writer.users.upsert(ANNA, 'Анна');
    writer.users.upsert(BORIS, 'Boris');
    writer.attempts.record(attempt({ user: ANNA }));

    const seenDuringWrite = writer.transaction(() => {
      writer.attempts.record(attempt({ user: BORIS, score: 1 }));
      writer.attempts.record(attempt({ user: BORIS, questionId: 'relu:1:1', score: 1 }));
      // The write lock is held now; the other connection reads the last committed state at once.
      const started = performance.now();
      const rows = reader.leaderboard.top(GROUP, 'all', 10, NOW).map((r) => [r.name, r.score]);
      return { rows, ms: performance.now() - started };
    });
    expect(seenDuringWrite.rows).toEqual([['Анна', 1]]);
    expect(seenDuringWrite.ms).toBeLessThan(1000);
    expect(reader.leaderboard.top(GROUP, 'all', 10, NOW).map((r) => [r.name, r.score])).toEqual([
      ['Boris', 2],
      ['Анна', 1],
    ]);
  });

  it('a second writer waits for busy_timeout, then gets SQLITE_BUSY rather than corrupting anything', () => {
    const path = join(tmp.dir, 'busy.db');
    const first = seed(path);
    const second = seed(path, { busyTimeoutMs: 50 });
    first.chats.ensure(GROUP, 'group');
    let code: unknown;
    first.transaction(() => {
      first.users.upsert(ANNA, 'Анна');
      try {
        second.users.upsert(BORIS, 'Boris');
      } catch (e) {
        code = e instanceof Error && 'code' in e ? e.code : e;
      }
    });
    expect(code).toBe('SQLITE_BUSY');
    second.users.upsert(BORIS, 'Boris');
    expect([first.users.name(BORIS), second.users.name(ANNA)]).toEqual(['Boris', 'Анна']);
  });
});
