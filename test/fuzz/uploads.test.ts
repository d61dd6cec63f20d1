/**
 * Hostile uploads through `/train` at every door, into one gradbot started as `npm start`
 * starts it (local chat, Telegram and Discord doors on; upload limit 64 KB):
 * - a declared size over the limit is refused before anything is downloaded;
 * - a file larger than it declared is cut off at the limit, not read to its end;
 * - the 60 nasty files of the ingest corpus (test/fixtures/csv/) each end as `gradbot train`
 *   ends on them: the same error message, or a trained model for the same target and rows.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningLocalDoor } from '../../src/adapters/local/index.js';
import { main as cli } from '../../src/cli.js';
import { formatTemplate } from '../../src/core/errors.js';
import { csvMessages } from '../../src/data/index.js';
import { tooLarge } from '../../src/adapters/download.js';
import { sizeText } from '../../src/bot/features/say.js';
import { formatBytes } from '../../src/data/limits.js';
import { ChatFeed, type From } from '../../src/loadtest/chat-client.js';
import { startFakeBotApi, type ApiCall, type FakeBotApi, type FakeUser } from '../adapters/telegram/fake-bot-api.js';
import { FakeDiscord, slashCommand, type RestCall } from '../adapters/discord/fake-discord.js';
import { startClassApp, type ClassApp } from '../loadtest/class-app.js';

const LIMIT = 64 * 1024;
const TG_TOKEN = '123456789:UPLOAD-token_for-the-fake_server';
const CORPUS = new URL('../fixtures/csv/', import.meta.url);

let c: ClassApp;
let tg: FakeBotApi;
const dc = new FakeDiscord();

/** A file server that counts what it sent: `/stream` never ends (until the client hangs up). */
class CountingServer {
  private server: Server;
  requests = 0;
  /** Bytes written to the response of each request, by the time the client closed it. */
  readonly sent: number[] = [];
  port = 0;

