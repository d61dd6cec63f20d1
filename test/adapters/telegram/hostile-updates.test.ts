/**
 * Updates a class group really produces that are not a student typing a command: a teacher
 * writing as the anonymous group administrator, a press on a button whose long id the door
 * forgot (a restart), and display names built to spoof the lines around them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDoor } from '../../../src/adapters/door.js';
import { startTelegramDoor } from '../../../src/adapters/telegram/index.js';
import { displayName } from '../../../src/adapters/telegram/inbound.js';
import type { CommandDefinition } from '../../../src/bot/types.js';
import { loadConfig } from '../../../src/config.js';
import { FAKE_BOT, startFakeBotApi, type FakeBotApi } from './fake-bot-api.js';
import { ANNA, GROUP, RecordingLog, ScriptedBot, TOKEN, sleep, until } from './helpers.js';

const DEFS: CommandDefinition[] = [{ name: 'settings', description: { en: 'Settings', ru: 'Настройки' }, options: [] }];

let fake: FakeBotApi;
let door: RunningDoor;
const bot = new ScriptedBot(DEFS);
const log = new RecordingLog();
let nextId = 5000;

/** Telegram's stand-in user for an anonymous group administrator. */
const GROUP_ANONYMOUS_BOT = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };

beforeAll(async () => {
  fake = await startFakeBotApi(TOKEN);
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot });
  bot.langFor = () => 'ru';
  door = await startTelegramDoor({ config, bot, log });
});

afterAll(async () => {
  await door?.stop();
  await fake?.close();
});

function anonymousCommand(text: string): { messageId: number; updateId: number } {
  const messageId = nextId++;
  const updateId = fake.push({ message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: GROUP, from: GROUP_ANONYMOUS_BOT, sender_chat: { id: GROUP.id, type: 'supergroup', title: 'NN course' }, text } });
  return { messageId, updateId };
}

describe('a command sent as the group (anonymous administrator)', () => {
  it('is not run, and the chat is told why in its language, once a minute', async () => {
    const from = fake.calls.length;
    const { messageId } = anonymousCommand('/settings');
    const sent = await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.chat_id === GROUP.id, { from, what: 'the explanation' });
    expect(sent.params.text).toBe(
      'Вы пишете от имени группы (анонимно), поэтому я не вижу, кто вы, и такие команды не выполняю. Отключите «Анонимность» в своих правах администратора или отправьте команду от своего аккаунта.',
    );
    expect(sent.params.reply_parameters).toEqual({ message_id: messageId, allow_sending_without_reply: true });
    expect(bot.requests).toHaveLength(0);

    // A second one within the minute: still not run, and no second notice.
    anonymousCommand('/settings@' + FAKE_BOT.username);
    const { updateId } = anonymousCommand('plain text is no command');
    // The runner asks for updates after the last one once it has handled them.
    await until(() => typeof fake.lastPoll?.offset === 'number' && fake.lastPoll.offset > updateId, 'the updates to be taken');
    await sleep(300);
    expect(fake.calls.slice(from).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(bot.requests).toHaveLength(0);
  });
});

describe('a press on a button whose long id the door no longer knows', () => {
  it('reaches the bot (which says the button expired) instead of doing nothing', async () => {
    const from = fake.calls.length;
    bot.onCommand.settings = async (req) => {
      await req.reply.send({ text: ['pick'], buttons: [[{ id: 'k', label: 'K' }]] });
    };
    fake.userMessage(GROUP, ANNA, { text: '/settings' });
    const shown = await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.text === 'pick', { from, what: 'the buttons' });
    const messageId = (shown.result as { message_id: number }).message_id;
    bot.onAction = async (act) => {
      await act.reply.send({ text: [`expired: ${act.actionId}`], private: true });
    };
    // "~zz" is the shape of a short key standing for a long id (./keyboard.ts), one never handed out.
    fake.pressButton(GROUP, ANNA, messageId, '~zz');
    const answer = await fake.waitForCall((c) => c.method === 'answerCallbackQuery' && typeof c.params.text === 'string', { from, what: 'the callback answer' });
    expect(bot.actions.at(-1)?.actionId).toBe('~zz');
    expect(answer.params.text).toBe('expired: ~zz');
  });
});

describe('display names', () => {
  it('lose line breaks, controls and bidi overrides, which would spoof the lines around them', () => {
    expect(displayName({ id: 1, is_bot: false, first_name: 'Ann\n1. Bob — 100', last_name: '\u202etxet\u0007' })).toBe('Ann 1. Bob — 100 txet');
    expect(displayName({ id: 2, is_bot: false, first_name: '\u202e\u200f', username: 'vera_k' })).toBe('vera_k');
    expect(displayName({ id: 3, is_bot: false, first_name: '\u0000' })).toBe('3');
    expect(displayName({ id: 4, is_bot: false, first_name: 'Зоя', last_name: '🙂' })).toBe('Зоя 🙂');
  });
});
