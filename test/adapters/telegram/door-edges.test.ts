/**
 * Edges of the door that need their own setup: a refused token at start, the public API's
 * 20 MB download limit, and edits of messages the door no longer remembers (after a restart).
 */
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentAttachment } from '../../../src/adapters/telegram/attachments.js';
import { telegramCaps } from '../../../src/adapters/telegram/caps.js';
import { startTelegramDoor, TelegramStartError } from '../../../src/adapters/telegram/index.js';
import { CallbackIds } from '../../../src/adapters/telegram/keyboard.js';
import { PollRegistry } from '../../../src/adapters/telegram/polls.js';
import { TelegramReplier, type OutboundState } from '../../../src/adapters/telegram/replier.js';
import { SentMessages } from '../../../src/adapters/telegram/sent-messages.js';
import type { ChatRef } from '../../../src/bot/types.js';
import { isUserInputError } from '../../../src/core/errors.js';
import { loadConfig } from '../../../src/config.js';
import { startFakeBotApi, type FakeBotApi } from './fake-bot-api.js';
import { GROUP, RecordingLog, ScriptedBot, TOKEN, fakePng, until } from './helpers.js';

let fake: FakeBotApi;
const log = new RecordingLog();
const chat: ChatRef = { door: 'telegram', id: String(GROUP.id), kind: 'group' };

beforeAll(async () => {
  fake = await startFakeBotApi(TOKEN);
});

afterAll(async () => {
  await fake?.close();
});

function outbound(api: Api): OutboundState {
  return { api, caps: telegramCaps({ uploadMaxBytes: 50 * 1024 * 1024 }, undefined), ids: new CallbackIds(), sent: new SentMessages(), polls: new PollRegistry(), log };
}

describe('the door at its edges', () => {
  it('refuses to start with a token Telegram rejects, saying what to do and not echoing it', async () => {
    const wrong = '999999:WRONG-token_value';
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: wrong, TELEGRAM_API_ROOT: fake.apiRoot });
    const err = await startTelegramDoor({ config, bot: new ScriptedBot([]), log }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelegramStartError);
    expect((err as Error).message).toBe('Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): copy the token from @BotFather again');
    expect(fake.callsOf('setMyCommands')).toHaveLength(0);
  });

  it('says what to do when Telegram ends long polling (another instance with the same token)', async () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot });
    const own = new RecordingLog();
    const door = await startTelegramDoor({ config, bot: new ScriptedBot([]), log: own });
    fake.fail('getUpdates', 409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
    fake.push({ message: { message_id: 1, date: 0, chat: { id: 1, type: 'private', first_name: 'A' } } }); // ends the held poll
    await until(() => own.lines.some((l) => l.msg === 'telegram: polling stopped'), 'the runner to stop');
    const line = own.lines.find((l) => l.msg === 'telegram: polling stopped');
    expect((line?.obj as { hint: string }).hint).toMatch(/^another process is polling with this token/);
    expect(own.lines.some((l) => l.level === 'warn' && l.msg === 'telegram: getUpdates failed; retrying')).toBe(true);
    await door.stop();
    expect(own.dump()).not.toContain(TOKEN);
  });

  it('refuses a file over 20 MB on the public API before getFile, pointing to a local Bot API server', async () => {
    const api = new Api(TOKEN, { apiRoot: fake.apiRoot });
    const doc = fake.addFile('big.csv', Buffer.from('a\n1\n'), { declaredSize: 25 * 1024 * 1024 });
    const attachment = documentAttachment(doc, { api, token: TOKEN, apiRoot: fake.apiRoot, localServer: false });
    const err = await attachment.download(50 * 1024 * 1024).catch((e: unknown) => e);
    if (!isUserInputError(err)) throw new Error('expected a UserInputError');
    expect(err.code).toBe('upload.too_large');
    expect(err.render('en')).toBe(
      'The file is 25 MB, and Telegram lets bots download at most 20 MB. Send a smaller file (fewer rows or columns); the teacher can lift this limit by running a local Bot API server (TELEGRAM_API_ROOT).',
    );
    expect(err.render('ru')).toContain('не больше 20\u00a0МБ');
    expect(fake.callsOf('getFile')).toHaveLength(0);
    // The same file through a local Bot API server is fetched.
    const local = documentAttachment({ ...doc, file_size: 4 }, { api, token: TOKEN, apiRoot: fake.apiRoot, localServer: true });
    expect(Buffer.from(await local.download(50 * 1024 * 1024)).toString()).toBe('a\n1\n');
  });

  it('edits a photo it no longer remembers by its caption, and a poll not at all', async () => {
    const api = new Api(TOKEN, { apiRoot: fake.apiRoot });
    const before = new TelegramReplier(outbound(api), chat, { kind: 'none' });
    const ref = await before.send({ text: ['old caption'], images: [fakePng('g')] });
    const after = new TelegramReplier(outbound(api), chat, { kind: 'none' });
    const from = fake.calls.length;
    await after.edit(ref, { text: ['new caption'] });
    expect(fake.calls.slice(from).map((c) => c.method)).toEqual(['editMessageText', 'editMessageCaption']);
    expect(fake.message(GROUP.id, Number(ref.id))?.caption).toBe('new caption');

    const poll = await before.send({ text: ['Q?'], poll: { question: 'Q?', options: ['a', 'b'], optionActionIds: ['x', 'y'], correctIndex: 1, openSeconds: 5 } });
    const mark = fake.calls.length;
    await before.edit(poll, { text: ['edited'] });
    expect(fake.calls.length).toBe(mark);
  });

  it('replaces the parts of a message whose shape changed and deletes the ones left over', async () => {
    const api = new Api(TOKEN, { apiRoot: fake.apiRoot });
    const r = new TelegramReplier(outbound(api), chat, { kind: 'none' });
    const ref = await r.send({ text: ['y'.repeat(1500)], images: [fakePng('one')], buttons: [[{ id: 'n', label: 'Next' }]] });
    const [photo, text] = fake.chatMessages(GROUP.id).slice(-2);
    expect([photo?.photo !== undefined, text?.text?.length]).toEqual([true, 1500]);
    await r.edit(ref, { text: ['short now'], images: [fakePng('one')] });
    expect(fake.message(GROUP.id, photo?.message_id ?? 0)?.caption).toBe('short now');
    expect(fake.message(GROUP.id, text?.message_id ?? 0)?.deleted).toBe(true);
  });
});
