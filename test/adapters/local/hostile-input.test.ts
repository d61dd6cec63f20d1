/**
 * The local door against requests a hostile web page, a careless script or a slow client
 * sends: DNS rebinding (a foreign Host), forged access cookies, names and ids with controls,
 * dot-only chat ids, errors asked for in Russian, a client that trickles its request, an event
 * stream nobody reads, and a log that would otherwise hold gigabytes of text.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLang } from '../../../src/adapters/local/api-error.js';
import { ChatLog, type StoredMessage } from '../../../src/adapters/local/chat-log.js';
import { BOT_AUTHOR } from '../../../src/adapters/local/replier.js';
import { createFakeBot, type FakeBot } from './fake-bot.js';
import { startDoor, type Door } from './harness.js';

/** A raw HTTP request (fetch will not send a foreign Host header, nor a path with `..`). */
function raw(url: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const errorOf = (r: { body: Record<string, unknown> }) => r.body.error as { code: string; message: string };
const msg = (extra: Record<string, unknown> = {}) => JSON.stringify({ from: { id: 'u1', name: 'Ann' }, text: '/echo hi', chatKind: 'group', ...extra });

let bot: FakeBot;
let d: Door;

beforeAll(async () => {
  bot = createFakeBot();
  d = await startDoor(bot, {}, { requestTimeoutMs: 400 });
});
afterAll(async () => {
  await d.door.stop();
});

describe('a chat on loopback (no access code)', () => {
  it('refuses a foreign Host (DNS rebinding) on reads and writes, and answers loopback names', async () => {
    const port = new URL(d.url).port;
    const evil = `evil.example:${port}`;
    const read = await raw(d.url, '/api/chats/class/messages', { headers: { host: evil } });
    expect(read.status).toBe(403);
    expect(errorOf(read).code).toBe('bad_host');
    const write = await raw(d.url, '/api/chats/class/messages', {
      method: 'POST',
      headers: { host: evil, origin: `http://${evil}`, 'content-type': 'application/json' },
      body: msg(),
    });
    expect(write.status).toBe(403);
    expect(errorOf(write).code).toBe('bad_host');
    expect(bot.requests).toHaveLength(0);
    expect((await raw(d.url, '/api/chats/class/messages', { headers: { host: `localhost:${port}` } })).status).toBe(200);
    expect((await raw(d.url, '/api/chats/class/messages', { headers: { host: `127.0.0.1:${port}` } })).status).toBe(200);
    expect((await raw(d.url, '/api/chats/class/messages', { headers: { host: `[::1]:${port}` } })).status).toBe(200);
  });
});

describe('a chat with an access code', () => {
  it('counts forged cookies as wrong codes (the cookie is computed from the code alone)', async () => {
    const code = 'open-sesame-42';
    const guarded = await startDoor(createFakeBot(), { LOCAL_ACCESS_CODE: code });
    try {
      const statuses: number[] = [];
      for (let k = 0; k < 11; k++) statuses.push((await guarded.get('/api/commands', { cookie: `gradbot_access=guess-${k}` })).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses[10]).toBe(429);
      expect(errorOf(await guarded.get('/api/chats/a/messages', { cookie: 'gradbot_access=guess-x' })).code).toBe('too_many_attempts');
      // The right code still opens the door.
      const ok = await guarded.post('/api/access', { code });
      expect(ok.status).toBe(204);
      const cookie = (ok.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect((await guarded.get('/api/commands', { cookie })).status).toBe(200);
    } finally {
      await guarded.door.stop();
    }
  });
});

describe('names and ids', () => {
  it('cleans controls and bidi overrides out of a name before anyone sees it', async () => {
    const id = await d.say('names', '/echo hi', { from: { id: 'u7', name: 'Ann\n1. Bob — 100\u202e\u0007' } });
    const ms = await d.waitFor('names', (m) => m.length === 2);
    expect(ms[0]).toMatchObject({ id, from: { id: 'u7', name: 'Ann 1. Bob — 100', bot: false } });
    expect(bot.requests.at(-1)?.user.name).toBe('Ann 1. Bob — 100');
  });

  it('refuses a name with nothing visible and an id with control characters, naming the field', async () => {
    const noName = await d.post('/api/chats/names/messages', { from: { id: 'u8', name: '\u202e\u0000 ' }, text: 'hi', chatKind: 'group' });
    expect(noName.status).toBe(400);
    expect(errorOf(noName).message).toContain('from.name: must not be empty');
    const badId = await d.post('/api/chats/names/messages', { from: { id: 'u\u00009\n', name: 'Ann' }, text: 'hi', chatKind: 'group' });
    expect(badId.status).toBe(400);
    expect(errorOf(badId).message).toContain('from.id: must not contain control or bidi characters');
  });

  it('refuses chat ids made only of dots (path steps a browser resolves away)', async () => {
    for (const id of ['.', '..', '...']) {
      const r = await raw(d.url, `/api/chats/${id}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: msg() });
      expect(r.status, id).toBe(400);
      expect(errorOf(r).code).toBe('invalid_chat_id');
    }
    expect((await d.post('/api/chats/a.b/messages', JSON.parse(msg()))).status).toBe(202);
  });
});

describe('errors in the language the page asks for', () => {
  it('answers in Russian with Accept-Language ru, in English otherwise, with the same codes', async () => {
    const ru = await d.post('/api/chats/c1/messages', { from: { id: 'u' }, text: 'hi', chatKind: 'group' }, { 'accept-language': 'ru' });
    expect(errorOf(ru)).toEqual({ code: 'invalid_body', message: 'Запрос не подходит (тело сообщения): from.name: обязательное поле, его нет.' });
    const en = await d.post('/api/chats/c1/messages', { from: { id: 'u' }, text: 'hi', chatKind: 'group' });
    expect(errorOf(en).code).toBe('invalid_body');
    expect(errorOf(en).message).toMatch(/^Bad message body: from\.name: /);

    await d.say('ru-press', '/buttons');
    const [, withButtons] = await d.waitFor('ru-press', (m) => m.length === 2);
    const press = await d.post('/api/chats/ru-press/actions', { from: { id: 'u1', name: 'Ann' }, messageId: withButtons?.id, action: 'gone' }, { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' });
    expect(errorOf(press)).toEqual({ code: 'unknown_action', message: `У сообщения ${withButtons?.id} нет (уже нет) кнопки "gone".` });
    const off = await d.post('/api/chats/ru-press/actions', { from: { id: 'u1', name: 'Ann' }, messageId: withButtons?.id, action: 'act:off' }, { 'accept-language': 'ru' });
    expect(errorOf(off)).toEqual({ code: 'button_disabled', message: 'Кнопку "Off" нажать нельзя.' });
    const several = await d.post('/api/chats/c1/messages', [1], { 'accept-language': 'ru' });
    expect(errorOf(several).message).toBe('Запрос не подходит (тело сообщения): тело сообщения: должно быть объектом.');
    const fields = await d.post('/api/chats/c1/messages', { from: { id: 'u', name: 'A' }, text: 'hi', chatKind: 'channel', replyTo: 'x' }, { 'accept-language': 'ru' });
    expect(errorOf(fields).message).toBe('Запрос не подходит (тело сообщения): chatKind: допустимы только "group", "private"; replyTo: должно быть id сообщения (цифры).');
    const json = await d.post('/api/chats/c1/messages', '{"from": ', { 'accept-language': 'ru' });
    expect(errorOf(json).code).toBe('invalid_json');
    expect(errorOf(json).message).toMatch(/^Тело запроса — не JSON/);
    const notFound = await d.get('/api/nothing', { 'accept-language': 'ru' });
    expect(errorOf(notFound)).toEqual({ code: 'not_found', message: 'Здесь нет GET /api/nothing; см. src/adapters/local/README.md.' });
  });

  it('reads Accept-Language by preference', () => {
    expect(requestLang('ru')).toBe('ru');
    expect(requestLang('ru-RU,ru;q=0.9,en-US;q=0.8')).toBe('ru');
    expect(requestLang('en-US,en;q=0.9,ru;q=0.8')).toBe('en');
    expect(requestLang('de-DE, ru;q=0.5, en;q=0.4')).toBe('ru');
    expect(requestLang('en;q=0.1, ru;q=0.7')).toBe('ru');
    expect(requestLang('ru;q=0, en')).toBe('en');
    expect(requestLang('fr')).toBe('en');
    expect(requestLang(undefined)).toBe('en');
  });
});

describe('slow and silent clients', () => {
  it('drops a request whose headers or body trickle in (slowloris) once its time is up', async () => {
    expect(await trickle('POST /api/chats/slow/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"from": ')).toMatchObject({
      head: 'HTTP/1.1 408 Request Timeout',
    });
    expect(await trickle('GET /api/commands HTTP/1.1\r\nHost: 127.0.0.1\r\n')).toMatchObject({ head: 'HTTP/1.1 408 Request Timeout' });
    expect(bot.requests.filter((r) => r.chat.id === 'slow')).toHaveLength(0);
  });

  /** Sends the start of a request, never the rest; resolves when the server closes the connection. */
  async function trickle(start: string): Promise<{ head: string; closedAfter: number }> {
    const port = Number(new URL(d.url).port);
    const started = Date.now();
    const result = await new Promise<{ head: string; closedAfter: number }>((resolve, reject) => {
      const s = connect(port, '127.0.0.1', () => s.write(start));
      let got = '';
      s.setEncoding('utf8');
      s.on('data', (c: string) => (got += c));
      s.on('error', reject);
      s.on('close', () => resolve({ head: got.split('\r\n')[0] ?? '', closedAfter: Date.now() - started }));
      setTimeout(() => {
        s.destroy();
        reject(new Error('the server kept the connection open'));
      }, 4000).unref();
    });
    expect(result.closedAfter).toBeLessThan(3000);
    return result;
  }

  it('drops (not just ends) an event stream whose reader stopped reading, freeing what was buffered', async () => {
    const port = Number(new URL(d.url).port);
    const server = d.door.server;
    const accepted: Socket[] = [];
    const onConnection = (s: Socket) => accepted.push(s);
    server.app.server.on('connection', onConnection);
    const socket: Socket = await new Promise((resolve) => {
      const s = connect(port, '127.0.0.1', () => resolve(s));
    });
    socket.pause(); // never reads
    socket.write('GET /api/chats/flood/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await waitUntil(() => server.streams.size === 1, 'the stream to open');
    server.app.server.off('connection', onConnection);
    const serverSide = accepted.find((s) => s.remotePort === socket.localPort);
    expect(serverSide?.destroyed).toBe(false);
    server.chats.ensure('flood', 'group');
    const big = 'x'.repeat(16_000);
    for (let k = 0; k < 2000 && server.streams.size > 0; k++) server.chats.post('flood', { from: BOT_AUTHOR, text: [big], images: [], files: [], buttons: [] });
    expect(server.streams.size).toBe(0);
    // Ending would keep the socket (and megabytes for it) until the reader came back.
    expect(serverSide?.destroyed).toBe(true);
    socket.destroy();
  });
});

describe('the text bound of the chat log', () => {
  it('drops the oldest messages of the least recently active chats first, keeping the newest', () => {
    const dropped: StoredMessage[] = [];
    const log = new ChatLog({ messagesPerChat: 100, chats: 10, textChars: 1000 }, () => 0, (m) => dropped.push(m));
    const post = (chat: string, n: number) => {
      log.ensure(chat, 'group');
      return log.post(chat, { from: { id: 'u', name: 'A', bot: false }, text: ['y'.repeat(n)], images: [], files: [], buttons: [] });
    };
    const a1 = post('a', 300);
    post('a', 300);
    const b1 = post('b', 300);
    expect(log.textChars).toBe(3 * (300 + 1 + 16));
    post('b', 300); // over 1,000: the oldest of the idle chat "a" goes
    expect(dropped.map((m) => m.id)).toEqual([a1.id]);
    expect(log.textChars).toBeLessThanOrEqual(1000);
    const huge = post('c', 5000); // alone over the bound: everything else goes, it stays
    expect(log.history('c', undefined).map((m) => m.id)).toEqual([huge.id]);
    expect(log.history('a', undefined)).toEqual([]);
    expect(log.history('b', undefined)).toEqual([]);
    expect(dropped.map((m) => m.id)).toContain(b1.id);
    // An edit that shrinks a message gives its characters back.
    log.edit('c', huge.id, { text: ['short'] });
    expect(log.textChars).toBe(5 + 1 + 16);
  });
});

async function waitUntil(pred: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
