/**
 * Errors of the local chat's HTTP API. Every error answers `{"error": {"code", "message"}}`
 * with a stable code (scripts branch on it) and a message that helps a person fix the request;
 * never a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Log } from '../../bot/services.js';

/** An error answered with its status, code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
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
      return new ApiError(400, 'invalid_json', 'The body is not valid JSON. Send a JSON object such as {"from": {"id": "1", "name": "Ann"}, "text": "/help", "chatKind": "group"}.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'unsupported_media_type', 'Send application/json, or multipart/form-data to attach a file.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'body_too_large', 'The body is too large. Attach big files as multipart/form-data.');
    default:
      break;
  }
  if (err instanceof SyntaxError) return new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  return new ApiError(status, 'bad_request', err.message);
}

/** Fastify's error handler: known errors answer as they are, the rest as a logged 500. */
export function handleError(log: Log) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    const api = err instanceof ApiError ? err : fromFastify(err);
    if (api) {
      void reply.status(api.status).send(errorBody(api.code, api.message));
      return;
    }
    log.error({ err, route: req.routeOptions.url, method: req.method }, 'local chat: request failed');
    void reply.status(500).send(errorBody('internal', 'Something went wrong on the server; the log has the details.'));
  };
}
