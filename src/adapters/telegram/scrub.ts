/**
 * Keeping the bot token out of logs. grammY's network errors (HttpError) wrap node-fetch's
 * error, whose message holds the request URL, and that URL is `<apiRoot>/bot<token>/<method>`;
 * the download URL holds it too. Every error that leaves the Telegram API passes through
 * `scrubTransformer`, which rewrites the token out of it in place, so whoever logs it later
 * (the runner, the bot layer, pino's error serializer) cannot leak it.
 */
import type { Transformer } from 'grammy';
import type { Log } from '../../bot/services.js';

/** What replaces the token in scrubbed text. */
export const TOKEN_MASK = '<TELEGRAM_BOT_TOKEN>';

/** Replaces every occurrence of `secret` in `text`. */
export function scrubText(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join(TOKEN_MASK);
}

/**
 * Rewrites `secret` out of an error's message and stack, and out of the errors it wraps
 * (`error` for grammY's HttpError, `cause` for fetch errors), a few levels deep. Returns the
 * same object, so `throw scrubError(e, token)` keeps its class.
 */
export function scrubError<E>(e: E, secret: string, depth = 0): E {
  if (depth > 4 || typeof e !== 'object' || e === null) return e;
  const rec = e as Record<string, unknown>;
  for (const key of ['message', 'stack', 'description', 'url'] as const) {
    const v = rec[key];
    if (typeof v === 'string' && v.includes(secret)) {
      try {
        rec[key] = scrubText(v, secret);
      } catch {
        // A read-only property: leave it, the message itself is what gets logged.
      }
    }
  }
  for (const key of ['error', 'cause'] as const) scrubError(rec[key], secret, depth + 1);
  return e;
}

/** A short, token-free description of an error for a log line. */
export function describeError(e: unknown, secret: string): { name: string; message: string } {
  if (e instanceof Error) {
    scrubError(e, secret);
    const inner = (e as { error?: unknown }).error;
    const innerMsg = inner instanceof Error ? ` (${scrubText(inner.message, secret)})` : '';
    return { name: e.name, message: scrubText(e.message, secret) + innerMsg };
  }
  return { name: typeof e, message: scrubText(String(e), secret) };
}

/**
 * An API transformer (install it last, so it wraps auto-retry) that scrubs the token from every
 * error a call throws, and logs failed long-polling calls (the runner itself runs silent so that
 * it never prints an unscrubbed error).
 */
export function scrubTransformer(secret: string, log: Log, now: () => number = Date.now): Transformer {
  // An outage fails every poll; one line a minute (with the count) says enough.
  let lastLogAt = -Infinity;
  let unlogged = 0;
  const pollFailed = (err: { name: string; message: string }) => {
    unlogged++;
    if (now() - lastLogAt < POLL_FAILURE_LOG_MS) return;
    log.warn({ err, failures: unlogged }, 'telegram: getUpdates failed; retrying');
    lastLogAt = now();
    unlogged = 0;
  };
  return async (prev, method, payload, signal) => {
    let res;
    try {
      res = await prev(method, payload, signal);
    } catch (e) {
      // Network errors (HttpError) are thrown here; their URL holds the token.
      scrubError(e, secret);
      if (method === 'getUpdates' && signal?.aborted !== true) pollFailed(describeError(e, secret));
      throw e;
    }
    // Telegram's refusals come back as a response (grammY throws a GrammyError from it later).
    if (method === 'getUpdates' && !res.ok) pollFailed({ name: `HTTP ${res.error_code}`, message: scrubText(res.description, secret) });
    return res;
  };
}

/** Least time between two "getUpdates failed" lines. */
export const POLL_FAILURE_LOG_MS = 60_000;
