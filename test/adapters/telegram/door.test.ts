/**
 * The Telegram door on its own: real grammY, runner and auto-retry against the fake Bot API
 * server, with a scripted bot layer, so each Telegram-side behaviour is pinned down exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDoor } from '../../../src/adapters/door.js';
import { startTelegramDoor } from '../../../src/adapters/telegram/index.js';
import type { BotRequest, CommandDefinition, MessageRef, Replier } from '../../../src/bot/types.js';
import { isUserInputError } from '../../../src/core/errors.js';
import { loadConfig } from '../../../src/config.js';
import { startFakeBotApi, type FakeBotApi, type Json } from './fake-bot-api.js';
import { ANNA, BORIS, GROUP, GROUP_B, RecordingLog, ScriptedBot, TOKEN, VERA, fakePng, privateChat, sleep, until } from './helpers.js';

const DEFS: CommandDefinition[] = [
  { name: 'plot', description: { en: 'Plot activation functions', ru: 'Графики функций активации' }, options: [] },
  { name: 'quiz', description: { en: 'A question '.repeat(40), ru: 'Вопрос '.repeat(60) }, options: [] },
  { name: 'start', description: { en: 'Start', ru: 'Начало' }, options: [], hidden: true },
  { name: 'Bad-Name', description: { en: 'not a Telegram name', ru: 'не имя' }, options: [] },
];

let fake: FakeBotApi;
let door: RunningDoor;
const bot = new ScriptedBot(DEFS);
const log = new RecordingLog();

beforeAll(async () => {
  fake = await startFakeBotApi(TOKEN);
  const config = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, GRADBOT_UPLOAD_MAX_MB: '1' });
  door = await startTelegramDoor({ config, bot, log });
});

afterAll(async () => {
  await door?.stop();
  await fake?.close();
});

/** Runs a command as `user` in `chat` and resolves with the request the bot got. */
async function command(chat: typeof GROUP, user: typeof ANNA, text: string, extra: Parameters<FakeBotApi['userMessage']>[2] = {}): Promise<BotRequest> {
  const before = bot.requests.length;
  fake.userMessage(chat, user, { text, ...extra });
  await until(() => bot.requests.length > before, `the bot to get "${text}"`);
  return bot.requests[bot.requests.length - 1] as BotRequest;
}

