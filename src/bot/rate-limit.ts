/**
 * Rate limits per user and per chat, behind a tiny interface so rate-limiter-flexible's Redis
 * store (RateLimiterRedis, same `consume` API) can replace the in-memory one when gradbot runs
 * on several machines.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** The outcome of one request against a limit. */
export type RateResult = { ok: true } | { ok: false; retryMs: number };

/** One limit: `points` requests per `durationS` seconds per key. */
export interface RateLimiter {
  consume(key: string): Promise<RateResult>;
}

/** rate-limiter-flexible's in-memory limiter. */
export function memoryRateLimiter(points: number, durationS: number, keyPrefix: string): RateLimiter {
  const rl = new RateLimiterMemory({ points, duration: durationS, keyPrefix });
  return {
    async consume(key) {
      try {
        await rl.consume(key);
        return { ok: true };
      } catch (e) {
        // The library rejects with a RateLimiterRes when the limit is hit, with an Error otherwise.
        if (e instanceof RateLimiterRes) return { ok: false, retryMs: Math.max(0, e.msBeforeNext) };
        throw e;
      }
    },
  };
}

/** The bot's limiters. */
export interface BotLimits {
  user: RateLimiter;
  chat: RateLimiter;
}

/** Limits from the configuration: requests per minute per user and per chat. */
export function limitsFromConfig(rate: { userPerMinute: number; chatPerMinute: number }): BotLimits {
  return {
    user: memoryRateLimiter(rate.userPerMinute, 60, 'gradbot:user'),
    chat: memoryRateLimiter(rate.chatPerMinute, 60, 'gradbot:chat'),
  };
}

/**
 * Remembers whom we told "too many requests" and until when, so the limiter's own message goes
 * out at most once per window per key and cannot flood a group. Bounded: expired entries go
 * when it grows.
 */
export class NoticeGate {
  private readonly until = new Map<string, number>();

  constructor(private readonly max = 10_000) {}

  /** True when a notice may be sent for `key` now (and marks it until `until`). */
  allow(key: string, now: number, until: number): boolean {
    const t = this.until.get(key);
    if (t !== undefined && t > now) return false;
    this.until.set(key, until);
    if (this.until.size > this.max) {
      for (const [k, v] of this.until) if (v <= now) this.until.delete(k);
      while (this.until.size > this.max) {
        const first = this.until.keys().next();
        if (first.done) break;
        this.until.delete(first.value);
      }
    }
    return true;
  }
}
