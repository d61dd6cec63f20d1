import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBot } from './fake-bot.js';
import { startDoor, type Door } from './harness.js';

const CODE = 'open-sesame-42';
let d: Door;

beforeAll(async () => {
  d = await startDoor(createFakeBot(), { LOCAL_ACCESS_CODE: CODE });
});
afterAll(async () => {
  await d.door.stop();
});

const code = (r: { body: Record<string, unknown> }) => (r.body.error as { code: string } | undefined)?.code;
const msg = { from: { id: 'u1', name: 'Ann' }, text: '/echo hi', chatKind: 'group' };

describe('access code', () => {
  it('requires the code on every API call, but not for the page or /healthz', async () => {
    expect(code(await d.get('/api/commands'))).toBe('access_code_required');
    expect((await d.get('/api/commands')).status).toBe(401);
    expect(code(await d.post('/api/chats/a/messages', msg))).toBe('access_code_required');
    expect(code(await d.get('/api/chats/a/messages'))).toBe('access_code_required');
    expect(code(await d.get('/api/chats/a/events'))).toBe('access_code_required');
    expect(code(await d.get('/api/images/00000000-0000-0000-0000-000000000000.png'))).toBe('access_code_required');
    expect((await d.get('/healthz')).status).toBe(200);
    expect((await fetch(d.url + '/')).status).toBe(200);
    expect((await d.get('/api/access')).body).toEqual({ required: true, granted: false });
  });

  it('accepts the x-access-code header and refuses a wrong one', async () => {
    expect((await d.get('/api/commands', { 'x-access-code': CODE })).status).toBe(200);
    expect((await d.post('/api/chats/a/messages', msg, { 'x-access-code': CODE })).status).toBe(202);
    const wrong = await d.get('/api/commands', { 'x-access-code': CODE + 'x' });
    expect(wrong.status).toBe(401);
    expect(code(wrong)).toBe('access_code_invalid');
  });

  it('sets an HttpOnly cookie (not the code itself) after POST /api/access, which then works alone', async () => {
    const bad = await d.post('/api/access', { code: 'nope-nope' });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
    const ok = await d.post('/api/access', { code: CODE });
    expect(ok.status).toBe(204);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^gradbot_access=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Strict/);
    expect(cookie).not.toContain(CODE);
    const pair = cookie.split(';')[0] as string;
    expect((await d.get('/api/commands', { cookie: pair })).status).toBe(200);
    expect((await d.get('/api/access', { cookie: pair })).body).toEqual({ required: true, granted: true });
    expect(code(await d.get('/api/commands', { cookie: 'gradbot_access=forged' }))).toBe('access_code_invalid');
  });

  it('never logs the code', () => {
    expect(JSON.stringify(d.log.entries)).not.toContain(CODE);
  });
});

describe('wrong codes are rate-limited', () => {
  it('answers 429 after ten wrong codes a minute', async () => {
    const other = await startDoor(createFakeBot(), { LOCAL_ACCESS_CODE: CODE });
    try {
      const statuses: number[] = [];
      for (let k = 0; k < 11; k++) statuses.push((await other.post('/api/access', { code: `wrong-${k}` })).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses[10]).toBe(429);
      const blocked = await other.post('/api/access', { code: CODE + 'x' });
      expect(code(blocked)).toBe('too_many_attempts');
    } finally {
      await other.door.stop();
    }
  });
});

describe('without a code (loopback)', () => {
  it('needs none', async () => {
    const open = await startDoor(createFakeBot());
    try {
      expect((await open.get('/api/commands')).status).toBe(200);
      expect((await open.get('/api/access')).body).toEqual({ required: false, granted: true });
    } finally {
      await open.door.stop();
    }
  });
});
