/**
 * How one OutMessage becomes Telegram messages. Text goes as HTML, split at 4,096 characters;
 * one picture goes as a photo with the text as its caption when the text fits 1,024 characters,
 * otherwise the photo goes bare and the text follows it; several pictures go as albums (10 a
 * piece) with the caption on the first. Buttons sit on the last text (or the captioned photo),
 * under the words that explain them. Files (an /export CSV) go as documents after the rest.
 */
import { createHash } from 'node:crypto';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { richTextLength, splitRichText } from '../../bot/rich-text.js';
import type { Image, OutMessage, RichText } from '../../bot/types.js';
import { neutraliseRichText, spansToHtml } from './html.js';
import { CallbackIds, inlineKeyboard } from './keyboard.js';

/** Telegram's limit on a message's text, after entities are parsed. */
export const MAX_TEXT = 4096;
/** Telegram's caption limit. */
export const MAX_CAPTION = 1024;
/** Photos in one album (sendMediaGroup). */
export const MAX_ALBUM = 10;

/** A file to send as a document. */
export interface FilePart {
  name: string;
  bytes: Uint8Array;
}

/** One Telegram message of a planned OutMessage. */
export type Part =
  | { kind: 'text'; html: string; markup?: InlineKeyboardMarkup }
  /** `image` is undefined for a photo an edit keeps (only its caption and buttons change). */
  | { kind: 'photo'; image?: Image; hash: string; caption?: string; markup?: InlineKeyboardMarkup; album?: number }
  | { kind: 'document'; file: FilePart; hash: string; caption?: string; markup?: InlineKeyboardMarkup };

/** A short fingerprint of bytes, to tell whether a picture changed on an edit. */
export function fingerprint(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
}

/** What shows when a message has nothing else to carry its buttons. */
const PLACEHOLDER: RichText = ['…'];

/** Text chunks (≤ 4,096 each), buttons on the last. Empty text gives no part unless `needed`. */
function textParts(text: RichText, markup: InlineKeyboardMarkup | undefined, needed: boolean): Part[] {
  const body = richTextLength(text) > 0 ? text : needed ? PLACEHOLDER : undefined;
  if (body === undefined) return [];
  const chunks = splitRichText(body, MAX_TEXT);
  return chunks.map((chunk, k): Part => {
    const part: Part = { kind: 'text', html: spansToHtml(chunk) };
    if (k === chunks.length - 1 && markup !== undefined) part.markup = markup;
    return part;
  });
}

function photoParts(images: readonly Image[]): Part[] {
  const albumed = images.length > 1;
  return images.map((image, k): Part => {
    const part: Part = { kind: 'photo', image, hash: fingerprint(image.png) };
    if (albumed) part.album = Math.floor(k / MAX_ALBUM);
    return part;
  });
}

function documentParts(files: readonly FilePart[]): Part[] {
  return files.map((file): Part => ({ kind: 'document', file, hash: fingerprint(file.bytes) }));
}

/**
 * The messages for `msg`. `textFirst` keeps the text in front (for an edit of a text message:
 * a progress message that ends with pictures keeps its text, and the pictures follow as new
 * messages).
 */
export function planMessage(msg: OutMessage, ids: CallbackIds, opts: { textFirst?: boolean; keepPhoto?: string } = {}): Part[] {
  const text = neutraliseRichText(msg.text);
  const markup = inlineKeyboard(msg.buttons, ids);
  const images = msg.images ?? [];
  const files: FilePart[] = (msg.files ?? []).map((f) => ({ name: f.name, bytes: f.bytes }));
  const length = richTextLength(text);
  const fitsCaption = length > 0 && length <= MAX_CAPTION;
  const caption = fitsCaption ? spansToHtml(text) : undefined;

  if (opts.textFirst === true || (images.length === 0 && files.length === 0 && opts.keepPhoto === undefined)) {
    return [...textParts(text, markup, true), ...photoParts(images), ...documentParts(files)];
  }
  if (images.length === 0 && opts.keepPhoto === undefined) {
    // Documents only: one document can carry a short text and the buttons itself.
    if (files.length === 1 && (fitsCaption || length === 0)) {
      const [doc] = documentParts(files) as [Part & { kind: 'document' }];
      if (caption !== undefined) doc.caption = caption;
      if (markup !== undefined) doc.markup = markup;
      return [doc];
    }
    return [...textParts(text, markup, false), ...documentParts(files)];
  }
  const photos = photoParts(images) as Array<Part & { kind: 'photo' }>;
  // An edit without pictures of a message that is a photo keeps the photo and changes its caption.
  if (photos.length === 0 && opts.keepPhoto !== undefined) photos.push({ kind: 'photo', hash: opts.keepPhoto });
  const [first] = photos as [Part & { kind: 'photo' }];
  if (photos.length === 1 && (fitsCaption || length === 0)) {
    if (caption !== undefined) first.caption = caption;
    if (markup !== undefined) first.markup = markup;
    return [first, ...documentParts(files)];
  }
  if (photos.length > 1 && markup === undefined && (fitsCaption || length === 0)) {
    // An album cannot carry buttons, so only a text without buttons rides as its caption.
    if (caption !== undefined) first.caption = caption;
    return [...photos, ...documentParts(files)];
  }
  return [...photos, ...textParts(text, markup, markup !== undefined), ...documentParts(files)];
}
