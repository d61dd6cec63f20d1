/**
 * The Replier of one Discord interaction. Discord wants an answer within 3 seconds: a reply
 * that is ready sooner goes out as the interaction's reply (private ones ephemeral); otherwise
 * the replier defers by itself after `autoDeferMs` (and at once when the bot asks, before
 * pool work), and the answer edits the deferred message. Later messages are follow-ups.
 * Calls are serialised: Discord's first-response rules depend on what was sent before.
 */
import { DiscordAPIError, HTTPError, RateLimitError, type ButtonInteraction, type ChatInputCommandInteraction, type Message } from 'discord.js';
import type { ChatRef, DoorCaps, MessageRef, OutMessage, Replier } from '../../bot/types.js';
import type { Log } from '../../bot/services.js';
import { toPayloads, type DiscordPayload } from './payload.js';
import type { SentMessages } from './sent-messages.js';

type Repliable = ChatInputCommandInteraction | ButtonInteraction;

/** Answers of slash commands and button presses, with Discord's limits. */
export function discordCaps(maxDownloadBytes: number): DoorCaps {
  return {
    ephemeral: true,
    nativeQuizPolls: false,
    maxText: 1800,
    maxCaption: 1800,
    minEditIntervalMs: () => 1000,
    maxDownloadBytes,
  };
}

/**
 * A failed Discord call as the bot layer sees (and logs) it. discord.js's errors carry the
 * request URL, which holds the interaction token (for 15 minutes it lets anyone post and edit
 * as the bot in that channel), and the whole request body with its PNGs: neither belongs in a
 * log. Name, message, HTTP status and Discord's error code stay.
 */
export class DiscordCallError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code: number | string | undefined,
  ) {
    super(message);
    this.name = 'DiscordCallError';
  }
}

/** `e` without what must not be logged (see DiscordCallError); other errors as they are. */
export function withoutSecrets(e: unknown): unknown {
  if (e instanceof DiscordAPIError) return new DiscordCallError(`${e.name}: ${e.message}`, e.status, e.code);
  if (e instanceof HTTPError) return new DiscordCallError(`${e.name}: ${e.message}`, e.status, undefined);
  if (e instanceof RateLimitError) return new DiscordCallError(`${e.name}: rate limited for ${e.timeToReset} ms`, 429, undefined);
  return e;
}

/** A payload as an edit: Discord takes no Ephemeral flag there, only SuppressEmbeds. */
function asEdit(p: DiscordPayload): Omit<DiscordPayload, 'flags'> & { flags: ['SuppressEmbeds'] } {
  return { ...p, flags: ['SuppressEmbeds'] };
}

export interface ReplierDeps {
  chat: ChatRef;
  caps: DoorCaps;
  sent: SentMessages;
  log: Log;
  /** Defer when nothing was sent this long after the interaction arrived (Discord allows 3 s). */
  autoDeferMs?: number;
}

export class InteractionReplier implements Replier {
  readonly caps: DoorCaps;
  /** fresh: nothing sent; deferred: a "thinking…" (or deferred update) is pending; replied: the first answer is out. */
  private state: 'fresh' | 'deferred' | 'replied' = 'fresh';
  private deferredPrivate = false;
  private originalId: string | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly interaction: Repliable, private readonly deps: ReplierDeps) {
    this.caps = deps.caps;
    this.timer = setTimeout(() => void this.defer().catch(() => undefined), deps.autoDeferMs ?? 2000);
    this.timer.unref();
  }

  /** Runs calls one after another; a failed call does not block the next. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = () =>
      fn().catch((e: unknown) => {
        throw withoutSecrets(e);
      });
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private ref(message: Message): MessageRef {
    return { chat: this.deps.chat, id: message.id };
  }

  private remember(message: Message, target: string): MessageRef {
    this.deps.sent.remember(message.id, { webhook: this.interaction.webhook, target, channelId: this.interaction.channelId });
    return this.ref(message);
  }

  defer(opts: { private?: boolean } = {}): Promise<void> {
    return this.serial(async () => {
      clearTimeout(this.timer);
      if (this.state !== 'fresh') return;
      if (this.interaction.isButton()) {
        // A press: acknowledge without a new message; answers become follow-ups or edits.
        await this.interaction.deferUpdate();
      } else {
        await this.interaction.deferReply(opts.private ? { flags: 'Ephemeral' } : {});
        this.deferredPrivate = opts.private === true;
      }
      this.state = 'deferred';
    });
  }

  send(msg: OutMessage): Promise<MessageRef> {
    return this.serial(async () => {
      clearTimeout(this.timer);
      const payloads = toPayloads(msg);
      let first: MessageRef | undefined;
      for (const p of payloads) {
        const ref = await this.sendOne(p, msg.private === true);
        first ??= ref;
      }
      return first as MessageRef;
    });
  }

  private async sendOne(p: DiscordPayload, isPrivate: boolean): Promise<MessageRef> {
    const i = this.interaction;
    if (this.state === 'fresh') {
      this.state = 'replied';
      const res = await i.reply({ ...p, withResponse: true });
      const message = res.resource?.message ?? (await i.fetchReply());
      this.originalId = message.id;
      return this.remember(message, '@original');
    }
    if (this.state === 'deferred' && i.isChatInputCommand()) {
      this.state = 'replied';
      if (isPrivate && !this.deferredPrivate) {
        // The "thinking…" is public but this answer is for one user: replace it by an ephemeral follow-up.
        await i.deleteReply().catch(() => undefined);
        const m = await i.followUp(p);
        return this.remember(m, m.id);
      }
      const m = await i.editReply(asEdit(p));
      this.originalId = m.id;
      return this.remember(m, '@original');
    }
    this.state = 'replied';
    const m = await i.followUp(p);
    return this.remember(m, m.id);
  }

  edit(ref: MessageRef, msg: OutMessage): Promise<void> {
    return this.serial(async () => {
      const [p] = toPayloads(msg, { edit: true });
      if (!p) return;
      const edit = asEdit(p);
      const i = this.interaction;
      // A button press editing the message that carries the button.
      if (i.isButton() && ref.id === i.message.id) {
        clearTimeout(this.timer);
        if (this.state === 'fresh') {
          this.state = 'replied';
          await i.update(edit);
        } else {
          await i.editReply({ ...edit, message: i.message.id });
        }
        return;
      }
      if (ref.id === this.originalId) {
        await i.editReply(edit);
        return;
      }
      const known = this.deps.sent.lookup(ref.id);
      if (known) {
        await known.webhook.editMessage(known.target === '@original' ? '@original' : ref.id, edit);
        return;
      }
      // Older than Discord's 15-minute token: a message we can no longer edit. Say nothing, log it.
      this.deps.log.warn({ door: 'discord', messageId: ref.id }, 'message too old to edit');
    });
  }

  /** Waits for every queued call (tests, shutdown). */
  async settle(): Promise<void> {
    await this.chain;
  }
}