/** Makes the next `/name` run `fn` and waits until it has finished. */
function script(name: string, fn: (req: BotRequest) => Promise<void>): Promise<BotRequest> {
  return new Promise((resolve, reject) => {
    bot.onCommand[name] = async (req) => {
      try {
        await fn(req);
        resolve(req);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
  });
}

describe('start', () => {
  it('publishes the command menu for ru and the default language, in private and group scopes', () => {
    const calls = fake.callsOf('setMyCommands');
    expect(calls).toHaveLength(4);
    const key = (p: Record<string, Json>) => `${String(p.language_code ?? 'default')}/${JSON.stringify(p.scope ?? 'default')}`;
    expect(calls.map((c) => key(c.params)).sort()).toEqual(['default/"default"', 'default/{"type":"all_group_chats"}', 'ru/"default"', 'ru/{"type":"all_group_chats"}'].sort());
    const ru = calls.find((c) => c.params.language_code === 'ru')?.params.commands as Array<{ command: string; description: string }>;
    const en = calls.find((c) => c.params.language_code === undefined)?.params.commands as Array<{ command: string; description: string }>;
    // Hidden and non-Telegram names are left out; descriptions cut to 256 characters.
    expect(en.map((c) => c.command)).toEqual(['plot', 'quiz']);
    expect(ru[0]).toEqual({ command: 'plot', description: 'Графики функций активации' });
    expect(ru[1]?.description.length).toBe(256);
    expect(ru[1]?.description.endsWith('…')).toBe(true);
    expect(log.dump()).toContain('Bad-Name');
  });

  it('long-polls for the update kinds the door handles', async () => {
    const req = await command(privateChat(ANNA), ANNA, '/ping');
    expect(req.command).toBe('ping');
    expect(fake.lastPoll?.allowed_updates).toEqual(['message', 'callback_query', 'poll_answer', 'my_chat_member']);
    expect(fake.lastPoll?.timeout).toBe(30);
    expect(fake.callsOf('getMe')).toHaveLength(1);
  });
});

describe('commands', () => {
  it('parses /cmd args, /cmd@thisbot in groups, and ignores /cmd@otherbot', async () => {
    const done = script('plot', async (req) => {
      await req.reply.send({ text: [`plot ${req.args ?? ''}`] });
    });
    fake.userMessage(GROUP, BORIS, { text: '/plot@some_other_bot relu' });
    fake.userMessage(GROUP, BORIS, { text: '/plot@GradBot_Test_Bot relu,gelu -3 3' });
    const req = await done;
    expect(req.command).toBe('plot');
    expect(req.args).toBe('relu,gelu -3 3');
    expect(req.chat).toEqual({ door: 'telegram', id: String(GROUP.id), kind: 'group' });
    expect(req.user).toEqual({ id: '502', name: 'Boris', locale: 'en' });
    expect(bot.requests.filter((r) => r.args === 'relu')).toHaveLength(0);
    const sent = await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.text === 'plot relu,gelu -3 3');
    expect(sent.params.parse_mode).toBe('HTML');
  });

  it('passes unknown commands through to the bot (which answers with help)', async () => {
    const req = await command(GROUP, ANNA, '/nosuchthing 1 2');
    expect(req.command).toBe('nosuchthing');
    expect(req.user.name).toBe('Anna Petrova');
    expect(req.user.locale).toBe('ru');
    await fake.waitForCall((c) => c.method === 'sendMessage' && c.params.text === 'unknown /nosuchthing');
  });

  it('escapes user text for HTML and keeps @mentions from pinging', async () => {
    const done = script('echo', async (req) => {
      await req.reply.send({ text: ['name: ', { bold: req.args ?? '' }, ' ', { code: '@x <y>' }] });
    });
    const from = fake.calls.length;
    fake.userMessage(GROUP, BORIS, { text: '/echo <b>bold</b> & <a href="https://evil.example">x</a> @everyone' });
    await done;
    const call = await fake.waitForCall((c) => c.method === 'sendMessage', { from });
    expect(call.params.text).toBe(
      'name: <b>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href="https://evil.example"&gt;x&lt;/a&gt; @\u2060everyone</b> <code>@x &lt;y&gt;</code>',
    );
    expect(call.params.link_preview_options).toEqual({ is_disabled: true });
  });
});

describe('plain text', () => {
  it('takes any text in a private chat, and in a group only replies to the bot', async () => {
    let question: MessageRef | undefined;
    await new Promise<void>((resolve) => {
      bot.onCommand.ask = async (req) => {
        question = await req.reply.send({ text: ['How much is 2+2?'] });
        resolve();
      };
      fake.userMessage(GROUP, ANNA, { text: '/ask' });
    });
    const before = bot.texts.length;
    fake.userMessage(GROUP, ANNA, { text: 'just chatting' });
    fake.userMessage(GROUP, BORIS, { text: '4', replyTo: Number(question?.id) });
    await until(() => bot.texts.length > before, 'a text');
    await sleep(100);
    expect(bot.texts.slice(before).map((t) => t.text)).toEqual(['4']);
    const t = bot.texts[before];
    expect(t?.replyTo).toEqual({ chat: question?.chat, id: question?.id });
    expect(t?.user.id).toBe('502');
    fake.userMessage(privateChat(VERA), VERA, { text: 'relu?' });
    await until(() => bot.texts.length > before + 1, 'a private text');
    expect(bot.texts[before + 1]?.chat).toEqual({ door: 'telegram', id: String(VERA.id), kind: 'private' });
  });
});

describe('pictures and long text', () => {
  it('sends a picture as a photo with its caption, and moves a long caption to a following message', async () => {
    const img = fakePng('relu');
    const done = script('pic', async (req) => {
      await req.reply.send({ text: ['ReLU: ', { code: 'max(0, x)' }], images: [img] });
      await req.reply.send({ text: ['x'.repeat(1500)], images: [fakePng('long')], buttons: [[{ id: 'act:1', label: 'More' }]] });
    });
    const from = fake.calls.length;
    fake.userMessage(privateChat(ANNA), ANNA, { text: '/pic' });
    await done;
    const photos = fake.calls.slice(from).filter((c) => c.method === 'sendPhoto');
    expect(photos).toHaveLength(2);
    const [short, long] = photos;
    expect(short?.params.caption).toBe('ReLU: <code>max(0, x)</code>');
    expect(short?.params.parse_mode).toBe('HTML');
    expect(short?.uploads[0]?.bytes.equals(Buffer.from(img.png))).toBe(true);
    expect(short?.uploads[0]?.filename).toBe('relu.png');
    expect(long?.params.caption).toBeUndefined();
    const follow = fake.calls.slice(from).find((c) => c.method === 'sendMessage');
    expect(follow?.params.text).toBe('x'.repeat(1500));
    // The buttons sit under the text that follows the photo.
    expect(follow?.params.reply_markup).toEqual({ inline_keyboard: [[{ text: 'More', callback_data: 'act:1' }]] });
  });

  it('splits text over 4,096 characters and sends several pictures as an album', async () => {
    const line = 'loss 0.123456789 at epoch 10\n';
    const done = script('big', async (req) => {
      await req.reply.send({ text: [line.repeat(200)] });
      await req.reply.send({ text: ['Curves'], images: [fakePng('a'), fakePng('b'), fakePng('c')] });
    });
    const from = fake.calls.length;
    fake.userMessage(privateChat(ANNA), ANNA, { text: '/big' });
    await done;
    const texts = fake.calls.slice(from).filter((c) => c.method === 'sendMessage').map((c) => String(c.params.text));
    expect(texts).toHaveLength(2);
    expect(texts.every((t) => t.length <= 4096)).toBe(true);
    expect(texts.join('')).toBe(line.repeat(200));
    const album = fake.calls.slice(from).find((c) => c.method === 'sendMediaGroup');
    const media = album?.params.media as Array<Record<string, Json>>;
    expect(media.map((m) => m.type)).toEqual(['photo', 'photo', 'photo']);
    expect(media[0]?.caption).toBe('Curves');
    expect(media[1]?.caption).toBeUndefined();
    expect(album?.uploads.map((u) => u.filename)).toEqual(['a.png', 'b.png', 'c.png']);
  });

  it('sends files as documents', async () => {
    const done = script('export', async (req) => {
      await req.reply.send({ text: ['3 attempts'], files: [{ name: 'attempts.csv', bytes: new TextEncoder().encode('user,score\nA,1\n') }] });
    });
    const from = fake.calls.length;
    fake.userMessage(GROUP, ANNA, { text: '/export' });
    await done;
    const doc = fake.calls.slice(from).find((c) => c.method === 'sendDocument');
    expect(doc?.params.caption).toBe('3 attempts');
    expect(doc?.uploads[0]?.filename).toBe('attempts.csv');
    expect(doc?.uploads[0]?.bytes.toString()).toBe('user,score\nA,1\n');
  });
});

describe('buttons', () => {
  it('turns buttons into an inline keyboard, and a press into bot.action with an answered callback', async () => {
    let ref: MessageRef | undefined;
    const done = script('choose', async (req) => {
      ref = await req.reply.send({
        text: ['Pick one'],
        buttons: [[{ id: 'q:a', label: 'A', style: 'primary' }, { id: 'q:b', label: 'B', disabled: true }], [{ id: 'x'.repeat(80), label: 'Long id' }]],
      });
    });
    fake.userMessage(GROUP, ANNA, { text: '/choose' });
    await done;
    const msg = fake.message(GROUP.id, Number(ref?.id));
    const kb = msg?.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string; style?: string }>> };
    expect(kb.inline_keyboard[0]).toEqual([{ text: 'A', callback_data: 'q:a', style: 'primary' }]);
    const longData = kb.inline_keyboard[1]?.[0]?.callback_data ?? '';
    expect(Buffer.byteLength(longData)).toBeLessThanOrEqual(64);

    const before = bot.actions.length;
    bot.onAction = async (act) => {
      await act.reply.send({ text: [`✅ ${act.user.name}`], private: true });
    };
    const from = fake.calls.length;
    fake.pressButton(GROUP, BORIS, Number(ref?.id), 'q:a');
    fake.pressButton(GROUP, VERA, Number(ref?.id), longData);
    await until(() => bot.actions.length >= before + 2, 'two presses');
    expect(bot.actions[before]?.actionId).toBe('q:a');
    expect(bot.actions[before]?.message).toEqual({ chat: { door: 'telegram', id: String(GROUP.id), kind: 'group' }, id: ref?.id });
    expect(bot.actions[before + 1]?.actionId).toBe('x'.repeat(80));
    // Private feedback on a press in a group rides on the callback answer (seen by the presser only).
    const answers = await until(() => fake.calls.slice(from).filter((c) => c.method === 'answerCallbackQuery').length >= 2, 'callback answers').then(() =>
      fake.calls.slice(from).filter((c) => c.method === 'answerCallbackQuery'),
    );
    expect(answers.map((a) => a.params.text).sort()).toEqual(['✅ Boris', '✅ Vera']);
    expect(answers[0]?.params.show_alert).toBe(false);
    expect(fake.calls.slice(from).filter((c) => c.method === 'sendMessage')).toHaveLength(0);
    bot.onAction = async () => {};
  });

  it('answers a press even when the bot sends nothing, and sends long private feedback as a reply', async () => {
    let ref: MessageRef | undefined;
    const done = script('choose2', async (req) => {
      ref = await req.reply.send({ text: ['Pick'], buttons: [[{ id: 'c:1', label: '1' }]] });
    });
    fake.userMessage(GROUP, ANNA, { text: '/choose2' });
    await done;
    let from = fake.calls.length;
    fake.pressButton(GROUP, BORIS, Number(ref?.id), 'c:1');
    const blank = await fake.waitForCall((c) => c.method === 'answerCallbackQuery', { from });
    expect(blank.params.text).toBeUndefined();

    bot.onAction = async (act) => {
      await act.reply.send({ text: ['❌ ' + 'because '.repeat(40)], private: true });
    };
    from = fake.calls.length;
    fake.pressButton(GROUP, BORIS, Number(ref?.id), 'c:1');
    const reply = await fake.waitForCall((c) => c.method === 'sendMessage', { from });
    expect(String(reply.params.text).startsWith('❌ because')).toBe(true);
    expect(reply.params.reply_parameters).toEqual({ message_id: Number(ref?.id), allow_sending_without_reply: true });
    await fake.waitForCall((c) => c.method === 'answerCallbackQuery', { from });
    bot.onAction = async () => {};
  });

  it('sends a private reply to a command in a group as a reply to the user', async () => {
    const done = script('mine', async (req) => {
      await req.reply.send({ text: ['only for you'], private: true });
    });
    const from = fake.calls.length;
    const { messageId } = fake.userMessage(GROUP, VERA, { text: '/mine' });
    await done;
    const call = await fake.waitForCall((c) => c.method === 'sendMessage', { from });
    expect(call.params.reply_parameters).toEqual({ message_id: messageId, allow_sending_without_reply: true });
  });
});

