/**
 * Sends planned parts (./layout.ts) through the Bot API and edits them in place later:
 * text with editMessageText, a caption with editMessageCaption, a changed picture with
 * editMessageMedia. When an edit changes the shape (a progress text that ends with pictures),
 * what still matches is edited and the rest is sent as new messages after it.
 */
import { GrammyError, InputFile, type Api } from 'grammy';
import type { InputMediaPhoto, Message, ReplyParameters } from 'grammy/types';
import type { Log } from '../../bot/services.js';
import { MAX_ALBUM, type Part } from './layout.js';
import type { SentPart, SentRecord } from './sent-messages.js';

/** Link previews stay off: a URL-like spell name or CSV header must not pull in a preview card. */
const NO_PREVIEW = { is_disabled: true } as const;

/** "Bad Request: message is not modified": an edit to the same content, harmless. */
export function isNotModified(e: unknown): boolean {
  return e instanceof GrammyError && /message is not modified/i.test(e.description);
}

/** "there is no text in the message to edit": the message is a photo or a document. */
function isNoText(e: unknown): boolean {
  return e instanceof GrammyError && /no text in the message/i.test(e.description);
}

/** The upload for a photo part; a part that only keeps an already sent photo has none. */
function photoFile(part: Part & { kind: 'photo' }): InputFile {
  if (part.image === undefined) throw new Error('telegram: a kept photo cannot be sent again');
  return new InputFile(part.image.png, part.image.name);
}

const json = (v: unknown): string => (v === undefined ? '' : JSON.stringify(v));

function sentPart(part: Part, messageId: number): SentPart {
  switch (part.kind) {
    case 'text':
      return { kind: 'text', messageId, html: part.html, markup: json(part.markup) };
    case 'photo':
      return { kind: 'photo', messageId, html: part.caption ?? '', markup: json(part.markup), hash: part.hash, album: part.album };
    case 'document':
      return { kind: 'document', messageId, html: part.caption ?? '', markup: json(part.markup), hash: part.hash };
  }
}

/** Sends parts in order, albums together; `replyTo` applies to the first message. */
export async function sendParts(api: Api, chatId: number, parts: readonly Part[], replyTo?: number): Promise<SentPart[]> {
  const sent: SentPart[] = [];
  let reply: ReplyParameters | undefined = replyTo === undefined ? undefined : { message_id: replyTo, allow_sending_without_reply: true };
  const replyOpt = () => {
    const r = reply;
    reply = undefined;
    return r === undefined ? {} : { reply_parameters: r };
  };
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k] as Part;
    if (part.kind === 'photo' && part.album !== undefined) {
      // Gather this album's photos (Telegram: 2-10 per sendMediaGroup).
      const group: Array<Part & { kind: 'photo' }> = [part];
      while (group.length < MAX_ALBUM) {
        const next = parts[k + group.length];
        if (next?.kind !== 'photo' || next.album !== part.album) break;
        group.push(next);
      }
      if (group.length > 1) {
        const media = group.map((p): InputMediaPhoto => {
          const m: InputMediaPhoto = { type: 'photo', media: photoFile(p) };
          if (p.caption !== undefined) Object.assign(m, { caption: p.caption, parse_mode: 'HTML' });
          return m;
        });
        const msgs = await api.sendMediaGroup(chatId, media, replyOpt());
        group.forEach((p, j) => sent.push(sentPart(p, (msgs[j] as Message).message_id)));
        k += group.length - 1;
        continue;
      }
    }
    const message = await sendOne(api, chatId, part, replyOpt());
    sent.push(sentPart(part, message.message_id));
  }
  return sent;
}

async function sendOne(api: Api, chatId: number, part: Part, reply: { reply_parameters?: ReplyParameters }): Promise<Message> {
  const markup = part.markup === undefined ? {} : { reply_markup: part.markup };
  switch (part.kind) {
    case 'text':
      return api.sendMessage(chatId, part.html, { parse_mode: 'HTML', link_preview_options: NO_PREVIEW, ...markup, ...reply });
    case 'photo':
      return api.sendPhoto(chatId, photoFile(part), {
        ...(part.caption === undefined ? {} : { caption: part.caption, parse_mode: 'HTML' as const }),
        ...markup,
        ...reply,
      });
    case 'document':
      return api.sendDocument(chatId, new InputFile(part.file.bytes, part.file.name), {
        ...(part.caption === undefined ? {} : { caption: part.caption, parse_mode: 'HTML' as const }),
        ...markup,
        ...reply,
      });
  }
}

/** Edits one sent part to show `part`; false when the kinds differ (the caller sends anew). */
async function editOne(api: Api, chatId: number, old: SentPart, part: Part): Promise<boolean> {
  if (old.kind !== part.kind) return false;
  const newMarkup = json(part.markup);
  const markup = part.markup === undefined ? {} : { reply_markup: part.markup };
  try {
    if (part.kind === 'text') {
      if (old.html === part.html && old.markup === newMarkup) return true;
      try {
        await api.editMessageText(chatId, old.messageId, part.html, { parse_mode: 'HTML', link_preview_options: NO_PREVIEW, ...markup });
      } catch (e) {
        // A message the door forgot (after a restart) may be a photo: its caption is the text.
        if (!isNoText(e) || old.html !== undefined) throw e;
        await api.editMessageCaption(chatId, old.messageId, { caption: part.html, parse_mode: 'HTML', ...markup });
      }
    } else {
      const caption = part.caption ?? '';
      if (old.hash !== part.hash) {
        const file = part.kind === 'photo' ? photoFile(part) : new InputFile(part.file.bytes, part.file.name);
        await api.editMessageMedia(
          chatId,
          old.messageId,
          { type: part.kind, media: file, ...(caption === '' ? {} : { caption, parse_mode: 'HTML' as const }) },
          markup,
        );
      } else if (old.html !== caption || old.markup !== newMarkup) {
        await api.editMessageCaption(chatId, old.messageId, { caption, parse_mode: 'HTML', ...markup });
      }
    }
  } catch (e) {
    if (!isNotModified(e)) throw e;
  }
  Object.assign(old, sentPart(part, old.messageId));
  return true;
}

/**
 * Makes a sent group show `parts`: parts that keep their kind are edited in place, the first
 * one that does not (and everything after it) is deleted and sent anew, extra old parts are
 * deleted. Returns the ids of messages deleted and the parts added, for the alias map.
 */
export async function editParts(
  api: Api,
  record: SentRecord,
  parts: readonly Part[],
  log: Log,
): Promise<{ deleted: number[]; added: SentPart[] }> {
  const keep: SentPart[] = [];
  let k = 0;
  for (; k < parts.length && k < record.parts.length; k++) {
    const old = record.parts[k] as SentPart;
    const part = parts[k] as Part;
    // Album members and single photos are not interchangeable in one sendMediaGroup; only in place.
    if (!(await editOne(api, record.chatId, old, part))) break;
    keep.push(old);
  }
  const deleted: number[] = [];
  for (const old of record.parts.slice(k)) {
    // The first part is the id the bot holds; it stays (as it is) rather than vanish under it.
    if (old === record.parts[0]) {
      keep.push(old);
      continue;
    }
    try {
      await api.deleteMessage(record.chatId, old.messageId);
    } catch (err) {
      log.debug({ err, chat: record.chatId }, 'telegram: could not delete a replaced message');
    }
    deleted.push(old.messageId);
  }
  const added = k < parts.length ? await sendParts(api, record.chatId, parts.slice(k)) : [];
  record.parts = [...keep, ...added];
  return { deleted, added };
}
