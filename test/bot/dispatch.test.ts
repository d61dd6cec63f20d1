import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BotCommand } from '../../src/bot/command.js';
import { botMessages } from '../../src/bot/i18n.js';
import { chatKey } from '../../src/store/types.js';
import { createHarness, type Harness } from './harness.js';

const echo: BotCommand = {
  name: 'echo',
  description: { en: 'Says it back', ru: 'Повторяет сказанное' },
  options: [
    { name: 'times', type: 'integer', description: { en: 'How many times', ru: 'Сколько раз' }, min: 1, max: 3, default: 1 },
    { name: 'words', type: 'string', description: { en: 'What to say', ru: 'Что сказать' }, rest: true, required: true },
  ],
  examples: ['/echo 2 hello'],
  async run(ctx) {
    await ctx.send([Array.from({ length: Number(ctx.options.times) }, () => String(ctx.options.words)).join(' ')]);
  },
};

const boom: BotCommand = {
  name: 'boom',
  description: { en: 'Fails', ru: 'Падает' },
  options: [],
  async run() {
    throw new Error('secret internals at /home/x');
  },
};

const picky: BotCommand = {
  name: 'picky',
  description: { en: 'Refuses', ru: 'Отказывает' },
  options: [],
  async run() {
    throw botMessages.error('unknown_command', { name: 'nope' });
  },
};

const upload: BotCommand = {
  name: 'upload',
  description: { en: 'Takes a file', ru: 'Принимает файл' },
  options: [{ name: 'data', type: 'attachment', description: { en: 'A CSV file', ru: 'CSV-файл' }, required: true }],
  async run(ctx) {
    await ctx.send([`got ${String(ctx.options.data)} (${ctx.attachments[0]?.declaredSize} bytes)`]);
  },
};

const secret: BotCommand = {
  name: 'secret',
  description: { en: 'Admins only', ru: 'Только админам' },
  options: [],
  adminOnly: true,
  async run(ctx) {
    await ctx.send(['admin stuff']);
  },
};

/** Takes plain text that starts with "echo:". */
const listener: BotCommand = {
  name: 'listener',
  description: { en: 'Listens', ru: 'Слушает' },
  options: [],
  async run() {},
  async onText(ctx) {
    if (!ctx.text.text.startsWith('echo:')) return false;
    await ctx.send([`heard ${ctx.text.text.slice(5)}`]);
    return true;
  },
};

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ commands: [echo, boom, picky, upload, secret, listener] });
});
afterEach(async () => {
  await h.close();
});