describe('edits', () => {
  it('edits a progress text in place and adds the final pictures as new messages', async () => {
    let replier: Replier | undefined;
    let ref: MessageRef | undefined;
    const done = script('progress', async (req) => {
      replier = req.reply;
      ref = await req.reply.send({ text: ['epoch 1'], buttons: [[{ id: 'cancel:1', label: 'Cancel', style: 'danger' }]] });
      await req.reply.edit(ref, { text: ['epoch 2'], buttons: [[{ id: 'cancel:1', label: 'Cancel', style: 'danger' }]] });
      await req.reply.edit(ref, { text: ['done: loss 0.1'], images: [fakePng('curve')] });
    });
    const from = fake.calls.length;
    fake.userMessage(privateChat(BORIS), BORIS, { text: '/progress' });
    await done;
    const edits = fake.calls.slice(from).filter((c) => c.method === 'editMessageText');
    expect(edits.map((e) => e.params.text)).toEqual(['epoch 2', 'done: loss 0.1']);
    expect(edits[1]?.params.reply_markup).toBeUndefined();
    const msg = fake.message(privateChat(BORIS).id, Number(ref?.id));
    expect(msg?.text).toBe('done: loss 0.1');
    expect(msg?.reply_markup).toBeUndefined();
    const photo = fake.calls.slice(from).find((c) => c.method === 'sendPhoto');
    expect(photo?.uploads[0]?.filename).toBe('curve.png');
    expect(replier?.caps.minEditIntervalMs('group')).toBe(3000);
    expect(replier?.caps.minEditIntervalMs('private')).toBe(1000);
    expect(replier?.caps.maxDownloadBytes).toBe(1024 * 1024);
  });

  it('edits a photo: a new picture with editMessageMedia, a new caption with editMessageCaption', async () => {
    let ref: MessageRef | undefined;
    const step0 = fakePng('step0');
    const step1 = fakePng('step1');
    const done = script('grad', async (req) => {
      ref = await req.reply.send({ text: ['step 0'], images: [step0], buttons: [[{ id: 'g:next', label: '▶' }]] });
      await req.reply.edit(ref, { text: ['step 1'], images: [step1], buttons: [[{ id: 'g:prev', label: '◀' }]] });
      await req.reply.edit(ref, { text: ['step 1, explained'], buttons: [[{ id: 'g:prev', label: '◀' }]] });
    });
    const from = fake.calls.length;
    fake.userMessage(GROUP, ANNA, { text: '/grad' });
    await done;
    const media = fake.calls.slice(from).find((c) => c.method === 'editMessageMedia');
    expect((media?.params.media as Record<string, Json>).caption).toBe('step 1');
    expect(media?.uploads[0]?.filename).toBe('step1.png');
    const caption = fake.calls.slice(from).find((c) => c.method === 'editMessageCaption');
    expect(caption?.params.caption).toBe('step 1, explained');
    const msg = fake.message(GROUP.id, Number(ref?.id));
    expect(msg?.photo?.equals(Buffer.from(step1.png))).toBe(true);
    expect(msg?.caption).toBe('step 1, explained');
    expect(msg?.reply_markup).toEqual({ inline_keyboard: [[{ text: '◀', callback_data: 'g:prev' }]] });
  });

  it('shows typing while working', async () => {
    const done = script('slow', async (req) => {
      await req.reply.typing?.();
    });
    const from = fake.calls.length;
    fake.userMessage(GROUP, ANNA, { text: '/slow' });
    await done;
    const call = await fake.waitForCall((c) => c.method === 'sendChatAction', { from });
    expect(call.params).toEqual({ chat_id: GROUP.id, action: 'typing' });
  });
});

