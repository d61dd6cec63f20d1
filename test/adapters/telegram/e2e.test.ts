/**
 * The whole bot behind the Telegram door, started the way `npm start` starts it with
 * TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT (./app.ts), talking to the fake Bot API server:
 * real grammY, runner and auto-retry, the real commands, store, worker pool and renderer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateQuestion, type TopicId } from '../../../src/quiz/index.js';
import { startApp, type RunningApp } from './app.js';
import { startFakeBotApi, type ApiCall, type FakeBotApi, type FakeUser, type Json } from './fake-bot-api.js';
import { ANNA, BORIS, GROUP, RecordingLog, TOKEN, privateChat } from './helpers.js';

/** A classmate whose display name tries to format and to ping. */
const MALLORY: FakeUser = { id: 504, first_name: '<b>Mal</b>', last_name: '@everyone', language_code: 'ru' };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let fake: FakeBotApi;
let app: RunningApp | undefined;
let dir: string;
let env: NodeJS.ProcessEnv;
const log = new RecordingLog();

beforeAll(async () => {
  fake = await startFakeBotApi(TOKEN);
  dir = mkdtempSync(join(tmpdir(), 'gradbot-telegram-e2e-'));
  env = {
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: fake.apiRoot,
    GRADBOT_DATA_DIR: dir,
    DATABASE_PATH: join(dir, 'gradbot.db'),
    GRADBOT_WORKERS: '1',
    GRADBOT_LANG: 'ru',
  };
  app = await startApp(env, log);
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The text or caption a call put into the chat. */
function shown(c: ApiCall): string {
  const p = c.params;
  if (typeof p.text === 'string') return p.text;
  if (typeof p.caption === 'string') return p.caption;
  if (typeof p.media === 'object' && p.media !== null && !Array.isArray(p.media) && typeof p.media.caption === 'string') return p.media.caption;
  return '';
}

const SENDS = new Set(['sendMessage', 'sendPhoto', 'sendMediaGroup', 'sendDocument', 'sendPoll', 'editMessageText', 'editMessageCaption', 'editMessageMedia', 'answerCallbackQuery']);

/** Waits for a message-like call in `chat` (from call index `from`) whose text matches. */
function waitShown(chatId: number, from: number, test: (text: string, c: ApiCall) => boolean, what: string, timeoutMs = 20_000): Promise<ApiCall> {
  return fake.waitForCall((c) => SENDS.has(c.method) && (c.params.chat_id === chatId || c.method === 'answerCallbackQuery') && test(shown(c), c), { from, timeoutMs, what });
}

/** Telegram HTML back to plain text (for reading numbers out of the bot's messages). */
function plain(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('the bot on Telegram', () => {
  it('publishes the real command list in Russian and the default language', () => {
    const calls = fake.callsOf('setMyCommands');
    const list = (lang: string | undefined) =>
      (calls.find((c) => c.params.language_code === lang && c.params.scope === undefined)?.params.commands ?? []) as Array<{ command: string; description: string }>;
    const ru = list('ru');
    const en = list(undefined);
    for (const name of ['plot', 'quiz', 'answer', 'train', 'spells', 'round', 'leaderboard', 'settings', 'export']) {
      expect(en.map((c) => c.command)).toContain(name);
    }
    expect(ru.find((c) => c.command === 'train')?.description).toBe('Обучить небольшую нейросеть на вашем CSV-файле');
    expect(en.find((c) => c.command === 'train')?.description).toBe('Train a small neural network on your CSV file');
    expect(calls.filter((c) => JSON.stringify(c.params.scope) === '{"type":"all_group_chats"}')).toHaveLength(2);
  });

  it('/plot relu sends a PNG photo with the formula in its caption', async () => {
    const from = fake.calls.length;
    fake.userMessage(GROUP, ANNA, { text: '/plot relu' });
    const photo = await fake.waitForCall((c) => c.method === 'sendPhoto' && c.params.chat_id === GROUP.id, { from, what: 'the plot', timeoutMs: 20_000 });
    const bytes = photo.uploads[0]?.bytes ?? Buffer.alloc(0);
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(bytes.length).toBeGreaterThan(5000);
    expect(photo.params.parse_mode).toBe('HTML');
    expect(shown(photo)).toContain('<code>f(x) = max(0, x)</code>');
  });

  it('/quiz backprop: a right answer by reply gets ✅, a wrong one ❌', async () => {
    const from = fake.calls.length;
    fake.userMessage(GROUP, ANNA, { text: '/quiz backprop' });
    const q = await waitShown(GROUP.id, from, (t) => /backprop:\d+:[123]/.test(t), 'the question');
    const [, seed, difficulty] = /backprop:(\d+):([123])/.exec(shown(q)) ?? [];
    const question = generateQuestion('backprop' as TopicId, Number(seed), Number(difficulty) as 1 | 2 | 3);
    if (question.answer.kind !== 'number') throw new Error(`backprop asks numbers, got ${question.answer.kind}`);
    const right = question.answer.value;
    const questionId = (q.result as { message_id: number }).message_id;

    let mark = fake.calls.length;
    fake.userMessage(GROUP, BORIS, { text: String(Number((right + 7.5).toFixed(4))), replyTo: questionId });
    const wrong = await waitShown(GROUP.id, mark, (t) => t.startsWith('❌') || t.startsWith('✅'), 'the verdict on the wrong answer');
    expect(shown(wrong).startsWith('❌')).toBe(true);

    mark = fake.calls.length;
    fake.userMessage(GROUP, ANNA, { text: `/answer ${String(Number(right.toFixed(6)))}` });
    const ok = await waitShown(GROUP.id, mark, (t) => t.startsWith('❌') || t.startsWith('✅'), 'the verdict on the right answer');
    expect(shown(ok).startsWith('✅')).toBe(true);
  });

  it('/train with an uploaded CSV edits its progress message and sends the loss curve', async () => {
    const chat = privateChat(BORIS);
    const doc = fake.addFile('iris.csv', readFileSync('assets/datasets/iris.csv'));
    const from = fake.calls.length;
    fake.userMessage(chat, BORIS, { caption: '/train species 8 relu adam 30', document: doc });
    // The results come as an album: the loss curve and the confusion matrix.
    const results = await fake.waitForCall((c) => c.params.chat_id === chat.id && c.uploads.some((u) => u.filename === 'loss.png'), { from, what: 'the loss curve', timeoutMs: 40_000 });
    expect(['sendPhoto', 'sendMediaGroup']).toContain(results.method);
    const curve = results.uploads.find((u) => u.filename === 'loss.png');
    expect(curve?.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(fake.downloads).toContain(`documents/${doc.file_id}-iris.csv`);
    const calls = fake.calls.slice(from);
    const progress = calls.find((c) => c.method === 'sendMessage' && JSON.stringify(c.params.reply_markup ?? '').includes('callback_data'));
    if (progress === undefined) throw new Error('no progress message with a cancel button');
    const progressId = (progress.result as { message_id: number }).message_id;
    const edits = calls.filter((c) => c.method.startsWith('edit') && c.params.message_id === progressId);
    expect(edits.length).toBeGreaterThanOrEqual(1);
    // The progress message ends without its cancel button.
    expect(fake.message(chat.id, progressId)?.reply_markup).toBeUndefined();
  }, 50_000);

  it('/spells sends invented names', async () => {
    const chat = privateChat(ANNA);
    const from = fake.calls.length;
    fake.userMessage(chat, ANNA, { text: '/spells hp 5' });
    const list = await waitShown(chat.id, from, (t, c) => c.method === 'sendMessage' && /(новое|почти копия|копия)/.test(t), 'the names', 30_000);
    const lines = plain(shown(list)).split('\n').filter((l) => /(новое|почти копия|копия)\s*$/.test(l));
    expect(lines).toHaveLength(5);
  }, 40_000);

  it('refuses a document over the size limit without calling getFile', async () => {
    const big = fake.addFile('huge.csv', Buffer.from('a,b\n1,2\n'), { declaredSize: 30 * 1024 * 1024 });
    const getFiles = fake.callsOf('getFile').length;
    const from = fake.calls.length;
    fake.userMessage(GROUP, ANNA, { caption: '/train', document: big });
    const refusal = await waitShown(GROUP.id, from, (t) => /МБ|MB/.test(t), 'the refusal');
    // The bot writes sizes with a no-break space ("10\u00a0МБ").
    expect(shown(refusal)).toMatch(/10\s(МБ|MB)/);
    expect(fake.callsOf('getFile')).toHaveLength(getFiles);
    expect(fake.downloads).not.toContain(`documents/${big.file_id}-huge.csv`);
  });

  it('a /round with three users answering quiz polls: scores reach /leaderboard and survive a restart', async () => {
    fake.admins.add(`${GROUP.id}:${ANNA.id}`);
    let from = fake.calls.length;
    // Linear-model questions at difficulty 1 are all choice questions, so the round is all polls.
    fake.userMessage(GROUP, ANNA, { text: '/settings difficulty 1' });
    await waitShown(GROUP.id, from, (t) => /1/.test(t), 'the settings reply');
    from = fake.calls.length;
    fake.userMessage(GROUP, ANNA, { text: '/round linear 1 10' });
    const pollCall = await fake.waitForCall((c) => c.method === 'sendPoll', { from, what: 'the quiz poll', timeoutMs: 20_000 });
    const p = pollCall.params;
    expect([p.type, p.is_anonymous, p.open_period, p.hide_results_until_closes]).toEqual(['quiz', false, 10, true]);
    const correct = (p.correct_option_ids as number[])[0] ?? -1;
    const options = p.options as Json[];
    expect(correct).toBeGreaterThanOrEqual(0);
    const wrong = (correct + 1) % options.length;
    const pollId = ((pollCall.result as { poll: { id: string } }).poll).id;
    // Only the poll went out for the question (no second message with buttons).
    expect(fake.calls.slice(from).filter((c) => c.method.startsWith('send') && c.method !== 'sendChatAction').map((c) => c.method)).toEqual(['sendPoll']);

    fake.vote(pollId, ANNA, [correct]);
    fake.vote(pollId, MALLORY, [correct]);
    fake.vote(pollId, BORIS, [wrong]);
    const stop = await fake.waitForCall((c) => c.method === 'stopPoll', { from, what: 'the poll to close', timeoutMs: 20_000 });
    expect(stop.params.message_id).toBe((pollCall.result as { message_id: number }).message_id);
    await waitShown(GROUP.id, from, (t, c) => c.method === 'sendMessage' && t.includes('Anna Petrova'), 'the final board', 10_000);

    const board = async (): Promise<string> => {
      const mark = fake.calls.length;
      fake.userMessage(GROUP, BORIS, { text: '/leaderboard' });
      return shown(await waitShown(GROUP.id, mark, (t) => t.includes('Anna Petrova'), 'the leaderboard'));
    };
    const before = await board();
    // Escaped, and the @ cannot ping: the display name is shown, not run.
    expect(before).toContain('&lt;b&gt;Mal&lt;/b&gt; @\u2060everyone');
    expect(before).not.toContain('<b>Mal</b>');
    const rows = plain(before).split('\n');
    const rowOf = (name: string) => rows.find((r) => r.includes(name)) ?? '';
    // Mallory only played the round; Anna also answered /quiz; Boris voted wrong.
    expect(rowOf('Mal')).toMatch(/— 1\spoint \(1 of 1 right\)$/);
    expect(Number(/— (\d+(?:\.\d+)?)\spoints? /.exec(rowOf('Anna Petrova'))?.[1])).toBeGreaterThanOrEqual(1);
    expect(rowOf('Boris')).toMatch(/— 0\spoints/);

    // Restart on the same database: the board is the same.
    await app?.stop();
    app = undefined;
    app = await startApp(env, log);
    const after = await board();
    expect(after).toBe(before);
  }, 50_000);

  it('never logged the token', () => {
    expect(log.dump()).not.toContain(TOKEN);
    expect(log.dump()).not.toContain(TOKEN.split(':')[1]);
  });
});
