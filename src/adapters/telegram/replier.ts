/**
 * The Replier the bot layer answers through, bound to one chat and to what started the request
 * (a user's message, a button press, a poll vote). See ./layout.ts for how a message is shaped
 * and ./outbox.ts for how it is sent and edited.
 *
 * Private replies (OutMessage.private) in a group: Telegram has no ephemeral message a bot can
 * rely on (the new ephemeral messages are not guaranteed to arrive), so
 * - after a button press, a short plain text (≤ 200 characters, nothing attached) becomes the
 *   button's callback answer: a toast, or an alert box when it is longer than a line, shown to
 *   the presser alone;
 * - otherwise it is sent into the chat as a reply to the user's message (or to the message
 *   with the button), so it is at least addressed to them;
 * - after a quiz-poll vote it is dropped: Telegram already showed the voter right or wrong and
 *   the explanation, and a message per vote would flood the group.
 */
import { GrammyError, type Api } from 'grammy';
import { toPlainText } from '../../bot/rich-text.js';
import type { Log } from '../../bot/services.js';
import type { ChatRef, DoorCaps, MessageRef, OutMessage, QuizPollHint, Replier } from '../../bot/types.js';
import type { CallbackIds } from './keyboard.js';
import { planMessage } from './layout.js';
import { editParts, sendParts } from './outbox.js';
import { fitsQuizPoll, pollPayload, type PollRegistry } from './polls.js';
import type { SentMessages, SentRecord } from './sent-messages.js';

/** Longest text a callback answer shows (Telegram: 0-200 characters). */
export const MAX_CALLBACK_TEXT = 200;
/** Longer than this (or several lines), a callback answer shows as an alert, not a toast. */
const TOAST_MAX = 60;
/** Message ids of replies that did not become messages (a callback toast, a dropped reply). */
export const NO_MESSAGE_ID = 'none';

/** What the repliers of one door share. */
export interface OutboundState {
  api: Api;
  caps: DoorCaps;
  ids: CallbackIds;
  sent: SentMessages;
  polls: PollRegistry;
  log: Log;
}

/**
 * The one answer a callback query gets. Telegram shows a spinner on the button until it comes,
 * so it is sent when the bot finishes the press, at the latest after `waitMs`; a private short
 * reply before that rides on it.
 */
export class CallbackAnswer {
  private answered = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly api: Api,
    private readonly queryId: string,
    private readonly log: Log,
    waitMs = 5000,
  ) {
    this.timer = setTimeout(() => void this.answer(), waitMs);
    this.timer.unref();
  }

  /** Whether a text can still ride on the answer. */
  get open(): boolean {
    return !this.answered;
  }

  /** Answers once; later calls do nothing. Resolves false when it was already answered. */
  async answer(text?: string): Promise<boolean> {
    if (this.answered) return false;
    this.answered = true;
    clearTimeout(this.timer);
    const other = text === undefined ? {} : { text, show_alert: text.length > TOAST_MAX || text.includes('\n') };
    try {
      await this.api.answerCallbackQuery(this.queryId, other);
    } catch (err) {
      // Too old (the press waited too long) or already answered: nothing the user can act on.
      this.log.debug({ err }, 'telegram: answerCallbackQuery failed');
    }
    return true;
  }
}

/** What a request came from: decides where private replies go. */
export type Origin =
  | { kind: 'message'; messageId: number }
  | { kind: 'callback'; answer: CallbackAnswer; messageId: number | undefined }
  | { kind: 'poll' }
  | { kind: 'none' };

/** A text that can be a callback answer: short plain text, nothing else. */
function toastText(msg: OutMessage): string | undefined {
  if ((msg.images?.length ?? 0) > 0 || (msg.files?.length ?? 0) > 0 || msg.poll !== undefined) return undefined;
  if ((msg.buttons ?? []).some((row) => row.some((b) => b.disabled !== true))) return undefined;
  const text = toPlainText(msg.text).trim();
  return text.length > 0 && text.length <= MAX_CALLBACK_TEXT ? text : undefined;
}

/** A message id of this chat the bot referred to, as a number (undefined for other chats or ids). */
function ownMessageId(ref: MessageRef | undefined, chat: ChatRef): number | undefined {
  if (ref === undefined || ref.chat.id !== chat.id || !/^\d+$/.test(ref.id)) return undefined;
  return Number(ref.id);
}

/** The bot's Replier for one Telegram chat and one request. */
export class TelegramReplier implements Replier {
  constructor(
    private readonly state: OutboundState,
    readonly chat: ChatRef,
    private readonly origin: Origin,
  ) {}

