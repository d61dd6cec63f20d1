/**
 * Small helpers for the texts the bot's feature commands write themselves (prompts, hints,
 * buttons). What a feature says about its results comes from the feature's reply module.
 */
import { formatTemplate, type Lang, type LocalizedText, type MessageParams } from '../../core/errors.js';
import type { RichText, Span } from '../types.js';

/** A text in the chat's language with `{name}` placeholders filled in. */
export function say(lang: Lang, text: LocalizedText, params: MessageParams = {}): string {
  return formatTemplate(text[lang], params);
}

/** Numbers for people: up to 4 significant digits (as the CLI prints them). */
export function fmt4(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

const UNITS = { en: ['B', 'KB', 'MB'], ru: ['Б', 'КБ', 'МБ'] } as const;

/** A file size for people in the chat's language: 10 MB / 10 МБ, 1,5 МБ (one decimal at most). */
export function sizeText(bytes: number, lang: Lang): string {
  const [b, kb, mb] = UNITS[lang];
  const one = (x: number) => String(Number(x.toFixed(1))).replace('.', lang === 'ru' ? ',' : '.');
  if (bytes >= 1024 * 1024) return `${one(bytes / (1024 * 1024))}\u00a0${mb}`;
  if (bytes >= 1024) return `${one(bytes / 1024)}\u00a0${kb}`;
  return `${bytes}\u00a0${b}`;
}

/** fmt4 with the language's decimal mark: 0.547 / 0,547. */
export function num4(x: number, lang: Lang): string {
  const s = fmt4(x);
  return lang === 'ru' ? s.replace('.', ',') : s;
}

/** A quoted title in Russian text: «…», with quotes inside it as „…“ («Заклинания из „Гарри Поттера“»). */
export function quotedTitle(title: string, lang: Lang): string {
  return lang === 'ru' ? `«${title.replace(/«/g, '„').replace(/»/g, '“')}»` : title;
}

/** Numbers for people: up to 6 significant digits. */
export function fmt6(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : String(x);
}

/**
 * A text in the chat's language as rich text, with each `{name}` replaced by its own span:
 * user text (file names, column names) stays a separate plain span the door escapes, and long
 * values (an error message) are not cut like template parameters are.
 */
export function sayRich(lang: Lang, text: LocalizedText, params: Record<string, Span | number>): RichText {
  const out: RichText = [];
  const parts = text[lang].split(/\{(\w+)\}/);
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part !== '') out.push(part);
      return;
    }
    const v = params[part];
    if (v === undefined) out.push(`{${part}}`);
    else out.push(typeof v === 'number' ? fmt6(v) : v);
  });
  return out;
}