describe('quiz polls', () => {
  it('sends a round question as one native quiz poll, maps votes to option actions, and stops it', async () => {
    let ref: MessageRef | undefined;
    let replier: Replier | undefined;
    const done = script('round', async (req) => {
      replier = req.reply;
      ref = await req.reply.send({
        text: ['Question 1/3 · ', { code: 'backprop:17:2' }, '\nWhat is d/dx relu(x) at x = 2?'],
        images: [fakePng('graph')],
        buttons: [[{ id: 'r:0', label: '0' }, { id: 'r:1', label: '1' }, { id: 'r:2', label: '2' }]],
        poll: {
          question: 'What is d/dx relu(x) at x = 2? ' + 'Long. '.repeat(60),
          options: ['0', '1', '2'],
          optionActionIds: ['r:0', 'r:1', 'r:2'],
          correctIndex: 1,
          openSeconds: 3,
          explanation: 'ReLU passes the gradient where x > 0.\nSo it is 1.\nLine three.\nLine four. ' + 'more '.repeat(50),
        },
      });
    });
    const from = fake.calls.length;
    fake.userMessage(GROUP, ANNA, { text: '/round' });
    await done;
    const calls = fake.calls.slice(from);
    expect(calls.filter((c) => c.method.startsWith('send')).map((c) => c.method)).toEqual(['sendPoll']);
    const p = calls.find((c) => c.method === 'sendPoll')?.params ?? {};
    expect(p.type).toBe('quiz');
    expect(p.is_anonymous).toBe(false);
    expect(p.correct_option_ids).toEqual([1]);
    expect(p.open_period).toBe(5);
    expect(p.hide_results_until_closes).toBe(true);
    expect(p.options).toEqual([{ text: '0' }, { text: '1' }, { text: '2' }]);
    expect(String(p.question).length).toBe(300);
    expect(String(p.question).endsWith('…')).toBe(true);
    const explanation = String(p.explanation);
    expect(explanation.length).toBeLessThanOrEqual(200);
    expect(explanation.split('\n')).toHaveLength(3);
    expect(p.description).toBe('Question 1/3 · <code>backprop:17:2</code>\nWhat is d/dx relu(x) at x = 2?');
    expect(p.description_parse_mode).toBe('HTML');
    expect((p.media as Record<string, Json>).type).toBe('photo');
    expect(calls.find((c) => c.method === 'sendPoll')?.uploads[0]?.filename).toBe('graph.png');
    const pollId = fake.message(GROUP.id, Number(ref?.id))?.poll?.id ?? '';
    expect(ref?.pollId).toBe(pollId);

    const before = bot.actions.length;
    fake.vote(pollId, ANNA, [1]);
    fake.vote(pollId, BORIS, [2]);
    fake.vote(pollId, VERA, []); // a retracted vote scores nothing
    await until(() => bot.actions.length >= before + 2, 'two votes');
    await sleep(100);
    expect(bot.actions.slice(before).map((a) => [a.user.id, a.actionId])).toEqual([
      ['501', 'r:1'],
      ['502', 'r:2'],
    ]);
    expect(bot.actions[before]?.chat.id).toBe(String(GROUP.id));
    expect(bot.actions[before]?.message).toEqual({ chat: ref?.chat, id: ref?.id, pollId });

    if (ref === undefined || replier?.closePoll === undefined) throw new Error('no poll ref');
    await replier.closePoll(ref);
    await replier.closePoll(ref); // already closed: no error
    expect(fake.callsOf('stopPoll').map((c) => c.params.message_id)).toEqual([Number(ref.id), Number(ref.id)]);
    expect(fake.message(GROUP.id, Number(ref.id))?.poll?.is_closed).toBe(true);
  });
});

