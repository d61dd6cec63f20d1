/** Attempts written straight into a harness store, for the commands that read them. */
import type { AttemptInput, Store } from '../../../src/store/types.js';

export interface AttemptSeed {
  user: string;
  name: string;
  chat: string;
  topic?: string;
  questionId?: string;
  answer?: string;
  correct?: boolean;
  score?: number;
  hintsUsed?: number;
  counted?: boolean;
  at: number;
}

/** Records attempts (creating their users and chats first, as the bot does). */
export function seedAttempts(store: Store, seeds: readonly AttemptSeed[]): void {
  for (const s of seeds) {
    store.chats.ensure(`local:${s.chat}`, s.chat.startsWith('g') ? 'group' : 'private');
    store.users.upsert(`local:${s.user}`, s.name);
    const a: AttemptInput = {
      chat: `local:${s.chat}`,
      user: `local:${s.user}`,
      topic: s.topic ?? 'backprop',
      questionId: s.questionId ?? `${s.topic ?? 'backprop'}:1:2`,
      answer: s.answer ?? '1',
      correct: s.correct ?? true,
      score: s.score ?? (s.correct === false ? 0 : 1),
      hintsUsed: s.hintsUsed ?? 0,
      counted: s.counted ?? true,
      at: s.at,
    };
    store.attempts.record(a);
  }
}
