/**
 * What every reply to hostile input must be: specific (not the catch-all "something went
 * wrong"), in the chat's language, and free of stack traces and file paths.
 */
import { botMessages } from '../../src/bot/i18n.js';
import type { Lang } from '../../src/core/errors.js';

/** Russian words (two letters or more: a lone а/б/в is a choice letter, offered in both languages). */
const CYRILLIC = /[\u0400-\u04ff]{2,}/;

/** Traces, internal error names and paths of this machine or project. */
const LEAKS: ReadonlyArray<[string, RegExp]> = [
  ['a stack frame', /\n\s*at\s+\S+|\bat\s+(?:file:|node:|\/)|\bat\s+[\w.$<>]+\s+\(/],
  ['an error name', /\b(?:Type|Reference|Range|Syntax|Eval|URI)?Error:\s|\bERR_[A-Z_]{3,}\b|SQLITE_[A-Z]+/],
  ['a file path', /\/work\/|\/src\/|\/tmp\/|node_modules|\.tsx?:\d+|\.js:\d+:\d+/],
  // "is undefined everywhere on [a, b]" is the renderer's own sentence about a function.
  ['undefined or NaN or [object Object]', /\bundefined\b(?! everywhere)|\[object \w+\]|\bNaN\b/],
];

/** The catch-alls: a reply that is one of these means a handler failed unexpectedly. */
const CATCH_ALL = [botMessages.texts.something_wrong.en, botMessages.texts.something_wrong.ru, 'Sorry, something went wrong while answering that.', 'Простите, при ответе что-то пошло не так.'];

/** Removes the user's own words from a reply (they may be quoted back, quoted or not). */
function withoutEcho(reply: string, input: string, strict: boolean): string {
  // Quoted user text: «…» in Russian, "…" and “…” in English.
  let out = reply.replace(/«[^»]*»|"[^"\n]*"|“[^”]*”/g, ' ');
  // Case-insensitively: command names come back lower-cased.
  out = out.toLowerCase();
  const words = input.toLowerCase().split(/[\s«»"'`,:;()[\]{}]+/).filter((w) => w.length >= 2);
  for (const w of words.sort((a, b) => b.length - a.length)) out = out.split(w).join(' ');
  // A cut-off or cleaned echo ("/҅ҧc" of "/҅ҧc@x", control characters dropped): any Cyrillic run
  // the input itself contains; in an English chat, any run made only of the input's letters.
  const typed = input.toLowerCase().replace(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060\ufeff]/g, '');
  return out.replace(/[\u0400-\u04ff]+/g, (run) => (typed.includes(run) || (strict && [...run].every((ch) => typed.includes(ch))) ? ' ' : run));
}

/** The problems of one reply (empty when it is fine). */
export function replyProblems(reply: string, input: string, lang: Lang): string[] {
  const problems: string[] = [];
  const own = withoutEcho(reply, input, lang === 'en');
  for (const [what, re] of LEAKS) {
    // Only what the bot wrote itself counts: an echo of the input may contain anything.
    if (re.test(reply) && !re.test(input)) problems.push(`contains ${what}`);
  }
  if (CATCH_ALL.some((c) => reply.includes(c))) problems.push('is the catch-all "something went wrong"');
  if (reply.trim() === '') problems.push('is empty');
  if (lang === 'ru' && !CYRILLIC.test(own)) problems.push('has no Russian in a Russian chat');
  if (lang === 'en' && CYRILLIC.test(own)) problems.push('has Russian in an English chat');
  return problems;
}
