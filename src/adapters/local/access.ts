/**
 * The access code of a local chat served beyond loopback (LOCAL_ACCESS_CODE). Every API call
 * carries it, either as the `x-access-code` header (scripts) or as the `gradbot_access` cookie
 * that `POST /api/access` sets after the page asked for the code (EventSource and <img> cannot
 * send headers). The cookie holds an HMAC of the code, not the code; comparisons are
 * constant-time; wrong codes are rate-limited per client address.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from './api-error.js';

export const ACCESS_COOKIE = 'gradbot_access';
export const ACCESS_HEADER = 'x-access-code';

/** The answer to a wrong code (or a cookie that is not the code's). */
export const WRONG_CODE = {
  en: 'The access code is wrong. Ask the teacher for the code (LOCAL_ACCESS_CODE).',
  ru: 'Код доступа неверный. Спросите код у преподавателя (LOCAL_ACCESS_CODE).',
} as const;

/** Wrong codes allowed per client address per minute. */
const WRONG_CODES_PER_MINUTE = 10;

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Constant-time string equality (hashing first gives equal lengths). */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Checks requests against the code; a gate without a code lets everything through. */
export class AccessGate {
  private readonly token: string | undefined;
  private readonly limiter = new RateLimiterMemory({ points: WRONG_CODES_PER_MINUTE, duration: 60 });

  constructor(private readonly code: string | undefined) {
    this.token = code === undefined ? undefined : createHmac('sha256', code).update('gradbot-local-chat-v1').digest('base64url');
  }

  get required(): boolean {
    return this.code !== undefined;
  }

  /** The Set-Cookie value after a right code (HttpOnly: page scripts never see it). */
  cookie(): string {
    return `${ACCESS_COOKIE}=${this.token ?? ''}; Path=/; HttpOnly; SameSite=Strict; Max-Age=2592000`;
  }

  /** Throws 401/429 unless the request carries the code (header) or the cookie. */
  async check(headers: Record<string, string | string[] | undefined>, client: string): Promise<void> {
    if (this.code === undefined || this.token === undefined) return;
    const header = headers[ACCESS_HEADER];
    const given = Array.isArray(header) ? header[0] : header;
    const cookieHeader = headers.cookie;
    const cookie = readCookie(Array.isArray(cookieHeader) ? cookieHeader.join(';') : cookieHeader, ACCESS_COOKIE);
    if (given !== undefined) {
      if (safeEqual(given, this.code)) return;
      await this.wrong(client);
    }
    if (cookie !== undefined && safeEqual(cookie, this.token)) return;
    // The token is an HMAC of the code alone, so a forged cookie is a guess at the code (the
    // guesser computes the HMAC of each candidate): it counts like a wrong code. A stale
    // cookie (the code changed) costs its page one count before the page asks for the code.
    if (cookie !== undefined && given === undefined) await this.wrong(client);
    if (given === undefined && cookie === undefined) {
      throw new ApiError(401, 'access_code_required', {
        en: `This chat needs its access code: send it in the "${ACCESS_HEADER}" header, or open the page and type it.`,
        ru: `Для этого чата нужен код доступа: пришлите его в заголовке "${ACCESS_HEADER}" или откройте страницу и введите его.`,
      });
    }
    throw new ApiError(401, 'access_code_invalid', WRONG_CODE);
  }

  /** `POST /api/access`: true for the right code; wrong ones count towards the limit. */
  async tryCode(code: string, client: string): Promise<boolean> {
    if (this.code === undefined) return true;
    if (safeEqual(code, this.code)) return true;
    await this.wrong(client);
    return false;
  }

  private async wrong(client: string): Promise<void> {
    try {
      await this.limiter.consume(client);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      const seconds = Math.ceil(e.msBeforeNext / 1000);
      throw new ApiError(429, 'too_many_attempts', {
        en: `Too many wrong access codes; try again in ${seconds} s.`,
        ru: `Слишком много неверных кодов доступа; попробуйте снова через ${seconds} с.`,
      });
    }
  }
}