describe('flood limits and refusals', () => {
  it('waits out a 429 with auto-retry and delivers the message', async () => {
    const done = script('flood', async (req) => {
      await req.reply.send({ text: ['after the wait'] });
    });
    fake.fail('sendMessage', 429, 'Too Many Requests: retry after 1', { retryAfter: 1 });
    const from = fake.calls.length;
    const t0 = Date.now();
    fake.userMessage(GROUP, ANNA, { text: '/flood' });
    await done;
    const sends = fake.calls.slice(from).filter((c) => c.method === 'sendMessage');
    expect(sends.map((c) => c.params.text)).toEqual(['after the wait', 'after the wait']);
    expect(sends.map((c) => c.result === undefined)).toEqual([true, false]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });

  it('sends the question with its buttons when Telegram refuses the poll', async () => {
    let ref: MessageRef | undefined;
    const done = script('refused', async (req) => {
      ref = await req.reply.send({
        text: ['Which?'],
        buttons: [[{ id: 'p:0', label: 'a) one' }, { id: 'p:1', label: 'b) two' }]],
        poll: { question: 'Which?', options: ['one', 'two'], optionActionIds: ['p:0', 'p:1'], correctIndex: 0, openSeconds: 10 },
      });
    });
    fake.fail('sendPoll', 400, 'Bad Request: polls are not allowed in this chat');
    fake.userMessage(GROUP, ANNA, { text: '/refused' });
    await done;
    expect(ref?.pollId).toBeUndefined();
    const msg = fake.message(GROUP.id, Number(ref?.id));
    expect(msg?.text).toBe('Which?');
    expect(msg?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'a) one', callback_data: 'p:0' }, { text: 'b) two', callback_data: 'p:1' }]] });
    expect(log.lines.some((l) => l.level === 'warn' && String(l.msg).includes('sendPoll refused'))).toBe(true);
  });
});

