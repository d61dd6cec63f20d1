import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionStore } from '../../src/bot/actions.js';
import type { BotCommand, JsonValue } from '../../src/bot/command.js';
import { createHarness, type Harness } from './harness.js';

const presses: Array<{ user: string; data: JsonValue; message: string | undefined }> = [];

const vote: BotCommand = {
  name: 'vote',
  description: { en: 'Vote', ru: 'Голосование' },
  options: [],
  async run(ctx) {
    await ctx.send({
      text: ['Pick one'],
      buttons: [
        [
          { id: ctx.action('pick', { option: 'A', n: 1 }), label: 'A' },
          { id: ctx.action('pick', { option: 'B', n: 2 }, { ttlMs: 5_000 }), label: 'B' },
        ],
      ],
    });
  },
  actions: {
    async pick(ctx, data) {
      presses.push({ user: ctx.user.id, data, message: ctx.message?.id });
      await ctx.send([`picked ${JSON.stringify(data)}`]);
    },
  },
};

let h: Harness;
beforeEach(async () => {
  presses.length = 0;
  h = await createHarness({ commands: [vote] });
});
afterEach(async () => {
  await h.close();
});

describe('button actions', () => {
  it('a press reaches the creating command with the server-side data and the message', async () => {
    const alice = h.user('u1', 'Alice', 'en');
    const chat = h.group();
    const q = await h.command('/vote', { user: alice, chat });
    const r = await h.press('A', { user: h.user('u2', 'Bob', 'en'), chat });
    expect(r.text).toBe('picked {"option":"A","n":1}');
    expect(presses).toEqual([{ user: 'u2', data: { option: 'A', n: 1 }, message: q.sent[0]?.id }]);
  });

  it('ids are short, distinct and carry nothing of the data', async () => {
    const chat = h.group();
    const q = await h.command('/vote', { user: h.user('u1', 'A', 'en'), chat });
    const ids = q.buttons.map((b) => b.id);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) {
      expect(id).toMatch(/^a[0-9a-z]{2,20}$/);
      expect(id).not.toContain('A');
      expect(id.length).toBeLessThanOrEqual(20);
    }
  });

  it('an unknown id gets a polite message in the chat language, privately', async () => {
    const r = await h.pressId('a0forged', { user: h.user('u1', 'Иван', 'ru'), chat: h.group() });
    expect(r.text).toBe('Эта кнопка уже не действует. Запустите команду заново.');
    expect(r.sent[0]?.private).toBe(true);
    expect(presses).toHaveLength(0);
  });

  it('an expired id is refused the same way', async () => {
    const chat = h.group();
    await h.command('/vote', { user: h.user('u1', 'A', 'en'), chat });
    await h.clock.advance(6_000);
    const b = await h.press('B', { user: h.user('u2', 'B', 'en'), chat });
    expect(b.text).toBe('This button is no longer active. Run the command again to get a fresh one.');
    // A has the default TTL (24 h) and still works
    expect((await h.press('A', { user: h.user('u2', 'B', 'en'), chat })).text).toBe('picked {"option":"A","n":1}');
    await h.clock.advance(24 * 3600_000);
    expect((await h.press('A', { user: h.user('u2', 'B', 'en'), chat })).text).toBe(
      'This button is no longer active. Run the command again to get a fresh one.',
    );
  });

  it('an id pressed in another chat is unknown there', async () => {
    const q = await h.command('/vote', { user: h.user('u1', 'A', 'en'), chat: h.group('g1') });
    const id = q.buttons[0]?.id as string;
    const r = await h.pressId(id, { user: h.user('u1', 'A', 'en'), chat: h.group('g2') });
    expect(r.text).toBe('This button is no longer active. Run the command again to get a fresh one.');
    expect(presses).toHaveLength(0);
  });
});

describe('ActionStore', () => {
  const chat = { door: 'local' as const, id: 'c', kind: 'group' as const };
  it('keeps at most maxEntries, dropping the oldest', () => {
    let now = 0;
    const s = new ActionStore({ now: () => now, maxEntries: 3 });
    const ids = [1, 2, 3, 4].map((n) => s.put(chat, 'x', 'y', n));
    expect(s.size).toBe(3);
    expect(s.get(ids[0] as string, chat)).toBe(undefined);
    expect(s.get(ids[3] as string, chat)?.data).toBe(4);
    now = 1;
    s.delete(ids[3] as string);
    expect(s.get(ids[3] as string, chat)).toBe(undefined);
  });
  it('10 000 ids are all distinct', () => {
    const s = new ActionStore({ now: () => 0 });
    const ids = new Set(Array.from({ length: 10_000 }, () => s.put(chat, 'x', 'y', null)));
    expect(ids.size).toBe(10_000);
  });
});
