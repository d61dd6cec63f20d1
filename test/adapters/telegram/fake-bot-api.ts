/**
 * A fake Telegram Bot API server on 127.0.0.1 for the door's integration tests (see
 * /work/shared/notes/TESTING-BOTS.md): plain node:http answering `POST /bot<token>/<method>` with
 * JSON or multipart bodies (grammY's multipart headers are terse, so they are parsed leniently),
 * holding `getUpdates` for its `timeout` like real long polling, and serving
 * `GET /file/bot<token>/<file_path>` so downloads run for real. It records every call, keeps the
 * bot's messages (so edits and replies can be checked) and lets a test push updates as users.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A value of a recorded call's parameters (JSON after parsing multipart fields). */
export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** A file uploaded with a call (multipart), by the field or attach:// name it came under. */
export interface Upload {
  name: string;
  filename: string;
  bytes: Buffer;
}

/** One call the bot made. */
export interface ApiCall {
  method: string;
  params: Record<string, Json>;
  uploads: Upload[];
  /** The result the fake answered with (undefined for errors). */
  result?: Json;
  at: number;
}

export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type FakeChat = { id: number; type: 'private'; first_name: string } | { id: number; type: 'supergroup' | 'group'; title: string };

/** A message the bot sent, as the fake keeps it. */
export interface StoredMessage {
  message_id: number;
  chat: FakeChat;
  from: { id: number; is_bot: true; first_name: string; username: string };
  date: number;
  text?: string;
  caption?: string;
  /** The uploaded bytes for photos/documents (the last version after editMessageMedia). */
  photo?: Buffer;
  document?: { filename: string; bytes: Buffer };
  poll?: { id: string; question: string; options: string[]; correct_option_ids: number[]; is_closed: boolean };
  reply_markup?: Json;
  reply_to_message_id?: number;
  media_group_id?: string;
  edits: number;
  deleted?: boolean;
}

/** Canned failure for the next call(s) of a method. */
interface Failure {
  method: string;
  status: number;
  description: string;
  retryAfter?: number;
  times: number;
}

export const FAKE_BOT = { id: 7_000_000_001, username: 'gradbot_test_bot', first_name: 'gradbot' } as const;

const NUMERIC = new Set(['chat_id', 'message_id', 'user_id', 'offset', 'limit', 'timeout', 'open_period', 'cache_time']);
const BOOLEAN = new Set(['is_anonymous', 'show_alert', 'hide_results_until_closes', 'disable_notification', 'allows_multiple_answers']);

/** Parses a multipart body without trusting grammY's header formatting (unquoted filenames, no spaces). */
export function parseMultipart(body: Buffer, contentType: string): { fields: Record<string, string>; files: Upload[] } {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (boundary === undefined) throw new Error('multipart without boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, string> = {};
  const files: Upload[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    let part = body.subarray(start + delimiter.length, next);
    if (part.subarray(0, 2).toString() === '\r\n') part = part.subarray(2);
    if (part.subarray(part.length - 2).toString() === '\r\n') part = part.subarray(0, part.length - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="?([^";\r\n]+)"?/i.exec(headers)?.[1];
      const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
      if (name !== undefined) {
        if (filename !== undefined) files.push({ name, filename, bytes: Buffer.from(content) });
        else fields[name] = content.toString('utf8');
      }
    }
    start = next;
  }
  return { fields, files };
}

