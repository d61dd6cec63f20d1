import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../src/store/index.js';
import { LATEST_VERSION, migrate, MIGRATIONS } from '../../src/store/sqlite/index.js';
import { tempDir } from './helpers.js';

const tmp = tempDir('migrations');
afterAll(() => tmp.cleanup());

function inspect(path: string): { version: number; tables: string[] } {
  const raw = new Database(path, { readonly: true });
  const version = raw.pragma('user_version', { simple: true }) as number;
  const tables = raw.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
  raw.close();
  return { version, tables };
}

const ALL_TABLES = ['attempts', 'chats', 'models', 'quiz_sessions', 'rounds', 'session_messages', 'spell_models', 'users'];

describe('migrations', () => {
  it('are numbered 1, 2, 3... in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('build the whole schema from an empty file (version 0)', () => {
    const path = join(tmp.dir, 'empty.db');
    new Database(path).close();
    expect(inspect(path)).toEqual({ version: 0, tables: [] });
    openStore(path).close();
    expect(inspect(path)).toEqual({ version: LATEST_VERSION, tables: ALL_TABLES });
  });

  it('bring an old file up to date and keep its data', () => {
    const path = join(tmp.dir, 'old.db');
    // A file as version 1 left it, written without the current code.
    const old = new Database(path);
    migrate(old, path, MIGRATIONS.slice(0, 1));
    old.exec(`INSERT INTO chats (chat_key, kind) VALUES ('local:g', 'group');
              INSERT INTO users (user_key, name) VALUES ('local:u', 'Ученик');
              INSERT INTO attempts (chat_key, user_key, question_id, topic, answer, correct, score, counted, at)
              VALUES ('local:g', 'local:u', 'sgd:1:1', 'sgd', '3', 1, 1.0, 1, 1000);`);
    old.close();
    expect(inspect(path)).toEqual({ version: 1, tables: ALL_TABLES.filter((t) => t !== 'models' && t !== 'spell_models') });

    const store = openStore(path);
    expect(inspect(path)).toEqual({ version: LATEST_VERSION, tables: ALL_TABLES });
    expect(store.attempts.forChat('local:g').map((a) => [a.id, a.userName, a.answer, a.hintsUsed, a.roundId])).toEqual([[1, 'Ученик', '3', 0, undefined]]);
    store.models.put('local:u', { w: [1] }, { target: 'y', task: 'regression', at: 2000 });
    expect(store.models.get('local:u')?.model).toEqual({ w: [1] });
    store.close();
  });

  it('re-opening an up-to-date file changes nothing', () => {
    const path = join(tmp.dir, 'twice.db');
    const a = openStore(path);
    a.chats.ensure('local:g', 'group');
    a.close();
    const b = openStore(path);
    expect(b.chats.get('local:g')?.kind).toBe('group');
    b.close();
    expect(inspect(path)).toEqual({ version: LATEST_VERSION, tables: ALL_TABLES });
  });

  it('roll back a step that fails, leaving the file at the previous version', () => {
    const path = join(tmp.dir, 'broken.db');
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'half-done step', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);' }];
    const raw = new Database(path);
    let err: unknown;
    try {
      migrate(raw, path, broken);
    } catch (e) {
      err = e;
    }
    raw.close();
    expect(err).toBeInstanceOf(StoreError);
    const se = err as StoreError;
    expect(se.code).toBe('store.migration_failed');
    expect(se.params).toEqual({ path, version: 3, name: 'half-done step', reason: 'no such table: nowhere', current: 2 });
    // Steps 1 and 2 were committed; step 3 left nothing behind.
    expect(inspect(path)).toEqual({ version: 2, tables: ALL_TABLES });
  });
});
