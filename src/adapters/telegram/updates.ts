/**
 * What the door does with each update: commands (also `/cmd@bot` in groups and commands in a
 * document's caption), plain text (any in a private chat; in a group only replies to the bot's
 * own messages, which is what reaches a bot with privacy mode on), button presses, quiz-poll
 * votes, and the bot being added to a group.
 *
 * Order: updates of one chat run one after another (@grammyjs/runner's sequentialize), so one
 * chat's answers keep their order while other chats run in parallel. A long command (a
 * training, a round) would hold its chat's queue and keep the cancel button or the votes from
 * arriving, so a chat's turn ends when its handler finishes or after `CHAT_TURN_MS`, and the
 * handler carries on in the background.
 */
import { sequentialize } from '@grammyjs/runner';
import type { Bot as GrammyBot, Context } from 'grammy';
import type { Message } from 'grammy/types';
import type { Bot, ChatRef, MessageRef } from '../../bot/types.js';
import type { Log } from '../../bot/services.js';
import type { AdminCache } from './admins.js';
import { AnonymousNotices, anonymousMessages, isSentAsChat } from './anonymous.js';
import { documentAttachment, type DownloadTarget } from './attachments.js';
import { chatRefOf, parseCommand, userRefOf } from './inbound.js';
import { CallbackAnswer, TelegramReplier, type OutboundState } from './replier.js';
import { describeError } from './scrub.js';

/** Longest time one update holds its chat's queue. */
export const CHAT_TURN_MS = 3000;

/** What the update handlers work with. */
export interface UpdateDeps {
  bot: Bot;
  log: Log;
  token: string;
  out: OutboundState;
  admins: AdminCache;
  downloads: DownloadTarget;
  /** The bot's own Telegram user. */
  me: { id: number; username: string };
  /** Handlers still running past their chat's turn; `stop` waits a little for them. */
  inflight: Set<Promise<void>>;
}

/** Runs `work` (errors logged, never thrown) and resolves when it ends or after `turnMs`. */
function withinTurn(deps: UpdateDeps, what: string, work: () => Promise<void>, turnMs = CHAT_TURN_MS): Promise<void> {
  const task = work().catch((err: unknown) => deps.log.error({ err: describeError(err, deps.token) }, `telegram: ${what} failed`));
  deps.inflight.add(task);
  void task.finally(() => deps.inflight.delete(task));
  let timer: NodeJS.Timeout | undefined;
  const turn = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, turnMs);
    timer.unref();
  });
  return Promise.race([task, turn]).finally(() => clearTimeout(timer));
}

/** The ref the bot knows for a message the bot sent (the first of its group). */
function botMessageRef(deps: UpdateDeps, chat: ChatRef, msg: Message | undefined): MessageRef | undefined {
  if (msg === undefined || msg.from?.id !== deps.me.id) return undefined;
  const ref: MessageRef = { chat, id: String(deps.out.sent.primaryId(msg.chat.id, msg.message_id)) };
  if (msg.poll !== undefined) ref.pollId = msg.poll.id;
  return ref;
}

