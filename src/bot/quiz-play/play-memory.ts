/**
 * What one bot remembers in memory about the question messages it sent: the message as sent
 * (so closing a question can edit away its buttons without drawing its picture again) and
 * which messages already got their worked solution (a group question gets it once, not after
 * every correct answer). Bounded; lost on restart, which costs only a missed edit or a
 * repeated solution. Everything that scores lives in the store.
 */
import type { BotServices } from '../services.js';
import type { OutMessage } from '../types.js';

/** How many question messages are remembered per bot. */
export const MAX_REMEMBERED = 2000;

/** A Map that forgets its oldest entries beyond `max`. */
class Bounded<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    return this.map.get(k);
  }
  set(k: string, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }
  delete(k: string): void {
    this.map.delete(k);
  }
}

/** One bot's memory of its question messages. */
export class PlayMemory {
  private readonly sent = new Bounded<OutMessage>(MAX_REMEMBERED);
  private readonly solved = new Bounded<true>(MAX_REMEMBERED);

  /** Remembers a question message as sent. */
  rememberSent(chat: string, messageId: string, msg: OutMessage): void {
    this.sent.set(`${chat}|${messageId}`, msg);
  }

  /** The question message as sent, if still remembered. */
  sentMessage(chat: string, messageId: string): OutMessage | undefined {
    return this.sent.get(`${chat}|${messageId}`);
  }

  /** Marks the message's solution as shown; true when it was not shown before. */
  markSolutionShown(chat: string, key: string): boolean {
    const k = `${chat}|${key}`;
    if (this.solved.get(k)) return false;
    this.solved.set(k, true);
    return true;
  }
}

const memories = new WeakMap<BotServices, PlayMemory>();

/** The memory of the bot these services belong to. */
export function playMemory(services: BotServices): PlayMemory {
  let m = memories.get(services);
  if (!m) {
    m = new PlayMemory();
    memories.set(services, m);
  }
  return m;
}
