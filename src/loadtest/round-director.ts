/**
 * Follows the class group chat during the load test's one `/round`: which question is open
 * (its message, id and buttons), when it closes and when the round is over. The students read
 * it to know what to answer; it never posts anything itself.
 */
import type { WireMessage } from '../adapters/local/wire.js';
import type { ChatFeed } from './chat-client.js';
import { isQuestion, questionIdIn } from './replies.js';

/** One question of the round as the group sees it. */
export interface RoundQuestion {
  messageId: string;
  questionId: string;
  /** Button ids in reading order (choice i is button i); empty for typed answers. */
  buttons: string[];
  open: boolean;
}

/** The round's state, from the group chat's public messages. */
export class RoundDirector {
  state: 'waiting' | 'running' | 'over' = 'waiting';
  current: RoundQuestion | undefined;
  readonly questions: RoundQuestion[] = [];
  private readonly byMessage = new Map<string, RoundQuestion>();
  private readonly waiters = new Set<() => void>();
  private readonly stop: () => void;

  constructor(feed: ChatFeed) {
    this.stop = feed.subscribe((s) => this.see(s.msg));
  }

  private see(m: WireMessage): void {
    if (!m.from.bot || m.to !== undefined) return;
    const known = this.byMessage.get(m.id);
    if (known) {
      // A closed question loses its buttons.
      if (m.buttons.length === 0 && known.buttons.length > 0) known.open = false;
    } else if (isQuestion(m) && this.state !== 'over') {
      const id = questionIdIn(m.text) as string;
      if (this.current) this.current.open = false;
      const q: RoundQuestion = { messageId: m.id, questionId: id, buttons: m.buttons.map((b) => b.id), open: true };
      this.byMessage.set(m.id, q);
      this.questions.push(q);
      this.current = q;
      this.state = 'running';
    } else if (m.text.startsWith('⏱') && this.current) {
      this.current.open = false;
    }
    if (this.state === 'running' && (m.text.includes('🏁') || m.text.includes('🛑'))) {
      this.state = 'over';
      if (this.current) this.current.open = false;
    }
    for (const w of [...this.waiters]) w();
  }

  /** Resolves at the next change of the round, or after `ms`. */
  changed(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  /** Marks the round over (the run ends) and stops following the chat. */
  close(): void {
    this.stop();
    if (this.state !== 'over') this.state = 'over';
    for (const w of [...this.waiters]) w();
  }
}
