/**
 * The Discord door's plumbing with a small fake bot: the real discord.js client logs in to the
 * fake gateway, gets interactions, and its REST calls land on the fake server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import type { RunningDoor } from '../../../src/adapters/door.js';
import { startDiscordDoor } from '../../../src/adapters/discord/index.js';
import type { Bot, BotAction, BotRequest, BotText, CommandDefinition } from '../../../src/bot/types.js';
import { autocomplete, buttonPress, FakeDiscord, slashCommand, type RestCall } from './fake-discord.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const silent = { debug() {}, info() {}, warn() {}, error() {} };

class FakeBot implements Bot {
  readonly commands: CommandDefinition[] = [];
  requests: BotRequest[] = [];
  actions: BotAction[] = [];
  async command(req: BotRequest): Promise<void> {
    this.requests.push(req);
    if (req.command === 'pic') {
      await req.reply.defer?.();
      await new Promise((r) => setTimeout(r, 50));
      await req.reply.send({ text: ['f(x) = ', { code: 'max(0, x)' }], images: [{ png: PNG, name: 'relu.png' }] });
    } else if (req.command === 'oops') {
      await req.reply.send({ text: ['Bad value "', String(req.options?.value), '"'], private: true });
    } else if (req.command === 'ask') {
      await req.reply.send({ text: ['Pick one'], buttons: [[{ id: 'a1', label: 'A' }, { id: 'a2', label: 'B' }]] });
    } else if (req.command === 'file') {
      const a = req.attachments[0];
      if (!a) return;
      if (a.declaredSize > 100) {
        await req.reply.send({ text: ['too big'], private: true });
        return;
      }
      const bytes = await a.download(100);
      await req.reply.send({ text: [`got ${bytes.length} bytes: `, new TextDecoder().decode(bytes)] });
    } else if (req.command === 'slow') {
      // Nothing for longer than the auto-defer: the door must defer on its own.
      await new Promise((r) => setTimeout(r, 2300));
      await req.reply.send({ text: ['done'] });
    }
  }
  async action(act: BotAction): Promise<void> {
    this.actions.push(act);
    if (act.message) await act.reply.edit(act.message, { text: ['You chose ', act.actionId], buttons: [[{ id: 'a1', label: 'A', disabled: true }]] });
    await act.reply.send({ text: ['✅ right'], private: true });
  }
  async text(_msg: BotText): Promise<void> {}
  autocomplete(_c: string, _o: string, typed: string) {
    return ['relu', 'gelu', 'leaky_relu'].filter((x) => x.startsWith(typed)).map((x) => ({ value: x, label: x.toUpperCase() }));
  }
  langFor() {
    return 'en' as const;
  }
  async close(): Promise<void> {}
}

describe('Discord door (fake bot)', () => {
  const fake = new FakeDiscord();
  const bot = new FakeBot();
  let door: RunningDoor;
  const user = { id: '555555555555555555', name: 'Ada' };

  beforeAll(async () => {
    await fake.start();
    const config = loadConfig({ DISCORD_TOKEN: 'fake-token-abcdefghijklmnopqrstuvwxyz', DISCORD_APP_ID: '111111111111111111', DISCORD_API_BASE: fake.apiBase });
    door = await startDiscordDoor({ config, bot, log: silent });
  });
  afterAll(async () => {
    await door?.stop();
    await fake.stop();
  });

  const send = (p: { token: string; payload: Record<string, unknown> }) => {
    fake.dispatch('INTERACTION_CREATE', p.payload);
    return p.token;
  };
  const hasFiles = (c: RestCall) => c.files.length > 0;

  it('defers, then edits in the picture with mentions off', async () => {
    const token = send(slashCommand('pic', [], { user }));
    const edit = await fake.waitFor((c) => c.token === token && c.method === 'PATCH');
    const calls = fake.callsFor(token);
    expect(calls[0]?.path).toMatch(/\/callback$/);
    expect((calls[0]?.body as { type: number }).type).toBe(5);
    expect(hasFiles(edit)).toBe(true);
    expect(edit.files[0]?.name).toBe('relu.png');
    expect(Array.from(edit.files[0]!.bytes.slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((edit.body as { content: string }).content).toBe('f\\(x\\) = `max(0, x)`'.replace('\\(', '(').replace('\\)', ')'));
    expect((edit.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(bot.requests.at(-1)?.chat).toEqual({ door: 'discord', id: '333333333333333333', kind: 'group' });
  });

  it('answers a user mistake ephemerally, escaped and without pings', async () => {
    const token = send(slashCommand('oops', [{ name: 'value', type: 3, value: '@everyone **x**' }], { user }));
    const cb = await fake.waitFor((c) => c.token === token && c.path.endsWith('/callback'));
    const body = cb.body as { type: number; data: { content: string; flags: number; allowed_mentions: unknown } };
    expect(body.type).toBe(4);
    expect(body.data.flags & 64).toBe(64);
    expect(body.data.content).not.toContain('@everyone');
    expect(body.data.content).toContain('\\*\\*x\\*\\*');
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('defers by itself when the bot is slow', async () => {
    const token = send(slashCommand('slow', [], { user }));
    await fake.waitFor((c) => c.token === token && c.method === 'PATCH', 10_000);
    const calls = fake.callsFor(token);
    expect((calls[0]?.body as { type: number }).type).toBe(5);
  }, 15_000);

  it('turns a button press into an update of its message and private feedback', async () => {
    const token = send(slashCommand('ask', [], { user }));
    const cb = await fake.waitFor((c) => c.token === token && c.path.endsWith('/callback'));
    const data = (cb.body as { data: { components: Array<{ components: Array<{ custom_id: string }> }> } }).data;
    expect(data.components[0]?.components.map((b) => b.custom_id)).toEqual(['a1', 'a2']);
    const press = send(buttonPress('a2', { id: cb.messageId! }, { user }));
    const follow = await fake.waitFor((c) => c.token === press && c.method === 'POST' && c.path.startsWith('/webhooks/'));
    const calls = fake.callsFor(press);
    expect((calls[0]?.body as { type: number }).type).toBe(7);
    expect(bot.actions.at(-1)?.actionId).toBe('a2');
    expect(((follow.body as { flags: number }).flags & 64)).toBe(64);
    expect((follow.body as { content: string }).content).toBe('✅ right');
  });

  it('checks the declared size before downloading, and downloads small files', async () => {
    fake.files.set('big.csv', new Uint8Array(500));
    fake.files.set('small.csv', new TextEncoder().encode('a,b\n1,2\n'));
    const url = (n: string) => `http://127.0.0.1:${fake.port}/files/${n}`;
    const t1 = send(slashCommand('file', [], { user, attachments: { data: { id: '777777777777777771', filename: 'big.csv', size: 500, url: url('big.csv') } } }));
    await fake.waitFor((c) => c.token === t1 && (c.method !== 'POST' || (c.body as { type?: number }).type !== 5));
    expect(fake.downloads).not.toContain('big.csv');
    const t2 = send(slashCommand('file', [], { user, attachments: { data: { id: '777777777777777772', filename: 'small.csv', size: 8, url: url('small.csv') } } }));
    // Deferred at once (the download takes a moment), then the answer edits the reply.
    const edit = await fake.waitFor((c) => c.token === t2 && c.method === 'PATCH');
    expect((edit.body as { content: string }).content).toBe('got 8 bytes: a,b\n1,2\n');
  });

  it('answers autocomplete from the bot', async () => {
    const p = autocomplete('plot', 'functions', 're', { user });
    send(p);
    const cb = await fake.waitFor((c) => c.token === p.token);
    expect(cb.body).toEqual({ type: 8, data: { choices: [{ name: 'RELU', value: 'relu' }] } });
  });
});
