import { DAY_MS, streakFromDays } from '../streak.js';
import type { AttemptInput, AttemptRecord, AttemptsRepo, ChatKey, TopicStats, UserKey } from '../types.js';
import { type Db, fromBit, orNull, toBit } from './sql-values.js';

interface AttemptParams {
  chat: string;
  user: string;
  questionId: string;
  topic: string;
  answer: string;
  correct: 0 | 1;
  score: number;
  hintsUsed: number;
  counted: 0 | 1;
  roundId: number | null;
  at: number;
}

interface AttemptRow {
  id: number;
  chat: string;
  user: string;
  questionId: string;
  topic: string;
  answer: string;
  correct: number;
  score: number;
  hintsUsed: number;
  counted: number;
  roundId: number | null;
  at: number;
  userName: string;
}

function toRecord(r: AttemptRow): AttemptRecord {
  const rec: AttemptRecord = {
    id: r.id,
    chat: r.chat,
    user: r.user,
    questionId: r.questionId,
    topic: r.topic,
    answer: r.answer,
    correct: fromBit(r.correct),
    score: r.score,
    hintsUsed: r.hintsUsed,
    counted: fromBit(r.counted),
    at: r.at,
    userName: r.userName,
  };
  if (r.roundId !== null) rec.roundId = r.roundId;
  return rec;
}

/** Every answer, one row each; written before the ✅/❌ reply goes out. */
export function sqliteAttempts(db: Db): AttemptsRepo {
  const insert = db.prepare<AttemptParams>(
    `INSERT INTO attempts (chat_key, user_key, question_id, topic, answer, correct, score, hints_used, counted, round_id, at)
     VALUES (@chat, @user, @questionId, @topic, @answer, @correct, @score, @hintsUsed, @counted, @roundId, @at)`,
  );
  const forChat = db.prepare<[string], AttemptRow>(
    `SELECT a.id, a.chat_key AS chat, a.user_key AS user, a.question_id AS questionId, a.topic, a.answer,
            a.correct, a.score, a.hints_used AS hintsUsed, a.counted, a.round_id AS roundId, a.at, u.name AS userName
     FROM attempts a JOIN users u ON u.user_key = a.user_key
     WHERE a.chat_key = ? ORDER BY a.at, a.id`,
  );
  const countedAnywhere = db
    .prepare<[string, string, string], number>(
      `SELECT EXISTS (SELECT 1 FROM attempts WHERE chat_key = ? AND user_key = ? AND question_id = ? AND counted = 1)`,
    )
    .pluck();
  const countedInRound = db
    .prepare<[string, string, string, number], number>(
      `SELECT EXISTS (SELECT 1 FROM attempts
                      WHERE chat_key = ? AND user_key = ? AND question_id = ? AND counted = 1 AND round_id = ?)`,
    )
    .pluck();
  // attempts = every answer; correct = right answers; score = counted points (what leaderboards sum).
  const statsSelect = `SELECT topic, COUNT(*) AS attempts, SUM(correct) AS correct,
                              ROUND(TOTAL(CASE WHEN counted = 1 THEN score END), 6) AS score
                       FROM attempts`;
  const statsAll = db.prepare<[string], TopicStats>(`${statsSelect} WHERE user_key = ? GROUP BY topic ORDER BY topic`);
  const statsChat = db.prepare<[string, string], TopicStats>(
    `${statsSelect} WHERE user_key = ? AND chat_key = ? GROUP BY topic ORDER BY topic`,
  );
  const correctDays = db
    .prepare<[string], number>(
      // The day length is written into the SQL: a bound JS number arrives as REAL, which would
      // turn this integer division into a fractional one, and the expression must match the
      // attempts_user_days index. Days after `now` are skipped by streakFromDays.
      `SELECT DISTINCT at / ${DAY_MS} AS day FROM attempts WHERE user_key = ? AND correct = 1 ORDER BY day DESC`,
    )
    .pluck();

  return {
    record(a: AttemptInput): number {
      const info = insert.run({
        chat: a.chat,
        user: a.user,
        questionId: a.questionId,
        topic: a.topic,
        answer: a.answer,
        correct: toBit(a.correct),
        score: a.score,
        hintsUsed: a.hintsUsed,
        counted: toBit(a.counted),
        roundId: orNull(a.roundId),
        // STRICT INTEGER column: a fractional fake clock must not make the answer fail to save.
        at: Math.round(a.at),
      });
      return Number(info.lastInsertRowid);
    },
    forChat(chat: ChatKey): AttemptRecord[] {
      return forChat.all(chat).map(toRecord);
    },
    hasCounted(chat: ChatKey, user: UserKey, questionId: string, roundId?: number): boolean {
      const hit = roundId === undefined ? countedAnywhere.get(chat, user, questionId) : countedInRound.get(chat, user, questionId, roundId);
      return hit === 1;
    },
    statsForUser(user: UserKey, chat?: ChatKey): TopicStats[] {
      return chat === undefined ? statsAll.all(user) : statsChat.all(user, chat);
    },
    streak(user: UserKey, now: number): number {
      // Days are read newest first and lazily: the count stops at the first gap.
      return streakFromDays(correctDays.iterate(user), now);
    },
  };
}