/** Installs the door's middleware on a grammY bot. */
export function installUpdateHandlers(g: GrammyBot, deps: UpdateDeps): void {
  // Poll votes carry no chat: the poll registry knows it.
  g.use(
    sequentialize((ctx: Context) => {
      const chatId = ctx.chat?.id ?? (ctx.pollAnswer ? deps.out.polls.get(ctx.pollAnswer.poll_id)?.chat.id : undefined);
      return chatId === undefined ? undefined : `chat:${chatId}`;
    }),
  );

  const anonymous = new AnonymousNotices();

  g.on('message', (ctx) => {
    const msg = ctx.message;
    const chat = chatRefOf(msg.chat);
    const from = msg.from;
    if (chat === undefined) return;
    const text = msg.text ?? msg.caption ?? '';
    const command = parseCommand(text, deps.me.username);
    if (command === 'other-bot') return;
    if (isSentAsChat(msg)) {
      // Nobody to answer as: say why the command does nothing (./anonymous.ts).
      if (command === undefined || !anonymous.shouldTell(msg.chat.id)) return;
      const reply = new TelegramReplier(deps.out, chat, { kind: 'message', messageId: msg.message_id });
      return withinTurn(deps, 'anonymous command', async () => {
        await reply.send({ text: [anonymousMessages.texts.anonymous[deps.bot.langFor(chat)]], replyTo: { chat, id: String(msg.message_id) } });
      });
    }
    if (from === undefined || from.is_bot) return;
    const user = userRefOf(from);
    const attachments = msg.document ? [documentAttachment(msg.document, deps.downloads)] : [];
    const message: MessageRef = { chat, id: String(msg.message_id) };
    const replyTo = botMessageRef(deps, chat, msg.reply_to_message);
    const reply = new TelegramReplier(deps.out, chat, { kind: 'message', messageId: msg.message_id });
    if (command !== undefined) {
      // `/train` sent as a reply to a CSV takes that file.
      const replied = msg.reply_to_message?.document;
      if (attachments.length === 0 && replied !== undefined) attachments.push(documentAttachment(replied, deps.downloads));
      return withinTurn(deps, `/${command.name}`, () =>
        deps.bot.command({
          chat,
          user,
          command: command.name,
          args: command.args,
          attachments,
          message,
          ...(replyTo === undefined ? {} : { replyTo }),
          isAdmin: () => deps.admins.isAdmin(msg.chat.id, from.id, chat.kind === 'private'),
          reply,
        }),
      );
    }
    // In a group, only a reply to the bot is for the bot (privacy mode delivers just those).
    if (chat.kind === 'group' && replyTo === undefined) return;
    if (text.trim() === '' && attachments.length === 0) return;
    return withinTurn(deps, 'text', () =>
      deps.bot.text({ chat, user, text, message, ...(replyTo === undefined ? {} : { replyTo }), attachments, reply }),
    );
  });

  g.on('callback_query:data', (ctx) => {
    const q = ctx.callbackQuery;
    const answer = new CallbackAnswer(ctx.api, q.id, deps.log);
    const chat = q.message ? chatRefOf(q.message.chat) : undefined;
    // A long id the door forgot (a restart) goes to the bot as it is: the bot finds no such
    // action and tells the presser the button expired, rather than the press doing nothing.
    const actionId = deps.out.ids.decode(q.data) ?? q.data;
    if (chat === undefined || q.message === undefined) return answer.answer();
    const message: MessageRef = { chat, id: String(deps.out.sent.primaryId(q.message.chat.id, q.message.message_id)) };
    const reply = new TelegramReplier(deps.out, chat, { kind: 'callback', answer, messageId: q.message.message_id });
    return withinTurn(deps, 'button', async () => {
      try {
        await deps.bot.action({ chat, user: userRefOf(q.from), actionId, message, reply });
      } finally {
        await answer.answer();
      }
    });
  });

  g.on('poll_answer', (ctx) => {
    const vote = ctx.pollAnswer;
    const poll = deps.out.polls.get(vote.poll_id);
    const option = vote.option_ids[0];
    // A retracted vote (no options) or an anonymous voter cannot be scored.
    if (poll === undefined || vote.user === undefined || option === undefined) return;
    const actionId = poll.optionActionIds[option];
    if (actionId === undefined) return;
    const user = userRefOf(vote.user);
    const message: MessageRef = { chat: poll.chat, id: String(poll.messageId), pollId: vote.poll_id };
    const reply = new TelegramReplier(deps.out, poll.chat, { kind: 'poll' });
    return withinTurn(deps, 'poll vote', () => deps.bot.action({ chat: poll.chat, user, actionId, message, reply }));
  });

  g.on('my_chat_member', (ctx) => {
    const update = ctx.myChatMember;
    const chat = chatRefOf(update.chat);
    if (chat === undefined || chat.kind !== 'group') return;
    const was = update.old_chat_member.status;
    const now = update.new_chat_member.status;
    const gone = (s: string) => s === 'left' || s === 'kicked';
    if (gone(now)) {
      deps.admins.forgetChat(update.chat.id);
      deps.out.polls.forgetChat(chat.id);
      deps.out.sent.forgetChat(update.chat.id);
      deps.log.info({ chat: chat.id }, 'telegram: removed from a group');
      return;
    }
    if (!gone(was)) return;
    // Added to a class group: introduce the bot as /start does.
    deps.log.info({ chat: chat.id }, 'telegram: added to a group');
    const reply = new TelegramReplier(deps.out, chat, { kind: 'none' });
    return withinTurn(deps, 'greeting', () =>
      deps.bot.command({ chat, user: userRefOf(update.from), command: 'start', args: '', attachments: [], reply }),
    );
  });
}
