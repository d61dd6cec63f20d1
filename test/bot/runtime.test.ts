import { afterEach, describe, expect, it } from 'vitest';
import type { BotCommand } from '../../src/bot/command.js';
import { createHarness, settle, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('runtime: timers, close hooks, shutdown', () => {
  it('runtime.setTimeout runs on the harness clock and can be cancelled', async () => {
    const fired: string[] = [];
    const later: BotCommand = {
      name: 'later',
      description: { en: 'Later', ru: 'Позже' },
      options: [{ name: 'seconds', type: 'integer', description: { en: 's', ru: 'с' }, required: true }],
      async run(ctx) {
        const s = Number(ctx.options.seconds);
        ctx.runtime.setTimeout(async () => {
          fired.push(`tick ${s}`);
          await ctx.send([`time is up after ${s} s`]);
        }, s * 1000);
        const cancel = ctx.runtime.setTimeout(() => void fired.push('never'), s * 1000 + 1);
        cancel();
      },
    };
    h = await createHarness({ commands: [later] });
    const chat = h.group();
    await h.command('/later 30', { user: h.user('u1', 'A', 'en'), chat });
    await h.clock.advance(29_999);
    expect(fired).toEqual([]);
    await h.clock.advance(10_000);
    expect(fired).toEqual(['tick 30']);
    expect(h.last(chat)?.text).toBe('time is up after 30 s');
  });

  it('a timer callback that throws is logged and the bot carries on', async () => {
    const bad: BotCommand = {
      name: 'bad',
      description: { en: 'Bad', ru: 'Плохо' },
      options: [],
      async run(ctx) {
        ctx.runtime.setTimeout(() => {
          throw new Error('timer broke');
        }, 10);
        await ctx.send(['ok']);
      },
    };
    h = await createHarness({ commands: [bad] });
    await h.command('/bad', { user: h.user('u1', 'A', 'en'), chat: h.group() });
    await h.clock.advance(10);
    const errors = h.log.entries.filter((e) => e.level === 'error');
    expect(errors.map((e) => (e.obj as { err: Error }).err.message)).toEqual(['timer broke']);
  });

  it('close(): refuses new requests, aborts the signal, runs hooks, awaits in-flight handlers, cancels timers', async () => {
    const events: string[] = [];
    let release: () => void = () => {};
    const slow: BotCommand = {
      name: 'slow',
      description: { en: 'Slow', ru: 'Медленно' },
      options: [],
      async run(ctx) {
        ctx.runtime.onClose(async () => {
          events.push(`hook (signal aborted: ${ctx.runtime.signal.aborted}, closing: ${ctx.runtime.closing})`);
          await ctx.send(['round stopped, scores kept']);
        });
        const unregistered = ctx.runtime.onClose(() => void events.push('unregistered hook'));
        unregistered();
        ctx.runtime.setTimeout(() => void events.push('timer'), 60_000);
        await new Promise<void>((r) => {
          release = r;
        });
        events.push('handler done');
      },
    };
    h = await createHarness({ commands: [slow] });
    const chat = h.group();
    const u = h.user('u1', 'A', 'en');
    const running = h.command('/slow', { user: u, chat });
    await settle();
    const closing = h.bot.close();
    await settle();
    expect(events).toEqual(['hook (signal aborted: true, closing: true)']);
    // new requests are refused politely while closing
    const refused = await h.command('/slow', { user: u, chat });
    expect(refused.text).toBe('The bot is restarting. Please try again in a minute.');
    let closed = false;
    void closing.then(() => {
      closed = true;
    });
    await settle();
    expect(closed).toBe(false);
    release();
    await closing;
    await running;
    expect(events).toEqual(['hook (signal aborted: true, closing: true)', 'handler done']);
    expect(h.clock.pending).toBe(0);
    await h.clock.advance(120_000);
    expect(events).not.toContain('timer');
    expect(h.messages(chat).map((m) => m.text)).toContain('round stopped, scores kept');
  });

  it('close() gives up on a stuck handler after the timeout and logs it', async () => {
    const stuck: BotCommand = {
      name: 'stuck',
      description: { en: 'Stuck', ru: 'Завис' },
      options: [],
      async run() {
        await new Promise<void>(() => {});
      },
    };
    h = await createHarness({ commands: [stuck], bot: { closeTimeoutMs: 50 } });
    void h.command('/stuck', { user: h.user('u1', 'A', 'en'), chat: h.group() });
    await settle();
    const t0 = Date.now();
    await h.bot.close();
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(h.log.entries.some((e) => e.level === 'warn' && e.msg === 'close: handlers still running after the timeout')).toBe(true);
  });

  it('runtime.commands lists the bot’s commands', async () => {
    let names: string[] = [];
    const list: BotCommand = {
      name: 'list',
      description: { en: 'List', ru: 'Список' },
      options: [],
      async run(ctx) {
        names = ctx.runtime.commands.map((c) => c.name);
      },
    };
    h = await createHarness({ commands: [list] });
    await h.command('/list', { user: h.user('u1', 'A', 'en'), chat: h.group() });
    expect(names).toEqual(['list']);
  });
});
