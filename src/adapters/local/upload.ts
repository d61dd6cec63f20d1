/**
 * Reads a `multipart/form-data` message: its text fields and at most one file. The file is read
 * during the request (the HTTP body cannot wait for the bot) but never past the upload limit:
 * a larger file is cut off there, declared with a size above the limit (so the bot refuses it
 * before "downloading") and its `download` refuses it too.
 */
import type { FastifyRequest } from 'fastify';
import type { Attachment } from '../../bot/types.js';
import { formatBytes } from '../../data/limits.js';
import { downloadMessages, tooLarge } from '../download.js';
import { ApiError } from './api-error.js';

/** The multipart form's parts. */
export interface MultipartMessage {
  fields: Record<string, string>;
  file?: UploadedFile;
}

/** A file as it arrived. */
export interface UploadedFile {
  name: string;
  mime: string;
  /** At most the limit; empty when truncated. */
  bytes: Uint8Array;
  truncated: boolean;
  /** Exact size when complete; the request's Content-Length (at least limit + 1) when truncated. */
  declaredSize: number;
}

/** Busboy's limits for a message form. */
export function multipartLimits(uploadMaxBytes: number) {
  return { fileSize: uploadMaxBytes, files: 1, fields: 10, fieldSize: 16 * 1024, parts: 12, headerPairs: 100 };
}

/** A file name safe to show: no path, no control characters, at most 200 characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = Array.from(base.replace(/[\u0000-\u001f\u007f]/g, '').trim()).slice(0, 200).join('');
  return clean.length > 0 ? clean : 'upload';
}

function multipartError(e: unknown): ApiError {
  const code = e instanceof Error && 'code' in e ? String(e.code) : '';
  if (code === 'FST_FILES_LIMIT') return new ApiError(400, 'too_many_files', { en: 'Attach one file per message.', ru: 'К одному сообщению можно приложить один файл.' });
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return new ApiError(400, 'too_many_fields', {
      en: 'Too many form fields: send from.id, from.name, text, chatKind, locale, replyTo and one file.',
      ru: 'Слишком много полей формы: нужны from.id, from.name, text, chatKind, locale, replyTo и один файл.',
    });
  }
  return new ApiError(400, 'invalid_multipart', { en: 'The multipart form could not be read; send it again.', ru: 'Не удалось прочитать форму multipart; отправьте её ещё раз.' });
}

/** Reads the form; every field value is a string, the last one wins. */
export async function readMultipart(req: FastifyRequest, uploadMaxBytes: number): Promise<MultipartMessage> {
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of req.parts({ limits: multipartLimits(uploadMaxBytes) })) {
      if (part.type === 'field') {
        if (part.valueTruncated) {
          const field = part.fieldname.slice(0, 40);
          throw new ApiError(400, 'field_too_long', { en: `The form field "${field}" is too long.`, ru: `Поле формы "${field}" слишком длинное.` });
        }
        fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file) {
        chunks.push(chunk as Buffer);
        size += (chunk as Buffer).byteLength;
      }
      const truncated = part.file.truncated;
      const contentLength = Number(req.headers['content-length']);
      file = {
        name: cleanFileName(part.filename),
        mime: part.mimetype,
        // A cut-off file is useless: drop the bytes at once.
        bytes: truncated ? new Uint8Array(0) : new Uint8Array(Buffer.concat(chunks, size)),
        truncated,
        declaredSize: truncated ? Math.max(Number.isFinite(contentLength) ? contentLength : 0, uploadMaxBytes + 1) : size,
      };
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw multipartError(e);
  }
  return file ? { fields, file } : { fields };
}

/** The bot's view of an uploaded file. */
export function toAttachment(file: UploadedFile, uploadMaxBytes: number): Attachment {
  return {
    name: file.name,
    declaredSize: file.declaredSize,
    mime: file.mime,
    async download(maxBytes: number): Promise<Uint8Array> {
      if (file.truncated || file.bytes.byteLength > maxBytes) {
        throw tooLarge(Math.min(maxBytes, uploadMaxBytes));
      }
      return file.bytes.slice();
    },
  };
}
