/**
 * A fake Discord on 127.0.0.1 for driving the real discord.js client (see
 * shared/notes/TESTING-BOTS.md): REST under /api/v10 (gateway lookup, interaction callbacks,
 * webhook edits and follow-ups, command registration) and a WebSocket gateway that says HELLO,
 * answers IDENTIFY with READY and heartbeats with ACK, and dispatches INTERACTION_CREATE.
 * Every REST call is recorded with its JSON payload and uploaded files.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '111111111111111111';
export const BOT_ID = '222222222222222222';
export const GUILD_ID = '333333333333333333';
export const CHANNEL_ID = '444444444444444444';

export interface RecordedFile {
  name: string;
  bytes: Uint8Array;
}

/** One REST call the bot made. */
export interface RestCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | unknown[] | null;
  files: RecordedFile[];
  /** For webhook/callback calls: the interaction token in the path. */
  token?: string;
  /** The message id this call created or edited (as returned to the bot). */
  messageId?: string;
}

let snow = 900000000000000000n;
/** A fresh 18-digit snowflake. */
export function snowflake(): string {
  snow += 1n;
  return snow.toString();
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(req: IncomingMessage, raw: Buffer): Promise<{ body: RestCall['body']; files: RecordedFile[] }> {
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { body: null, files: [] };
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://x/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    const files: RecordedFile[] = [];
    let body: RestCall['body'] = null;
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json' && typeof value === 'string') body = JSON.parse(value) as RestCall['body'];
      else if (typeof value !== 'string') files.push({ name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    return { body, files };
  }
  return { body: JSON.parse(raw.toString('utf8')) as RestCall['body'], files: [] };
}

/** A scripted REST failure: the next `times` calls matching `test` answer `status` with `body`. */
interface Failure {
  test: (method: string, path: string) => boolean;
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  times: number;
}

export class FakeDiscord {
  readonly calls: RestCall[] = [];
  /** REST calls answered with a scripted failure (not in `calls`). */
  readonly failed: Array<{ method: string; path: string; status: number }> = [];
  private failures: Failure[] = [];
  private server: Server;
  private wss: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private seq = 0;
  private waiters: Array<{ test: (c: RestCall) => boolean; resolve: (c: RestCall) => void }> = [];
  /** Files served at /files/<name> (attachment URLs point here). */
  readonly files = new Map<string, Uint8Array>();
  /** Downloads of /files/* seen, by name. */
  readonly downloads: string[] = [];
  port = 0;

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => this.onSocket(ws));
  }

  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** DISCORD_API_BASE for the bot. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /**
   * Makes the next `times` REST calls matching `test` fail, as Discord does: e.g. 404
   * `{code: 10062, message: 'Unknown interaction'}`, 500, or 429 with `retry_after` (seconds).
   */
  fail(test: (method: string, path: string) => boolean, status: number, body: Record<string, unknown>, opts: { times?: number; headers?: Record<string, string> } = {}): void {
    this.failures.push({ test, status, body, headers: opts.headers ?? {}, times: opts.times ?? 1 });
  }

  /** Resolves with the first call (already made or future) matching `test`. */
  waitFor(test: (c: RestCall) => boolean, timeoutMs = 20_000): Promise<RestCall> {
    const seen = this.calls.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`FakeDiscord: no matching call in ${timeoutMs} ms; calls: ${this.calls.map((c) => `${c.method} ${c.path}`).join(', ')}`)), timeoutMs);
      this.waiters.push({ test, resolve: (c) => (clearTimeout(t), resolve(c)) });
    });
  }

  /** Every call for one interaction token, in order. */
  callsFor(token: string): RestCall[] {
    return this.calls.filter((c) => c.token === token);
  }

  /** Sends a gateway dispatch to every connected client. */
  dispatch(t: string, d: unknown): void {
    const frame = JSON.stringify({ op: 0, s: ++this.seq, t, d });
    for (const s of this.sockets) s.send(frame);
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { op: number };
      if (m.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (m.op === 2) {
        ws.send(
          JSON.stringify({
            op: 0,
            s: ++this.seq,
            t: 'READY',
            d: {
              v: 10,
              user: { id: BOT_ID, username: 'gradbot', discriminator: '0', global_name: null, avatar: null, bot: true },
              guilds: [],
              session_id: 'fake-session',
              resume_gateway_url: `ws://127.0.0.1:${this.port}`,
              shard: [0, 1],
              application: { id: APP_ID, flags: 0 },
            },
          }),
        );
      }
    });
  }

  private message(body: Record<string, unknown> | null, files: RecordedFile[], id = snowflake()): Record<string, unknown> {
    return {
      id,
      channel_id: CHANNEL_ID,
      author: { id: BOT_ID, username: 'gradbot', discriminator: '0', global_name: null, avatar: null, bot: true },
      content: typeof body?.content === 'string' ? body.content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: files.map((f) => ({ id: snowflake(), filename: f.name, size: f.bytes.length, url: `http://127.0.0.1:${this.port}/x/${f.name}`, proxy_url: `http://127.0.0.1:${this.port}/x/${f.name}` })),
      embeds: [],
      components: Array.isArray(body?.components) ? body.components : [],
      pinned: false,
      type: 0,
      flags: typeof body?.flags === 'number' ? body.flags : 0,
    };
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const json = (status: number, value: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(value === undefined ? '' : JSON.stringify(value));
    };
    if (req.method === 'GET' && path.startsWith('/files/')) {
      const name = decodeURIComponent(path.slice('/files/'.length));
      this.downloads.push(name);
      const bytes = this.files.get(name);
      if (!bytes) return json(404, { message: 'Unknown file', code: 0 });
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(bytes.length) }).end(Buffer.from(bytes));
      return;
    }
    if (!path.startsWith('/api/v10/')) return json(404, { message: 'Not under /api/v10', code: 0 });
    const rest = path.slice('/api/v10'.length);
    const raw = await readBody(req);
    const failure = this.failures.find((f) => f.times > 0 && f.test(req.method ?? 'GET', rest));
    if (failure) {
      failure.times--;
      this.failed.push({ method: req.method ?? 'GET', path: rest, status: failure.status });
      res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers }).end(JSON.stringify(failure.body));
      return;
    }
    const { body, files } = await parseBody(req, raw);
    const call: RestCall = { method: req.method ?? 'GET', path: rest, query: url.searchParams, body, files };
    const obj = body && !Array.isArray(body) ? body : null;
    let m: RegExpMatchArray | null;

    if (req.method === 'GET' && rest === '/gateway/bot') {
      json(200, { url: `ws://127.0.0.1:${this.port}`, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
      return;
    } else if ((m = rest.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      call.token = m[2];
      const data = (obj?.data ?? null) as Record<string, unknown> | null;
      if (obj?.type === 4 || obj?.type === 7) call.messageId = snowflake();
      if (url.searchParams.get('with_response') === 'true') {
        json(200, { interaction: { id: m[1], type: 2 }, resource: { type: obj?.type, message: this.message(data, files, call.messageId) } });
      } else {
        res.writeHead(204).end();
      }
    } else if ((m = rest.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/))) {
      call.token = m[2];
      if (req.method === 'DELETE') {
        res.writeHead(204).end();
      } else {
        const id = m[3] === '@original' ? snowflake() : (m[3] as string);
        call.messageId = id;
        json(200, this.message(obj, files, id));
      }
    } else if ((m = rest.match(/^\/webhooks\/(\d+)\/([^/]+)$/)) && req.method === 'POST') {
      call.token = m[2];
      call.messageId = snowflake();
      json(200, this.message(obj, files, call.messageId));
    } else if ((m = rest.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/)) && req.method === 'PUT') {
      const list = Array.isArray(body) ? body : [];
      json(200, list.map((c) => ({ ...(c as object), id: snowflake(), application_id: m?.[1], version: '1' })));
    } else {
      json(404, { message: `Fake Discord has no ${req.method} ${rest}`, code: 0 });
    }
    this.calls.push(call);
    this.waiters = this.waiters.filter((w) => (w.test(call) ? (w.resolve(call), false) : true));
  }
}

