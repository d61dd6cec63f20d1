import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WireMessage } from '../../../src/adapters/local/index.js';
import { createFakeBot, PNG_1X1, type FakeBot } from './fake-bot.js';
import { startDoor, type Door } from './harness.js';

let bot: FakeBot;
let d: Door;

beforeAll(async () => {
  bot = createFakeBot();
  d = await startDoor(bot);
});
afterAll(async () => {
  await d.door.stop();
});
beforeEach(() => {
  bot.requests.length = 0;
  bot.actions.length = 0;
  bot.texts.length = 0;
});

const texts = (ms: WireMessage[]) => ms.map((m) => m.text);

describe('POST /api/chats/{chatId}/messages', () => {
  it('answers 202 with the id of the user message, which the history shows before the reply', async () => {
    const id = await d.say('c-echo', '/echo hello there', { locale: 'ru-RU' });
    expect(id).toMatch(/^\d+$/);
    const ms = await d.waitFor('c-echo', (m) => m.length === 2);
    expect(ms[0]).toMatchObject({ id, from: { id: 'u1', name: 'Ann', bot: false }, text: '/echo hello there', images: [], buttons: [] });
    expect(ms[1]).toMatchObject({ from: { id: 'gradbot', name: 'gradbot', bot: true }, text: 'echo: hello there' });
    expect(ms[1]?.rich).toEqual([
      { kind: 'text', text: 'echo: ' },
      { kind: 'bold', text: 'hello there' },
    ]);
    expect(Number(ms[1]?.id)).toBeGreaterThan(Number(id));
    const req = bot.requests[0];
    expect(req?.command).toBe('echo');
    expect(req?.args).toBe('hello there');
    expect(req?.chat).toEqual({ door: 'local', id: 'c-echo', kind: 'group' });
    expect(req?.user).toEqual({ id: 'u1', name: 'Ann', locale: 'ru-RU' });
    expect(req?.message).toEqual({ chat: { door: 'local', id: 'c-echo', kind: 'group' }, id });
    expect(req?.attachments).toEqual([]);
    expect(req?.reply.caps.ephemeral).toBe(true);
    expect(req?.reply.caps.nativeQuizPolls).toBe(false);
    expect(req?.reply.caps.maxText).toBe(4000);
    expect(req?.reply.caps.maxCaption).toBe(1000);
    expect(req?.reply.caps.minEditIntervalMs('group')).toBeLessThanOrEqual(1000);
    expect(req?.reply.caps.maxDownloadBytes).toBe(10 * 1024 * 1024);
  });

  it('tolerates /cmd@bot and upper case, and passes an empty args string', async () => {
    await d.say('c-at', '/ECHO@gradbot_bot  spaced  ');
    await d.say('c-at', '/echo');
    await d.waitFor('c-at', (m) => m.length === 4);
    expect(bot.requests.map((r) => [r.command, r.args])).toEqual([
      ['echo', 'spaced'],
      ['echo', ''],
    ]);
  });

  it('sends plain text to bot.text, with replyTo when given', async () => {
    const q = await d.say('c-text', '/echo question');
    const [, botMsg] = await d.waitFor('c-text', (m) => m.length === 2);
    const answer = await d.say('c-text', '42', { replyTo: botMsg?.id });
    const ms = await d.waitFor('c-text', (m) => m.length === 4);
    expect(q).toBe(ms[0]?.id);
    expect(ms[2]).toMatchObject({ id: answer, text: '42', replyTo: botMsg?.id });
    expect(ms[3]).toMatchObject({ text: 'heard: 42', replyTo: answer });
    expect(bot.texts).toHaveLength(1);
    expect(bot.texts[0]?.text).toBe('42');
    expect(bot.texts[0]?.replyTo?.id).toBe(botMsg?.id);
    expect(bot.requests).toHaveLength(1);
  });

  it('keeps private chats private-kind and refuses a kind change with 409', async () => {
    const r1 = await d.post('/api/chats/p-ann/messages', { from: { id: 'u1', name: 'Ann' }, text: 'hi', chatKind: 'private' });
    expect(r1.status).toBe(202);
    await d.waitFor('p-ann', (m) => m.length === 2);
    expect(bot.texts.at(-1)?.chat.kind).toBe('private');
    const r2 = await d.post('/api/chats/p-ann/messages', { from: { id: 'u1', name: 'Ann' }, text: 'hi', chatKind: 'group' });
    expect(r2.status).toBe(409);
    expect(r2.body).toEqual({ error: { code: 'chat_kind_mismatch', message: expect.stringContaining('private') } });
  });
});

