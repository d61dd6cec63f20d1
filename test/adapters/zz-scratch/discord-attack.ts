import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { FakeDiscord, GUILD_ID, slashCommand, buttonPress, autocomplete, snowflake } from '../discord/fake-discord.js';

process.on('uncaughtException', (e) => { console.log('UNCAUGHT', e); });
process.on('unhandledRejection', (e) => { console.log('UNHANDLED', e); });
const fake = new FakeDiscord();
await fake.start();
const dir = mkdtempSync(join(tmpdir(), 'gb-dc-'));
const log = { debug() {}, info() {}, warn: (o: object, m?: string) => console.log('WARN', m, JSON.stringify(o).slice(0, 300)), error: (o: object, m?: string) => console.log('ERROR', m, JSON.stringify(o).slice(0, 500)) };
const app = await startApp(loadConfig({ DISCORD_TOKEN: 'fake-token-abcdefghijklmnopqrstuvwxyz', DISCORD_APP_ID: '111111111111111111', DISCORD_API_BASE: fake.apiBase, GRADBOT_DATA_DIR: dir, DATABASE_PATH: join(dir, 'db'), GRADBOT_WORKERS: '1', HEALTH_PORT: '0' }), log);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ADA = { id: '500000000000000001', name: 'Ada' };
async function show(label: string, token: string, wait = 2500) {
  await sleep(wait);
  console.log('=====', label);
  for (const c of fake.callsFor(token)) {
    const b = (c.body ?? {}) as Record<string, any>;
    const d = c.path.endsWith('/callback') ? (b.data ?? {}) : b;
    console.log(' ', c.method, c.path.replace(/tok-\d+/, 'TOK'), 'type=', b.type, 'flags=', d.flags, JSON.stringify(d.content ?? d.choices ?? '').slice(0, 400), 'comps=', JSON.stringify(d.components ?? []).slice(0, 300), 'am=', JSON.stringify(d.allowed_mentions));
  }
}
const script = process.argv[2] ?? 'all';
const mod = await import(`./dc-${script}.ts`);
await mod.default({ fake, show, sleep, slashCommand, buttonPress, autocomplete, snowflake, ADA, GUILD_ID });
await sleep(1000);
await app.stop();
await fake.stop();
console.log('DONE');
process.exit(0);
