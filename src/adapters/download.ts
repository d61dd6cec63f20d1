/**
 * Downloads for the doors' attachments: at most `maxBytes` are read, whatever size the
 * platform declared; a file that turns out larger is cut off at the limit and refused, so a
 * lying declaration never makes the bot read a whole huge file.
 */
import { defineMessages } from '../core/errors.js';
import { formatBytes } from '../data/limits.js';

export const downloadMessages = defineMessages('upload', {
  too_large: {
    en: 'The file is larger than the limit of {limit}. Send a smaller file (fewer rows or columns).',
    ru: 'Файл больше допустимых {limit_ru}. Пришлите файл поменьше (меньше строк или столбцов).',
  },
  failed: {
    en: 'The file could not be downloaded ({detail}). Please send it again.',
    ru: 'Не удалось скачать файл ({detail}). Пришлите его ещё раз.',
  },
});

/** `upload.too_large` with the limit in each language's units (10 MB / 10 МБ). */
export function tooLarge(maxBytes: number): ReturnType<typeof downloadMessages.error> {
  return downloadMessages.error('too_large', { limit: formatBytes(maxBytes, 'en'), limit_ru: formatBytes(maxBytes, 'ru') });
}

/** Fetches `url` and returns at most `maxBytes` bytes, or throws `upload.too_large` / `upload.failed`. */
export async function fetchCapped(url: string, maxBytes: number, init: RequestInit = {}): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(60_000) });
  } catch (e) {
    throw downloadMessages.error('failed', { detail: e instanceof Error ? e.name : 'network' });
  }
  if (!res.ok || res.body === null) {
    await res.body?.cancel();
    throw downloadMessages.error('failed', { detail: `HTTP ${res.status}` });
  }
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body.cancel();
    throw tooLarge(maxBytes);
  }
  return readCapped(res.body, maxBytes);
}

/** Reads a stream into one buffer, stopping (and refusing) as soon as it passes `maxBytes`. */
export async function readCapped(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