describe('attachments', () => {
  it('gives a captioned document to the command and downloads it from the file endpoint', async () => {
    const csv = Buffer.from('x,y\n1,2\n3,4\n');
    const doc = fake.addFile('data.csv', csv);
    let bytes: Uint8Array | undefined;
    const done = script('train', async (req) => {
      const [a] = req.attachments;
      expect(a?.name).toBe('data.csv');
      expect(a?.declaredSize).toBe(csv.length);
      bytes = await a?.download(1000);
    });
    fake.userMessage(GROUP, ANNA, { caption: '/train target=y', document: doc });
    const req = await done;
    expect(req.args).toBe('target=y');
    expect(Buffer.from(bytes ?? []).equals(csv)).toBe(true);
    expect(fake.downloads).toContain(`documents/${doc.file_id}-data.csv`);
  });

  it('takes the document of the message /train replies to', async () => {
    const doc = fake.addFile('names.txt', Buffer.from('Ari\nBo\n'), { mime: 'text/plain' });
    const done = script('spells', async (req) => {
      expect(req.attachments.map((a) => [a.name, a.mime])).toEqual([['names.txt', 'text/plain']]);
    });
    fake.userMessage(GROUP, BORIS, { text: '/spells', replyToUserDocument: { message_id: 42, from: BORIS, document: doc } });
    await done;
  });

  it('refuses a document over the limit before getFile, and cuts a download that lies about its size', async () => {
    const big = fake.addFile('big.csv', Buffer.alloc(10), { declaredSize: 30 * 1024 * 1024 });
    const liar = fake.addFile('liar.csv', Buffer.alloc(5000, 0x31), { declaredSize: 100 });
    const errors: unknown[] = [];
    const done = script('train', async (req) => {
      for (const a of req.attachments) {
        try {
          await a.download(req.reply.caps.maxDownloadBytes);
        } catch (e) {
          errors.push(e);
        }
      }
    });
    const getFiles = fake.callsOf('getFile').length;
    fake.userMessage(GROUP, ANNA, { caption: '/train', document: big });
    await done;
    expect(fake.callsOf('getFile')).toHaveLength(getFiles);
    const done2 = script('train', async (req) => {
      for (const a of req.attachments) {
        try {
          await a.download(1000);
        } catch (e) {
          errors.push(e);
        }
      }
    });
    fake.userMessage(GROUP, ANNA, { caption: '/train', document: liar });
    await done2;
    expect(fake.callsOf('getFile')).toHaveLength(getFiles + 1);
    expect(errors.map((e) => (isUserInputError(e) ? e.code : String(e)))).toEqual(['upload.too_large', 'upload.too_large']);
  });
});

