/**
 * What a command may hold on to beyond one request: timers that die with the bot, hooks that
 * run on shutdown, and work the shutdown should wait for. Every context carries the bot's one
 * `BotRuntime` as `ctx.runtime`.
 *
 * Shutdown (`bot.close()`), in order:
 * 1. `closing` becomes true and new requests are refused politely;
 * 2. `signal` aborts (pass it to pool jobs: `AbortSignal.any([ctx.runtime.signal, own])`);
 * 3. the `onClose` hooks run, all of them, concurrently (a round ends keeping its scores);
 * 4. in-flight handlers and `track`ed promises are awaited, up to the close timeout;
 * 5. timers still pending are cancelled.
 */
import type { Lang } from '../core/errors.js';
import type { ChatRef, CommandDefinition, UserRef } from './types.js';

/** Schedules a callback; returns a function that cancels it. Tests pass a fake (test/bot/harness.ts). */
export interface Scheduler {
  setTimeout(fn: () => void, ms: number): () => void;
}

/** Real timers. */
export const realScheduler: Scheduler = {
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

/** The bot-wide services a command reaches through `ctx.runtime`. */
export interface BotRuntime {
  /** Every command definition of this bot (for /help and suggestions). */
  readonly commands: readonly CommandDefinition[];
  /** True once `close()` has begun. */
  readonly closing: boolean;
  /** Aborted when `close()` begins. */
  readonly signal: AbortSignal;
  /**
   * Runs `fn` when the bot closes (before in-flight handlers are awaited). Returns a function
   * that unregisters it (call it when the thing it closes ended by itself). A hook that throws
   * is logged; the others still run. Registered after close began: runs at once.
   */
  onClose(fn: () => void | Promise<void>): () => void;
  /**
   * Runs `fn` after `ms` (on the bot's scheduler, so tests move time). Returns a cancel
   * function. Never fires after close began; a callback that throws or rejects is logged, and
   * an async one is tracked (close waits for it).
   */
  setTimeout(fn: () => void | Promise<void>, ms: number): () => void;
  /** Lets close() wait for `p` (a round's loop, a follow-up send). Returns `p`. */
  track<T>(p: Promise<T>): Promise<T>;
  /** The language for a chat and user, as the bot resolves it for requests. */
  langFor(chat: ChatRef, user?: UserRef): Lang;
}
