/**
 * The whole bot behind the Discord door, started through startApp (what `npm start` runs)
 * with DISCORD_TOKEN, DISCORD_APP_ID and DISCORD_API_BASE pointing at the fake Discord:
 * real discord.js, the real commands, store, worker pool and renderer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { generateQuestion } from '../../../src/quiz/index.js';
import { chatKey } from '../../../src/store/types.js';
import { buttonPress, FakeDiscord, GUILD_ID, slashCommand, type ApiOption, type RestCall } from './fake-discord.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const PNG = [0x89, 0x50, 0x4e, 0x47];
const ADA = { id: '500000000000000001', name: 'Ada' };
const BOB = { id: '500000000000000002', name: 'Bob' };
const CY = { id: '500000000000000003', name: 'Cy' };

const fake = new FakeDiscord();
let app: RunningApp;
let dir: string;

beforeAll(async () => {
  await fake.start();
  dir = mkdtempSync(join(tmpdir(), 'gradbot-discord-e2e-'));
  const config = loadConfig({
    DISCORD_TOKEN: 'fake-token-abcdefghijklmnopqrstuvwxyz',
    DISCORD_APP_ID: '111111111111111111',
    DISCORD_API_BASE: fake.apiBase,
    GRADBOT_DATA_DIR: dir,
    DATABASE_PATH: join(dir, 'gradbot.db'),
    GRADBOT_WORKERS: '1',
    HEALTH_PORT: '0',
  });
  app = await startApp(config, silent);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await fake.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(name: string, options: ApiOption[], o: Parameters<typeof slashCommand>[2]): string {
  const p = slashCommand(name, options, o);
  fake.dispatch('INTERACTION_CREATE', p.payload);
  return p.token;
}
function press(customId: string, message: { id: string }, user: { id: string; name: string }): string {
  const p = buttonPress(customId, message, { user });
  fake.dispatch('INTERACTION_CREATE', p.payload);
  return p.token;
}
/** The message body a call carries (callback data or webhook body). */
function body(c: RestCall): { content?: string; flags?: number; components?: Array<{ components: Array<{ custom_id: string; label: string }> }>; allowed_mentions?: unknown } {
  const b = (c.body ?? {}) as Record<string, unknown>;
  return (c.path.endsWith('/callback') ? (b.data ?? {}) : b) as ReturnType<typeof body>;
}
const isMessage = (c: RestCall) => c.method !== 'DELETE' && (c.path.endsWith('/callback') ? [4, 7].includes((c.body as { type: number }).type) : c.path.startsWith('/webhooks/'));
const waitText = (token: string, re: RegExp, ms = 30_000) => fake.waitFor((c) => c.token === token && isMessage(c) && re.test(body(c).content ?? ''), ms);

