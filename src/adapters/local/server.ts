/**
 * The local web chat's HTTP server (fastify 5): the page, and the API the page, the tests, the
 * load test and scripts use. Shapes are documented in ./README.md and
 * checked in ./schemas.ts; the JSON of a message is ./wire.ts.
 *
 * A posted message is answered 202 at once with its id; the bot handles it afterwards and its
 * replies appear in the chat (list and event stream), as on a real chat platform.
 */
import type { IncomingMessage } from 'node:http';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { defineMessages } from '../../core/errors.js';
import type { Log } from '../../bot/services.js';
import type { Attachment, Bot, ChatKind, ChatRef, DoorCaps, MessageRef, UserRef } from '../../bot/types.js';
import type { Config } from '../../config.js';
import { AccessGate, WRONG_CODE } from './access.js';
import { ApiError, errorBody, handleError, requestLang } from './api-error.js';
import { BlobStore } from './blob-store.js';
import { ChatKindMismatchError, ChatLog, visibleTo, type StoredMessage } from './chat-log.js';
import { parseCommandLine } from './command-line.js';
import { EventStreams } from './event-stream.js';
import { checkHost } from './host-guard.js';
import { loadPage } from './page.js';
import { createLocalReplier, localCaps } from './replier.js';
import { accessSchema, autocompleteQuerySchema, checkChatId, listQuerySchema, parseOr400, postActionSchema, postMessageSchema, type PostMessageBody } from './schemas.js';
import { readMultipart, toAttachment, type UploadedFile } from './upload.js';
import { toWire } from './wire.js';

/** Memory bounds of the local chat (./README.md, "Memory bounds"). */
export interface LocalLimits {
  /** Messages kept per chat; older ones leave the history. */
  messagesPerChat: number;
  /** Chats kept; the least recently active one without listeners leaves first. */
  chats: number;
  /** Characters of message text kept in all chats; the oldest messages of idle chats leave first. */
  textChars: number;
  /** Pictures and files kept in total (LRU). */
  images: number;
  /** Bytes of pictures and files kept in total. */
  imageBytes: number;
  /** Open event streams at once. */
  streams: number;
}

export const DEFAULT_LIMITS: Readonly<LocalLimits> = Object.freeze({
  messagesPerChat: 500,
  chats: 200,
  textChars: 16_000_000,
  images: 300,
  imageBytes: 64 * 1024 * 1024,
  streams: 200,
});

/** Knobs for tests; production uses the defaults. */
export interface LocalServerOptions {
  limits?: Partial<LocalLimits>;
  /** Comment line interval of the event stream (default 15 s). */
  heartbeatMs?: number;
  now?: () => number;
  /** Folder of the page (default assets/local-chat/). */
  pageDir?: URL;
  /** Longest time a request may take to arrive (default 5 minutes). */
  requestTimeoutMs?: number;
}

/** What the door needs from its dependencies. */
export interface LocalServerDeps {
  config: Pick<Config, 'uploadMaxBytes' | 'local'>;
  bot: Bot;
  log: Log;
}

/** A built (not yet listening) server and its parts. */
export interface LocalServer {
  app: FastifyInstance;
  chats: ChatLog;
  blobs: BlobStore;
  streams: EventStreams;
  caps: DoorCaps;
  /** Resolves when every bot call started so far has finished. */
  idle(): Promise<void>;
}

const messages = defineMessages('local', {
  failed: {
    en: 'Sorry, something went wrong while answering that. Please try again.',
    ru: 'Простите, при ответе что-то пошло не так. Попробуйте ещё раз.',
  },
});

const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const IMAGE_RE = /^([0-9a-f-]{36})\.png$/;

function messageRef(chat: ChatRef, id: number): MessageRef {
  return { chat, id: String(id) };
}

/** A POST from another site (a form on a web page the teacher visits) must not post here. */
function checkOrigin(req: FastifyRequest): void {
  const origin = req.headers.origin;
  if (origin === undefined) return; // scripts and tests send none
  let host: string | undefined;
  try {
    host = new URL(origin).host; // "null" (sandboxed pages, file://) does not parse: refused
  } catch {
    host = undefined;
  }
  if (host === undefined || host !== req.headers.host) {
    throw new ApiError(403, 'cross_origin', { en: 'Requests from other sites are not accepted.', ru: 'Запросы с других сайтов не принимаются.' });
  }
}

