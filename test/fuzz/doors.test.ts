/**
 * Hostile input at every door: 1,000 seeded nasty messages (commands with nasty arguments and
 * named options, unknown commands, nasty answers, plain text) through the local chat's HTTP
 * API, the Telegram door (its fake Bot API server) and the Discord door (its fake gateway and
 * REST), all into one gradbot started as `npm start` starts it.
 *
 * Every message gets its reply within a bound (nothing crashes or hangs); every reply is a
 * specific message in the chat's language without a stack trace or a file path; and afterwards
 * the database opens and holds every answer that was acknowledged with ✅ or ❌.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/adapters/local/command-line.js';
import type { CommandDefinition } from '../../src/bot/types.js';
import type { Lang } from '../../src/core/errors.js';
import { Rng } from '../../src/core/rng.js';
import { planAnswer, questionFromId } from '../../src/loadtest/answers.js';
import { ChatFeed, type From } from '../../src/loadtest/chat-client.js';
import { isQuestion, questionIdIn } from '../../src/loadtest/replies.js';
import { choiceLetter } from '../../src/quiz/index.js';
import type { OptionSpec } from '../../src/options/types.js';
import { openStore } from '../../src/store/index.js';
import { startFakeBotApi, type ApiCall, type FakeBotApi, type FakeChat, type FakeUser } from '../adapters/telegram/fake-bot-api.js';
import { CHANNEL_ID, FakeDiscord, GUILD_ID, slashCommand, type ApiOption, type RestCall } from '../adapters/discord/fake-discord.js';
import { startClassApp, type ClassApp } from '../loadtest/class-app.js';
import { commandLine, nastyString } from './nasty.js';
import { replyProblems } from './reply-checks.js';

const SEED = 'fuzz-doors-1';
const LOCAL_CASES = 880;
const TELEGRAM_CASES = 60;
const DISCORD_CASES = 60;
const REPLY_BOUND_MS = 20_000;
const TG_TOKEN = '123456789:FUZZ-token_for-the-fake_server';

let c: ClassApp;
let tg: FakeBotApi;
const dc = new FakeDiscord();

/** One reply problem, with the input that caused it. */
interface Problem {
  door: string;
  input: string;
  reply: string;
  problem: string;
}
const problems: Problem[] = [];
/** Answers acknowledged with ✅/❌, per chat key: how many and how many right. */
const acks = new Map<string, { all: number; right: number }>();
let casesRun = 0;

function ack(chat: string, text: string): void {
  const a = acks.get(chat) ?? { all: 0, right: 0 };
  a.all++;
  if (text.startsWith('✅')) a.right++;
  acks.set(chat, a);
}

