/**
 * The schema, as numbered steps. `PRAGMA user_version` holds the last step applied; at open,
 * every later step runs in its own transaction (see migrate.ts). Never edit a step that has
 * shipped: add the next one.
 *
 * Column names avoid `user` and `key`-like keywords of other databases (`user_key`, `chat_key`)
 * so a PostgreSQL adapter can keep the same names. Times are milliseconds since the epoch.
 */

/** One schema step. */
export interface Migration {
  /** 1, 2, 3... in order, no gaps. */
  version: number;
  /** What the step does, for logs and error messages. */
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'classroom: users, chats, rounds, attempts, quiz sessions',
    sql: `
      CREATE TABLE users (
        user_key TEXT PRIMARY KEY,
        name     TEXT NOT NULL,
        locale   TEXT
      ) STRICT;

      CREATE TABLE chats (
        chat_key TEXT PRIMARY KEY,
        kind     TEXT NOT NULL CHECK (kind IN ('private', 'group')),
        lang     TEXT CHECK (lang IN ('en', 'ru')),
        settings TEXT NOT NULL DEFAULT '{}'
      ) STRICT;

      CREATE TABLE rounds (
        id         INTEGER PRIMARY KEY,
        chat_key   TEXT NOT NULL REFERENCES chats (chat_key),
        topic      TEXT NOT NULL,
        count      INTEGER NOT NULL,
        seconds    INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        status     TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'stopped'))
      ) STRICT;
      -- One round per chat at a time, even if two requests race past the bot's own check.
      CREATE UNIQUE INDEX rounds_one_running ON rounds (chat_key) WHERE status = 'running';

      CREATE TABLE attempts (
        id          INTEGER PRIMARY KEY,
        chat_key    TEXT NOT NULL REFERENCES chats (chat_key),
        user_key    TEXT NOT NULL REFERENCES users (user_key),
        question_id TEXT NOT NULL,
        topic       TEXT NOT NULL,
        answer      TEXT NOT NULL,
        correct     INTEGER NOT NULL CHECK (correct IN (0, 1)),
        score       REAL NOT NULL,
        hints_used  INTEGER NOT NULL DEFAULT 0,
        counted     INTEGER NOT NULL CHECK (counted IN (0, 1)),
        round_id    INTEGER REFERENCES rounds (id),
        at          INTEGER NOT NULL
      ) STRICT;
      -- /export and time windows over one chat.
      CREATE INDEX attempts_chat_at ON attempts (chat_key, at);
      -- "Has this person already answered this question here?"
      CREATE INDEX attempts_chat_user_question ON attempts (chat_key, user_key, question_id);
      -- Leaderboards read only this (covering, counted rows only, already grouped by user):
      -- 100,000 attempts in one chat take ~20 ms instead of ~150 ms through attempts_chat_at.
      CREATE INDEX attempts_leaderboard ON attempts (chat_key, user_key, at, score, correct) WHERE counted = 1;
      -- /stats: one user, everywhere.
      CREATE INDEX attempts_user_at ON attempts (user_key, at);
      -- Streaks: a user's days with a right answer, newest first, read lazily (86400000 ms = 1 day;
      -- the query must spell the expression the same way to use it).
      CREATE INDEX attempts_user_days ON attempts (user_key, at / 86400000) WHERE correct = 1;
      -- Round scoreboards.
      CREATE INDEX attempts_round ON attempts (round_id) WHERE round_id IS NOT NULL;

      CREATE TABLE quiz_sessions (
        chat_key    TEXT NOT NULL REFERENCES chats (chat_key),
        user_key    TEXT NOT NULL REFERENCES users (user_key),
        question_id TEXT NOT NULL,
        wrong_tries INTEGER NOT NULL DEFAULT 0,
        hints_used  INTEGER NOT NULL DEFAULT 0,
        message_id  TEXT,
        closed      INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
        opened_at   INTEGER NOT NULL,
        PRIMARY KEY (chat_key, user_key)
      ) STRICT;

      CREATE TABLE session_messages (
        chat_key    TEXT NOT NULL REFERENCES chats (chat_key),
        message_id  TEXT NOT NULL,
        question_id TEXT NOT NULL,
        PRIMARY KEY (chat_key, message_id)
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'trained models and spell-model caches',
    sql: `
      CREATE TABLE models (
        user_key   TEXT PRIMARY KEY REFERENCES users (user_key),
        target     TEXT NOT NULL,
        task       TEXT NOT NULL,
        trained_at INTEGER NOT NULL,
        model      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE spell_models (
        cache_key TEXT PRIMARY KEY,
        model     TEXT NOT NULL
      ) STRICT;
    `,
  },
];

/** The schema version this code writes. */
export const LATEST_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0;