describe('GET /api/chats/{chatId}/messages', () => {
  it('gives an unknown chat as an empty list with the current watermark', async () => {
    const r = await d.get('/api/chats/never-used/messages');
    expect(r.status).toBe(200);
    expect(r.body.messages).toEqual([]);
    expect(typeof r.body.watermark).toBe('number');
  });

  it('re-publishes an edited message under its id after the watermark; after=watermark gives nothing', async () => {
    const first = await d.say('c-edit', '/echo one');
    await d.waitFor('c-edit', (m) => m.length === 2);
    const before = (await d.get('/api/chats/c-edit/messages')).body.watermark as number;
    await d.say('c-edit', '/edit');
    const ms = await d.waitFor('c-edit', (m) => m.some((x) => x.text === 'step 2'));
    // The history shows each message once, oldest first, at its latest content.
    expect(texts(ms)).toEqual(['/echo one', 'echo: one', '/edit', 'step 2']);
    const edited = ms[3] as WireMessage;
    expect(edited.edited).toBe(true);
    expect(edited.buttons).toEqual([]); // an edit without buttons removes them
    expect(edited.seq).toBeGreaterThan(Number(edited.id));
    expect(ms.map((m) => Number(m.id))).toEqual([...ms.map((m) => Number(m.id))].sort((a, b) => a - b));

    // After the message's own id (its creation), the edit comes again, same id, new content.
    const again = await d.messages('c-edit', `?after=${edited.id}`);
    expect(again).toEqual([edited]);
    // After the watermark taken before /edit: the user's message, then the edited bot message.
    const since = await d.messages('c-edit', `?after=${before}`);
    expect(texts(since)).toEqual(['/edit', 'step 2']);
    // After the first message id: everything later, in change order.
    const afterFirst = await d.messages('c-edit', `?after=${first}`);
    expect(texts(afterFirst)).toEqual(['echo: one', '/edit', 'step 2']);
    const wm = (await d.get('/api/chats/c-edit/messages')).body.watermark as number;
    expect(await d.messages('c-edit', `?after=${wm}`)).toEqual([]);
  });

  it('shows a private reply only to its recipient (?as=)', async () => {
    await d.say('c-priv', '/secret');
    await d.waitFor('c-priv', (m) => m.length === 1);
    const mine = await d.waitFor('c-priv', (m) => m.length === 2, '?as=u1');
    expect(mine[1]).toMatchObject({ text: 'for your eyes only', private: true, to: 'u1' });
    expect(texts(await d.messages('c-priv'))).toEqual(['/secret']);
    expect(texts(await d.messages('c-priv', '?as=u2'))).toEqual(['/secret']);
    expect(texts(await d.messages('c-priv', '?as=u2&after=0'))).toEqual(['/secret']);
  });

  it('serves pictures as PNG under relative URLs', async () => {
    await d.say('c-img', '/image');
    const ms = await d.waitFor('c-img', (m) => m.length === 2);
    const url = ms[1]?.images[0] as string;
    expect(url).toMatch(/^\/api\/images\/[0-9a-f-]{36}\.png$/);
    expect(ms[1]?.imageAlts).toEqual(['a dot']);
    const res = await fetch(d.url + url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG_1X1);
    const gone = await d.get('/api/images/00000000-0000-0000-0000-000000000000.png');
    expect(gone.status).toBe(404);
    expect((gone.body.error as { code: string }).code).toBe('image_not_found');
  });

  it('serves files the bot sends as downloads', async () => {
    await d.say('c-file', '/file');
    const ms = await d.waitFor('c-file', (m) => m.length === 2);
    const f = ms[1]?.files[0];
    expect(f).toMatchObject({ name: 'export.csv', size: 8 });
    const res = await fetch(d.url + (f?.url ?? ''));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv');
    expect(res.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''export.csv");
    expect(await res.text()).toBe('a,b\n1,2\n');
  });
});

describe('POST /api/chats/{chatId}/actions', () => {
  it('passes a button press to bot.action with the message it sat on', async () => {
    await d.say('c-btn', '/buttons');
    const ms = await d.waitFor('c-btn', (m) => m.length === 2);
    const msg = ms[1] as WireMessage;
    expect(msg.buttons).toEqual([
      { id: 'act:1', label: 'One', row: 0 },
      { id: 'act:2', label: 'Two', row: 0, style: 'primary' },
      { id: 'act:off', label: 'Off', row: 1, disabled: true },
    ]);
    const r = await d.post('/api/chats/c-btn/actions', { from: { id: 'u2', name: 'Bob' }, messageId: msg.id, action: 'act:2' });
    expect(r.status).toBe(202);
    const after = await d.waitFor('c-btn', (m) => m.length === 3);
    expect(after[2]?.text).toBe('pressed act:2 by Bob');
    expect(bot.actions[0]?.actionId).toBe('act:2');
    expect(bot.actions[0]?.message).toEqual({ chat: { door: 'local', id: 'c-btn', kind: 'group' }, id: msg.id });
    expect(bot.actions[0]?.user).toEqual({ id: 'u2', name: 'Bob' });

    const numeric = await d.post('/api/chats/c-btn/actions', { from: { id: 7, name: 'Cy' }, messageId: Number(msg.id), action: 'act:1' });
    expect(numeric.status).toBe(202);
    await d.waitFor('c-btn', (m) => m.length === 4);
    expect(bot.actions[1]?.user.id).toBe('7');

    const unknown = await d.post('/api/chats/c-btn/actions', { from: { id: 'u2', name: 'Bob' }, messageId: msg.id, action: 'forged' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({ code: 'unknown_action', message: expect.stringContaining('forged') });
    const off = await d.post('/api/chats/c-btn/actions', { from: { id: 'u2', name: 'Bob' }, messageId: msg.id, action: 'act:off' });
    expect((off.body.error as { code: string }).code).toBe('button_disabled');
    const missing = await d.post('/api/chats/c-btn/actions', { from: { id: 'u2', name: 'Bob' }, messageId: '999999', action: 'act:1' });
    expect(missing.status).toBe(404);
    expect((missing.body.error as { code: string }).code).toBe('unknown_message');
    expect(bot.actions).toHaveLength(2);
  });
});

describe('bad requests', () => {
  const cases: Array<[string, string, unknown, number, string]> = [
    ['no from', '/api/chats/c1/messages', { text: 'hi', chatKind: 'group' }, 400, 'invalid_body'],
    ['bad chatKind', '/api/chats/c1/messages', { from: { id: 'u', name: 'A' }, text: 'hi', chatKind: 'channel' }, 400, 'invalid_body'],
    ['empty name', '/api/chats/c1/messages', { from: { id: 'u', name: '  ' }, text: 'hi', chatKind: 'group' }, 400, 'invalid_body'],
    ['text too long', '/api/chats/c1/messages', { from: { id: 'u', name: 'A' }, text: 'x'.repeat(5000), chatKind: 'group' }, 400, 'invalid_body'],
    ['bad locale', '/api/chats/c1/messages', { from: { id: 'u', name: 'A' }, text: 'hi', chatKind: 'group', locale: '<script>' }, 400, 'invalid_body'],
    ['empty text', '/api/chats/c1/messages', { from: { id: 'u', name: 'A' }, text: '   ', chatKind: 'group' }, 400, 'empty_message'],
    ['a JSON array', '/api/chats/c1/messages', [1, 2], 400, 'invalid_body'],
    ['broken JSON', '/api/chats/c1/messages', '{"from": ', 400, 'invalid_json'],
    ['bad chat id', '/api/chats/bad%20id!/messages', { from: { id: 'u', name: 'A' }, text: 'hi', chatKind: 'group' }, 400, 'invalid_chat_id'],
    ['unknown replyTo', '/api/chats/c1/messages', { from: { id: 'u', name: 'A' }, text: 'hi', chatKind: 'group', replyTo: '999999' }, 400, 'unknown_reply_to'],
    ['action without messageId', '/api/chats/c1/actions', { from: { id: 'u', name: 'A' }, action: 'x' }, 400, 'invalid_body'],
  ];
  for (const [name, path, body, status, code] of cases) {
    it(`${name} -> ${status} ${code}`, async () => {
      const r = await d.post(path, body);
      expect(r.status).toBe(status);
      const err = r.body.error as { code: string; message: string };
      expect(err.code).toBe(code);
      expect(err.message.length).toBeGreaterThan(10);
      expect(JSON.stringify(r.body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d/);
    });
  }

  it('names the bad field in the message', async () => {
    const r = await d.post('/api/chats/c1/messages', { from: { id: 'u' }, text: 'hi', chatKind: 'group' });
    expect((r.body.error as { message: string }).message).toContain('from.name');
  });

  it('refuses an unknown after and unknown routes with codes', async () => {
    const q = await d.get('/api/chats/c1/messages?after=abc');
    expect(q.status).toBe(400);
    expect((q.body.error as { code: string }).code).toBe('invalid_query');
    const nf = await d.get('/api/nothing');
    expect(nf.status).toBe(404);
    expect((nf.body.error as { code: string }).code).toBe('not_found');
  });

  it('refuses a POST from another site (Origin) with 403', async () => {
    const r = await d.post('/api/chats/c1/messages', { from: { id: 'u', name: 'A' }, text: 'hi', chatKind: 'group' }, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect((r.body.error as { code: string }).code).toBe('cross_origin');
    const same = await d.post('/api/chats/c-origin/messages', { from: { id: 'u', name: 'A' }, text: 'hi', chatKind: 'group' }, { origin: d.url });
    expect(same.status).toBe(202);
  });

  it('turns a bot failure into a polite private message and an error log line', async () => {
    await d.say('c-fail', '/fail');
    const ms = await d.waitFor('c-fail', (m) => m.length === 2, '?as=u1');
    expect(ms[1]).toMatchObject({ text: 'Sorry, something went wrong while answering that. Please try again.', private: true, to: 'u1' });
    expect(JSON.stringify(ms)).not.toContain('boom');
    expect(d.log.entries.some((e) => e.level === 'error' && e.msg === 'local chat: the bot failed on a request')).toBe(true);
  });
});

describe('the page, health and commands', () => {
  it('serves the page with a strict CSP, and its script and style', async () => {
    const page = await fetch(d.url + '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/app.js" defer></script>');
    const js = await fetch(d.url + '/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain('EventSource');
    const css = await fetch(d.url + '/style.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers /healthz, /api/commands and /api/autocomplete', async () => {
    expect((await d.get('/healthz')).body).toEqual({ ok: true });
    const cmds = (await d.get('/api/commands')).body.commands as Array<{ name: string; description: { ru: string } }>;
    expect(cmds.map((c) => c.name)).toEqual(['echo', 'plot', 'start']);
    expect(cmds[2]).toEqual({ name: 'start', description: { en: 'Start', ru: 'Начало' }, options: [], hidden: true });
    expect(cmds[0]?.description.ru).toBe('Повторяет текст');
    const ac = await d.get('/api/autocomplete?command=plot&option=functions&q=re&lang=ru');
    expect(ac.body).toEqual({ choices: [{ value: 'relu', label: 'relu (ру)' }] });
    const bad = await d.get('/api/autocomplete?command=plot');
    expect((bad.body.error as { code: string }).code).toBe('invalid_query');
  });

  it('logs each request by its route, never with its query string', async () => {
    await d.say('c-log', '/echo x');
    await d.waitFor('c-log', (m) => m.length === 2);
    const routes = d.log.entries.filter((e) => e.msg === 'local chat request').map((e) => (e.obj as { route: string }).route);
    expect(routes).toContain('/api/chats/:chatId/messages');
    expect(JSON.stringify(d.log.entries.filter((e) => e.msg === 'local chat request'))).not.toContain('as=');
  });
});

describe('memory bounds through the API', () => {
  it('keeps N messages per chat and M pictures; an evicted picture answers 404', async () => {
    const small = await startDoor(createFakeBot(), {}, { limits: { messagesPerChat: 4, images: 1 } });
    try {
      await small.say('b', '/image');
      const first = await small.waitFor('b', (m) => m.length === 2);
      await small.say('b', '/image');
      const ms = await small.waitFor('b', (m) => m.length === 4 && m[3]?.text === 'a picture');
      expect((await fetch(small.url + (ms[3]?.images[0] ?? ''))).status).toBe(200);
      expect((await fetch(small.url + (first[1]?.images[0] ?? ''))).status).toBe(404);
      await small.say('b', '/echo 3');
      const kept = await small.waitFor('b', (m) => m.at(-1)?.text === 'echo: 3');
      expect(kept.map((m) => m.text)).toEqual(['/image', 'a picture', '/echo 3', 'echo: 3']);
      expect(kept[0]?.id).toBe(ms[2]?.id);
    } finally {
      await small.door.stop();
    }
  });
});
