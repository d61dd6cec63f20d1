/**
 * Telegram documents as neutral attachments. The size Telegram declares (`file_size`) is known
 * before anything is fetched; `getFile` is called only inside `download`, after that size passed
 * the limit, so an oversized upload costs one message and no transfer. The download itself is
 * capped too (a declared size can be missing), from the same `apiRoot` as the API calls; a local
 * Bot API server in `--local` mode answers `getFile` with an absolute path on its disk instead.
 */
import { open } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Api } from 'grammy';
import type { Document } from 'grammy/types';
import type { Attachment } from '../../bot/types.js';
import { UserInputError } from '../../core/errors.js';
import { formatBytes } from '../../data/limits.js';
import { downloadMessages, fetchCapped, readCapped, tooLarge as overLimit } from '../download.js';
import { PUBLIC_API_DOWNLOAD_BYTES } from './caps.js';
import { scrubError } from './scrub.js';

/** Telegram's own message for files the public Bot API will not hand to a bot. */
const publicApiTooLarge = {
  en: 'The file is {size}, and Telegram lets bots download at most {limit}. Send a smaller file (fewer rows or columns); the teacher can lift this limit by running a local Bot API server (TELEGRAM_API_ROOT).',
  ru: 'Файл весит {size_ru}, а Telegram отдаёт ботам файлы не больше {limit_ru}. Пришлите файл поменьше (меньше строк или столбцов); снять это ограничение преподаватель может, запустив локальный сервер Bot API (TELEGRAM_API_ROOT).',
};

/** Where and how the door downloads files. */
export interface DownloadTarget {
  api: Api;
  token: string;
  /** Without a trailing slash, as for the API. */
  apiRoot: string;
  /** True when apiRoot is a local Bot API server (no 20 MB cap). */
  localServer: boolean;
}

/** The refusal for a file over `maxBytes`, before anything is downloaded. */
function tooLarge(size: number, maxBytes: number, target: DownloadTarget): UserInputError {
  if (!target.localServer && maxBytes >= PUBLIC_API_DOWNLOAD_BYTES && size > PUBLIC_API_DOWNLOAD_BYTES) {
    return new UserInputError('upload.too_large', publicApiTooLarge, {
      size: formatBytes(size, 'en'),
      limit: formatBytes(PUBLIC_API_DOWNLOAD_BYTES, 'en'),
      size_ru: formatBytes(size, 'ru'),
      limit_ru: formatBytes(PUBLIC_API_DOWNLOAD_BYTES, 'ru'),
    });
  }
  return overLimit(maxBytes);
}

/** Reads at most `maxBytes` of a file on this machine (a local Bot API server's download path). */
async function readLocalCapped(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    throw downloadMessages.error('failed', { detail: e instanceof Error && 'code' in e ? String(e.code) : 'open' });
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw overLimit(maxBytes);
    return await readCapped(handle.readableWebStream() as ReadableStream<Uint8Array>, maxBytes);
  } finally {
    await handle.close();
  }
}

/** A Telegram document as an `Attachment`: nothing is fetched until `download` is called. */
export function documentAttachment(doc: Document, target: DownloadTarget): Attachment {
  const declaredSize = doc.file_size ?? 0;
  const attachment: Attachment = {
    name: doc.file_name ?? 'file',
    declaredSize,
    async download(maxBytes: number): Promise<Uint8Array> {
      if (declaredSize > maxBytes) throw tooLarge(declaredSize, maxBytes, target);
      if (!target.localServer && declaredSize > PUBLIC_API_DOWNLOAD_BYTES) throw tooLarge(declaredSize, maxBytes, target);
      let file;
      try {
        file = await target.api.getFile(doc.file_id);
      } catch (e) {
        scrubError(e, target.token);
        throw downloadMessages.error('failed', { detail: e instanceof Error ? e.name : 'getFile' });
      }
      if (file.file_size !== undefined && file.file_size > maxBytes) throw tooLarge(file.file_size, maxBytes, target);
      const path = file.file_path;
      if (path === undefined) throw downloadMessages.error('failed', { detail: 'no file_path' });
      if (isAbsolute(path)) return readLocalCapped(path, maxBytes);
      return fetchCapped(`${target.apiRoot}/file/bot${target.token}/${path}`, maxBytes);
    },
  };
  if (doc.mime_type !== undefined) attachment.mime = doc.mime_type;
  return attachment;
}
