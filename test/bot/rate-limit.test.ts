import { afterEach, describe, expect, it } from 'vitest';
import type { BotCommand } from '../../src/bot/command.js';
import { memoryRateLimiter, NoticeGate, type BotLimits, type RateLimiter } from '../../src/bot/rate-limit.js';
import { createHarness, type Harness } from './harness.js';

const ping: BotCommand = {
  name: 'ping',
  description: { en: 'Pong', ru: 'Понг' },
  options: [],
  async run(ctx) {
    await ctx.send(['pong']);
  },
};

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('rate limits (rate-limiter-flexible, in memory)', () => {
  it('a user over the limit gets one polite private notice per window, in their language', async () => {
    h = await createHarness({ commands: [ping], config: { rate: { userPerMinute: 2, chatPerMinute: 100 } } });
    const ivan = h.user('u1', 'Иван', 'ru');
    const chat = h.group();
    expect((await h.command('/ping', { user: ivan, chat })).text).toBe('pong');
    expect((await h.command('/ping', { user: ivan, chat })).text).toBe('pong');
    const third = await h.command('/ping', { user: ivan, chat });
    expect(third.sent).toHaveLength(1);
    expect(third.sent[0]?.private).toBe(true);
    expect(third.text).toMatch(/^Вы отправляете команды слишком часто\. Попробуйте снова через (\d+)\u00a0(секунду|секунды|секунд)\.$/);
    const seconds = Number(/через (\d+)/.exec(third.text)?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(59);
    expect(seconds).toBeLessThanOrEqual(60);
    // the limiter itself does not flood: silence until the window ends
    expect((await h.command('/ping', { user: ivan, chat })).sent).toHaveLength(0);
    expect((await h.command('/ping', { user: ivan, chat })).sent).toHaveLength(0);
    // another user is not limited
    expect((await h.command('/ping', { user: h.user('u2', 'Oleg', 'ru'), chat })).text).toBe('pong');
  });

  it('a chat over its limit is told once, in English for an English user', async () => {
    h = await createHarness({ commands: [ping], config: { rate: { userPerMinute: 100, chatPerMinute: 3 } } });
    const chat = h.group();
    for (const id of ['a', 'b', 'c']) expect((await h.command('/ping', { user: h.user(id, id, 'en'), chat })).text).toBe('pong');
    const r = await h.command('/ping', { user: h.user('d', 'd', 'en'), chat });
    expect(r.text).toMatch(/^This chat is sending commands too fast\. Please try again in \d+\u00a0seconds\.$/);
    expect((await h.command('/ping', { user: h.user('e', 'e', 'en'), chat })).sent).toHaveLength(0);
    // private chats are not counted against a group
    const p = h.user('f', 'f', 'en');
    expect((await h.command('/ping', { user: p, chat: h.privateChat(p) })).text).toBe('pong');
  });

  it('a new window lets the user in again (a pluggable limiter, moved by the clock)', async () => {
    // A limiter on the harness clock, as a Redis-backed one would plug in through the same interface.
    let clockNow = () => 0;
    const windowed = (points: number): RateLimiter => {
      const used = new Map<string, { n: number; until: number }>();
      return {
        async consume(key) {
          const now = clockNow();
          const u = used.get(key);
          if (!u || u.until <= now) {
            used.set(key, { n: 1, until: now + 60_000 });
            return { ok: true };
          }
          if (u.n < points) {
            u.n++;
            return { ok: true };
          }
          return { ok: false, retryMs: u.until - now };
        },
      };
    };
    const limits: BotLimits = { user: windowed(1), chat: windowed(100) };
    h = await createHarness({ commands: [ping], bot: { limits } });
    const clock = h.clock;
    clockNow = () => clock.now();
    const u = h.user('u1', 'A', 'en');
    const chat = h.group();
    expect((await h.command('/ping', { user: u, chat })).text).toBe('pong');
    await h.clock.advance(20_000);
    expect((await h.command('/ping', { user: u, chat })).text).toBe('You are sending commands too fast. Please try again in 40\u00a0seconds.');
    await h.clock.advance(40_000);
    expect((await h.command('/ping', { user: u, chat })).text).toBe('pong');
  });

  it('memoryRateLimiter reports the wait', async () => {
    const rl = memoryRateLimiter(1, 60, 'test');
    expect(await rl.consume('k')).toEqual({ ok: true });
    const r = await rl.consume('k');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.retryMs).toBeGreaterThan(58_000);
      expect(r.retryMs).toBeLessThanOrEqual(60_000);
    }
  });

  it('NoticeGate allows one notice per window per key and stays bounded', () => {
    const g = new NoticeGate(3);
    expect(g.allow('a', 0, 100)).toBe(true);
    expect(g.allow('a', 50, 150)).toBe(false);
    expect(g.allow('a', 100, 200)).toBe(true);
    for (const k of ['b', 'c', 'd', 'e']) expect(g.allow(k, 100, 200)).toBe(true);
    // 'a' was dropped to keep the bound, so it may be told again
    expect(g.allow('a', 120, 220)).toBe(true);
  });
});
