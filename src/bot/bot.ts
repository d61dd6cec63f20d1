/**
 * The bot: one command layer behind every door. For each request it resolves the language,
 * records the user and chat, applies the rate limits, parses the options against the command's
 * definition and calls the command with a context (./command.ts). Button presses come back
 * through the server-side action store; plain text goes to the commands' `onText`.
 *
 * Bad input never shows a stack trace: an unknown command gets the command list, bad arguments
 * get the error and that command's help, a UserInputError from a handler is shown as is, and
 * anything else is logged and answered with a short "something went wrong" in the chat's
 * language.
 */
import { isUserInputError, type Lang } from '../core/errors.js';
import { checkOptions, argsMessages, parseTextOptions } from '../options/parse-text.js';
import type { OptionSpec, ParsedOptions } from '../options/types.js';
import { chatKey, userKey } from '../store/types.js';
import { ActionStore } from './actions.js';
import { suggest } from './autocomplete.js';
import type { ActionContext, BaseContext, BotCommand, CommandContext, JsonValue, TextContext } from './command.js';
import { commandHelp, commandList } from './help-text.js';
import { nearestCommand } from './command-suggest.js';
import { t, waitText } from './i18n.js';
import { createProgress } from './progress.js';
import { COMMANDS } from './registry.js';
import { limitsFromConfig, NoticeGate, type BotLimits } from './rate-limit.js';
import { realScheduler, type BotRuntime, type Scheduler } from './runtime.js';
import { joinRichText, richTextLength, splitRichText, toOutMessage, truncateRichText } from './rich-text.js';
import type { BotServices } from './services.js';
import type { Bot, BotAction, BotRequest, BotText, ChatRef, MessageRef, OutMessage, Replier, RichText, UserRef } from './types.js';

/** Options of `createBot`. */
export interface CreateBotOptions {
  /** The commands (default: the registry, ./registry.ts). */
  commands?: readonly BotCommand[];
  /** Timers for progress throttling and `ctx.runtime.setTimeout` (default: real timers). */
  scheduler?: Scheduler;
  /** Rate limiters (default: in memory, from `config.rate`). */
  limits?: BotLimits;
  /** How long `close()` waits for in-flight handlers (default 10 s). */
  closeTimeoutMs?: number;
  /** Life of a button's action id (default 24 h) and most ids kept (default 50 000). */
  actionTtlMs?: number;
  maxActions?: number;
}

/** The language a user's platform locale suggests, if it is one of ours. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  const l = locale?.trim().toLowerCase();
  if (l === undefined) return undefined;
  if (l === 'ru' || l.startsWith('ru-') || l.startsWith('ru_')) return 'ru';
  if (l === 'en' || l.startsWith('en-') || l.startsWith('en_')) return 'en';
  return undefined;
}

/** Fits a message to the door: text split to `maxText` (captions to `maxCaption`). */
async function sendFitted(replier: Replier, msg: OutMessage): Promise<MessageRef> {
  const { maxText, maxCaption } = replier.caps;
  const hasMedia = (msg.images?.length ?? 0) > 0 || (msg.files?.length ?? 0) > 0;
  const limit = hasMedia ? maxCaption : maxText;
  if (richTextLength(msg.text) <= limit) return replier.send(msg);
  const chunks = splitRichText(msg.text, maxText);
  const { text: _text, buttons, images, files, poll, ...common } = msg;
  let ref: MessageRef | undefined;
  // Text first, then the pictures/files (with the buttons) under it; replyTo only on the first.
  const last = chunks.length - 1;
  for (let k = 0; k <= last; k++) {
    const chunk = chunks[k] as RichText;
    const tail = k === last && !hasMedia;
    const m: OutMessage = { ...common, text: chunk, ...(tail && buttons ? { buttons } : {}), ...(tail && poll ? { poll } : {}) };
    if (k > 0) delete m.replyTo;
    ref = await replier.send(m);
  }
  if (hasMedia) {
    const m: OutMessage = { ...common, text: [], ...(images ? { images } : {}), ...(files ? { files } : {}), ...(buttons ? { buttons } : {}) };
    delete m.replyTo;
    ref = await replier.send(m);
  }
  return ref as MessageRef;
}

/** Cuts an edit to the door's limit (an edit cannot become two messages). */
function fitEdit(replier: Replier, msg: OutMessage): OutMessage {
  const hasMedia = (msg.images?.length ?? 0) > 0;
  const limit = hasMedia ? replier.caps.maxCaption : replier.caps.maxText;
  return richTextLength(msg.text) <= limit ? msg : { ...msg, text: truncateRichText(msg.text, limit) };
}