function parseField(key: string, raw: string): Json {
  if (NUMERIC.has(key) && /^-?\d+$/.test(raw)) return Number(raw);
  if (BOOLEAN.has(key) && (raw === 'true' || raw === 'false')) return raw === 'true';
  if (raw.startsWith('{') || raw.startsWith('[')) {
    try {
      return JSON.parse(raw) as Json;
    } catch {
      return raw;
    }
  }
  return raw;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Finds the bytes for an `attach://name` reference among the uploads. */
function attached(value: Json | undefined, uploads: Upload[]): Upload | undefined {
  if (typeof value !== 'string' || !value.startsWith('attach://')) return undefined;
  const name = value.slice('attach://'.length);
  return uploads.find((u) => u.name === name);
}

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  /** Every file download (GET /file/...), by path. */
  readonly downloads: string[] = [];
  readonly messages = new Map<string, StoredMessage>();
  /** Users getChatMember reports as administrators, per chat. */
  readonly admins = new Set<string>();
  /** The parameters of the latest getUpdates (held calls are not in `calls`). */
  lastPoll: Record<string, Json> | undefined;
  private server: Server | undefined;
  private updates: Array<{ update_id: number } & Record<string, unknown>> = [];
  private nextUpdateId = 1000;
  private waiters: Array<() => void> = [];
  private nextMessageId = new Map<number, number>();
  private nextPollId = 1;
  private files = new Map<string, { path: string; bytes: Buffer; name: string }>();
  private failures: Failure[] = [];
  private callListeners: Array<() => void> = [];
  private port = 0;

  constructor(readonly token: string) {}

  /** The apiRoot to give the bot (TELEGRAM_API_ROOT). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: `fake: ${String(e)}` }));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    for (const w of this.waiters.splice(0)) w();
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // ---- test controls ----

  /** Queues an update (the update_id is assigned) and wakes a held getUpdates. */
  push(update: Record<string, unknown>): number {
    const id = this.nextUpdateId++;
    this.updates.push({ update_id: id, ...update });
    for (const w of this.waiters.splice(0)) w();
    return id;
  }

  /** Makes the next `times` calls of `method` fail with `status` (e.g. 429 with retry_after). */
  fail(method: string, status: number, description: string, opts: { retryAfter?: number; times?: number } = {}): void {
    const f: Failure = { method, status, description, times: opts.times ?? 1 };
    if (opts.retryAfter !== undefined) f.retryAfter = opts.retryAfter;
    this.failures.push(f);
  }

  /** A file users can "upload": returns the Document object for a message. */
  addFile(name: string, bytes: Buffer, opts: { declaredSize?: number; mime?: string } = {}): { file_id: string; file_unique_id: string; file_name: string; file_size: number; mime_type: string } {
    const id = `file-${this.files.size + 1}`;
    this.files.set(id, { path: `documents/${id}-${name}`, bytes, name });
    return { file_id: id, file_unique_id: `u${id}`, file_name: name, file_size: opts.declaredSize ?? bytes.length, mime_type: opts.mime ?? 'text/csv' };
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The bot's messages in a chat, oldest first (deleted ones left out). */
  chatMessages(chatId: number): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.chat.id === chatId && m.deleted !== true).sort((a, b) => a.message_id - b.message_id);
  }

  message(chatId: number, messageId: number): StoredMessage | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /** Resolves with the first call (from index `from` on) that matches, or rejects after `timeoutMs`. */
  async waitForCall(pred: (c: ApiCall) => boolean, opts: { from?: number; timeoutMs?: number; what?: string } = {}): Promise<ApiCall> {
    const from = opts.from ?? 0;
    const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
    for (;;) {
      const hit = this.calls.slice(from).find(pred);
      if (hit !== undefined) return hit;
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.calls.slice(from).map((c) => c.method).join(', ');
        throw new Error(`fake Bot API: no call matching ${opts.what ?? 'the predicate'} within ${opts.timeoutMs ?? 10_000} ms (saw: ${seen})`);
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.callListeners.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  // ---- updates as users send them ----

  /** A user's message (text or a document with a caption), optionally replying to a bot message. */
  userMessage(
    chat: FakeChat,
    from: FakeUser,
    opts: { text?: string; caption?: string; document?: ReturnType<FakeBotApi['addFile']>; replyTo?: number; replyToUserDocument?: { message_id: number; from: FakeUser; document: ReturnType<FakeBotApi['addFile']> } },
  ): { updateId: number; messageId: number } {
    const messageId = this.allocMessageId(chat.id);
    const message: Record<string, unknown> = { message_id: messageId, date: Math.floor(Date.now() / 1000), chat, from: { is_bot: false, ...from } };
    if (opts.text !== undefined) {
      message.text = opts.text;
      const cmd = /^\/\S+/.exec(opts.text);
      if (cmd !== null) message.entities = [{ type: 'bot_command', offset: 0, length: cmd[0].length }];
    }
    if (opts.caption !== undefined) message.caption = opts.caption;
    if (opts.document !== undefined) message.document = opts.document;
    if (opts.replyTo !== undefined) {
      const replied = this.message(chat.id, opts.replyTo);
      if (replied === undefined) throw new Error(`fake: no bot message ${opts.replyTo} in chat ${chat.id}`);
      message.reply_to_message = this.publicMessage(replied);
    }
    if (opts.replyToUserDocument !== undefined) {
      const d = opts.replyToUserDocument;
      message.reply_to_message = { message_id: d.message_id, date: Math.floor(Date.now() / 1000), chat, from: { is_bot: false, ...d.from }, document: d.document };
    }
    const updateId = this.push({ message });
    return { updateId, messageId };
  }

  /** A press on an inline button of a bot message. */
  pressButton(chat: FakeChat, from: FakeUser, messageId: number, data: string): number {
    const msg = this.message(chat.id, messageId);
    if (msg === undefined) throw new Error(`fake: no bot message ${messageId}`);
    return this.push({ callback_query: { id: `cq-${this.nextUpdateId}`, from: { is_bot: false, ...from }, chat_instance: `ci-${chat.id}`, message: this.publicMessage(msg), data } });
  }

  /** A vote in a (non-anonymous) poll. */
  vote(pollId: string, from: FakeUser, optionIds: number[]): number {
    return this.push({ poll_answer: { poll_id: pollId, user: { is_bot: false, ...from }, option_ids: optionIds, option_persistent_ids: optionIds.map(String) } });
  }

  /** The bot's membership in a chat changed (added to a group...). */
  memberUpdate(chat: FakeChat, from: FakeUser, oldStatus: string, newStatus: string): number {
    const bot = { id: FAKE_BOT.id, is_bot: true, first_name: FAKE_BOT.first_name, username: FAKE_BOT.username };
    return this.push({
      my_chat_member: {
        chat,
        from: { is_bot: false, ...from },
        date: Math.floor(Date.now() / 1000),
        old_chat_member: { status: oldStatus, user: bot },
        new_chat_member: { status: newStatus, user: bot },
      },
    });
  }

  // ---- the server ----

  private allocMessageId(chatId: number): number {
    const id = (this.nextMessageId.get(chatId) ?? 100) + 1;
    this.nextMessageId.set(chatId, id);
    return id;
  }

  /** A bot message as Telegram delivers it inside updates. */
  private publicMessage(m: StoredMessage): Record<string, unknown> {
    const out: Record<string, unknown> = { message_id: m.message_id, date: m.date, chat: m.chat, from: m.from };
    if (m.text !== undefined) out.text = m.text;
    if (m.caption !== undefined) out.caption = m.caption;
    if (m.photo !== undefined) out.photo = [{ file_id: `photo-${m.message_id}`, file_unique_id: `p${m.message_id}`, width: 800, height: 600 }];
    if (m.poll !== undefined) out.poll = { ...m.poll, options: m.poll.options.map((t) => ({ text: t, voter_count: 0 })), total_voter_count: 0, is_anonymous: false, type: 'quiz', allows_multiple_answers: false };
    if (m.reply_markup !== undefined) out.reply_markup = m.reply_markup;
    return out;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (req.method === 'GET' && fileMatch !== null) {
      const [, token, path] = fileMatch;
      const file = [...this.files.values()].find((f) => f.path === decodeURIComponent(path ?? ''));
      this.downloads.push(path ?? '');
      if (token !== this.token || file === undefined) {
        res.writeHead(404).end('Not Found');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.length) });
      res.end(file.bytes);
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (m === null) {
      this.reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const [, token, method = ''] = m;
    const body = await readBody(req);
    if (token !== this.token) {
      this.reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const contentType = req.headers['content-type'] ?? '';
    let params: Record<string, Json> = {};
    let uploads: Upload[] = [];
    if (contentType.startsWith('multipart/form-data')) {
      const parsed = parseMultipart(body, contentType);
      params = Object.fromEntries(Object.entries(parsed.fields).map(([k, v]) => [k, parseField(k, v)]));
      uploads = parsed.files;
    } else if (body.length > 0) {
      params = JSON.parse(body.toString('utf8')) as Record<string, Json>;
    }
    const call: ApiCall = { method, params, uploads, at: Date.now() };
    if (method !== 'getUpdates') this.record(call);

    const failure = this.failures.find((f) => f.method === method && f.times > 0);
    if (failure !== undefined) {
      failure.times--;
      const payload: Json = { ok: false, error_code: failure.status, description: failure.description };
      if (failure.retryAfter !== undefined) payload.parameters = { retry_after: failure.retryAfter };
      this.reply(res, failure.status, payload);
      return;
    }
    if (method === 'getUpdates') {
      await this.getUpdates(req, res, params);
      return;
    }
    const out = this.answer(method, params, uploads);
    if ('error' in out) {
      this.reply(res, out.status, { ok: false, error_code: out.status, description: out.error });
      return;
    }
    call.result = out.result;
    this.reply(res, 200, { ok: true, result: out.result });
  }

  private record(call: ApiCall): void {
    this.calls.push(call);
    for (const l of this.callListeners.splice(0)) l();
  }

  private reply(res: ServerResponse, status: number, payload: Json): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  }

  private async getUpdates(req: IncomingMessage, res: ServerResponse, params: Record<string, Json>): Promise<void> {
    const offset = typeof params.offset === 'number' ? params.offset : 0;
    const limit = typeof params.limit === 'number' ? params.limit : 100;
    const timeout = typeof params.timeout === 'number' ? params.timeout : 0;
    this.lastPoll = params;
    this.updates = this.updates.filter((u) => u.update_id >= offset);
    if (this.updates.length === 0 && timeout > 0) {
      // Hold the request like Telegram does, until an update arrives or the timeout passes.
      await new Promise<void>((resolve) => {
        const socket = req.socket;
        const timer = setTimeout(done, timeout * 1000);
        function done() {
          clearTimeout(timer);
          socket.off('close', done);
          resolve();
        }
        this.waiters.push(done);
        socket.once('close', done);
      });
    }
    this.reply(res, 200, { ok: true, result: this.updates.slice(0, limit) as unknown as Json });
  }

  private stored(chatId: Json | undefined, messageId: Json | undefined): StoredMessage | undefined {
    return this.message(Number(chatId), Number(messageId));
  }

  private newMessage(params: Record<string, Json>): StoredMessage {
    const chatId = Number(params.chat_id);
    const chat: FakeChat = chatId > 0 ? { id: chatId, type: 'private', first_name: 'Student' } : { id: chatId, type: 'supergroup', title: 'Class' };
    const msg: StoredMessage = {
      message_id: this.allocMessageId(chatId),
      chat,
      from: { id: FAKE_BOT.id, is_bot: true, first_name: FAKE_BOT.first_name, username: FAKE_BOT.username },
      date: Math.floor(Date.now() / 1000),
      edits: 0,
    };
    if (params.reply_markup !== undefined) msg.reply_markup = params.reply_markup;
    const reply = params.reply_parameters;
    if (typeof reply === 'object' && reply !== null && !Array.isArray(reply) && typeof reply.message_id === 'number') msg.reply_to_message_id = reply.message_id;
    this.messages.set(`${chatId}:${msg.message_id}`, msg);
    return msg;
  }

  private answer(method: string, params: Record<string, Json>, uploads: Upload[]): { result: Json } | { error: string; status: number } {
    const asJson = (m: StoredMessage): Json => this.publicMessage(m) as unknown as Json;
    switch (method) {
      case 'getMe':
        return { result: { id: FAKE_BOT.id, is_bot: true, first_name: FAKE_BOT.first_name, username: FAKE_BOT.username, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false } };
      case 'setMyCommands':
      case 'deleteWebhook':
      case 'answerCallbackQuery':
      case 'sendChatAction':
        return { result: true };
      case 'sendMessage': {
        if (typeof params.text !== 'string' || params.text.length === 0) return { error: 'Bad Request: message text is empty', status: 400 };
        const msg = this.newMessage(params);
        msg.text = params.text;
        return { result: asJson(msg) };
      }
      case 'sendPhoto':
      case 'sendDocument': {
        const field = method === 'sendPhoto' ? 'photo' : 'document';
        const file = attached(params[field], uploads);
        if (file === undefined) return { error: `Bad Request: there is no ${field} in the request`, status: 400 };
        const msg = this.newMessage(params);
        if (method === 'sendPhoto') msg.photo = file.bytes;
        else msg.document = { filename: file.filename, bytes: file.bytes };
        if (typeof params.caption === 'string') msg.caption = params.caption;
        return { result: asJson(msg) };
      }
      case 'sendMediaGroup': {
        const media = params.media;
        if (!Array.isArray(media) || media.length < 2 || media.length > 10) return { error: 'Bad Request: wrong number of media', status: 400 };
        const group = `mg-${this.calls.length}`;
        const out: Json[] = [];
        for (const item of media) {
          if (typeof item !== 'object' || item === null || Array.isArray(item)) return { error: 'Bad Request: bad media', status: 400 };
          const file = attached(item.media, uploads);
          if (file === undefined) return { error: 'Bad Request: media not found', status: 400 };
          const msg = this.newMessage({ chat_id: params.chat_id ?? 0 });
          msg.photo = file.bytes;
          msg.media_group_id = group;
          if (typeof item.caption === 'string') msg.caption = item.caption;
          out.push(asJson(msg));
        }
        return { result: out };
      }
      case 'sendPoll': {
        const options = params.options;
        if (!Array.isArray(options) || options.length < 2) return { error: 'Bad Request: poll must have at least 2 options', status: 400 };
        if (typeof params.question !== 'string' || params.question.length > 300) return { error: 'Bad Request: poll question length must not exceed 300', status: 400 };
        const msg = this.newMessage(params);
        const correct = Array.isArray(params.correct_option_ids) ? params.correct_option_ids.map(Number) : [];
        msg.poll = {
          id: `poll-${this.nextPollId++}`,
          question: params.question,
          options: options.map((o) => (typeof o === 'object' && o !== null && !Array.isArray(o) ? String(o.text) : String(o))),
          correct_option_ids: correct,
          is_closed: false,
        };
        const media = params.media;
        if (typeof media === 'object' && media !== null && !Array.isArray(media)) {
          const file = attached(media.media, uploads);
          if (file !== undefined) msg.photo = file.bytes;
        }
        return { result: asJson(msg) };
      }
      case 'stopPoll': {
        const msg = this.stored(params.chat_id, params.message_id);
        if (msg?.poll === undefined) return { error: 'Bad Request: message with poll to stop not found', status: 400 };
        if (msg.poll.is_closed) return { error: 'Bad Request: poll has already been closed', status: 400 };
        msg.poll.is_closed = true;
        return { result: { ...msg.poll, options: msg.poll.options.map((t) => ({ text: t, voter_count: 0 })), total_voter_count: 0, is_anonymous: false, type: 'quiz', allows_multiple_answers: false } };
      }
      case 'editMessageText': {
        const msg = this.stored(params.chat_id, params.message_id);
        if (msg === undefined || msg.deleted === true) return { error: 'Bad Request: message to edit not found', status: 400 };
        if (msg.text === undefined) return { error: 'Bad Request: there is no text in the message to edit', status: 400 };
        if (msg.text === params.text && JSON.stringify(msg.reply_markup) === JSON.stringify(params.reply_markup)) {
          return { error: 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message', status: 400 };
        }
        msg.text = String(params.text);
        this.setMarkup(msg, params);
        msg.edits++;
        return { result: asJson(msg) };
      }
      case 'editMessageCaption': {
        const msg = this.stored(params.chat_id, params.message_id);
        if (msg === undefined || msg.deleted === true) return { error: 'Bad Request: message to edit not found', status: 400 };
        if (msg.photo === undefined && msg.document === undefined) return { error: 'Bad Request: there is no caption in the message to edit', status: 400 };
        if (typeof params.caption === 'string' && params.caption !== '') msg.caption = params.caption;
        else delete msg.caption;
        this.setMarkup(msg, params);
        msg.edits++;
        return { result: asJson(msg) };
      }
      case 'editMessageMedia': {
        const msg = this.stored(params.chat_id, params.message_id);
        if (msg === undefined || msg.deleted === true) return { error: 'Bad Request: message to edit not found', status: 400 };
        const media = params.media;
        if (typeof media !== 'object' || media === null || Array.isArray(media)) return { error: 'Bad Request: media is required', status: 400 };
        const file = attached(media.media, uploads);
        if (file === undefined) return { error: 'Bad Request: media not found', status: 400 };
        if (media.type === 'photo') msg.photo = file.bytes;
        else msg.document = { filename: file.filename, bytes: file.bytes };
        if (typeof media.caption === 'string') msg.caption = media.caption;
        else delete msg.caption;
        this.setMarkup(msg, params);
        msg.edits++;
        return { result: asJson(msg) };
      }
      case 'deleteMessage': {
        const msg = this.stored(params.chat_id, params.message_id);
        if (msg === undefined) return { error: 'Bad Request: message to delete not found', status: 400 };
        msg.deleted = true;
        return { result: true };
      }
      case 'getChatMember': {
        const key = `${String(params.chat_id)}:${String(params.user_id)}`;
        const status = this.admins.has(key) ? 'administrator' : 'member';
        return { result: { status, user: { id: Number(params.user_id), is_bot: false, first_name: 'User' } } };
      }
      case 'getFile': {
        const file = this.files.get(String(params.file_id));
        if (file === undefined) return { error: 'Bad Request: invalid file_id', status: 400 };
        return { result: { file_id: String(params.file_id), file_unique_id: `u${String(params.file_id)}`, file_size: file.bytes.length, file_path: file.path } };
      }
      default:
        return { error: 'Not Found: method not found', status: 404 };
    }
  }

  private setMarkup(msg: StoredMessage, params: Record<string, Json>): void {
    if (params.reply_markup !== undefined) msg.reply_markup = params.reply_markup;
    else delete msg.reply_markup;
  }
}

/** Starts a fake server for `token`; close it in afterAll. */
export async function startFakeBotApi(token: string): Promise<FakeBotApi> {
  const api = new FakeBotApi(token);
  await api.start();
  return api;
}
