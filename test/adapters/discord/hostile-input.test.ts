/**
 * User text that tries to format, link or ping on Discord (CSV headers, spell lists, names),
 * text that grows past 2,000 characters when escaped, link previews, attachment sizes, and
 * display names built to spoof the lines around them.
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeDiscord, toDiscordMarkdown } from '../../../src/adapters/discord/markdown.js';
import { MAX_CONTENT, toPayloads } from '../../../src/adapters/discord/payload.js';
import { optionsOf } from '../../../src/adapters/discord/requests.js';
import { startDiscordDoor } from '../../../src/adapters/discord/index.js';
import type { RunningDoor } from '../../../src/adapters/door.js';
import type { Bot, BotAction, BotRequest, CommandDefinition } from '../../../src/bot/types.js';
import { isUserInputError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { loadConfig } from '../../../src/config.js';
import { stdSerializers } from 'pino';
import { FakeDiscord, slashCommand, type RestCall } from './fake-discord.js';

const SUPPRESS_EMBEDS = 1 << 2;
const EPHEMERAL = 1 << 6;

/** The characters left that would format: none may stand unescaped. */
function unescapedMarkdown(md: string): string[] {
  const found: string[] = [];
  for (let k = 0; k < md.length; k++) {
    const ch = md[k] as string;
    if (ch === '\\') {
      k++; // the escaped character
      continue;
    }
    if ('*_~`|['.includes(ch)) found.push(`${ch}@${k}`);
  }
  for (const line of md.split('\n')) if (/^[ \t]*(#|>|-|\+|\d+\.)/.test(line)) found.push(`line "${line.slice(0, 20)}"`);
  if (/<(?=[@#:&!/]|t:|a:)/.test(md)) found.push('a mention-like <');
  if (/@(?!\u200d)/.test(md)) found.push('a bare @');
  return found;
}

/** What Discord shows for escaped markdown: backslashes before punctuation and the joiners go. */
function shownText(md: string): string {
  return md.replace(/\\([^A-Za-z0-9\s])/g, '$1').replace(/\u200d/g, '');
}

describe('escaping user text for Discord markdown', () => {
  it('escapes runs of * and _ completely (discord.js leaves every third one)', () => {
    expect(escapeDiscord('*****')).toBe('\\*\\*\\*\\*\\*');
    expect(escapeDiscord('______')).toBe('\\_\\_\\_\\_\\_\\_');
    expect(escapeDiscord('**bold** __u__ ~~s~~ ||spoiler|| `code`')).toBe('\\*\\*bold\\*\\* \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`');
  });

  it('defuses quotes, headings, subtext, lists, masked links and command mentions', () => {
    expect(escapeDiscord('> quote\n>>> all\n# Big\n-# small\n- item\n+ item\n  12. twelve')).toBe('\\> quote\n\\>>> all\n\\# Big\n\\-# small\n\\- item\n\\+ item\n  12\\. twelve');
    expect(escapeDiscord('[click](https://evil.example)')).toBe('\\[click\\](https://evil.example)');
    expect(escapeDiscord('</help:123> <t:1:R> <@&1> @everyone')).toBe('<\u200d/help:123> <\u200dt:1:R> <\u200d@\u200d&1> @\u200deveryone');
    expect(escapeDiscord('a\\*b')).toBe('a\\\\\\*b');
  });

  it('leaves nothing that formats in 500 seeded nasty strings, and shows them as typed', () => {
    const rng = new Rng('discord-markdown-1');
    const pieces = ['*', '**', '_', '__', '~~', '||', '`', '```', '\\', '[', ']', '(', ')', '<', '>', '#', '-', '+', '1.', '@', '@everyone', '<@&1>', '</x:1>', '\n', ' ', 'a', 'Ж', '😀', ':', 'http://e.x/a_b'];
    for (let n = 0; n < 500; n++) {
      let s = '';
      const len = rng.int(1, 30);
      for (let k = 0; k < len; k++) s += pieces[rng.int(0, pieces.length - 1)];
      const md = escapeDiscord(s);
      expect(unescapedMarkdown(md), JSON.stringify(s)).toEqual([]);
      expect(shownText(md)).toBe(s);
    }
  });

  it('keeps backticks from closing a code span', () => {
    expect(toDiscordMarkdown([{ code: 'a`b' }, ' ', { pre: 'x```y' }])).toBe('`aˋb` ```\nxˋˋˋy\n```');
  });
});

describe('messages that grow past 2,000 characters when escaped', () => {
  it('are split further instead of losing their end', () => {
    const text = '*'.repeat(1500) + '😀'.repeat(100) + ' the end';
    const payloads = toPayloads({ text: [text] });
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) {
      expect(p.content.length).toBeLessThanOrEqual(MAX_CONTENT);
      expect(p.content).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
    expect(shownText(payloads.map((p) => p.content).join(''))).toBe(text);
  });

  it('are shortened with … when they must stay one message (an edit)', () => {
    const [p, ...rest] = toPayloads({ text: ['@'.repeat(1800)] }, { edit: true });
    expect(rest).toEqual([]);
    expect(p?.content.length).toBeLessThanOrEqual(MAX_CONTENT);
    expect(p?.content.endsWith('…')).toBe(true);
    expect(p?.content.startsWith('@\u200d@\u200d')).toBe(true);
  });
});

describe('attachments', () => {
  it('refuse a declared size over the limit without fetching', async () => {
    let fetched = false;
    const fakeInteraction = {
      options: { data: [{ name: 'data', type: 11, attachment: { name: 'big.csv', size: 5_000_000_000, url: 'http://127.0.0.1:9/never', contentType: 'text/csv' } }] },
    } as unknown as ChatInputCommandInteraction;
    const { attachments } = optionsOf(fakeInteraction);
    const err = await attachments[0]?.download(1024).catch((e: unknown) => {
      fetched = !isUserInputError(e);
      return e;
    });
    expect(isUserInputError(err)).toBe(true);
    expect((err as { code: string }).code).toBe('upload.too_large');
    expect(fetched).toBe(false);
  });
});

class EchoBot implements Bot {
  readonly commands: CommandDefinition[] = [];
  readonly requests: BotRequest[] = [];
  /** What a failed send threw, as the bot layer would log it (pino's error serializer). */
  readonly logged: string[] = [];
  async command(req: BotRequest): Promise<void> {
    this.requests.push(req);
    if (req.command === 'logs') {
      try {
        await req.reply.send({ text: ['a reply Discord refuses'], images: [{ png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), name: 'p.png' }] });
      } catch (err) {
        this.logged.push(JSON.stringify(stdSerializers.err(err as Error)));
      }
      return;
    }
    if (req.command === 'slow') {
      await req.reply.defer?.();
      const ref = await req.reply.send({ text: ['see http://evil.example/a'] });
      await req.reply.edit(ref, { text: ['still http://evil.example/b'] });
      await req.reply.send({ text: ['and http://evil.example/c'], private: true });
      return;
    }
    await req.reply.send({ text: ['header: http://evil.example/x'], private: req.command === 'mistake' });
  }
  async action(_a: BotAction): Promise<void> {}
  async text(): Promise<void> {}
  autocomplete() {
    return [];
  }
  langFor() {
    return 'en' as const;
  }
  async close(): Promise<void> {}
}

describe('the door on the wire', () => {
  const fake = new FakeDiscord();
  const bot = new EchoBot();
  let door: RunningDoor;
  const send = (p: { token: string; payload: Record<string, unknown> }) => {
    fake.dispatch('INTERACTION_CREATE', p.payload);
    return p.token;
  };
  /** The flags of the message a call creates or edits (a deferral has none). */
  const flagsOf = (c: RestCall): number | undefined => {
    const b = (c.body ?? {}) as { type?: number; data?: { flags?: number }; flags?: number };
    return c.path.endsWith('/callback') ? b.data?.flags : b.flags;
  };

  beforeAll(async () => {
    await fake.start();
    const config = loadConfig({ DISCORD_TOKEN: 'fake-token-abcdefghijklmnopqrstuvwxyz', DISCORD_APP_ID: '111111111111111111', DISCORD_API_BASE: fake.apiBase });
    door = await startDiscordDoor({ config, bot, log: { debug() {}, info() {}, warn() {}, error() {} } });
  });
  afterAll(async () => {
    await door?.stop();
    await fake.stop();
  });

  it('suppresses link previews on replies, edits and follow-ups, and keeps private ones ephemeral', async () => {
    const user = { id: '555555555555555556', name: 'Ada' };
    const a = send(slashCommand('plain', [], { user }));
    const b = send(slashCommand('mistake', [], { user }));
    const c = send(slashCommand('slow', [], { user }));
    const reply = await fake.waitFor((x) => x.token === a && x.path.endsWith('/callback'));
    expect((flagsOf(reply) ?? 0) & SUPPRESS_EMBEDS).toBe(SUPPRESS_EMBEDS);
    const mistake = await fake.waitFor((x) => x.token === b && x.path.endsWith('/callback'));
    expect(flagsOf(mistake)).toBe(SUPPRESS_EMBEDS | EPHEMERAL);
    const followUp = await fake.waitFor((x) => x.token === c && x.method === 'POST' && x.path.startsWith('/webhooks/'));
    expect(flagsOf(followUp)).toBe(SUPPRESS_EMBEDS | EPHEMERAL);
    const messages = fake.callsFor(c).filter((x) => x.method === 'PATCH');
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(flagsOf(m)).toBe(SUPPRESS_EMBEDS);
  });

  it('survives REST failures: a lost interaction, a 500 and a 429 (retried), and serves the next command', async () => {
    const user = { id: '555555555555555558', name: 'Bo' };
    const callback = (tok: string) => (m: string, path: string) => m === 'POST' && path.includes(`/${tok}/callback`);
    // 404 Unknown interaction: the 3 seconds passed; nothing to retry, nothing may crash.
    const lost = slashCommand('plain', [], { user });
    fake.fail(callback(lost.token), 404, { message: 'Unknown interaction', code: 10062 });
    send(lost);
    // A 500 is retried by discord.js; a 429 is waited out.
    const flaky = slashCommand('plain', [], { user });
    fake.fail(callback(flaky.token), 500, { message: '500: Internal Server Error', code: 0 });
    send(flaky);
    const limited = slashCommand('slow', [], { user });
    fake.fail((m, path) => m === 'PATCH' && path.includes(limited.token), 429, { message: 'You are being rate limited.', retry_after: 0.3, global: false }, { headers: { 'retry-after': '1' } });
    send(limited);
    await fake.waitFor((x) => x.token === flaky.token && x.path.endsWith('/callback'), 10_000);
    await fake.waitFor((x) => x.token === limited.token && x.method === 'PATCH', 10_000);
    expect(fake.failed.map((f) => f.status).sort()).toEqual([404, 429, 500]);
    expect(fake.callsFor(lost.token)).toEqual([]);
    const next = send(slashCommand('plain', [], { user }));
    const ok = await fake.waitFor((x) => x.token === next && x.path.endsWith('/callback'));
    expect((ok.body as { data: { content: string } }).data.content).toBe('header: http://evil.example/x');
  }, 20_000);

  it('hands the bot failed calls without the interaction token or the request body', async () => {
    const p = slashCommand('logs', [], { user: { id: '555555555555555559', name: 'Cy' } });
    fake.fail((m, path) => path.includes(p.token), 404, { message: 'Unknown interaction', code: 10062 });
    send(p);
    await waitFor(() => bot.logged.length > 0);
    const logged = bot.logged[0] ?? '';
    expect(logged).toContain('Unknown interaction');
    expect(logged).toContain('"status":404');
    expect(logged).toContain('"code":10062');
    expect(logged).not.toContain(p.token);
    expect(logged).not.toContain('a reply Discord refuses');
  });

  it('cleans display names of controls and bidi overrides', async () => {
    const p = slashCommand('plain', [], { user: { id: '555555555555555557', name: 'x' } });
    const member = p.payload.member as { nick: string | null };
    member.nick = 'Ann\n1. Bob — 100\u202e\u0007';
    send(p);
    await fake.waitFor((x) => x.token === p.token);
    expect(bot.requests.at(-1)?.user.name).toBe('Ann 1. Bob — 100');
  });
});

async function waitFor(pred: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
