import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { startFakeBotApi } from '../telegram/fake-bot-api.js';
import { RecordingLog } from '../telegram/helpers.js';

process.on('uncaughtException', (e) => { console.log('UNCAUGHT', e); });
process.on('unhandledRejection', (e) => { console.log('UNHANDLED', e); });
const TOKEN = '123456789:ATTACK-token_for-the-fake_server';
const fake = await startFakeBotApi(TOKEN);
const dir = mkdtempSync(join(tmpdir(), 'gb-tg-'));
const log = new RecordingLog();
const app = await startApp(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, GRADBOT_DATA_DIR: dir, DATABASE_PATH: join(dir, 'db'), GRADBOT_WORKERS: '1', HEALTH_PORT: '0', GRADBOT_LANG: 'en' }), log);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let mark = fake.calls.length;
function plainLen(html: string) { return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"').length; }
async function show(label: string, wait = 2500) {
  await sleep(wait);
  console.log('=====', label);
  for (const c of fake.calls.slice(mark)) {
    if (c.method === 'getUpdates' || c.method === 'sendChatAction') continue;
    const p = c.params as Record<string, any>;
    const t = p.text ?? p.caption ?? p.question ?? (p.media && p.media.caption) ?? '';
    const lim = p.text !== undefined ? 4096 : 1024;
    const len = typeof t === 'string' ? plainLen(t) : 0;
    console.log(' ', c.method, 'chat=', p.chat_id, len > lim ? `!!!TOO LONG ${len}` : `len=${len}`, JSON.stringify(t).slice(0, 300), p.reply_markup ? JSON.stringify(p.reply_markup).slice(0, 200) : '', p.show_alert ?? '', 'status=', JSON.stringify(c.result ?? '').slice(0, 80));
  }
  mark = fake.calls.length;
}
const ctx = { fake, show, sleep, log, TOKEN };
const mod = await import(`./tg-${process.argv[2]}.ts`);
try { await mod.default(ctx); } catch (e) { console.log('SCRIPT ERR', e); }
await sleep(500);
await app.stop();
await fake.close();
const dump = log.dump();
console.log('TOKEN IN LOG:', dump.includes(TOKEN.split(':')[1]!));
for (const l of log.lines) if (l.level === 'error' || l.level === 'warn') console.log('LOG', l.level, l.msg, JSON.stringify(l.obj, (_k, v) => v instanceof Error ? { name: v.name, message: v.message } : v).slice(0, 300));
process.exit(0);