describe('admins, membership and order', () => {
  it('asks getChatMember once a minute per user and chat; private chats need no check', async () => {
    fake.admins.add(`${GROUP.id}:${ANNA.id}`);
    const req = await command(GROUP, ANNA, '/settings');
    const before = fake.callsOf('getChatMember').length;
    expect(await req.isAdmin?.()).toBe(true);
    expect(await req.isAdmin?.()).toBe(true);
    expect(fake.callsOf('getChatMember')).toHaveLength(before + 1);
    const boris = await command(GROUP, BORIS, '/settings');
    expect(await boris.isAdmin?.()).toBe(false);
    const priv = await command(privateChat(BORIS), BORIS, '/settings');
    expect(await priv.isAdmin?.()).toBe(true);
    expect(fake.callsOf('getChatMember')).toHaveLength(before + 2);
  });

  it('greets a group it was added to, as /start', async () => {
    const before = bot.requests.length;
    fake.memberUpdate(GROUP_B, VERA, 'left', 'member');
    await until(() => bot.requests.length > before, 'the greeting');
    expect(bot.requests[before]?.command).toBe('start');
    expect(bot.requests[before]?.chat.id).toBe(String(GROUP_B.id));
  });

  it("keeps one chat's answers in order while another chat runs in parallel", async () => {
    const order: string[] = [];
    bot.onCommand.work = async (req) => {
      const ms = Number(req.args);
      await sleep(ms);
      order.push(`${req.chat.id}:${ms}`);
      await req.reply.send({ text: [`done ${ms}`] });
    };
    fake.userMessage(GROUP, ANNA, { text: '/work 400' });
    fake.userMessage(GROUP, BORIS, { text: '/work 10' });
    fake.userMessage(GROUP_B, VERA, { text: '/work 20' });
    await until(() => order.length === 3, 'three answers');
    expect(order).toEqual([`${GROUP_B.id}:20`, `${GROUP.id}:400`, `${GROUP.id}:10`]);
  });

  it('logs a failing handler without the token and keeps running', async () => {
    bot.onCommand.boom = async () => {
      throw new Error(`request to ${fake.apiRoot}/bot${TOKEN}/sendMessage failed`);
    };
    await command(GROUP, ANNA, '/boom');
    await until(() => log.lines.some((l) => l.level === 'error' && String(l.msg).includes('/boom')), 'the error log');
    const line = log.lines.find((l) => String(l.msg).includes('/boom'));
    expect(JSON.stringify(line)).toContain('<TELEGRAM_BOT_TOKEN>');
    expect(log.dump()).not.toContain(TOKEN);
    const req = await command(GROUP, ANNA, '/still-there');
    expect([req.command, req.args]).toEqual(['still', '-there']);
  });
});
