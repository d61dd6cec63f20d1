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
