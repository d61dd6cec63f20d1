/**
 * The neutral shapes every chat door shares. A door (src/adapters/<door>/) turns platform
 * events into a `BotRequest` / `BotAction` / `BotText` and calls the `Bot` (./bot.ts); the bot
 * answers through the request's `Replier`, whose calls the door turns back into platform
 * calls. Nothing here knows Telegram, Discord or HTTP.
 */
import type { Lang, LocalizedText } from '../core/errors.js';
import type { OptionSpec, ParsedOptions } from '../options/types.js';

/** The doors gradbot has. */
export type DoorId = 'local' | 'telegram' | 'discord';

/** A private chat (one student and the bot) or a group (a class chat, a Discord channel). */
export type ChatKind = 'private' | 'group';

/** The chat a request comes from. Ids are strings on every door (Discord snowflakes, Telegram ints). */
export interface ChatRef {
  door: DoorId;
  id: string;
  kind: ChatKind;
}

/** Who sent it. */
export interface UserRef {
  id: string;
  /** Display name as the platform gives it: user text, always escaped by the door. */
  name: string;
  /** The platform's locale for the user (`ru`, `ru-RU`, `en-GB`...), if known. */
  locale?: string;
}

/** A file attached to a message or a slash command. */
export interface Attachment {
  name: string;
  /** The size the platform declares, checked against the limit before anything is downloaded. */
  declaredSize: number;
  mime?: string;
  /**
   * Downloads at most `maxBytes` bytes; a file whose real size exceeds the limit is cut off
   * there and rejected with a UserInputError (`upload.too_large`), never read whole.
   */
  download(maxBytes: number): Promise<Uint8Array>;
}

/**
 * Rich text as a list of spans. Plain spans are user-safe text: the door escapes them for its
 * markup (Telegram HTML, Discord markdown, the local page's HTML), so user data (CSV headers,
 * spell names, display names) can never inject formatting, links or mentions.
 */
export type Span =
  | string
  | { bold: string }
  | { italic: string }
  /** Inline code: formulas, ids, commands. */
  | { code: string }
  /** A preformatted block (tables, graph walkthroughs). */
  | { pre: string };
export type RichText = Span[];

/** A button; `id` is an opaque action id looked up server-side (a forged one scores nothing). */
export interface Button {
  id: string;
  label: string;
  /** Drawn as the primary / danger button where the door has styles. */
  style?: 'primary' | 'secondary' | 'danger' | 'success';
  disabled?: boolean;
}

/** A PNG picture. */
export interface Image {
  png: Uint8Array;
  /** File name without path, e.g. `relu.png`. */
  name: string;
  /** Alt text for the local page and screen readers. */
  alt?: string;
}

/**
 * A choice question a door may show natively (Telegram quiz polls in /round). The buttons of
 * the same message carry one action id per option in the same order, so a door that sends a
 * poll maps a poll answer (option index i) to `buttons[0][i].id`... through `optionActionIds`.
 */
export interface QuizPollHint {
  question: string;
  options: string[];
  /** Action id per option, in order: the door calls `bot.action` with one of these. */
  optionActionIds: string[];
  correctIndex: number;
  openSeconds: number;
  /** ≤ 200 characters, shown after answering (Telegram). */
  explanation?: string;
}

/** One message the bot sends or edits. */
export interface OutMessage {
  text: RichText;
  images?: Image[];
  /** Documents (a CSV export): sent as files. */
  files?: Array<{ name: string; bytes: Uint8Array; mime?: string }>;
  /** Rows of buttons. */
  buttons?: Button[][];
  /**
   * Only the requesting user should see it: Discord ephemeral, the local page's per-student view;
   * Telegram sends it in the chat as a reply to the user's message (no ephemeral there).
   */
  private?: boolean;
  /** Reply to the user's message (or another message the bot sent). */
  replyTo?: MessageRef;
  /** Where the door can (caps.nativeQuizPolls), show the question as a native quiz poll. */
  poll?: QuizPollHint;
}

/** A message the door sent, as the bot refers to it later (edits, replies to it). */
export interface MessageRef {
  chat: ChatRef;
  /** Door-specific message id (Telegram message_id, Discord message id, local id). */
  id: string;
  /** Telegram: the poll id when the message is a native poll. */
  pollId?: string;
}

