import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHAT_SETTINGS, openStore, parseChatSettings, type Store } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

const tmp = tempDir('chats');
afterAll(() => tmp.cleanup());

let store: Store | undefined;
afterEach(() => store?.close());

describe('chats', () => {
  it('creates a chat with default settings on first sight and keeps it on the next', () => {
    store = openStore(':memory:');
    const first = store.chats.ensure('telegram:-100', 'group');
    expect(first).toEqual({ key: 'telegram:-100', kind: 'group', settings: { allowedTopics: null, defaultDifficulty: 2, roundSeconds: 30, roundCount: 5 } });
    store.chats.setLang('telegram:-100', 'ru');
    // A second ensure (even claiming another kind) does not reset what the chat chose.
    expect(store.chats.ensure('telegram:-100', 'private')).toEqual({ ...first, lang: 'ru' });
    expect(store.chats.get('telegram:404')).toBeUndefined();
  });

  it('round-trips settings and language', () => {
    store = openStore(':memory:');
    store.chats.ensure('discord:1', 'group');
    const settings = { allowedTopics: ['backprop', 'relu'], defaultDifficulty: 3 as const, roundSeconds: 45, roundCount: 8 };
    store.chats.setSettings('discord:1', settings);
    store.chats.setLang('discord:1', 'en');
    expect(store.chats.get('discord:1')).toEqual({ key: 'discord:1', kind: 'group', lang: 'en', settings });
  });

  it('refuses to change a chat that was never ensured', () => {
    store = openStore(':memory:');
    expect(() => store?.chats.setLang('local:nope', 'ru')).toThrow('chat "local:nope" is not in the store; call chats.ensure first');
  });

  it('falls back to defaults for bad stored settings, field by field', () => {
    const path = join(tmp.dir, 'settings.db');
    store = openStore(path);
    store.chats.ensure('local:a', 'group');
    store.chats.ensure('local:b', 'group');
    store.chats.ensure('local:c', 'group');
    store.close();
    const raw = new Database(path);
    raw.prepare("UPDATE chats SET settings = ? WHERE chat_key = 'local:a'").run('{not json');
    raw.prepare("UPDATE chats SET settings = ? WHERE chat_key = 'local:b'").run(JSON.stringify({ allowedTopics: ['sgd'], defaultDifficulty: 7, roundSeconds: 'fast', roundCount: 3 }));
    raw.prepare("UPDATE chats SET settings = ? WHERE chat_key = 'local:c'").run('[1,2]');
    raw.close();
    store = openStore(path);
    expect(store.chats.get('local:a')?.settings).toEqual(DEFAULT_CHAT_SETTINGS);
    expect(store.chats.get('local:b')?.settings).toEqual({ allowedTopics: ['sgd'], defaultDifficulty: 2, roundSeconds: 30, roundCount: 3 });
    expect(store.chats.get('local:c')?.settings).toEqual(DEFAULT_CHAT_SETTINGS);
  });

  it('drops unknown fields when settings are written', () => {
    store = openStore(':memory:');
    store.chats.ensure('local:x', 'group');
    const withExtra = { ...DEFAULT_CHAT_SETTINGS, roundCount: 9, evil: '<script>' };
    store.chats.setSettings('local:x', withExtra);
    expect(store.chats.get('local:x')?.settings).toEqual({ ...DEFAULT_CHAT_SETTINGS, roundCount: 9 });
  });

  it('hands out settings that callers may change without touching the defaults', () => {
    const s = parseChatSettings(null);
    s.roundCount = 99;
    expect(DEFAULT_CHAT_SETTINGS.roundCount).toBe(5);
    expect(parseChatSettings('{}')).toEqual(DEFAULT_CHAT_SETTINGS);
  });
});

describe('users', () => {
  it('keeps the current display name and the last known locale', () => {
    store = openStore(':memory:');
    store.users.upsert('telegram:7', 'Old name', 'ru');
    store.users.upsert('telegram:7', 'New name');
    expect(store.users.name('telegram:7')).toBe('New name');
    expect(store.users.name('telegram:8')).toBeUndefined();
  });

  it('stores unicode, emoji, quotes and SQL verbatim', () => {
    store = openStore(':memory:');
    const names = ["Robert'); DROP TABLE users;--", 'Ёлка 🎄 «ёж»', 'O\'Brien "the" \\ back', '\u200bzero\u0000nul', '@everyone'];
    names.forEach((n, i) => store?.users.upsert(`local:${i}`, n));
    expect(names.map((_, i) => store?.users.name(`local:${i}`))).toEqual(names);
  });
});