function check(door: string, input: string, reply: string, lang: Lang): void {
  for (const problem of replyProblems(reply, input, lang)) problems.push({ door, input: input.slice(0, 120), reply: reply.slice(0, 300), problem });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** In a lane's script: answer the last question asked, right or wrong (so some answers are readable). */
const KEYED_ANSWER = '\u0000keyed-answer';

/** `/answer` with the key of question `id` (or a plainly wrong answer). */
function keyedAnswer(id: string, rng: Rng): string {
  const plan = planAnswer(questionFromId(id), rng, 0.5);
  return `/answer ${plan.kind === 'press' ? choiceLetter(plan.choice, 'en') : plan.text}`;
}

beforeAll(async () => {
  tg = await startFakeBotApi(TG_TOKEN);
  await dc.start();
  c = await startClassApp({
    LOCAL_CHAT: '1',
    TELEGRAM_BOT_TOKEN: TG_TOKEN,
    TELEGRAM_API_ROOT: tg.apiRoot,
    DISCORD_TOKEN: 'fake-token-abcdefghijklmnopqrstuvwxyz',
    DISCORD_APP_ID: '111111111111111111',
    DISCORD_API_BASE: dc.apiBase,
    GRADBOT_WORKERS: '2',
    // The fuzz sends faster than any student; the limiter is tested elsewhere.
    RATE_USER_PER_MIN: '10000',
    RATE_CHAT_PER_MIN: '100000',
  });
}, 60_000);

afterAll(async () => {
  await c?.stop();
  await tg?.close();
  await dc.stop();
});

// ── the local chat ───────────────────────────────────────────────────────────────────────

interface Lane {
  chat: string;
  kind: 'group' | 'private';
  user: From;
  locale: string;
  lang: Lang;
}

async function localLane(lane: Lane, texts: string[]): Promise<void> {
  const feed = new ChatFeed(c.client, lane.chat, lane.user.id);
  const rng = new Rng(`keyed:${lane.chat}`);
  let lastQuestion: string | undefined;
  await feed.open();
  try {
    for (const script of texts) {
      if (script === KEYED_ANSWER && lastQuestion === undefined) continue;
      const text = script === KEYED_ANSWER ? keyedAnswer(lastQuestion as string, rng) : script;
      casesRun++;
      const mark = feed.mark();
      const r = await c.client.post(lane.chat, { from: lane.user, text, chatKind: lane.kind, locale: lane.locale });
      if (text.length > 4096 || text.trim() === '') {
        // Refused by the door itself with a specific API error.
        const want = text.trim() === '' ? 'empty_message' : 'invalid_body';
        if (r.status !== 400 || r.code !== want) problems.push({ door: 'local', input: text.slice(0, 120), reply: `HTTP ${r.status} ${r.code ?? ''}`, problem: `expected 400 ${want}` });
        continue;
      }
      if (r.status !== 202 || r.id === undefined) {
        problems.push({ door: 'local', input: text.slice(0, 120), reply: `HTTP ${r.status} ${r.code ?? ''}`, problem: 'not accepted' });
        continue;
      }
      const posted = r.id;
      const expectReply = lane.kind === 'private' || parseCommandLine(text) !== undefined;
      const first = await feed.waitFor((m) => m.from.bot && Number(m.id) > posted, mark, expectReply ? REPLY_BOUND_MS : 300);
      if (!first && expectReply) problems.push({ door: 'local', input: text.slice(0, 120), reply: '', problem: `no reply within ${REPLY_BOUND_MS / 1000} s` });
      // Whatever else the message causes arrives close behind the first reply.
      for (let n = feed.mark(), k = 0; k < 40; k++, n = feed.mark()) {
        await sleep(150);
        if (feed.mark() === n) break;
      }
      for (const s of feed.since(mark)) {
        if (!s.msg.from.bot) continue;
        check('local', text, s.msg.text, lane.lang);
        if (isQuestion(s.msg)) lastQuestion = questionIdIn(s.msg.text);
        if (Number(s.msg.id) > posted && !s.msg.edited && /^[✅❌]/u.test(s.msg.text)) ack(`local:${lane.chat}`, s.msg.text);
      }
    }
  } finally {
    feed.close();
  }
}

// ── Telegram ─────────────────────────────────────────────────────────────────────────────

const TG_SENDS = new Set(['sendMessage', 'sendPhoto', 'sendMediaGroup', 'sendDocument', 'sendPoll', 'editMessageText', 'editMessageCaption', 'editMessageMedia']);

function tgText(call: ApiCall): string {
  const p = call.params;
  const raw = typeof p.text === 'string' ? p.text : typeof p.caption === 'string' ? p.caption : typeof p.question === 'string' ? p.question : '';
  return raw.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

async function telegramLane(chat: FakeChat, user: FakeUser, lang: Lang, texts: string[]): Promise<void> {
  const rng = new Rng(`keyed:telegram:${chat.id}`);
  let lastQuestion: string | undefined;
  for (const script of texts) {
    if (script === KEYED_ANSWER && lastQuestion === undefined) continue;
    const raw = script === KEYED_ANSWER ? keyedAnswer(lastQuestion as string, rng) : script;
    // A Telegram message has 1 to 4096 characters.
    const text = raw.trim() === '' ? '?' : raw.slice(0, 4096);
    casesRun++;
    const mark = tg.calls.length;
    tg.userMessage(chat, user, { text });
    const t = text.trim();
    const isCommand = /^\/[A-Za-z0-9_]+(?:@gradbot_test_bot)?(?:\s|$)/.test(t);
    const expectReply = isCommand || (chat.type === 'private' && !t.startsWith('/'));
    const mine = (x: ApiCall) => TG_SENDS.has(x.method) && x.params.chat_id === chat.id;
    const got = await tg.waitForCall(mine, { from: mark, timeoutMs: expectReply ? REPLY_BOUND_MS : 400, what: 'a reply' }).catch(() => undefined);
    if (!got && expectReply) problems.push({ door: 'telegram', input: text.slice(0, 120), reply: '', problem: `no reply within ${REPLY_BOUND_MS / 1000} s` });
    for (let n = tg.calls.length, k = 0; k < 40; k++, n = tg.calls.length) {
      await sleep(250);
      if (tg.calls.length === n) break;
    }
    for (const call of tg.calls.slice(mark).filter(mine)) {
      const shown = tgText(call);
      // A picture whose caption was too long goes without one; the text follows it.
      if (shown === '' && call.method !== 'sendMessage' && call.method !== 'editMessageText') continue;
      check('telegram', text, shown, lang);
      const id = questionIdIn(shown);
      if (id !== undefined && call.method.startsWith('send')) lastQuestion = id;
      if (call.method.startsWith('send') && /^[✅❌]/u.test(shown)) ack(`telegram:${chat.id}`, shown);
    }
  }
}

// ── Discord ──────────────────────────────────────────────────────────────────────────────

const INTS = [0, -1, 1, 2147483647, -2147483648, 9007199254740991];
const NUMS = [1e308, -1e308, 5e-324, 0, -0.5, 123456.789];

/** A slash command with nasty values for its options (as Discord would type-check them). */
function discordOptions(rng: Rng, def: CommandDefinition): ApiOption[] {
  const out: ApiOption[] = [];
  for (const o of def.options as readonly OptionSpec[]) {
    if (o.type === 'attachment' || (!o.required && rng.bernoulli(0.4))) continue;
    if (o.type === 'string') {
      let v = nastyString(rng).slice(0, 6000);
      if (v.trim() === '') v = '?';
      if (def.name === 'lang') v = 'xx';
      if (def.name === 'round' && o.name === 'topic') v = `?${v}`;
      out.push({ name: o.name, type: 3, value: v });
    } else if (o.type === 'integer') out.push({ name: o.name, type: 4, value: rng.choice(INTS) });
    else if (o.type === 'number') out.push({ name: o.name, type: 10, value: rng.choice(NUMS) });
    else if (o.type === 'boolean') out.push({ name: o.name, type: 5, value: rng.bernoulli(0.5) });
  }
  return out;
}

function dcBody(call: RestCall): { content?: string } {
  const b = (call.body ?? {}) as Record<string, unknown>;
  return (call.path.endsWith('/callback') ? (b.data ?? {}) : b) as { content?: string };
}
const dcIsMessage = (call: RestCall) => call.method !== 'DELETE' && (call.path.endsWith('/callback') ? [4, 7].includes((call.body as { type: number }).type) : call.path.startsWith('/webhooks/'));

async function discordLane(rng: Rng, user: { id: string; name: string }, locale: string, lang: Lang, guild: boolean, n: number): Promise<void> {
  const defs = c.app.bot.commands.filter((d) => d.name !== 'round' || guild);
  let lastQuestion: string | undefined;
  const quiz = defs.find((d) => d.name === 'quiz') as CommandDefinition;
  const answer = defs.find((d) => d.name === 'answer') as CommandDefinition;
  for (let k = 0; k < n; k++) {
    casesRun++;
    // Now and then a real question and a real (right or wrong) answer, so answers get recorded.
    const keyed = k % 6 === 1 && lastQuestion !== undefined;
    const def = k % 6 === 0 ? quiz : keyed ? answer : rng.choice(defs);
    const options: ApiOption[] = k % 6 === 0 ? [{ name: 'topic', type: 3, value: 'backprop' }] : keyed ? [{ name: 'value', type: 3, value: keyedAnswer(lastQuestion as string, rng).slice('/answer '.length) }] : discordOptions(rng, def);
    const p = slashCommand(def.name, options, { user, locale, guild });
    const input = `/${def.name} ${options.map((o) => `${o.name}:${String(o.value)}`).join(' ')}`;
    dc.dispatch('INTERACTION_CREATE', p.payload);
    const got = await dc.waitFor((x) => x.token === p.token && dcIsMessage(x) && (dcBody(x).content ?? '') !== '', REPLY_BOUND_MS).catch(() => undefined);
    if (!got) problems.push({ door: 'discord', input: input.slice(0, 120), reply: '', problem: `no reply within ${REPLY_BOUND_MS / 1000} s` });
    for (let m = dc.callsFor(p.token).length, j = 0; j < 40; j++, m = dc.callsFor(p.token).length) {
      await sleep(200);
      if (dc.callsFor(p.token).length === m) break;
    }
    let acked = false;
    for (const call of dc.callsFor(p.token).filter(dcIsMessage)) {
      const shown = dcBody(call).content ?? '';
      if (shown === '') continue;
      check('discord', input, shown, lang);
      if (def === quiz) lastQuestion = questionIdIn(shown) ?? lastQuestion;
      // One answer per interaction (a deferred reply may be edited more than once). A server
      // is one class chat; a DM is its channel.
      if (/^[✅❌]/u.test(shown) && !acked) {
        acked = true;
        ack(`discord:${guild ? GUILD_ID : CHANNEL_ID}`, shown);
      }
    }
  }
}

describe('hostile input at every door', () => {
  it('answers 1,000 nasty messages specifically, in the chat language, without traces, and loses no acknowledged answer', async () => {
    const rng = new Rng(SEED);
    const commands = c.app.bot.commands;
    const lanes: Lane[] = [
      { chat: 'fz-p-ru-1', kind: 'private', user: { id: 'fz1', name: 'Аня' }, locale: 'ru', lang: 'ru' },
      { chat: 'fz-p-ru-2', kind: 'private', user: { id: 'fz2', name: '<b>Боря</b> @everyone' }, locale: 'ru-RU', lang: 'ru' },
      { chat: 'fz-p-en-1', kind: 'private', user: { id: 'fz3', name: 'Cy' }, locale: 'en', lang: 'en' },
      { chat: 'fz-p-en-2', kind: 'private', user: { id: 'fz4', name: "Dee'); --" }, locale: 'en-GB', lang: 'en' },
      { chat: 'fz-g-ru-1', kind: 'group', user: { id: 'fz5', name: 'Ева' }, locale: 'ru', lang: 'ru' },
      { chat: 'fz-g-ru-2', kind: 'group', user: { id: 'fz6', name: 'Жора 🧠' }, locale: 'ru', lang: 'ru' },
      { chat: 'fz-g-en-1', kind: 'group', user: { id: 'fz7', name: 'Finn' }, locale: 'en', lang: 'en' },
      { chat: 'fz-g-en-2', kind: 'group', user: { id: 'fz8', name: '\u202eGus' }, locale: 'en-US', lang: 'en' },
    ];
    const perLane = Math.ceil(LOCAL_CASES / lanes.length);
    const localRuns = lanes.map((lane, i) => {
      const r = rng.fork(`local:${i}`);
      // Every lane starts with a question, so nasty answers meet a question to answer.
      const texts = ['/quiz backprop 1', ...Array.from({ length: perLane - 1 }, (_, k) => (k % 15 === 14 ? `/quiz ${r.choice(['backprop', 'linear', 'activations', 'softmax'])}` : k % 15 === 0 ? KEYED_ANSWER : commandLine(r, commands, { private: lane.kind === 'private' })))];
      return localLane(lane, texts);
    });

    const tgUsers: Array<[FakeChat, FakeUser, Lang]> = [
      [{ id: 9101, type: 'private', first_name: 'Ира' }, { id: 9101, first_name: 'Ира', language_code: 'ru' }, 'ru'],
      [{ id: 9102, type: 'private', first_name: 'Jon' }, { id: 9102, first_name: 'Jon', language_code: 'en' }, 'en'],
      [{ id: -1009103, type: 'supergroup', title: 'Класс' }, { id: 9103, first_name: 'Кира', language_code: 'ru' }, 'ru'],
    ];
    const tgRuns = tgUsers.map(([chat, user, lang], i) => {
      const r = rng.fork(`telegram:${i}`);
      const texts = ['/quiz linear 1', ...Array.from({ length: TELEGRAM_CASES / tgUsers.length - 1 }, (_, k) => (k % 5 === 0 ? KEYED_ANSWER : k % 5 === 4 ? '/quiz backprop 1' : commandLine(r, commands, { private: chat.type === 'private' })))];
      return telegramLane(chat, user, lang, texts);
    });

    const dcRuns = [
      discordLane(rng.fork('discord:0'), { id: '500000000000000101', name: 'Лёва' }, 'ru', 'ru', true, DISCORD_CASES / 3),
      discordLane(rng.fork('discord:1'), { id: '500000000000000102', name: 'Max' }, 'en-US', 'en', true, DISCORD_CASES / 3),
      discordLane(rng.fork('discord:2'), { id: '500000000000000103', name: 'Нина' }, 'ru', 'ru', false, DISCORD_CASES / 3),
    ];

    await Promise.all([...localRuns, ...tgRuns, ...dcRuns]);
    expect(casesRun).toBeGreaterThanOrEqual(LOCAL_CASES + TELEGRAM_CASES + DISCORD_CASES - 10);
    const kinds = new Map<string, Problem[]>();
    for (const p of problems) kinds.set(`${p.door}: ${p.problem}`, [...(kinds.get(`${p.door}: ${p.problem}`) ?? []), p]);
    // One example of each kind of problem, with how often it happened.
    expect([...kinds.entries()].map(([k, ps]) => ({ kind: k, times: ps.length, example: ps[0] }))).toEqual([]);

    // Still alive and still itself.
    const health = await fetch(`${c.app.localUrl}/healthz`);
    expect(health.status).toBe(200);
    const f = new ChatFeed(c.client, 'fz-after', 'fz9');
    await f.open();
    const mark = f.mark();
    await c.client.post('fz-after', { from: { id: 'fz9', name: 'Ян' }, text: '/quiz backprop:17:2', chatKind: 'private', locale: 'ru' });
    const q = await f.waitFor((m) => m.from.bot, mark, REPLY_BOUND_MS);
    f.close();
    expect(q?.msg.text).toContain('backprop:17:2');
    expect(c.log.errors()).toEqual([]);

    // Every acknowledged answer is in the database, which opens after a clean stop.
    await c.app.stop();
    const store = openStore(c.databasePath);
    try {
      const acked = [...acks.entries()];
      expect(acked.reduce((n, [, a]) => n + a.all, 0)).toBeGreaterThan(40);
      // Each door had answers acknowledged.
      expect(new Set(acked.map(([chat]) => chat.split(':')[0]))).toEqual(new Set(['local', 'telegram', 'discord']));
      for (const [chat, a] of acked) {
        const attempts = store.attempts.forChat(chat);
        expect({ chat, attempts: attempts.length, right: attempts.filter((x) => x.correct).length }).toEqual({ chat, attempts: a.all, right: a.right });
      }
    } finally {
      store.close();
    }
  }, 240_000);
});