/** Answers 408 and closes the connection when the body has not arrived within `ms`. */
function dropSlowBody(req: IncomingMessage, ms: number): void {
  if (req.complete) return;
  const timer = setTimeout(() => {
    if (req.complete || req.socket.destroyed) return;
    const text = { en: 'The request did not arrive in time; send it again.', ru: 'Запрос пришёл не целиком вовремя; отправьте его ещё раз.' };
    const body = JSON.stringify(errorBody('request_timeout', text[requestLang(req.headers['accept-language'])]));
    req.socket.end(`HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    req.socket.destroySoon();
  }, ms);
  timer.unref();
  req.once('close', () => clearTimeout(timer));
}

/** Builds the server with its routes; `listen` is the caller's. */
export async function buildLocalServer(deps: LocalServerDeps, options: LocalServerOptions = {}): Promise<LocalServer> {
  const limits: LocalLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { bot, log } = deps;
  const uploadMax = deps.config.uploadMaxBytes;
  const page = loadPage(options.pageDir);
  const caps = localCaps(uploadMax);
  const blobs = new BlobStore({ count: limits.images, bytes: limits.imageBytes });
  const chats = new ChatLog({ messagesPerChat: limits.messagesPerChat, chats: limits.chats, textChars: limits.textChars }, options.now, (m) => {
    for (const img of m.images) blobs.delete(img.blobId);
    for (const f of m.files) if (f.blobId !== undefined) blobs.delete(f.blobId);
  });
  const streams = new EventStreams(chats, options.heartbeatMs ?? 15_000, limits.streams);
  const gate = new AccessGate(deps.config.local.accessCode);
  const inflight = new Set<Promise<void>>();

  // A client that trickles its headers or body (slowloris) must not hold a connection (and a
  // half-read upload) forever. Node's own limit (which fastify turns off) covers the headers;
  // `dropSlowBody` the body. Event streams are not affected: the limit ends when the request
  // has arrived.
  const requestTimeoutMs = options.requestTimeoutMs ?? 300_000;
  const app = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    trustProxy: false,
    requestTimeout: requestTimeoutMs,
    http: { connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(requestTimeoutMs / 4))) },
  });
  await app.register(multipart, { throwFileSizeLimit: false });
  app.setErrorHandler(handleError(log));
  app.setNotFoundHandler((req, reply) => {
    const path = (req.url.split('?')[0] ?? '').slice(0, 200);
    const text = {
      en: `There is no ${req.method} ${path} here; see src/adapters/local/README.md.`,
      ru: `Здесь нет ${req.method} ${path}; см. src/adapters/local/README.md.`,
    };
    void reply.status(404).send(errorBody('not_found', text[requestLang(req.headers['accept-language'])]));
  });

  app.addHook('onRequest', async (req) => {
    dropSlowBody(req.raw, requestTimeoutMs);
    checkHost(deps.config.local.host, req.headers.host);
    if (req.method !== 'GET' && req.method !== 'HEAD') checkOrigin(req);
    const path = req.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') && path !== '/api/access') await gate.check(req.headers, req.ip);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => {
    // The route pattern, not the URL: queries (?as=) and bodies never reach the log.
    log.debug({ method: req.method, route: req.routeOptions.url ?? 'unknown', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'local chat request');
  });
  app.addHook('preClose', async () => {
    // Open event streams would keep the server from closing.
    streams.closeAll();
  });

  /** Runs a bot call after the answer; a failure is logged and told to the user politely. */
  const dispatch = (chat: ChatRef, user: UserRef, what: string, run: (reply: ReturnType<typeof createLocalReplier>) => Promise<void>) => {
    const reply = createLocalReplier({ log: chats, blobs, caps }, chat, user);
    const p: Promise<void> = run(reply)
      .catch(async (err: unknown) => {
        log.error({ err, chat: chat.id, what }, 'local chat: the bot failed on a request');
        try {
          await reply.send({ text: [messages.error('failed').render(bot.langFor(chat, user))], private: chat.kind === 'group' });
        } catch {
          // Nothing more to do: the log has it.
        }
      })
      .finally(() => inflight.delete(p));
    inflight.add(p);
  };

  // --- the page -----------------------------------------------------------------------------
  const servePage = (name: string) => async (_req: FastifyRequest, reply: FastifyReply) => {
    const f = page.files.get(name);
    if (!f) throw new ApiError(404, 'not_found', { en: 'No such file.', ru: 'Такого файла нет.' });
    reply.header('content-type', f.type).header('cache-control', 'no-cache');
    if (name === 'index.html') reply.header('content-security-policy', PAGE_CSP);
    return reply.send(f.body);
  };
  app.get('/', servePage('index.html'));
  app.get('/app.js', servePage('app.js'));
  app.get('/style.css', servePage('style.css'));

  app.get('/healthz', async () => ({ ok: true }));

  // --- access code --------------------------------------------------------------------------
  app.get('/api/access', async (req) => {
    let granted = true;
    try {
      await gate.check(req.headers, req.ip);
    } catch {
      granted = false;
    }
    return { required: gate.required, granted };
  });
  app.post('/api/access', async (req, reply) => {
    const { code } = parseOr400(accessSchema, req.body, 'access body');
    if (!(await gate.tryCode(code, req.ip))) {
      throw new ApiError(401, 'access_code_invalid', WRONG_CODE);
    }
    if (gate.required) reply.header('set-cookie', gate.cookie());
    return reply.status(204).send();
  });

  // --- commands -----------------------------------------------------------------------------
  // The definitions only: a registry entry also carries its handlers.
  app.get('/api/commands', async () => ({
    commands: bot.commands.map((c) => ({
      name: c.name,
      description: c.description,
      options: c.options,
      ...(c.examples !== undefined ? { examples: c.examples } : {}),
      ...(c.adminOnly === true ? { adminOnly: true } : {}),
      ...(c.hidden === true ? { hidden: true } : {}),
    })),
  }));
  app.get('/api/autocomplete', async (req) => {
    const q = parseOr400(autocompleteQuerySchema, req.query, 'query', 'invalid_query');
    return { choices: bot.autocomplete(q.command, q.option, q.q, q.lang) };
  });

  // --- messages -----------------------------------------------------------------------------
  app.post<{ Params: { chatId: string } }>('/api/chats/:chatId/messages', async (req, reply) => {
    const chatId = checkChatId(req.params.chatId);
    let body: PostMessageBody;
    let file: UploadedFile | undefined;
    if (req.isMultipart()) {
      const form = await readMultipart(req, uploadMax);
      file = form.file;
      const f = form.fields;
      body = parseOr400(
        postMessageSchema,
        {
          from: { id: f['from.id'], name: f['from.name'] },
          text: f.text,
          chatKind: f.chatKind,
          ...(f.locale !== undefined && f.locale !== '' ? { locale: f.locale } : {}),
          ...(f.replyTo !== undefined && f.replyTo !== '' ? { replyTo: f.replyTo } : {}),
        },
        'form',
      );
    } else {
      body = parseOr400(postMessageSchema, req.body, 'message body');
    }
    if (body.text.trim() === '' && !file) {
      throw new ApiError(400, 'empty_message', {
        en: 'The message has no text and no file: send "text" (a command such as "/help", or an answer).',
        ru: 'В сообщении нет ни текста, ни файла: пришлите "text" (команду вроде "/help" или ответ).',
      });
    }
    const kind: ChatKind = body.chatKind;
    try {
      chats.ensure(chatId, kind);
    } catch (e) {
      if (!(e instanceof ChatKindMismatchError)) throw e;
      throw new ApiError(409, 'chat_kind_mismatch', {
        en: `Chat "${chatId}" is a ${e.kind} chat; send chatKind "${e.kind}" or use another chat id.`,
        ru: `Чат "${chatId}" — ${e.kind === 'group' ? 'групповой' : 'личный'}; пришлите chatKind "${e.kind}" или возьмите другой id чата.`,
      });
    }
    if (body.replyTo !== undefined) {
      const target = chats.get(chatId, body.replyTo);
      if (!target || !visibleTo(target, body.from.id)) {
        throw new ApiError(400, 'unknown_reply_to', {
          en: `Message ${body.replyTo} is not in chat "${chatId}" (replyTo must be the id of a message of this chat).`,
          ru: `Сообщения ${body.replyTo} нет в чате "${chatId}" (replyTo — id сообщения этого чата; старые сообщения чат забывает).`,
        });
      }
    }
    const posted = chats.post(chatId, {
      from: { id: body.from.id, name: body.from.name, bot: false },
      text: body.text === '' ? [] : [body.text],
      images: [],
      files: file ? [{ name: file.name, size: file.declaredSize, mime: file.mime, ...(file.truncated ? { truncated: true } : {}) }] : [],
      buttons: [],
      ...(body.replyTo !== undefined ? { replyTo: body.replyTo } : {}),
    });

    const chat: ChatRef = { door: 'local', id: chatId, kind };
    const user: UserRef = { id: body.from.id, name: body.from.name, ...(body.locale !== undefined ? { locale: body.locale } : {}) };
    const attachments: Attachment[] = file ? [toAttachment(file, uploadMax)] : [];
    const message = messageRef(chat, posted.id);
    const replyTo = body.replyTo !== undefined ? messageRef(chat, body.replyTo) : undefined;
    const line = parseCommandLine(body.text);
    if (line) {
      dispatch(chat, user, `/${line.command}`, (r) =>
        bot.command({ chat, user, command: line.command, args: line.args, attachments, message, ...(replyTo ? { replyTo } : {}), isAdmin: async () => true, reply: r }),
      );
    } else {
      dispatch(chat, user, 'text', (r) => bot.text({ chat, user, text: body.text, message, ...(replyTo ? { replyTo } : {}), attachments, reply: r }));
    }
    return reply.status(202).send({ id: String(posted.id) });
  });

  app.post<{ Params: { chatId: string } }>('/api/chats/:chatId/actions', async (req, reply) => {
    const chatId = checkChatId(req.params.chatId);
    const body = parseOr400(postActionSchema, req.body, 'action body');
    const kind = chats.kindOf(chatId);
    const target: StoredMessage | undefined = kind === undefined ? undefined : chats.get(chatId, body.messageId);
    if (kind === undefined || !target || !visibleTo(target, body.from.id)) {
      throw new ApiError(404, 'unknown_message', {
        en: `Message ${body.messageId} is not in chat "${chatId}".`,
        ru: `Сообщения ${body.messageId} нет в чате "${chatId}".`,
      });
    }
    const button = target.buttons.flat().find((b) => b.id === body.action);
    if (!button) {
      throw new ApiError(400, 'unknown_action', {
        en: `Message ${body.messageId} has no button "${body.action.slice(0, 64)}" (any more).`,
        ru: `У сообщения ${body.messageId} нет (уже нет) кнопки "${body.action.slice(0, 64)}".`,
      });
    }
    if (button.disabled === true) {
      throw new ApiError(400, 'button_disabled', { en: `The button "${button.label}" cannot be pressed.`, ru: `Кнопку "${button.label}" нажать нельзя.` });
    }
    const chat: ChatRef = { door: 'local', id: chatId, kind };
    const user: UserRef = { id: body.from.id, name: body.from.name, ...(body.locale !== undefined ? { locale: body.locale } : {}) };
    dispatch(chat, user, 'action', (r) => bot.action({ chat, user, actionId: body.action, message: messageRef(chat, target.id), reply: r }));
    return reply.status(202).send({});
  });

  app.get<{ Params: { chatId: string } }>('/api/chats/:chatId/messages', async (req) => {
    const chatId = checkChatId(req.params.chatId);
    const q = parseOr400(listQuerySchema, req.query, 'query', 'invalid_query');
    const watermark = chats.watermark;
    const list = q.after === undefined ? chats.history(chatId, q.as) : chats.changesAfter(chatId, q.after, q.as);
    return { messages: list.map(toWire), watermark };
  });

  app.get<{ Params: { chatId: string } }>('/api/chats/:chatId/events', async (req, reply) => {
    const chatId = checkChatId(req.params.chatId);
    const q = parseOr400(listQuerySchema, req.query, 'query', 'invalid_query');
    const lastId = req.headers['last-event-id'];
    const resume = typeof lastId === 'string' && /^\d{1,15}$/.test(lastId) ? Number(lastId) : q.after;
    if (streams.full) {
      throw new ApiError(503, 'too_many_streams', {
        en: 'Too many open event streams; close a tab or poll GET .../messages?after= instead.',
        ru: 'Открыто слишком много потоков событий; закройте вкладку или опрашивайте GET .../messages?after=.',
      });
    }
    reply.hijack();
    streams.open(reply.raw, chatId, q.as, resume);
  });

  // --- pictures and files -------------------------------------------------------------------
  app.get<{ Params: { file: string } }>('/api/images/:file', async (req, reply) => {
    const id = IMAGE_RE.exec(req.params.file)?.[1];
    const blob = id === undefined ? undefined : blobs.get(id);
    if (!blob || blob.mime !== 'image/png') {
      throw new ApiError(404, 'image_not_found', {
        en: 'This picture is not kept any more (the chat keeps the newest ones).',
        ru: 'Эта картинка уже не хранится (чат держит только самые новые).',
      });
    }
    reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=86400, immutable');
    return reply.send(Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength));
  });
  app.get<{ Params: { id: string; name: string } }>('/api/files/:id/:name', async (req, reply) => {
    const blob = /^[0-9a-f-]{36}$/.test(req.params.id) ? blobs.get(req.params.id) : undefined;
    if (!blob) {
      throw new ApiError(404, 'file_not_found', {
        en: 'This file is not kept any more (the chat keeps the newest ones).',
        ru: 'Этот файл уже не хранится (чат держит только самые новые).',
      });
    }
    reply
      .header('content-type', blob.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(blob.name)}`)
      .header('content-security-policy', 'sandbox')
      .header('cache-control', 'private, max-age=86400');
    return reply.send(Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength));
  });

  return {
    app,
    chats,
    blobs,
    streams,
    caps,
    async idle() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
  };
}
