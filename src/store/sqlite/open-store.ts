/**
 * Opens (or creates) the SQLite file behind the repositories.
 *
 * Durability. The promise is that an acknowledged answer is never lost: `attempts.record`
 * returns only after its transaction is committed, and the ✅/❌ reply is sent after that.
 * In WAL mode, a commit under `synchronous = NORMAL` has already been written to the -wal file
 * through the OS, so it survives the process being killed (SIGKILL, OOM killer, a crash);
 * what NORMAL gives up is an fsync per commit, so a power cut or kernel panic can roll back the
 * last few commits. We default to `FULL` (fsync the WAL on every commit) so "never lost" also
 * holds for a teacher's laptop losing power: answers arrive at human speed, and the cost
 * measured on the CI VM was 0.2-0.5 ms per commit, far below a chat round trip.
 * Bulk loaders and benchmarks may pass `synchronous: 'normal'`.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../store-error.js';
import type { Store } from '../types.js';
import { sqliteAttempts } from './attempts-repo.js';
import { sqliteChats } from './chats-repo.js';
import { sqliteLeaderboard } from './leaderboard-repo.js';
import { migrate } from './migrate.js';
import { sqliteModels, sqliteSpellModels } from './models-repo.js';
import { sqliteRounds } from './rounds-repo.js';
import { sqliteSessions } from './sessions-repo.js';
import { sqliteUsers } from './users-repo.js';

/** How openStore sets up the connection. */
export interface OpenStoreOptions {
  /** How long a write waits for another connection's write lock before SQLITE_BUSY. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** 'full' (default): survives power loss; 'normal': survives a killed process only. */
  synchronous?: 'full' | 'normal';
}

/** SQLite error codes that mean "this file is not something we can use", with a readable reason. */
const OPEN_FAILURES: Record<string, string> = {
  SQLITE_CANTOPEN: 'the file cannot be opened',
  SQLITE_PERM: 'permission denied',
  SQLITE_READONLY: 'the file is read-only',
  SQLITE_READONLY_DIRECTORY: 'the folder is read-only',
  SQLITE_IOERR: 'input/output error',
  SQLITE_CORRUPT: 'the file is damaged',
  SQLITE_FULL: 'the disk is full',
  SQLITE_AUTH: 'access denied',
};

function sqliteCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

function translateOpenError(e: unknown, path: string): StoreError {
  if (e instanceof StoreError) return e;
  const code = sqliteCode(e) ?? '';
  if (code === 'SQLITE_NOTADB') return new StoreError('not_a_database', { path }, { cause: e });
  const base = Object.keys(OPEN_FAILURES).find((k) => code === k || code.startsWith(`${k}_`));
  const reason = base !== undefined ? OPEN_FAILURES[code] ?? OPEN_FAILURES[base] ?? code : e instanceof Error ? e.message : String(e);
  return new StoreError('cannot_open', { path, reason }, { cause: e });
}

function isInMemory(path: string): boolean {
  return path === ':memory:' || path === '' || path.startsWith('file:');
}

/**
 * Opens the store at `path` (`:memory:` for tests), creating the file and its folder if
 * missing and bringing the schema up to date. Throws a StoreError naming the file and what to
 * do when it cannot be opened, is not a database, or is newer than this code.
 */
export function openStore(path: string, opts: OpenStoreOptions = {}): Store {
  const shown = isInMemory(path) ? path : resolve(path);
  if (!isInMemory(path)) {
    const dir = dirname(shown);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      const reason = sqliteCode(e) ?? (e instanceof Error ? e.message : String(e));
      throw new StoreError('cannot_create_dir', { dir, path: shown, reason }, { cause: e });
    }
  }

  let db: Database.Database;
  try {
    db = new Database(path, { timeout: opts.busyTimeoutMs ?? 5000 });
  } catch (e) {
    throw translateOpenError(e, shown);
  }
  try {
    // The first statement reads the header: a file that is not SQLite fails here.
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${opts.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    db.pragma('foreign_keys = ON');
    migrate(db, shown);
  } catch (e) {
    db.close();
    throw translateOpenError(e, shown);
  }
  return sqliteStore(db);
}

/** The repositories over one open connection (statements are prepared here, once). */
function sqliteStore(db: Database.Database): Store {
  return {
    chats: sqliteChats(db),
    users: sqliteUsers(db),
    attempts: sqliteAttempts(db),
    leaderboard: sqliteLeaderboard(db),
    sessions: sqliteSessions(db),
    rounds: sqliteRounds(db),
    models: sqliteModels(db),
    spellModels: sqliteSpellModels(db),
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    close(): void {
      if (db.open) db.close();
    },
  };
}
