import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command } from '../../../src/bot/commands/settings.js';
import { DEFAULT_CHAT_SETTINGS } from '../../../src/store/types.js';
import { createHarness, type Harness } from '../harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ commands: [command] });
});
afterEach(async () => {
  await h.close();
});

describe('/settings', () => {
  it('a non-admin in a group is refused and nothing changes', async () => {
    const r = await h.command('/settings difficulty 3', { user: h.user('u1', 'Аня', 'ru'), chat: h.group() });
    expect(r.text).toBe('Команда /settings доступна только администраторам группы.');
    expect(h.store.chats.get('local:g1')?.settings).toEqual(DEFAULT_CHAT_SETTINGS);
  });

  it('an admin sees the settings with how to change them', async () => {
    const r = await h.command('/settings', { user: h.user('u1', 'Ann', 'en'), chat: h.group(), admin: true });
    expect(r.text.split('\n').slice(0, 5)).toEqual([
      'Settings of this chat:',
      '• topics for /quiz and /round: all',
      '• default difficulty: 2 (1 to 3)',
      '• seconds per /round question: 30',
      '• questions per /round: 5',
    ]);
    expect(r.text).toContain('/settings topics backprop,gates');
  });

  it('an admin changes topics, difficulty, seconds and count; the store keeps them', async () => {
    const as = { user: h.user('u1', 'Аня', 'ru'), chat: h.group(), admin: true };
    const r = await h.command('/settings topics backprop, gates', as);
    expect(r.text.startsWith('Сохранено.')).toBe(true);
    expect(r.text).toContain('• темы для /quiz и /round: backprop, gates');
    await h.command('/settings difficulty 3', as);
    await h.command('/settings seconds 20', as);
    await h.command('/settings count 7', as);
    expect(h.store.chats.get('local:g1')?.settings).toEqual({ allowedTopics: ['backprop', 'gates'], defaultDifficulty: 3, roundSeconds: 20, roundCount: 7 });
    await h.command('/settings topics all', as);
    expect(h.store.chats.get('local:g1')?.settings.allowedTopics).toBe(null);
  });

  it('anyone may change the settings of their private chat', async () => {
    const u = h.user('u5', 'Ann', 'en');
    const r = await h.command('/settings difficulty 1', { user: u, chat: h.privateChat(u) });
    expect(r.text.startsWith('Saved.')).toBe(true);
    expect(h.store.chats.get('local:u5')?.settings.defaultDifficulty).toBe(1);
  });

  it('bad values are refused with the allowed range or topics', async () => {
    const as = { user: h.user('u1', 'Ann', 'en'), chat: h.group(), admin: true };
    expect((await h.command('/settings difficulty 4', as)).text).toBe('«difficulty» must be a whole number from 1 to 3; got «4».');
    expect((await h.command('/settings seconds 5', as)).text).toBe('«seconds» must be a whole number from 10 to 300; got «5».');
    expect((await h.command('/settings topics backprop,magic', as)).text).toBe(
      'Unknown topic «magic». Topics: backprop, gates, activations, chain, softmax, loss, sgd, linear, memory, or «all».',
    );
    expect((await h.command('/settings seconds', as)).text).toBe('Give a value after «seconds», e.g. /settings seconds 20.');
    const bad = await h.command('/settings colour red', as);
    expect(bad.text.startsWith('Option «setting» must be one of: topics, difficulty, seconds, count; got «colour».')).toBe(true);
    expect(h.store.chats.get('local:g1')?.settings).toEqual(DEFAULT_CHAT_SETTINGS);
  });
});