/** What a door can do; the bot adapts its replies to it. */
export interface DoorCaps {
  /** Private replies are really private (Discord ephemeral, the local page). */
  ephemeral: boolean;
  /** Native quiz polls for choice questions in rounds (Telegram). */
  nativeQuizPolls: boolean;
  /** Longest text of one message / of a caption; longer text is split by the door. */
  maxText: number;
  maxCaption: number;
  /** Least time between two edits of one progress message, per chat kind. */
  minEditIntervalMs(kind: ChatKind): number;
  /** Largest upload the door can download, in bytes (Telegram's public API: 20 MB). */
  maxDownloadBytes: number;
}

/**
 * How the bot answers one request. Bound to the request by the door (a Discord interaction's
 * token, a Telegram chat, a local chat). A round keeps its replier and posts later through it.
 */
export interface Replier {
  /** What this door can do (edit rate, text limits, ephemeral, native polls). */
  readonly caps: DoorCaps;
  send(msg: OutMessage): Promise<MessageRef>;
  edit(ref: MessageRef, msg: OutMessage): Promise<void>;
  /** Shows "typing…"/"uploading a photo…" where the door has it; no-op elsewhere. */
  typing?(): Promise<void>;
  /** Discord: the first answer must come within 3 s; doors that need it defer here. No-op elsewhere. */
  defer?(opts?: { private?: boolean }): Promise<void>;
  /** Telegram: stops a native poll (end of a round question). */
  closePoll?(ref: MessageRef): Promise<void>;
}

/** A command typed or invoked at a door. */
export interface BotRequest {
  chat: ChatRef;
  user: UserRef;
  /** The command name without `/` (and without `@botname`). */
  command: string;
  /**
   * Text doors: everything after the command name; the bot parses it with the command's
   * options. Discord gives structured `options` instead; then `args` is undefined.
   */
  args?: string;
  /** Discord: already structured option values (checked again against the schema). */
  options?: ParsedOptions;
  attachments: Attachment[];
  /** The user's own message (for replies to it), if the door has one. */
  message?: MessageRef;
  /** The bot message the user replied to (an answer by reply to a question). */
  replyTo?: MessageRef;
  /** Whether the user may change chat settings (group admin / Manage Server), if the door knows. */
  isAdmin?: () => Promise<boolean>;
  reply: Replier;
}

/** A button press (or a poll answer mapped to its option's action id). */
export interface BotAction {
  chat: ChatRef;
  user: UserRef;
  actionId: string;
  /** The message that carried the button. */
  message?: MessageRef;
  /** Whether the user is a group admin, if the door knows (as in BotRequest). */
  isAdmin?: () => Promise<boolean>;
  reply: Replier;
}

/** A plain message that is not a command (an answer by reply, or any text in a private chat). */
export interface BotText {
  chat: ChatRef;
  user: UserRef;
  text: string;
  message?: MessageRef;
  replyTo?: MessageRef;
  attachments: Attachment[];
  /** Whether the user is a group admin, if the door knows (as in BotRequest). */
  isAdmin?: () => Promise<boolean>;
  reply: Replier;
}

/** What the bot layer offers the doors (implemented in ./bot.ts). */
export interface Bot {
  /** The command definitions (for help, suggestions, Discord JSON, Telegram's command list). */
  readonly commands: readonly CommandDefinition[];
  command(req: BotRequest): Promise<void>;
  action(act: BotAction): Promise<void>;
  text(msg: BotText): Promise<void>;
  /** Autocomplete for a string option, from memory (at most 25). */
  autocomplete(command: string, option: string, typed: string, lang: Lang): Array<{ value: string; label: string }>;
  /** The language the bot answers this chat/user in (chat's /lang, user's locale, default). */
  langFor(chat: ChatRef, user?: UserRef): Lang;
  /** Stops taking requests, ends rounds (keeping scores), cancels jobs. */
  close(): Promise<void>;
}

/** A command's metadata: what every door and the help texts read. */
export interface CommandDefinition {
  name: string;
  description: LocalizedText;
  options: readonly OptionSpec[];
  /** Group admins / Manage Server only (/settings, /export). */
  adminOnly?: boolean;
  /** Example invocations for /help, e.g. `/plot relu,gelu -3 3`. */
  examples?: readonly string[];
  /** Not listed in menus (e.g. /start on Discord) but still handled. */
  hidden?: boolean;
}
