/**
 * Errors of the local chat's HTTP API. Every error answers `{"error": {"code", "message"}}`
 * with a stable code (scripts branch on it) and a message that helps a person fix the request,
 * in the language the request asks for (`Accept-Language`: the page sends its own ru/en
 * switch, so a Russian page never shows an English error); never a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Log } from '../../bot/services.js';
import type { Lang, LocalizedText } from '../../core/errors.js';

/** An error answered with its status, code and message (in English and Russian). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
  ) {
    super(text.en);
    this.name = 'ApiError';
  }

  /** The message in `lang`. */
  render(lang: Lang): string {
    return this.text[lang];
  }
}

/**
 * The language an API answer is written in: the first of `ru`/`en` that `Accept-Language`
 * names (q-values respected), else English, which scripts expect.
 */
export function requestLang(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const tags = value
    .split(',')
    .map((part, k) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), k };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.k - b.k);
  for (const t of tags) {
    if (t.tag === 'ru' || t.tag.startsWith('ru-')) return 'ru';
    if (t.tag === 'en' || t.tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

/** The body of an error answer. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Fastify's own 4xx errors, with our codes and plain messages. */
function fromFastify(err: FastifyError): ApiError | undefined {
  const status = err.statusCode ?? 500;
  if (status >= 500) return undefined;
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'invalid_json', {
        en: 'The body is not valid JSON. Send a JSON object such as {"from": {"id": "1", "name": "Ann"}, "text": "/help", "chatKind": "group"}.',
        ru: 'Тело запроса — не JSON. Пришлите объект вроде {"from": {"id": "1", "name": "Ann"}, "text": "/help", "chatKind": "group"}.',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type', {
        en: 'Send application/json, or multipart/form-data to attach a file.',
        ru: 'Пришлите application/json или, чтобы приложить файл, multipart/form-data.',
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'body_too_large', {
        en: 'The body is too large. Attach big files as multipart/form-data.',
        ru: 'Запрос слишком большой. Большие файлы прикладывайте как multipart/form-data.',
      });
    default:
      break;
  }
  if (err instanceof SyntaxError) return new ApiError(400, 'invalid_json', { en: 'The body is not valid JSON.', ru: 'Тело запроса — не JSON.' });
  return new ApiError(status, 'bad_request', {
    en: err.message,
    ru: `Запрос не удалось обработать (HTTP ${status}${err.code ? `, ${err.code}` : ''}). Проверьте его по src/adapters/local/README.md.`,
  });
}

/** Fastify's error handler: known errors answer as they are, the rest as a logged 500. */
export function handleError(log: Log) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    const api = err instanceof ApiError ? err : fromFastify(err);
    if (api) {
      void reply.status(api.status).send(errorBody(api.code, api.render(requestLang(req.headers['accept-language']))));
      return;
    }
    log.error({ err, route: req.routeOptions.url, method: req.method }, 'local chat: request failed');
    const text = { en: 'Something went wrong on the server; the log has the details.', ru: 'На сервере что-то пошло не так; подробности — в его журнале.' };
    void reply.status(500).send(errorBody('internal', text[requestLang(req.headers['accept-language'])]));
  };
}