  get caps(): DoorCaps {
    return this.state.caps;
  }

  private get chatId(): number {
    return Number(this.chat.id);
  }

  async send(msg: OutMessage): Promise<MessageRef> {
    let replyTo = ownMessageId(msg.replyTo, this.chat);
    if (msg.private === true && this.chat.kind === 'group') {
      switch (this.origin.kind) {
        case 'callback': {
          const toast = toastText(msg);
          if (toast !== undefined && this.origin.answer.open) {
            await this.origin.answer.answer(toast);
            return { chat: this.chat, id: NO_MESSAGE_ID };
          }
          replyTo = this.origin.messageId ?? replyTo;
          break;
        }
        case 'message':
          replyTo = this.origin.messageId;
          break;
        case 'poll':
          this.state.log.debug({ chat: this.chat.id }, 'telegram: private reply to a poll vote dropped (the quiz poll shows it)');
          return { chat: this.chat, id: NO_MESSAGE_ID };
        case 'none':
          break;
      }
    }
    if (msg.poll !== undefined && fitsQuizPoll(msg.poll)) {
      const ref = await this.sendPoll(msg as OutMessage & { poll: QuizPollHint });
      if (ref !== undefined) return ref;
    }
    const parts = planMessage(msg, this.state.ids);
    const sent = await sendParts(this.state.api, this.chatId, parts, replyTo);
    const record: SentRecord = { chatId: this.chatId, parts: sent };
    this.state.sent.remember(record);
    const [first] = sent;
    if (first === undefined) throw new Error('telegram: nothing was sent');
    return { chat: this.chat, id: String(first.messageId) };
  }

  /** Sends a quiz poll; undefined when Telegram refused it (the caller sends the buttons instead). */
  private async sendPoll(msg: OutMessage & { poll: QuizPollHint }): Promise<MessageRef | undefined> {
    const { question, options, other } = pollPayload(msg);
    let message;
    try {
      message = await this.state.api.sendPoll(this.chatId, question, options, other);
    } catch (err) {
      if (!(err instanceof GrammyError)) throw err;
      this.state.log.warn({ err, chat: this.chat.id }, 'telegram: sendPoll refused; sending the question with buttons');
      return undefined;
    }
    this.state.polls.add(message.poll.id, { chat: this.chat, messageId: message.message_id, optionActionIds: [...msg.poll.optionActionIds] }, other.open_period);
    this.state.sent.remember({ chatId: this.chatId, parts: [{ kind: 'poll', messageId: message.message_id }] });
    return { chat: this.chat, id: String(message.message_id), pollId: message.poll.id };
  }

  async edit(ref: MessageRef, msg: OutMessage): Promise<void> {
    const id = ownMessageId(ref, ref.chat);
    if (id === undefined) return; // a toast or a dropped reply: nothing to edit
    const chatId = Number(ref.chat.id);
    const record = this.state.sent.get(chatId, id) ?? { chatId, parts: [{ kind: 'text', messageId: id }] };
    const first = record.parts[0];
    if (first === undefined) return;
    if (first.kind === 'poll') {
      // A poll cannot be edited; its end is closePoll.
      this.state.log.debug({ chat: ref.chat.id }, 'telegram: edit of a poll ignored');
      return;
    }
    const keepPhoto = first.kind === 'photo' && (msg.images?.length ?? 0) === 0 ? first.hash : undefined;
    const parts = planMessage(msg, this.state.ids, { textFirst: first.kind === 'text', ...(keepPhoto === undefined ? {} : { keepPhoto }) });
    const { deleted } = await editParts(this.state.api, record, parts, this.state.log);
    for (const d of deleted) this.state.sent.forgetPart(chatId, d);
    this.state.sent.remember(record);
  }

  async typing(): Promise<void> {
    try {
      await this.state.api.sendChatAction(this.chatId, 'typing');
    } catch (err) {
      this.state.log.debug({ err, chat: this.chat.id }, 'telegram: sendChatAction failed');
    }
  }

  async closePoll(ref: MessageRef): Promise<void> {
    // The poll stays in the registry until it expires: a vote Telegram sent just before the
    // stop still reaches the bot, which decides whether it came in time.
    const id = ownMessageId(ref, ref.chat);
    if (id === undefined) return;
    try {
      await this.state.api.stopPoll(Number(ref.chat.id), id);
    } catch (err) {
      // A poll whose open_period ran out is closed already; that is the usual case, not a fault.
      if (err instanceof GrammyError && /already (been )?closed/i.test(err.description)) return;
      this.state.log.warn({ err, chat: ref.chat.id }, 'telegram: stopPoll failed');
    }
  }
}
