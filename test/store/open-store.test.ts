import Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, StoreError } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

const tmp = tempDir('open');
afterAll(() => tmp.cleanup());

function openError(path: string): StoreError {
  try {
    openStore(path).close();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error(`openStore(${path}) did not fail`);
}

describe('openStore', () => {
  it('creates missing folders and sets WAL, FULL sync and foreign keys', () => {
    const path = join(tmp.dir, 'a', 'b', 'gradbot.db');
    const store = openStore(path);
    store.chats.ensure('local:1', 'group');
    store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    expect(raw.prepare('SELECT chat_key FROM chats').pluck().all()).toEqual(['local:1']);
    raw.close();
  });

  it('reports a file that is not a database, naming it and what to do', () => {
    const path = join(tmp.dir, 'notes.db');
    writeFileSync(path, 'these are my lecture notes, not a database\n'.repeat(50));
    const err = openError(path);
    expect(err.code).toBe('store.not_a_database');
    expect(err.message).toBe(`"${path}" is not an SQLite database. Point DATABASE_PATH at another file, or move this one away and start again.`);
    expect(err.render('ru')).toBe(`«${path}» не база данных SQLite. Укажите в DATABASE_PATH другой файл или уберите этот и запустите снова.`);
  });

  it('reports a path that is a folder', () => {
    const path = join(tmp.dir, 'a-folder');
    mkdirSync(path);
    const err = openError(path);
    expect(err.code).toBe('store.cannot_open');
    expect(err.message).toContain(`Cannot open the database "${path}" (the file cannot be opened).`);
    expect(err.message).toContain('DATABASE_PATH points to a file (not a folder)');
  });

  it('reports a folder that cannot be created', () => {
    const blocker = join(tmp.dir, 'plain-file');
    writeFileSync(blocker, 'x');
    const path = join(blocker, 'sub', 'gradbot.db');
    const err = openError(path);
    expect(err.code).toBe('store.cannot_create_dir');
    expect(err.params).toEqual({ dir: join(blocker, 'sub'), path, reason: 'ENOTDIR' });
    expect(err.render('en')).toContain('Set DATABASE_PATH to a file in a folder gradbot may write to.');
  });

  it('refuses a file written by a newer gradbot and leaves it alone', () => {
    const path = join(tmp.dir, 'future.db');
    const raw = new Database(path);
    raw.pragma('user_version = 99');
    raw.close();
    const err = openError(path);
    expect(err.code).toBe('store.too_new');
    expect(err.params).toEqual({ path, found: 99, known: 2 });
    const again = new Database(path, { readonly: true });
    expect(again.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table'").pluck().get()).toBe(0);
    again.close();
  });

  it('closes twice without complaint', () => {
    const store = openStore(':memory:');
    store.close();
    expect(() => store.close()).not.toThrow();
  });
});