describe('the bot on Discord', () => {
  it('/plot functions:relu defers and edits in a PNG', async () => {
    const token = run('plot', [{ name: 'functions', type: 3, value: 'relu' }], { user: ADA });
    const edit = await fake.waitFor((c) => c.token === token && c.files.length > 0, 30_000);
    const first = fake.callsFor(token)[0]!;
    expect((first.body as { type: number }).type).toBe(5);
    expect(edit.method).toBe('PATCH');
    expect(Array.from(edit.files[0]!.bytes.slice(0, 4))).toEqual(PNG);
    expect(body(edit).content).toMatch(/ReLU/);
  }, 40_000);

  it('/quiz topic:backprop, then a right answer (✅) and a wrong one (❌)', async () => {
    const id = 'backprop:17:2';
    const q = generateQuestion('backprop', 17, 2);
    if (q.answer.kind !== 'number') throw new Error('expected a number question');
    const t1 = run('quiz', [{ name: 'topic', type: 3, value: 'backprop' }, { name: 'id', type: 3, value: id }], { user: ADA, guild: false });
    await waitText(t1, /backprop:17:2/);
    const wrong = run('answer', [{ name: 'value', type: 3, value: String(q.answer.value + 1000) }], { user: ADA, guild: false });
    await waitText(wrong, /^❌/);
    const right = run('answer', [{ name: 'value', type: 3, value: String(q.answer.value) }], { user: ADA, guild: false });
    await waitText(right, /^✅/);
  }, 60_000);

  it('a button press answers a choice question', async () => {
    const q = generateQuestion('linear', 4, 1);
    if (q.answer.kind !== 'choice') throw new Error('expected a choice question');
    const t = run('quiz', [{ name: 'id', type: 3, value: 'linear:4:1' }], { user: BOB });
    const asked = await fake.waitFor((c) => c.token === t && isMessage(c) && (body(c).components?.length ?? 0) > 0, 30_000);
    const buttons = body(asked).components!.flatMap((r) => r.components);
    expect(buttons).toHaveLength(q.answer.choices.length);
    const p = press(buttons[q.answer.value]!.custom_id, { id: asked.messageId! }, BOB);
    await waitText(p, /✅/);
    // The button id is opaque: it says nothing about which choice is right.
    for (const b of buttons) expect(b.custom_id).not.toMatch(/linear|correct|right/i);
  }, 40_000);

  it('/train with an attachment edits its progress and sends the loss curve, and @everyone pings nobody', async () => {
    const rows = ['x1,x2,@everyone'];
    for (let k = 0; k < 60; k++) rows.push(`${(k % 10) / 10},${((k * 7) % 10) / 10},${k % 2 === 0 ? 'a' : 'b'}`);
    fake.files.set('data.csv', new TextEncoder().encode(rows.join('\n') + '\n'));
    const url = `http://127.0.0.1:${fake.port}/files/data.csv`;
    const token = run('train', [{ name: 'epochs', type: 4, value: 40 }], {
      user: CY,
      attachments: { data: { id: '700000000000000001', filename: 'data.csv', size: 1000, url } },
    });
    const final = await fake.waitFor((c) => c.token === token && c.files.length > 0, 60_000);
    expect(Array.from(final.files[0]!.bytes.slice(0, 4))).toEqual(PNG);
    const edits = fake.callsFor(token).filter((c) => c.method === 'PATCH');
    expect(edits.length).toBeGreaterThanOrEqual(2);
    for (const c of fake.callsFor(token).filter(isMessage)) {
      expect(body(c).allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(body(c).content ?? '').not.toMatch(/@everyone/);
    }
    expect(fake.callsFor(token).some((c) => /@\u200deveryone/.test(body(c).content ?? ''))).toBe(true);
  }, 80_000);

  it('a /round with three users scores them on the leaderboard', async () => {
    const start = run('round', [{ name: 'topic', type: 3, value: 'linear' }, { name: 'count', type: 4, value: 1 }, { name: 'seconds', type: 4, value: 10 }], { user: ADA });
    const asked = await waitText(start, /`linear:\d+:\d`/);
    const id = /`(linear:\d+:\d)`/.exec(body(asked).content ?? '')?.[1] ?? '';
    const [, seed, level] = id.split(':');
    const q = generateQuestion('linear', Number(seed), Number(level));
    // The round draws its question: answer by button when it has choices, else by /answer.
    const answers: string[] = [];
    if (q.answer.kind === 'choice') {
      const buttons = body(asked).components!.flatMap((r) => r.components);
      const wrongIdx = (q.answer.value + 1) % buttons.length;
      answers.push(
        press(buttons[q.answer.value]!.custom_id, { id: asked.messageId! }, ADA),
        press(buttons[q.answer.value]!.custom_id, { id: asked.messageId! }, BOB),
        press(buttons[wrongIdx]!.custom_id, { id: asked.messageId! }, CY),
      );
    } else if (q.answer.kind === 'number') {
      const key = String(q.answer.value);
      answers.push(
        run('answer', [{ name: 'value', type: 3, value: key }], { user: ADA }),
        run('answer', [{ name: 'value', type: 3, value: key }], { user: BOB }),
        run('answer', [{ name: 'value', type: 3, value: String(q.answer.value + 7) }], { user: CY }),
      );
    } else {
      throw new Error(`unexpected answer kind in ${id}`);
    }
    for (const a of answers) await fake.waitFor((c) => c.token === a, 20_000);
    // The round ends after its 10 seconds with the final scoreboard.
    await fake.waitFor((c) => c.token === start && isMessage(c) && /Ada/.test(body(c).content ?? '') && /Bob/.test(body(c).content ?? ''), 30_000);
    const top = app.services.store.leaderboard.top(chatKey('discord', GUILD_ID), 'all', 10, Date.now());
    const by = Object.fromEntries(top.map((r) => [r.name, r]));
    const inRound = app.services.store.attempts.forChat(chatKey('discord', GUILD_ID)).filter((a) => a.roundId !== undefined);
    expect(inRound.map((a) => [a.userName, a.correct, a.counted]).sort()).toEqual([
      ['Ada', true, true],
      ['Bob', true, true],
      ['Cy', false, true],
    ]);
    // Bob also answered the button question of the previous test in this server.
    expect([by.Ada?.correct, by.Bob?.correct, by.Cy?.correct]).toEqual([1, 2, 0]);
  }, 60_000);
});
