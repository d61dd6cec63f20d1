/**
 * Display names from every door, cleaned before the bot sees them. A name is shown to the whole
 * class (scoreboards, leaderboards, "Ann answered first"), so it must not be able to change how
 * the text around it reads: a line feed would fake a new scoreboard line, a right-to-left
 * override (U+202E) would turn the rest of the line around, a bell or NUL has no business in a
 * chat. Letters of every script, emoji and ordinary spaces stay.
 */

/** Longest name kept, in characters (code points). */
export const MAX_DISPLAY_NAME = 64;

/** C0/C1 controls and the Unicode line and paragraph separators: shown as a space. */
const BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Bidi marks, embeddings, overrides and isolates, and the byte order mark: dropped. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The name as the class may see it: controls become spaces, bidi controls go, runs of spaces
 * shrink to one, at most MAX_DISPLAY_NAME characters. Empty when nothing visible is left.
 */
export function cleanDisplayName(raw: string): string {
  const clean = raw.replace(BREAKING, ' ').replace(BIDI, '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  return chars.length <= MAX_DISPLAY_NAME ? clean : chars.slice(0, MAX_DISPLAY_NAME).join('').trimEnd();
}

/** True when an id holds a control or bidi character (ids are keys: refused, not cleaned). */
export function hasControlCharacters(id: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(id);
}
