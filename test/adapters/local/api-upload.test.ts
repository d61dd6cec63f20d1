import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBot, type FakeBot } from './fake-bot.js';
import { startDoor, type Door } from './harness.js';

// GRADBOT_UPLOAD_MAX_MB=0.001 -> a limit of 1049 bytes.
const LIMIT = Math.round(0.001 * 1024 * 1024);
let bot: FakeBot;
let d: Door;

beforeAll(async () => {
  bot = createFakeBot(4);
  d = await startDoor(bot, { GRADBOT_UPLOAD_MAX_MB: '0.001' });
});
afterAll(async () => {
  await d.door.stop();
});

function form(fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; type?: string }): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (file) f.append('file', new Blob([file.bytes], { type: file.type ?? 'text/csv' }), file.name);
  return f;
}

const fields = (text: string) => ({ 'from.id': 'u1', 'from.name': 'Ann', text, chatKind: 'group', locale: 'en' });

async function postForm(chatId: string, body: FormData) {
  const res = await fetch(`${d.url}/api/chats/${chatId}/messages`, { method: 'POST', body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('multipart messages', () => {
  it('gives the bot an attachment with its declared size and a download capped by its argument', async () => {
    const csv = new TextEncoder().encode('x,y\n1,2\n3,4\n');
    const r = await postForm('u-ok', form(fields('/upload target=y'), { name: 'C:\\data\\tiny.csv', bytes: csv }));
    expect(r.status).toBe(202);
    const ms = await d.waitFor('u-ok', (m) => m.length === 2);
    expect(ms[0]).toMatchObject({ id: r.body.id, text: '/upload target=y', files: [{ name: 'tiny.csv', size: csv.byteLength }] });
    expect(ms[0]?.files[0]?.url).toBeUndefined(); // uploads are not served back
    expect(ms[1]?.text).toBe('uploads: 1');
    const req = bot.requests.at(-1);
    expect(req?.command).toBe('upload');
    expect(req?.args).toBe('target=y');
    expect(req?.user.locale).toBe('en');
    expect(bot.uploads.at(-1)).toEqual({ name: 'tiny.csv', declaredSize: csv.byteLength, mime: 'text/csv', bytes: csv.byteLength, smallCap: 'upload.too_large' });
  });

  it('cuts a file over the limit off, declares it larger than the limit, and refuses to download it', async () => {
    const big = new Uint8Array(LIMIT * 3).fill(65);
    const r = await postForm('u-big', form(fields('/upload'), { name: 'big.csv', bytes: big }));
    expect(r.status).toBe(202);
    const ms = await d.waitFor('u-big', (m) => m.length === 2);
    expect(ms[0]?.files[0]).toMatchObject({ name: 'big.csv', truncated: true });
    const seen = bot.uploads.at(-1);
    expect(seen?.declaredSize).toBeGreaterThan(LIMIT);
    expect(seen?.error).toBe('upload.too_large');
    expect(seen?.bytes).toBeUndefined();
  });

  it('accepts a file exactly at the limit', async () => {
    const exact = new Uint8Array(LIMIT).fill(66);
    const r = await postForm('u-exact', form(fields('/upload'), { name: 'exact.csv', bytes: exact }));
    expect(r.status).toBe(202);
    await d.waitFor('u-exact', (m) => m.length === 2);
    expect(bot.uploads.at(-1)).toMatchObject({ declaredSize: LIMIT, bytes: LIMIT });
  });

  it('passes a file with plain text to bot.text, and a form without text or file is 400', async () => {
    const r = await postForm('u-text', form({ ...fields(''), replyTo: '' }, { name: 'names.txt', bytes: new TextEncoder().encode('Ann\nBob\n'), type: 'text/plain' }));
    expect(r.status).toBe(202);
    await d.waitFor('u-text', (m) => m.length === 2);
    const t = bot.texts.at(-1);
    expect(t?.attachments.map((a) => [a.name, a.declaredSize, a.mime])).toEqual([['names.txt', 8, 'text/plain']]);
    const empty = await postForm('u-text', form(fields('')));
    expect(empty.status).toBe(400);
    expect((empty.body.error as { code: string }).code).toBe('empty_message');
  });

  it('checks the form fields like the JSON body', async () => {
    const r = await postForm('u-bad', form({ 'from.id': 'u1', text: '/upload', chatKind: 'group' }));
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual({ code: 'invalid_body', message: expect.stringContaining('from.name') });
  });

  it('refuses two files with 400 too_many_files', async () => {
    const f = form(fields('/upload'), { name: 'a.csv', bytes: new Uint8Array([65]) });
    f.append('file2', new Blob([new Uint8Array([66])]), 'b.csv');
    const r = await postForm('u-two', f);
    expect(r.status).toBe(400);
    expect((r.body.error as { code: string }).code).toBe('too_many_files');
  });
});