describe('dispatch', () => {
  it('runs a command with its text options parsed', async () => {
    const alice = h.user('u1', 'Alice');
    const r = await h.command('/echo 2 hello world', { user: alice, chat: h.privateChat(alice) });
    expect(r.text).toBe('hello world hello world');
  });

  it('takes a command name in any case and @botname', async () => {
    const alice = h.user('u1', 'Alice');
    const r = await h.command('/ECHO@gradbot 1 hi', { user: alice, chat: h.group() });
    expect(r.text).toBe('hi');
  });

  it('structured options (Discord) are checked against the same schema', async () => {
    const alice = h.user('u1', 'Alice');
    const ok = await h.invoke('echo', { times: 3, words: 'ab' }, { user: alice, chat: h.group() });
    expect(ok.text).toBe('ab ab ab');
    const bad = await h.invoke('echo', { times: 9, words: 'ab' }, { user: alice, chat: h.group() });
    expect(bad.text.startsWith('Option «times» must be from 1 to 3; got 9.')).toBe(true);
    expect(bad.text).toContain('/echo [times] <words>');
  });

  it('an unknown command gets the command list in the chat language', async () => {
    const ivan = h.user('u2', 'Иван', 'ru');
    const r = await h.command('/nosuch 1 2', { user: ivan, chat: h.group() });
    expect(r.sent).toHaveLength(1);
    expect(r.text.startsWith('Я не знаю команды /nosuch.')).toBe(true);
    expect(r.text).toContain('Команды:');
    expect(r.text).toContain('/echo — Повторяет сказанное');
  });

  it('a typo of a command gets the command it meant', async () => {
    const ivan = h.user('u2', 'Иван', 'ru');
    const r = await h.command('/ehco hi', { user: ivan, chat: h.group() });
    expect(r.text).toBe('Я не знаю команды /ehco. Может быть, вы имели в виду /echo?');
    const far = await h.command('/xyzzy', { user: ivan, chat: h.group() });
    expect(far.text.startsWith('Я не знаю команды /xyzzy.\n')).toBe(true);
  });

  it('bad arguments get the error and that command’s help, in the chat language', async () => {
    const ivan = h.user('u2', 'Иван', 'ru');
    const r = await h.command('/echo 7 hi', { user: ivan, chat: h.group() });
    expect(r.sent).toHaveLength(1);
    expect(r.text.startsWith('Параметр «times» должен быть от 1 до 3; получено 7.')).toBe(true);
    expect(r.text).toContain('Как вызвать: /echo [times] <words>');
    expect(r.text).toContain('Сколько раз');
    expect(r.text).toContain('/echo 2 hello');
    expect(r.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('a missing required option says which, then the help', async () => {
    const alice = h.user('u1', 'Alice', 'en-US');
    const r = await h.command('/echo', { user: alice, chat: h.group() });
    expect(r.text.startsWith('Option «words» is required (What to say).')).toBe(true);
    expect(r.text).toContain('Usage: /echo [times] <words>');
  });

  it('a UserInputError from a handler is shown as it is, without the help', async () => {
    const alice = h.user('u1', 'Alice', 'en');
    const r = await h.command('/picky', { user: alice, chat: h.group() });
    expect(r.text).toBe('I do not know the command /nope.');
    expect(h.log.entries.filter((e) => e.level === 'error')).toHaveLength(0);
  });

  it('an unexpected error is logged and answered briefly in the chat language', async () => {
    const ivan = h.user('u2', 'Иван', 'ru-RU');
    const r = await h.command('/boom', { user: ivan, chat: h.group() });
    expect(r.text).toBe('У меня что-то пошло не так. Попробуйте ещё раз чуть позже.');
    const errors = h.log.entries.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(1);
    expect((errors[0]?.obj as { err: Error }).err.message).toBe('secret internals at /home/x');
    expect((errors[0]?.obj as { command: string }).command).toBe('boom');
  });

  it('a required attachment: the file name is the option value; without one, a clear message', async () => {
    const alice = h.user('u1', 'Alice', 'en');
    const chat = h.privateChat(alice);
    const ok = await h.command('/upload', { user: alice, chat }, { attachments: [h.attachment('iris.csv', 'a,b\n1,2\n')] });
    expect(ok.text).toBe('got iris.csv (8 bytes)');
    const missing = await h.command('/upload', { user: alice, chat });
    expect(missing.text.startsWith('Option «data» is a file: attach it to the message.')).toBe(true);
  });

  it('records the user and the chat in the store', async () => {
    const alice = h.user('u1', 'Alice', 'en');
    await h.command('/echo hi', { user: alice, chat: h.group('g7') });
    expect(h.store.users.name('local:u1')).toBe('Alice');
    expect(h.store.chats.get('local:g7')?.kind).toBe('group');
    await h.command('/echo hi', { user: h.user('u1', 'Alice B.'), chat: h.group('g7') });
    expect(h.store.users.name('local:u1')).toBe('Alice B.');
  });
});

describe('admin-only commands', () => {
  it('are refused to a non-admin in a group, privately', async () => {
    const bob = h.user('u3', 'Bob', 'en');
    const r = await h.command('/secret', { user: bob, chat: h.group() });
    expect(r.text).toBe('Only the admins of this group can use /secret.');
    expect(r.sent[0]?.private).toBe(true);
  });
  it('run for an admin in a group and for anyone in a private chat', async () => {
    const bob = h.user('u3', 'Bob', 'en');
    expect((await h.command('/secret', { user: bob, chat: h.group(), admin: true })).text).toBe('admin stuff');
    expect((await h.command('/secret', { user: bob, chat: h.privateChat(bob) })).text).toBe('admin stuff');
  });
});

describe('plain text', () => {
  it('goes to the first command whose onText takes it', async () => {
    const alice = h.user('u1', 'Alice', 'en');
    const r = await h.text('echo:42', { user: alice, chat: h.group() });
    expect(r.text).toBe('heard 42');
  });
  it('untaken text: a hint in a private chat, silence in a group', async () => {
    const alice = h.user('u1', 'Alice', 'en');
    expect((await h.text('hello', { user: alice, chat: h.privateChat(alice) })).text).toBe('Type /help to see what I can do.');
    expect((await h.text('hello', { user: alice, chat: h.group() })).sent).toHaveLength(0);
  });
});

describe('mistakes are private, in the user’s own language where the door is ephemeral', () => {
  it('bad arguments, unknown commands and refused input go only to the user', async () => {
    const ivan = h.user('u2', 'Иван', 'ru');
    const group = h.group();
    h.services.store.chats.ensure(chatKey(group.door, group.id), 'group');
    h.services.store.chats.setLang(chatKey(group.door, group.id), 'en');
    const bad = await h.command('/echo 7 hi', { user: ivan, chat: group });
    expect(bad.sent.map((s) => s.private)).toEqual([true]);
    // The chat speaks English, but only Иван sees this, so it is in his Russian.
    expect(bad.text.startsWith('Параметр «times» должен быть от 1 до 3; получено 7.')).toBe(true);
    const unknown = await h.command('/nosuch', { user: ivan, chat: group });
    expect(unknown.sent.map((s) => s.private)).toEqual([true]);
    expect(unknown.text.startsWith('Я не знаю команды /nosuch.')).toBe(true);
    const refused = await h.command('/picky', { user: ivan, chat: group });
    expect(refused.sent.map((s) => s.private)).toEqual([true]);
  });

  it('without ephemeral replies (Telegram) the answer is in the chat’s language', async () => {
    const t = await createHarness({ commands: [echo], caps: { ephemeral: false } });
    try {
      const ivan = t.user('u2', 'Иван', 'ru');
      const group = t.group();
      t.services.store.chats.ensure(chatKey(group.door, group.id), 'group');
      t.services.store.chats.setLang(chatKey(group.door, group.id), 'en');
      const bad = await t.command('/echo 7 hi', { user: ivan, chat: group });
      expect(bad.text.startsWith('Option «times» must be from 1 to 3; got 7.')).toBe(true);
    } finally {
      await t.close();
    }
  });
});