  constructor() {
    this.server = createServer((req, res) => {
      this.requests++;
      const k = this.sent.push(0) - 1;
      // No content-length: the size is only known by reading.
      res.writeHead(200, { 'content-type': 'text/csv' });
      const chunk = Buffer.alloc(16 * 1024, 'a,b\n1,2\n');
      let stopped = false;
      res.on('close', () => {
        stopped = true;
      });
      const pump = () => {
        // 16 KB every 5 ms: 20 MB would take more than 6 s, so a cut-off is plain to see.
        if (stopped || (this.sent[k] as number) >= 20 * 1024 * 1024) return void res.end();
        res.write(chunk);
        this.sent[k] = (this.sent[k] as number) + chunk.length;
        setTimeout(pump, 5);
      };
      pump();
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
const files = new CountingServer();

beforeAll(async () => {
  tg = await startFakeBotApi(TG_TOKEN);
  await dc.start();
  await files.start();
  c = await startClassApp({
    LOCAL_CHAT: '1',
    TELEGRAM_BOT_TOKEN: TG_TOKEN,
    TELEGRAM_API_ROOT: tg.apiRoot,
    DISCORD_TOKEN: 'fake-token-abcdefghijklmnopqrstuvwxyz',
    DISCORD_APP_ID: '111111111111111111',
    DISCORD_API_BASE: dc.apiBase,
    GRADBOT_UPLOAD_MAX_MB: String(LIMIT / 1024 / 1024),
    GRADBOT_WORKERS: '2',
    RATE_USER_PER_MIN: '10000',
    RATE_CHAT_PER_MIN: '100000',
  });
}, 60_000);

afterAll(async () => {
  await c?.stop();
  await tg?.close();
  await dc.stop();
  await files.stop();
});

const ANNA: FakeUser = { id: 8101, first_name: 'Анна', language_code: 'ru' };
const annaChat = { id: 8101, type: 'private' as const, first_name: 'Анна' };
const LEV = { id: '500000000000000201', name: 'Лев' };

/** The texts a Telegram call put into a chat. */
function tgText(call: ApiCall): string {
  const p = call.params;
  return typeof p.text === 'string' ? p.text : typeof p.caption === 'string' ? p.caption : '';
}
const tgSays = (chatId: number, from: number, test: (t: string) => boolean) =>
  tg.waitForCall((x) => ['sendMessage', 'editMessageText'].includes(x.method) && x.params.chat_id === chatId && test(tgText(x)), { from, timeoutMs: 30_000, what: 'a reply' });

function dcContent(call: RestCall): string {
  const b = (call.body ?? {}) as Record<string, unknown>;
  const d = (call.path.endsWith('/callback') ? (b.data ?? {}) : b) as { content?: unknown };
  return typeof d.content === 'string' ? d.content : '';
}

/** The refusal of a declared size, as the bot words it for /train (sizes in the chat's units). */
const declaredTooLarge = (bytes: number) => formatTemplate(csvMessages.texts.file_too_large.ru, { size: sizeText(bytes, 'ru'), limit: sizeText(LIMIT, 'ru') });
/** The refusal of a download that passed the limit (the doors' shared download helper). */
const downloadTooLarge = tooLarge(LIMIT).render('ru');

describe('upload sizes', () => {
  it('Telegram: a declared size over the limit is refused before getFile', async () => {
    const doc = tg.addFile('big.csv', Buffer.from('a,b\n1,2\n'), { declaredSize: 10 * 1024 * 1024 });
    const from = tg.calls.length;
    tg.userMessage(annaChat, ANNA, { caption: '/train', document: doc });
    const reply = await tgSays(annaChat.id, from, (t) => t.includes(sizeText(LIMIT, 'ru')));
    expect(tgText(reply)).toContain(declaredTooLarge(10 * 1024 * 1024));
    expect(tg.callsOf('getFile')).toHaveLength(0);
    expect(tg.downloads).toEqual([]);
  }, 40_000);

  it('Telegram: a file larger than it declared is refused at the limit', async () => {
    const doc = tg.addFile('liar.csv', Buffer.alloc(1024 * 1024, 'a,b\n1,2\n'), { declaredSize: 1000 });
    const from = tg.calls.length;
    tg.userMessage(annaChat, ANNA, { caption: '/train', document: doc });
    const reply = await tgSays(annaChat.id, from, (t) => t.includes(downloadTooLarge));
    expect(tgText(reply)).toContain(downloadTooLarge);
    // The declared size passed, so the file was asked for; its real size stopped the download.
    expect(tg.callsOf('getFile').length).toBeGreaterThanOrEqual(1);
  }, 40_000);

  it('Discord: a declared size over the limit is refused before the download', async () => {
    const before = files.requests;
    const p = slashCommand('train', [], { user: LEV, locale: 'ru', attachments: { data: { id: '700000000000000301', filename: 'big.csv', size: 5 * 1024 * 1024, url: `http://127.0.0.1:${files.port}/stream` } } });
    dc.dispatch('INTERACTION_CREATE', p.payload);
    const reply = await dc.waitFor((x) => x.token === p.token && dcContent(x).includes(sizeText(LIMIT, 'ru')), 30_000);
    expect(dcContent(reply)).toContain(declaredTooLarge(5 * 1024 * 1024));
    expect(files.requests).toBe(before);
  }, 40_000);

  it('Discord: a file larger than it declared is cut off at the limit', async () => {
    const before = files.requests;
    const p = slashCommand('train', [], { user: LEV, locale: 'ru', attachments: { data: { id: '700000000000000302', filename: 'liar.csv', size: 900, url: `http://127.0.0.1:${files.port}/stream` } } });
    dc.dispatch('INTERACTION_CREATE', p.payload);
    const reply = await dc.waitFor((x) => x.token === p.token && dcContent(x).includes(downloadTooLarge), 30_000);
    expect(dcContent(reply)).toContain(downloadTooLarge);
    expect(files.requests).toBe(before + 1);
    // The client hung up just past the limit: what was sent is the limit plus what was in flight.
    const sent = files.sent.at(-1) as number;
    expect(sent).toBeGreaterThan(LIMIT);
    expect(sent).toBeLessThan(LIMIT + 512 * 1024);
  }, 40_000);

  it('the local chat: a file over the limit is cut off and refused by its size', async () => {
    const who: From = { id: 'up1', name: 'Маша' };
    const feed = new ChatFeed(c.client, 'up-local', who.id);
    await feed.open();
    try {
      const mark = feed.mark();
      const r = await c.client.postFile('up-local', { from: who, text: '/train', chatKind: 'private', locale: 'ru' }, { name: 'big.csv', bytes: new Uint8Array(LIMIT * 3).fill(0x31) });
      expect(r.status).toBe(202);
      const reply = await feed.waitFor((m) => m.from.bot, mark, 30_000);
      // The door cut the upload at the limit and declared it larger than the limit.
      expect(reply?.msg.text ?? '(no reply)').toMatch(new RegExp(`^Файл весит \\d+(,\\d)?\u00a0КБ, а предел — ${sizeText(LIMIT, 'ru')}\\.`));
    } finally {
      feed.close();
    }
  }, 40_000);
});

/** What `gradbot train <file> --json --lang ru` ended with. */
type CliOutcome = { error: { code: string; message: string } } | { target: string; rows: number; warnings: Array<{ code: string; message: string }> };

async function cliOutcome(file: string): Promise<CliOutcome> {
  const out: string[] = [];
  await cli(['train', file, '--json', '--lang', 'ru'], { out: (t) => out.push(t), err: () => {} });
  return JSON.parse(out.join('\n')) as CliOutcome;
}

describe('the ingest corpus through /train', () => {
  it('ends each of the 60 nasty files as the CLI does', async () => {
    const names = readdirSync(CORPUS).sort();
    expect(names).toHaveLength(60);
    // The CLI's outcomes, two at a time (each run starts its own worker).
    const expected = new Map<string, CliOutcome>();
    for (let i = 0; i < names.length; i += 2) {
      const pair = names.slice(i, i + 2);
      const outs = await Promise.all(pair.map((n) => cliOutcome(new URL(n, CORPUS).pathname)));
      pair.forEach((n, k) => expected.set(n, outs[k] as CliOutcome));
    }

    const local = c.app.doors.find((d) => d.name === 'local') as RunningLocalDoor;
    const who: From = { id: 'corpus', name: 'Корпус' };
    const mismatches: string[] = [];
    let trained = 0;
    let refused = 0;
    {
      for (const name of names) {
        const bytes = readFileSync(new URL(name, CORPUS));
        const r = await c.client.postFile('corpus', { from: who, text: '/train', chatKind: 'private', locale: 'ru' }, { name, bytes, type: 'application/octet-stream' });
        expect(r.status, name).toBe(202);
        // The door's handler has finished when the server is idle: every reply is in the chat.
        await local.server.idle();
        const replies = (await c.client.list('corpus', { after: r.id as number, as: who.id })).filter((m) => m.from.bot);
        const all = replies.map((m) => m.text).join('\n');
        const want = expected.get(name) as CliOutcome;
        if ('error' in want) {
          refused++;
          if (!all.includes(want.error.message)) mismatches.push(`${name}: the CLI said ${JSON.stringify(want.error.message)}, the bot ${JSON.stringify(all.slice(0, 300))}`);
          if (replies.some((m) => m.images.length > 0)) mismatches.push(`${name}: the CLI refused it, the bot trained`);
        } else {
          trained++;
          if (!replies.some((m) => m.images.length > 0)) {
            mismatches.push(`${name}: the CLI trained, the bot said ${JSON.stringify(all.slice(0, 300))}`);
            continue;
          }
          // A summary longer than a caption comes as text before the pictures.
          if (!all.includes(`«${want.target}»`) || !all.includes(`${want.rows}`)) mismatches.push(`${name}: target ${want.target} / ${want.rows} rows not in ${JSON.stringify(all.slice(0, 200))}`);
          for (const w of want.warnings) if (!all.includes(w.message)) mismatches.push(`${name}: warning ${w.code} missing`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The corpus has both kinds (see test/data/corpus.test.ts).
    expect(refused).toBeGreaterThan(15);
    expect(trained).toBeGreaterThan(15);
    expect(c.log.errors()).toEqual([]);
  }, 240_000);
});
