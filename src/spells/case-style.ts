/**
 * Capitals for display. The model is trained on lower-cased names (see
 * src/core/charlm/vocab.ts); samples get their capitals back in the style of the list they
 * came from, detected by majority vote:
 * - `title`: every word capitalised ("Acid Arrow", "Antipathy/Sympathy"): the D&D list;
 * - `sentence`: only the first letter ("Cave inimicum");
 * - `lower` / `upper`: as a class's own list may be.
 */

/** How a list writes its capitals. */
export type CaseStyle = 'title' | 'sentence' | 'lower' | 'upper';

const WORD_START = /(^|[\s\-/])(\p{Ll})/gu;

function hasLetters(s: string): boolean {
  return /\p{L}/u.test(s);
}

/** The style one name is written in, or undefined when it is ambiguous (one lower-case word...). */
function styleOf(name: string): CaseStyle | undefined {
  if (!/\p{Lu}|\p{Ll}/u.test(name)) return undefined;
  if (name === name.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(name)) return 'upper';
  if (name === name.toLowerCase()) return 'lower';
  const words = name.split(/[\s\-/]+/).filter(hasLetters);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (words.length > 1 && capitalised === words.length) return 'title';
  if (/^\P{L}*\p{Lu}/u.test(name)) return words.length > 1 ? 'sentence' : 'title';
  return undefined;
}

/** The most common style of a list; multi-word names decide between title and sentence case. */
export function detectCaseStyle(names: readonly string[]): CaseStyle {
  const votes: Record<CaseStyle, number> = { title: 0, sentence: 0, lower: 0, upper: 0 };
  for (const n of names) {
    const s = styleOf(n.trim());
    if (s) votes[s] += n.trim().includes(' ') ? 2 : 1;
  }
  let best: CaseStyle = 'title';
  for (const s of ['title', 'sentence', 'lower', 'upper'] as const) if (votes[s] > votes[best]) best = s;
  return best;
}

/** Writes a (lower-case) name in a style. */
export function applyCaseStyle(name: string, style: CaseStyle): string {
  switch (style) {
    case 'lower':
      return name.toLowerCase();
    case 'upper':
      return name.toUpperCase();
    case 'sentence':
      return name.replace(/^(\P{L}*)(\p{Ll})/u, (_, pre: string, ch: string) => pre + ch.toUpperCase());
    case 'title':
      return name.replace(WORD_START, (_, pre: string, ch: string) => pre + ch.toUpperCase());
  }
}
