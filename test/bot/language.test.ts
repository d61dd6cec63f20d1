import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { langFromLocale } from '../../src/bot/bot.js';
import type { BotCommand } from '../../src/bot/command.js';
import { command as lang } from '../../src/bot/commands/lang.js';
import { createHarness, type Harness } from './harness.js';

const which: BotCommand = {
  name: 'which',
  description: { en: 'Says the language', ru: 'Называет язык' },
  options: [],
  async run(ctx) {
    await ctx.send([ctx.lang]);
  },
};

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('language resolution: chat /lang, else user locale, else GRADBOT_LANG', () => {
  beforeEach(async () => {
    h = await createHarness({ commands: [which, lang], config: { lang: 'en' } });
  });

  it('the user locale decides while the chat has no /lang', async () => {
    const chat = h.group();
    expect((await h.command('/which', { user: h.user('u1', 'A', 'ru-RU'), chat })).text).toBe('ru');
    expect((await h.command('/which', { user: h.user('u2', 'B', 'en-GB'), chat })).text).toBe('en');
  });

  it('an unknown or missing locale falls back to the configured language', async () => {
    const chat = h.group();
    expect((await h.command('/which', { user: h.user('u1', 'A', 'de-DE'), chat })).text).toBe('en');
    expect((await h.command('/which', { user: h.user('u2', 'B'), chat })).text).toBe('en');
  });

  it("the chat's /lang wins over every user's locale, and is kept in the store", async () => {
    const chat = h.group();
    const r = await h.command('/lang ru', { user: h.user('u2', 'B', 'en'), chat });
    expect(r.text).toBe('Готово: в этом чате я буду отвечать по-русски.');
    expect(h.store.chats.get('local:g1')?.lang).toBe('ru');
    expect((await h.command('/which', { user: h.user('u2', 'B', 'en'), chat })).text).toBe('ru');
    expect(h.bot.langFor(chat, h.user('u9', 'C', 'en'))).toBe('ru');
    // another chat is not affected
    expect((await h.command('/which', { user: h.user('u2', 'B', 'en'), chat: h.group('g2') })).text).toBe('en');
  });

  it('/lang alone says the current language; a bad value gets the choices and help', async () => {
    const chat = h.group();
    expect((await h.command('/lang', { user: h.user('u1', 'A', 'ru'), chat })).text).toBe(
      'В этом чате я говорю по-русски. Сменить язык: /lang en или /lang ru.',
    );
    const bad = await h.command('/lang de', { user: h.user('u1', 'A', 'ru'), chat });
    expect(bad.text.startsWith('Параметр «language» может быть одним из: ru, en; получено «de».')).toBe(true);
    expect(bad.text).toContain('/lang [language]');
  });

  it('/lang takes the language by its label too', async () => {
    const chat = h.group();
    expect((await h.command('/lang English', { user: h.user('u1', 'A', 'ru'), chat })).text).toBe('Done: I will answer in English in this chat.');
    expect(h.store.chats.get('local:g1')?.lang).toBe('en');
  });
});

describe('configured default', () => {
  it('GRADBOT_LANG=ru is the last resort', async () => {
    h = await createHarness({ commands: [which], config: { lang: 'ru' } });
    expect((await h.command('/which', { user: h.user('u1', 'A'), chat: h.group() })).text).toBe('ru');
  });
});

describe('langFromLocale', () => {
  it('maps ru*/en* and nothing else', () => {
    expect(langFromLocale('ru')).toBe('ru');
    expect(langFromLocale('RU-ru')).toBe('ru');
    expect(langFromLocale('ru_RU')).toBe('ru');
    expect(langFromLocale('en-US')).toBe('en');
    expect(langFromLocale('rus')).toBe(undefined);
    expect(langFromLocale('uk')).toBe(undefined);
    expect(langFromLocale(undefined)).toBe(undefined);
  });
});
