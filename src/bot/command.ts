/**
 * What a command file in ./commands/ exports: its definition (read by every door and help
 * text) beside its behaviour, as in the discord.js guide. The bot (./bot.ts) parses options
 * from the definition, picks the language, applies rate limits, and calls `run` with a
 * `CommandContext`; button presses come back to the command's `actions`, and plain text
 * (an answer by reply, any text in a private chat) to `onText`.
 */
import type { Lang } from '../core/errors.js';
import type { ParsedOptions } from '../options/types.js';
import type { BotRuntime } from './runtime.js';
import type { BotServices } from './services.js';
import type { Attachment, BotAction, BotRequest, BotText, ChatRef, CommandDefinition, MessageRef, OutMessage, RichText, UserRef } from './types.js';

/** Plain JSON data kept server-side behind an action id. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/** A progress message: created once, updated (throttled to the door's edit rate), finished. */
export interface Progress {
  readonly ref: MessageRef;
  /** Replaces the text (and buttons); calls closer than the door's edit interval are merged. */
  update(msg: OutMessage | RichText): void;
  /** The final content; always sent, also when updates were merged away. */
  finish(msg: OutMessage | RichText): Promise<void>;
}

/** What handlers get, for commands, button presses and plain text alike. */
export interface BaseContext {
  readonly chat: ChatRef;
  readonly user: UserRef;
  /** The chat's /lang, else the user's locale, else GRADBOT_LANG. */
  readonly lang: Lang;
  readonly services: BotServices;
  /**
   * Bot-wide hooks: close hooks, timers that die with the bot (and move with a test's clock),
   * the abort signal of shutdown, the command list (see ./runtime.ts).
   */
  readonly runtime: BotRuntime;
  /**
   * Sends a message in this chat (through the request's replier). Text longer than the door's
   * `maxText` is split into several messages (buttons on the last); the last one's ref is
   * returned. The context stays usable after the handler returned (rounds post later).
   */
  send(msg: OutMessage | RichText): Promise<MessageRef>;
  /** Edits a message; text over the door's limit is cut with `…`. */
  edit(ref: MessageRef, msg: OutMessage | RichText): Promise<void>;
  /** Starts a progress message. */
  progress(initial: OutMessage | RichText): Promise<Progress>;
  /**
   * Keeps `data` server-side under a new action id for a button (or a poll option). Only the
   * command that created it receives the press, in `actions[name]`.
   */
  action(name: string, data: JsonValue, opts?: { ttlMs?: number }): string;
  /** Is the user a group admin (Telegram) / has Manage Server (Discord)? True in private chats. */
  isAdmin(): Promise<boolean>;
  /** The replier itself, for rounds that post later. */
  readonly replier: BotRequest['reply'];
}

export interface CommandContext extends BaseContext {
  readonly request: BotRequest;
  /** Options parsed and checked against the definition, defaults filled in. */
  readonly options: ParsedOptions;
  readonly attachments: readonly Attachment[];
}

export interface ActionContext extends BaseContext {
  readonly press: BotAction;
  /** The message carrying the button, if the door knows it. */
  readonly message: MessageRef | undefined;
}

export interface TextContext extends BaseContext {
  readonly text: BotText;
}

/** One command: a file in ./commands/ exports `command: BotCommand`. */
export interface BotCommand extends CommandDefinition {
  run(ctx: CommandContext): Promise<void>;
  /** Button presses on action ids this command created with `ctx.action(name, data)`. */
  actions?: Readonly<Record<string, (ctx: ActionContext, data: JsonValue) => Promise<void>>>;
  /** Plain text not addressed to a command; resolves true when this command took it. */
  onText?(ctx: TextContext): Promise<boolean>;
}