/** Creates the bot (default commands: the registry). */
export function createBot(services: BotServices, opts: CreateBotOptions = {}): Bot {
  const commands = opts.commands ?? COMMANDS;
  const { store, log, config } = services;
  const now = () => services.now();
  const scheduler = opts.scheduler ?? realScheduler;
  const limits = opts.limits ?? limitsFromConfig(config.rate);
  const closeTimeoutMs = opts.closeTimeoutMs ?? 10_000;
  const byName = new Map<string, BotCommand>();
  for (const c of commands) {
    if (byName.has(c.name)) throw new Error(`duplicate bot command /${c.name}`);
    byName.set(c.name, c);
  }
  const actionStore = new ActionStore({
    now,
    ...(opts.actionTtlMs !== undefined ? { ttlMs: opts.actionTtlMs } : {}),
    ...(opts.maxActions !== undefined ? { maxEntries: opts.maxActions } : {}),
  });
  const notices = new NoticeGate();
  const abort = new AbortController();
  const inFlight = new Set<Promise<unknown>>();
  const hooks = new Set<() => void | Promise<void>>();
  const timers = new Set<() => void>();
  let closing = false;
  let closed: Promise<void> | undefined;

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    const done = () => inFlight.delete(p);
    p.then(done, done);
    return p;
  }

  function langFor(chat: ChatRef, user?: UserRef): Lang {
    const rec = store.chats.get(chatKey(chat.door, chat.id));
    return rec?.lang ?? langFromLocale(user?.locale) ?? config.lang;
  }

  const runtime: BotRuntime = {
    commands,
    get closing() {
      return closing;
    },
    signal: abort.signal,
    onClose(fn) {
      if (closing) {
        void Promise.resolve()
          .then(fn)
          .catch((err: unknown) => log.error({ err }, 'close hook failed'));
        return () => {};
      }
      hooks.add(fn);
      return () => hooks.delete(fn);
    },
    setTimeout(fn, ms) {
      let cancel: () => void = () => {};
      const fire = () => {
        timers.delete(cancel);
        if (closing) return;
        try {
          const r = fn();
          if (r instanceof Promise) void track(r.catch((err: unknown) => log.error({ err }, 'timer callback failed')));
        } catch (err) {
          log.error({ err }, 'timer callback failed');
        }
      };
      const stop = scheduler.setTimeout(fire, Math.max(0, ms));
      cancel = () => {
        timers.delete(cancel);
        stop();
      };
      timers.add(cancel);
      return cancel;
    },
    track,
    langFor,
  };

  /** Records the user and the chat (foreign keys: before anything is written about them). */
  /**
   * Chats and users as last written, so a request writes only what changed: two commits per
   * request were most of the chat thread's disk time with a class of 120 (see the load test).
   */
  const written = new Map<string, string>();
  const WRITTEN_MAX = 20_000;
  function writeOnce(key: string, value: string, write: () => void): void {
    if (written.get(key) === value) return;
    write();
    written.delete(key);
    written.set(key, value);
    if (written.size > WRITTEN_MAX) written.delete(written.keys().next().value as string);
  }
  function remember(chat: ChatRef, user: UserRef): void {
    const ck = chatKey(chat.door, chat.id);
    const uk = userKey(chat.door, user.id);
    writeOnce(`c:${ck}`, chat.kind, () => store.chats.ensure(ck, chat.kind));
    writeOnce(`u:${uk}`, `${user.name}\u0000${user.locale ?? ''}`, () => store.users.upsert(uk, user.name, user.locale));
  }

  async function safeSend(replier: Replier, msg: OutMessage): Promise<void> {
    try {
      await sendFitted(replier, msg);
    } catch (err) {
      log.warn({ err }, 'could not send a reply');
    }
  }

  /** The "too many requests" notice, at most once per window per key; true when limited. */
  async function limited(
    checks: Array<{ kind: 'user' | 'chat'; key: string }>,
    replier: Replier,
    lang: Lang,
    notify: boolean,
    replyTo: MessageRef | undefined,
  ): Promise<boolean> {
    for (const c of checks) {
      const r = await limits[c.kind].consume(c.key);
      if (r.ok) continue;
      const at = now();
      if (notify && notices.allow(`${c.kind}:${c.key}`, at, at + r.retryMs)) {
        const text = t(lang, c.kind === 'user' ? 'rate_user' : 'rate_chat', { wait: waitText(lang, r.retryMs) });
        await safeSend(replier, { text: [text], private: true, ...(replyTo ? { replyTo } : {}) });
      }
      log.info({ limit: c.kind, retryMs: r.retryMs }, 'rate limited');
      return true;
    }
    return false;
  }

  /** Logs an unexpected error (never the request or its secrets) and tells the user briefly. */
  async function failed(err: unknown, replier: Replier, lang: Lang, where: Record<string, string>, errorLang: Lang = lang): Promise<void> {
    if (isUserInputError(err)) {
      // The user's own mistake: only they need to see it (Discord ephemeral, the local page).
      await safeSend(replier, { text: [err.render(errorLang)], private: true });
      return;
    }
    log.error({ err, ...where }, 'handler failed');
    await safeSend(replier, { text: [t(lang, 'something_wrong')] });
  }

  function baseContext(
    chat: ChatRef,
    user: UserRef,
    lang: Lang,
    replier: Replier,
    commandName: string,
    isAdmin: (() => Promise<boolean>) | undefined,
  ): BaseContext {
    const send = (m: OutMessage | RichText) => sendFitted(replier, toOutMessage(m));
    const edit = (ref: MessageRef, m: OutMessage | RichText) => replier.edit(ref, fitEdit(replier, toOutMessage(m)));
    return {
      chat,
      user,
      lang,
      services,
      runtime,
      replier,
      send,
      edit,
      async progress(initial) {
        const ref = await send(initial);
        return createProgress({
          ref,
          intervalMs: replier.caps.minEditIntervalMs(chat.kind),
          now,
          scheduler,
          log,
          edit: (r, m) => edit(r, m),
          send: (m) => send(m),
        });
      },
      action(name: string, data: JsonValue, o?: { ttlMs?: number }) {
        return actionStore.put(chat, commandName, name, data, o?.ttlMs);
      },
      async isAdmin() {
        if (chat.kind === 'private') return true;
        return isAdmin ? isAdmin() : false;
      },
    };
  }

  /** Options from text or structured values, attachments named by the first file. */
  function parseOptions(cmd: BotCommand, req: BotRequest): ParsedOptions {
    const specs: readonly OptionSpec[] = cmd.options;
    let options: ParsedOptions;
    if (req.options !== undefined) {
      const given: ParsedOptions = {};
      for (const [k, v] of Object.entries(req.options)) {
        if (specs.find((s) => s.name === k)?.type !== 'attachment') given[k] = v;
      }
      options = checkOptions(given, specs);
    } else {
      options = parseTextOptions(req.args ?? '', specs);
    }
    for (const s of specs) {
      if (s.type !== 'attachment') continue;
      const first = req.attachments[0];
      if (first) options[s.name] = first.name;
      else if (s.required) throw argsMessages.error('attachment', { option: s.name });
    }
    return options;
  }

  async function handleCommand(req: BotRequest): Promise<void> {
    const { chat, user, reply } = req;
    let lang: Lang = config.lang;
    let errorLang: Lang = lang;
    try {
      lang = langFor(chat, user);
      // A mistake is answered privately where the door can; then it is in the user's own
      // language first (Discord: interaction.locale, else the chat's /lang, else GRADBOT_LANG).
      errorLang = reply.caps.ephemeral ? (langFromLocale(user.locale) ?? lang) : lang;
      const uk = userKey(chat.door, user.id);
      const ck = chatKey(chat.door, chat.id);
      const checks: Array<{ kind: 'user' | 'chat'; key: string }> = [{ kind: 'user', key: uk }];
      if (chat.kind === 'group') checks.push({ kind: 'chat', key: ck });
      // Limits first: a flood must not turn into database writes.
      if (await limited(checks, reply, lang, true, req.message)) return;
      remember(chat, user);
      const cmd = byName.get(req.command.toLowerCase());
      if (!cmd) {
        const name = req.command.slice(0, 40);
        const near = nearestCommand(name, commands.filter((c) => c.hidden !== true).map((c) => c.name));
        const first = near ? t(errorLang, 'unknown_command_near', { name, near }) : t(errorLang, 'unknown_command', { name });
        // A likely typo gets the one command it meant; anything else the whole list.
        const text = near ? [first] : joinRichText([[first], commandList(commands, errorLang)], '\n\n');
        await safeSend(reply, { text, private: true });
        return;
      }
      let options: ParsedOptions;
      try {
        options = parseOptions(cmd, req);
      } catch (e) {
        if (!isUserInputError(e)) throw e;
        await safeSend(reply, { text: joinRichText([[e.render(errorLang)], commandHelp(cmd, errorLang)], '\n\n'), private: true });
        return;
      }
      const ctxBase = baseContext(chat, user, lang, reply, cmd.name, req.isAdmin);
      if (cmd.adminOnly && !(await ctxBase.isAdmin())) {
        await safeSend(reply, { text: [t(lang, 'admin_only', { command: cmd.name })], private: true, ...(req.message ? { replyTo: req.message } : {}) });
        return;
      }
      const ctx: CommandContext = { ...ctxBase, request: req, options, attachments: req.attachments };
      await cmd.run(ctx);
    } catch (err) {
      await failed(err, reply, lang, { door: chat.door, command: req.command.slice(0, 40), phase: 'command' }, errorLang);
    }
  }

  async function handleAction(act: BotAction): Promise<void> {
    const { chat, user, reply } = act;
    let lang: Lang = config.lang;
    try {
      lang = langFor(chat, user);
      if (await limited([{ kind: 'user', key: userKey(chat.door, user.id) }], reply, lang, true, undefined)) return;
      remember(chat, user);
      const stored = actionStore.get(act.actionId, chat);
      const handler = stored ? byName.get(stored.command)?.actions?.[stored.name] : undefined;
      if (!stored || !handler) {
        if (stored) log.warn({ command: stored.command, action: stored.name }, 'no handler for a stored action');
        await safeSend(reply, { text: [t(lang, 'action_expired')], private: true });
        return;
      }
      const ctx: ActionContext = { ...baseContext(chat, user, lang, reply, stored.command, act.isAdmin), press: act, message: act.message };
      await handler(ctx, stored.data);
    } catch (err) {
      await failed(err, reply, lang, { door: chat.door, phase: 'action' });
    }
  }

  async function handleText(msg: BotText): Promise<void> {
    const { chat, user, reply } = msg;
    let lang: Lang = config.lang;
    try {
      lang = langFor(chat, user);
      // Chatter in a group costs points but gets no notice (it may not be meant for the bot).
      if (await limited([{ kind: 'user', key: userKey(chat.door, user.id) }], reply, lang, chat.kind === 'private', msg.message)) return;
      remember(chat, user);
      for (const cmd of commands) {
        if (!cmd.onText) continue;
        const ctx: TextContext = { ...baseContext(chat, user, lang, reply, cmd.name, msg.isAdmin), text: msg };
        if (await cmd.onText(ctx)) return;
      }
      if (chat.kind === 'private') await safeSend(reply, { text: [t(lang, 'private_hint')] });
    } catch (err) {
      await failed(err, reply, lang, { door: chat.door, phase: 'text' });
    }
  }

  /** Runs a handler unless closing (then says so), so close() can wait for it. */
  function admit(replier: Replier, chat: ChatRef, user: UserRef, run: () => Promise<void>, quiet = false): Promise<void> {
    if (closing) {
      if (quiet) return Promise.resolve();
      let lang: Lang = config.lang;
      try {
        lang = langFor(chat, user);
      } catch {
        // the store may be closed already; the default language will do
      }
      return safeSend(replier, { text: [t(lang, 'closing')], private: true });
    }
    return track(run());
  }

  return {
    commands,
    command: (req) => admit(req.reply, req.chat, req.user, () => handleCommand(req)),
    action: (act) => admit(act.reply, act.chat, act.user, () => handleAction(act)),
    text: (msg) => admit(msg.reply, msg.chat, msg.user, () => handleText(msg), msg.chat.kind === 'group'),
    autocomplete(command, option, typed, lang) {
      const spec = byName.get(command)?.options.find((o) => o.name === option);
      return spec ? suggest(spec, typed, lang) : [];
    },
    langFor,
    close() {
      closed ??= (async () => {
        closing = true;
        abort.abort();
        const fns = [...hooks];
        hooks.clear();
        await Promise.allSettled(
          fns.map((fn) =>
            Promise.resolve()
              .then(fn)
              .catch((err: unknown) => log.error({ err }, 'close hook failed')),
          ),
        );
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), closeTimeoutMs);
          timer.unref();
        });
        const r = await Promise.race([Promise.allSettled([...inFlight]).then(() => 'done' as const), timeout]);
        clearTimeout(timer);
        if (r === 'timeout') log.warn({ pending: inFlight.size }, 'close: handlers still running after the timeout');
        for (const cancel of [...timers]) cancel();
      })();
      return closed;
    },
  };
}
