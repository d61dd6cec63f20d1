/**
 * Applies numbered migrations at open. Each step runs in its own IMMEDIATE transaction
 * together with its `PRAGMA user_version` bump, so a failed step leaves the file at the previous
 * version, and two processes opening one file at once cannot both apply a step (the second
 * waits on busy_timeout, then sees the new version and skips it).
 */
import type Database from 'better-sqlite3';
import { StoreError } from '../store-error.js';
import { MIGRATIONS, type Migration } from './migrations.js';

/** The schema version recorded in the file (0 for a new file). */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkOrder(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration #${i} has version ${m.version}; versions must be 1, 2, 3... in order`);
  });
}

/**
 * Brings the file up to the last step of `list` (default: the real schema; tests pass a prefix
 * to build an old file). Returns the versions applied.
 */
export function migrate(db: Database.Database, path: string, list: readonly Migration[] = MIGRATIONS): number[] {
  checkOrder(list);
  const known = list.length;
  const found = schemaVersion(db);
  if (found > known) throw new StoreError('too_new', { path, found, known });
  const applied: number[] = [];
  for (const m of list) {
    if (m.version <= found) continue;
    const step = db.transaction(() => {
      // Re-read inside the lock: another process may have applied this step meanwhile.
      if (schemaVersion(db) >= m.version) return false;
      db.exec(m.sql);
      // user_version lives in the file header, which the transaction covers.
      db.pragma(`user_version = ${m.version}`);
      return true;
    });
    try {
      if (step.immediate()) applied.push(m.version);
    } catch (e) {
      if (e instanceof StoreError) throw e;
      const reason = e instanceof Error ? e.message : String(e);
      throw new StoreError('migration_failed', { path, version: m.version, name: m.name, reason, current: schemaVersion(db) }, { cause: e });
    }
  }
  return applied;
}
