import { StoreError } from '../store-error.js';
import type { ChatKey, RoundRecord, RoundScore, RoundsRepo } from '../types.js';
import type { Db } from './sql-values.js';

type RoundRow = RoundRecord;

const COLUMNS = `id, chat_key AS chat, topic, count, seconds, started_at AS startedAt, status`;

/** Timed rounds; the schema allows one running round per chat (a partial unique index). */
export function sqliteRounds(db: Db): RoundsRepo {
  const start = db.prepare<[string, string, number, number, number]>(
    `INSERT INTO rounds (chat_key, topic, count, seconds, started_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const get = db.prepare<[number], RoundRow>(`SELECT ${COLUMNS} FROM rounds WHERE id = ?`);
  const running = db.prepare<[string], RoundRow>(`SELECT ${COLUMNS} FROM rounds WHERE chat_key = ? AND status = 'running'`);
  const finish = db.prepare<[string, number]>(`UPDATE rounds SET status = ? WHERE id = ? AND status = 'running'`);
  const scores = db.prepare<[number], RoundScore>(
    `SELECT a.user_key AS user, u.name AS name, ROUND(SUM(a.score), 6) AS score, SUM(a.correct) AS correct
     FROM attempts a JOIN users u ON u.user_key = a.user_key
     WHERE a.round_id = ? AND a.counted = 1
     GROUP BY a.user_key
     ORDER BY score DESC, correct DESC, name, user`,
  );
  return {
    start(r: Omit<RoundRecord, 'id' | 'status'>): number {
      try {
        return Number(start.run(r.chat, r.topic, r.count, r.seconds, Math.round(r.startedAt)).lastInsertRowid);
      } catch (e) {
        if (e instanceof Error && 'code' in e && e.code === 'SQLITE_CONSTRAINT_UNIQUE') throw new StoreError('round_running', {}, { cause: e });
        throw e;
      }
    },
    get(id: number): RoundRecord | undefined {
      return get.get(id);
    },
    running(chat: ChatKey): RoundRecord | undefined {
      return running.get(chat);
    },
    finish(id: number, status: 'finished' | 'stopped'): void {
      // Only a running round changes: a late timer cannot turn "stopped" into "finished".
      finish.run(status, id);
    },
    scores(id: number): RoundScore[] {
      return scores.all(id);
    },
  };
}
