import { DAY_MS } from '../streak.js';
import type { ChatKey, LeaderboardRepo, LeaderboardRow } from '../types.js';
import type { Db } from './sql-values.js';

const WEEK_MS = 7 * DAY_MS;

/**
 * Leaderboards are computed from counted attempts on every call (no running totals to drift).
 * The query is pinned to the covering attempts_leaderboard index: without statistics (no
 * ANALYZE) the planner picks attempts_chat_at and reads every row from the table instead.
 * Sums are rounded to 6 decimals so that 0.5 + 0.25 + 0.25 and 1 tie as they should. Ties: more
 * correct answers first, then the name, then the user key so the order is always the same.
 */
export function sqliteLeaderboard(db: Db): LeaderboardRepo {
  const top = db.prepare<[string, number, number, number], LeaderboardRow>(
    `SELECT a.user_key AS user, u.name AS name, ROUND(SUM(a.score), 6) AS score,
            SUM(a.correct) AS correct, COUNT(*) AS attempts
     FROM attempts a INDEXED BY attempts_leaderboard JOIN users u ON u.user_key = a.user_key
     WHERE a.chat_key = ? AND a.at >= ? AND a.at <= ? AND a.counted = 1
     GROUP BY a.user_key
     ORDER BY score DESC, correct DESC, name, user
     LIMIT ?`,
  );
  return {
    top(chat: ChatKey, period: 'week' | 'all', limit: number, now: number): LeaderboardRow[] {
      const [from, to] = period === 'week' ? [now - WEEK_MS, now] : [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
      return top.all(chat, Math.floor(from), Math.floor(to), Math.max(0, Math.floor(limit)));
    },
  };
}