/** A user in raw API form. */
export function apiUser(id: string, name: string): Record<string, unknown> {
  return { id, username: name.toLowerCase(), discriminator: '0', global_name: name, avatar: null };
}

interface InteractionBase {
  user: { id: string; name: string };
  locale?: string;
  /** Omit for a DM. */
  guild?: boolean;
  /** Manage Server. */
  admin?: boolean;
}

function base(type: number, token: string, o: InteractionBase): Record<string, unknown> {
  const user = apiUser(o.user.id, o.user.name);
  const common = {
    id: snowflake(),
    application_id: APP_ID,
    type,
    token,
    version: 1,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: o.guild === false ? 1 : 0 },
    locale: o.locale ?? 'en-US',
    app_permissions: '2147483647',
    entitlements: [],
    authorizing_integration_owners: {},
    context: o.guild === false ? 1 : 0,
  };
  if (o.guild === false) return { ...common, user };
  return {
    ...common,
    guild_id: GUILD_ID,
    guild_locale: 'en-US',
    member: { user, roles: [], permissions: o.admin ? '32' : '2048', joined_at: new Date(0).toISOString(), deaf: false, mute: false, nick: null, flags: 0 },
  };
}

export type ApiOption = { name: string; type: number; value: string | number | boolean; focused?: boolean };

/** A slash command (type 2). Attachments: `{ optionName: {id, filename, size, url} }`. */
export function slashCommand(
  name: string,
  options: ApiOption[],
  o: InteractionBase & { token?: string; attachments?: Record<string, { id: string; filename: string; size: number; url: string }> },
): { token: string; payload: Record<string, unknown> } {
  const token = o.token ?? `tok-${snowflake()}`;
  const resolved = o.attachments
    ? { attachments: Object.fromEntries(Object.values(o.attachments).map((a) => [a.id, { ...a, proxy_url: a.url, content_type: 'text/csv' }])) }
    : undefined;
  const opts = [...options, ...Object.entries(o.attachments ?? {}).map(([n, a]) => ({ name: n, type: 11, value: a.id }))];
  return { token, payload: { ...base(2, token, o), data: { id: snowflake(), name, type: 1, options: opts, ...(resolved ? { resolved } : {}) } } };
}

/** A button press (type 3) on a message the bot sent (its raw JSON from a RestCall). */
export function buttonPress(customId: string, message: { id: string; components?: unknown }, o: InteractionBase & { token?: string }): { token: string; payload: Record<string, unknown> } {
  const token = o.token ?? `tok-${snowflake()}`;
  return {
    token,
    payload: {
      ...base(3, token, o),
      message: {
        id: message.id,
        channel_id: CHANNEL_ID,
        author: apiUser(BOT_ID, 'gradbot'),
        content: '',
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        attachments: [],
        embeds: [],
        components: message.components ?? [],
        pinned: false,
        type: 0,
        flags: 0,
      },
      data: { custom_id: customId, component_type: 2 },
    },
  };
}

/** Autocomplete (type 4) with one focused option. */
export function autocomplete(name: string, option: string, typed: string, o: InteractionBase): { token: string; payload: Record<string, unknown> } {
  const token = `tok-${snowflake()}`;
  return { token, payload: { ...base(4, token, o), data: { id: snowflake(), name, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] } } };
}
