/**
 * Which interaction webhook sent which message. Messages the bot sends answer interactions, and
 * only that interaction's webhook (valid 15 minutes) can edit them: a /grad ◀ ▶ press edits its
 * own message through the button interaction, but a round's timer edits earlier questions
 * through the webhook remembered here. Entries expire with Discord's token lifetime.
 */
import type { InteractionWebhook } from 'discord.js';

/** Discord's interaction tokens live 15 minutes; keep a margin. */
export const WEBHOOK_TTL_MS = 14 * 60 * 1000;

interface Entry {
  webhook: InteractionWebhook;
  /** '@original' for an interaction's first reply, else the follow-up's id. */
  target: string;
  channelId: string | null;
  at: number;
}

export class SentMessages {
  private readonly map = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now, private readonly max = 5000) {}

  remember(messageId: string, entry: Omit<Entry, 'at'>): void {
    this.map.delete(messageId);
    this.map.set(messageId, { ...entry, at: this.now() });
    // Oldest first in a Map: drop expired and overflowing entries from the front.
    for (const [id, e] of this.map) {
      if (this.map.size <= this.max && this.now() - e.at < WEBHOOK_TTL_MS) break;
      this.map.delete(id);
    }
  }

  /** The webhook that can still edit the message, if any. */
  lookup(messageId: string): Entry | undefined {
    const e = this.map.get(messageId);
    if (!e) return undefined;
    if (this.now() - e.at >= WEBHOOK_TTL_MS) {
      this.map.delete(messageId);
      return undefined;
    }
    return e;
  }
}
