/**
 * The request shapes of the local chat's HTTP API (contracts; see ./README.md), checked with zod.
 * A body that does not fit answers 400 `invalid_body` naming each bad field.
 */
import { z } from 'zod';
import { cleanDisplayName, hasControlCharacters } from '../display-name.js';
import { ApiError } from './api-error.js';

/** Longest message text a user may send (Telegram's limit). */
export const MAX_USER_TEXT = 4096;

/** Chat ids in URLs: letters, digits and `_ . : -`, up to 64 characters, not only dots. */
export const CHAT_ID_RE = /^[\w.:-]{1,64}$/;

const LOCALE_RE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

/** A message id: a positive integer, as a JSON string or number. */
const messageId = z.union([z.string().regex(/^\d{1,15}$/, 'must be a message id (digits)'), z.number().int().positive()]).transform(Number);

const from = z.object({
  id: z
    .union([z.string(), z.number().int()])
    .transform(String)
    .pipe(
      z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(64, 'must be at most 64 characters')
        .refine((id) => !hasControlCharacters(id), 'must not contain control or bidi characters'),
    ),
  // Shown to the whole class: controls and bidi overrides go (../display-name.ts).
  name: z
    .string()
    .max(64, 'must be at most 64 characters')
    .transform(cleanDisplayName)
    .pipe(z.string().min(1, 'must not be empty')),
});

/** `POST /api/chats/{chatId}/messages` (JSON, or the same fields of a multipart form). */
export const postMessageSchema = z.object({
  from,
  text: z.string().max(MAX_USER_TEXT, `must be at most ${MAX_USER_TEXT} characters`).default(''),
  chatKind: z.enum(['group', 'private']),
  locale: z.string().max(35).regex(LOCALE_RE, 'must be a language tag such as "ru" or "en-GB"').optional(),
  /** The id of the message this one answers (a reply to a quiz question). */
  replyTo: messageId.optional(),
});
export type PostMessageBody = z.infer<typeof postMessageSchema>;

/** `POST /api/chats/{chatId}/actions`. */
export const postActionSchema = z.object({
  from,
  messageId,
  action: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  locale: z.string().max(35).regex(LOCALE_RE, 'must be a language tag such as "ru" or "en-GB"').optional(),
});
export type PostActionBody = z.infer<typeof postActionSchema>;

/** `POST /api/access`. */
export const accessSchema = z.object({ code: z.string().min(1).max(200) });

/** The `after` and `as` query of the message list and the event stream. */
export const listQuerySchema = z.object({
  after: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a message id or sequence number (digits)')
    .transform(Number)
    .optional(),
  as: z.string().trim().min(1).max(64).optional(),
});

/** `GET /api/autocomplete`. */
export const autocompleteQuerySchema = z.object({
  command: z.string().min(1).max(32),
  option: z.string().min(1).max(32),
  q: z.string().max(100).default(''),
  lang: z.enum(['en', 'ru']).default('en'),
});

/** The parts of a request `parseOr400` names, in Russian. */
const WHAT_RU: Record<string, string> = { 'message body': 'тело сообщения', 'action body': 'тело нажатия', 'access body': 'тело запроса кода', form: 'форма', query: 'параметры адреса' };

/** This module's own issue messages, in Russian. */
const ISSUE_RU: Record<string, string> = {
  'must not be empty': 'не может быть пустым',
  'must be a language tag such as "ru" or "en-GB"': 'должно быть кодом языка вроде "ru" или "en-GB"',
  'must be a message id (digits)': 'должно быть id сообщения (цифры)',
  'must be a message id or sequence number (digits)': 'должно быть id сообщения или номером изменения (цифры)',
  'must not contain control or bidi characters': 'не может содержать управляющие символы',
};

const TYPE_RU: Record<string, string> = { object: 'объектом', string: 'строкой', number: 'числом', array: 'списком', boolean: 'true или false' };

/** One issue in Russian: ours by their text, zod's own by their kind. */
function issueRu(i: z.core.$ZodIssue): string {
  const own = ISSUE_RU[i.message];
  if (own !== undefined) return own;
  const most = /^must be at most (\d+) characters$/.exec(i.message);
  if (most) return `должно быть не длиннее ${most[1]} символов`;
  switch (i.code) {
    case 'invalid_type':
      // Issues carry no input; zod's own message says what came.
      return /received undefined/.test(i.message) ? 'обязательное поле, его нет' : `должно быть ${TYPE_RU[i.expected] ?? i.expected}`;
    case 'invalid_value':
      return `допустимы только ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_big':
      return `слишком длинное (не больше ${String(i.maximum)})`;
    case 'too_small':
      return `слишком короткое (не меньше ${String(i.minimum)})`;
    default:
      return 'неверное значение';
  }
}

/** Parses `value` or throws a 400 naming every bad field and what is wrong with it. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, what: string, code = 'invalid_body'): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fieldOf = (i: { path: PropertyKey[] }) => (i.path.length > 0 ? i.path.map(String).join('.') : what);
  const en = r.error.issues.map((i) => `${fieldOf(i)}: ${i.message}`);
  const ru = r.error.issues.map((i) => `${i.path.length > 0 ? fieldOf(i) : (WHAT_RU[what] ?? what)}: ${issueRu(i)}`);
  throw new ApiError(400, code, {
    en: `Bad ${what}: ${en.join('; ')}.`,
    ru: `Запрос не подходит (${WHAT_RU[what] ?? what}): ${ru.join('; ')}.`,
  });
}

/** Checks a chat id from the URL. `.` and `..` are path steps a browser resolves away: refused. */
export function checkChatId(chatId: string): string {
  if (!CHAT_ID_RE.test(chatId) || /^\.+$/.test(chatId)) {
    throw new ApiError(400, 'invalid_chat_id', {
      en: 'The chat id must be 1-64 letters, digits or "_ . : -", e.g. "class" or "private-ann".',
      ru: 'Id чата — от 1 до 64 латинских букв, цифр или "_ . : -", например "class" или "private-ann".',
    });
  }
  return chatId;
}
