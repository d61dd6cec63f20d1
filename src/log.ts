/**
 * The process logger: pino, at the configured level, with secrets kept out in two ways.
 * 1. Redaction by path: fields named like a secret (`token`, `accessCode`, the access-code
 *    header, cookies, authorization headers) are replaced wherever they sit in a log object.
 * 2. Redaction by value: the configured secrets themselves (the Telegram and Discord tokens,
 *    the local access code) are cut out of every string that reaches the log, messages,
 *    nested fields and serialized errors alike, because libraries put tokens into error
 *    messages and URLs (grammY's `.../bot<token>/getMe`).
 * Request bodies are never logged (the local door logs routes, statuses and times only).
 */
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

/** What replaces a secret. */
export const REDACTED = '[redacted]';

/** Field paths that hold secrets, at any of the first three levels of a log object. */
export const REDACT_PATHS: readonly string[] = [
  'token', '*.token', '*.*.token',
  'accessCode', '*.accessCode', '*.*.accessCode',
  'password', '*.password', '*.*.password',
  'authorization', '*.authorization', '*.*.authorization',
  'cookie', '*.cookie', '*.*.cookie',
  '["x-access-code"]', '*["x-access-code"]', '*.*["x-access-code"]',
  '["set-cookie"]', '*["set-cookie"]', '*.*["set-cookie"]',
];

/** The secrets of a configuration (non-empty values only). */
export function secretsOf(config: Pick<Config, 'telegram' | 'discord' | 'local'>): string[] {
  return [config.telegram?.token, config.discord?.token, config.local.accessCode].filter((s): s is string => typeof s === 'string' && s.length > 0);
}

/** Replaces each secret in `s`. */
export function scrubString(s: string, secrets: readonly string[]): string {
  let out = s;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** pino's serialized error as a plain object (its own prototype would hide it from scrubValue). */
function plainError(e: Error): Record<string, unknown> {
  return { ...stdSerializers.err(e) };
}

/** Copies `value` with every secret cut out of its strings (plain objects and arrays, a few levels deep). */
export function scrubValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return scrubString(value, secrets);
  if (depth > 6 || typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return scrubValue(plainError(value), secrets, depth + 1);
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, secrets, depth + 1);
  return out;
}

/** Creates the logger (`destination`: tests pass a stream; default stdout). */
export function createLogger(config: Pick<Config, 'logLevel' | 'telegram' | 'discord' | 'local'>, destination?: DestinationStream): Logger {
  const secrets = secretsOf(config);
  const errSerializer = (e: unknown) => scrubValue(e instanceof Error ? plainError(e) : e, secrets);
  return pino(
    {
      level: config.logLevel,
      base: { name: 'gradbot' },
      redact: { paths: [...REDACT_PATHS], censor: REDACTED },
      serializers: { err: errSerializer, error: errSerializer },
      formatters: {
        // Runs before the serializers: Errors are serialized (and scrubbed) there.
        log: (obj) => scrubValue(obj, secrets) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const clean = args.map((a) => (typeof a === 'string' ? scrubString(a, secrets) : a)) as typeof args;
          method.apply(this, clean);
        },
      },
    },
    destination,
  );
}
