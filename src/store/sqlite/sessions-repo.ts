import type { ChatKey, QuizSession, SessionsRepo, UserKey } from '../types.js';
import { type Db, fromBit, orNull, toBit } from './sql-values.js';

interface SessionRow {
  chat: string;
  user: string;
  questionId: string;
  wrongTries: number;
  hintsUsed: number;
  messageId: string | null;
  closed: number;
  openedAt: number;
}

/** One open question per chat and user; a new /quiz replaces it. */
export function sqliteSessions(db: Db): SessionsRepo {
  const get = db.prepare<[string, string], SessionRow>(
    `SELECT chat_key AS chat, user_key AS user, question_id AS questionId, wrong_tries AS wrongTries,
            hints_used AS hintsUsed, message_id AS messageId, closed, opened_at AS openedAt
     FROM quiz_sessions WHERE chat_key = ? AND user_key = ?`,
  );
  const put = db.prepare<Omit<SessionRow, 'closed'> & { closed: 0 | 1 }>(
    `INSERT INTO quiz_sessions (chat_key, user_key, question_id, wrong_tries, hints_used, message_id, closed, opened_at)
     VALUES (@chat, @user, @questionId, @wrongTries, @hintsUsed, @messageId, @closed, @openedAt)
     ON CONFLICT (chat_key, user_key) DO UPDATE SET
       question_id = excluded.question_id, wrong_tries = excluded.wrong_tries, hints_used = excluded.hints_used,
       message_id = excluded.message_id, closed = excluded.closed, opened_at = excluded.opened_at`,
  );
  const questionForMessage = db
    .prepare<[string, string], string>('SELECT question_id FROM session_messages WHERE chat_key = ? AND message_id = ?')
    .pluck();
  const link = db.prepare<[string, string, string]>(
    `INSERT INTO session_messages (chat_key, message_id, question_id) VALUES (?, ?, ?)
     ON CONFLICT (chat_key, message_id) DO UPDATE SET question_id = excluded.question_id`,
  );
  return {
    get(chat: ChatKey, user: UserKey): QuizSession | undefined {
      const r = get.get(chat, user);
      if (r === undefined) return undefined;
      const s: QuizSession = {
        chat: r.chat,
        user: r.user,
        questionId: r.questionId,
        wrongTries: r.wrongTries,
        hintsUsed: r.hintsUsed,
        closed: fromBit(r.closed),
        openedAt: r.openedAt,
      };
      if (r.messageId !== null) s.messageId = r.messageId;
      return s;
    },
    put(s: QuizSession): void {
      put.run({
        chat: s.chat,
        user: s.user,
        questionId: s.questionId,
        wrongTries: s.wrongTries,
        hintsUsed: s.hintsUsed,
        messageId: orNull(s.messageId),
        closed: toBit(s.closed),
        openedAt: Math.round(s.openedAt),
      });
    },
    questionForMessage(chat: ChatKey, messageId: string): string | undefined {
      return questionForMessage.get(chat, messageId);
    },
    linkMessage(chat: ChatKey, messageId: string, questionId: string): void {
      link.run(chat, messageId, questionId);
    },
  };
}
