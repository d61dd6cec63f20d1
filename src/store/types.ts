/**
 * The state a class needs, behind small repository interfaces. ./sqlite/ implements them with
 * better-sqlite3; a PostgreSQL adapter would implement the same interfaces (hence no SQL and
 * no better-sqlite3 types here). Every write is synchronous and committed when the call
 * returns: an answer is acknowledged (✅/❌) only after its attempt is written.
 *
 * Keys: a chat is `<door>:<chatId>` and a user `<door>:<userId>` (see `chatKey`/`userKey`),
 * so ids from different platforms never collide.
 */
import type { Lang } from '../core/errors.js';

export type ChatKey = string;
export type UserKey = string;

/** `<door>:<id>`. */
export function chatKey(door: string, chatId: string): ChatKey {
  return `${door}:${chatId}`;
}
export function userKey(door: string, userId: string): UserKey {
  return `${door}:${userId}`;
}

/** Settings a group admin changes with /settings. */
export interface ChatSettings {
  /** Topics /quiz and /round may use; null = all. */
  allowedTopics: string[] | null;
  defaultDifficulty: 1 | 2 | 3;
  /** Seconds per question in /round. */
  roundSeconds: number;
  /** Questions per /round. */
  roundCount: number;
}

export const DEFAULT_CHAT_SETTINGS: Readonly<ChatSettings> = Object.freeze({
  allowedTopics: null,
  defaultDifficulty: 2,
  roundSeconds: 30,
  roundCount: 5,
});

export interface ChatRecord {
  key: ChatKey;
  kind: 'private' | 'group';
  /** Chosen with /lang; undefined = not chosen. */
  lang?: Lang;
  settings: ChatSettings;
}

export interface ChatsRepo {
  /** The chat, created with defaults on first sight. */
  ensure(key: ChatKey, kind: 'private' | 'group'): ChatRecord;
  get(key: ChatKey): ChatRecord | undefined;
  setLang(key: ChatKey, lang: Lang): void;
  setSettings(key: ChatKey, settings: ChatSettings): void;
}

export interface UsersRepo {
  /** Records (or renames) a user; display names change and are kept current. */
  upsert(key: UserKey, name: string, locale?: string): void;
  name(key: UserKey): string | undefined;
}

/** One answer to one question. */
export interface AttemptInput {
  chat: ChatKey;
  user: UserKey;
  /** `topic:seed:difficulty`. */
  questionId: string;
  topic: string;
  /** What the user answered, as typed (or the choice's label). Stored as is; escaped on export. */
  answer: string;
  correct: boolean;
  /** 0..1 for this answer (0 when wrong). */
  score: number;
  hintsUsed: number;
  /** Counts for the leaderboard (a person's first answer per question in a group, the right one in private). */
  counted: boolean;
  /** The round it belongs to, if any. */
  roundId?: number;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface AttemptRecord extends AttemptInput {
  id: number;
  userName: string;
}

export interface TopicStats {
  topic: string;
  /** Every answer given, counted or not. */
  attempts: number;
  /** Right answers among them. */
  correct: number;
  /** Sum of the counted scores (what the leaderboard adds up). */
  score: number;
}

export interface AttemptsRepo {
  /** Writes and commits; returns the new id. */
  record(a: AttemptInput): number;
  /** Every attempt in a chat, oldest first (for /export). */
  forChat(chat: ChatKey): AttemptRecord[];
  /**
   * Has this user already a counted attempt on this question in this chat? With `roundId`, only
   * that round's attempts are looked at; without it, any counted attempt in the chat (a round's
   * question asked again with `/quiz id:` does not count twice).
   */
  hasCounted(chat: ChatKey, user: UserKey, questionId: string, roundId?: number): boolean;
  /** Per-topic results of a user (in all chats, or one). */
  statsForUser(user: UserKey, chat?: ChatKey): TopicStats[];
  /** Days in a row (UTC days, ending today or yesterday) with at least one correct answer. */
  streak(user: UserKey, now: number): number;
}

/** Totals over a user's counted attempts in the period. */
export interface LeaderboardRow {
  user: UserKey;
  name: string;
  score: number;
  correct: number;
  attempts: number;
}

export interface LeaderboardRepo {
  /**
   * Sum of counted scores in the chat; 'week' = the last 7 days before `now`. Best first; ties
   * go to more correct answers, then by name.
   */
  top(chat: ChatKey, period: 'week' | 'all', limit: number, now: number): LeaderboardRow[];
}

/** The question a user has open in a chat (/answer, /hint and /giveup act on it). */
export interface QuizSession {
  chat: ChatKey;
  user: UserKey;
  questionId: string;
  wrongTries: number;
  hintsUsed: number;
  /** The bot message that asked it (answers by reply find the question through it). */
  messageId?: string;
  /** Solved or given up: further answers are not scored. */
  closed: boolean;
  openedAt: number;
}

export interface SessionsRepo {
  get(chat: ChatKey, user: UserKey): QuizSession | undefined;
  put(s: QuizSession): void;
  /** The question a bot message asked, for answers given by reply. */
  questionForMessage(chat: ChatKey, messageId: string): string | undefined;
  linkMessage(chat: ChatKey, messageId: string, questionId: string): void;
}

export interface RoundRecord {
  id: number;
  chat: ChatKey;
  topic: string;
  count: number;
  seconds: number;
  startedAt: number;
  /** running until the last question; then finished; stopped on shutdown or cancel. */
  status: 'running' | 'finished' | 'stopped';
}

export interface RoundScore {
  user: UserKey;
  name: string;
  score: number;
  correct: number;
}

export interface RoundsRepo {
  /** A new running round; throws StoreError `store.round_running` if the chat has one. */
  start(r: Omit<RoundRecord, 'id' | 'status'>): number;
  get(id: number): RoundRecord | undefined;
  running(chat: ChatKey): RoundRecord | undefined;
  /** Sets the status of a running round (a finished or stopped round stays as it is). */
  finish(id: number, status: 'finished' | 'stopped'): void;
  /** Scores from the round's counted attempts, best first. */
  scores(id: number): RoundScore[];
}

/** The last model a user trained (/predict uses it). */
export interface ModelsRepo {
  put(user: UserKey, model: unknown, meta: { target: string; task: string; at: number }): void;
  get(user: UserKey): { model: unknown; target: string; task: string; at: number } | undefined;
}

/** Trained spell models by cache key (plain JSON), so a restart does not retrain. */
export interface SpellModelsRepo {
  get(key: string): unknown;
  put(key: string, model: unknown): void;
}

/**
 * Rows refer to existing chats and users (foreign keys are on): the bot calls `chats.ensure`
 * and `users.upsert` for every request before it records anything.
 */
export interface Store {
  chats: ChatsRepo;
  users: UsersRepo;
  attempts: AttemptsRepo;
  leaderboard: LeaderboardRepo;
  sessions: SessionsRepo;
  rounds: RoundsRepo;
  models: ModelsRepo;
  spellModels: SpellModelsRepo;
  /** Runs fn in one transaction (fn must be synchronous; nested calls become savepoints). */
  transaction<T>(fn: () => T): T;
  close(): void;
}
