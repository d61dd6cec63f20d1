/**
 * The vocabulary of a character model: every character that occurs in the names, plus one
 * special token that marks both the start and the end of a name (makemore's ".").
 *
 * Case handling (a stated choice): names are lower-cased before training, so "Fire" and "fire"
 * are the same word to the model and the vocabulary stays small; samples are given their
 * capitals back for display in the style of the source list (src/spells/case-style.ts).
 *
 * Characters are Unicode code points (`Array.from`), so spaces, apostrophes, hyphens,
 * slashes and Cyrillic letters are ordinary tokens like any other.
 */

/** Index of the start/end token. It is always 0, so a context of zeros means "start of name". */
export const BOUNDARY = 0;

/** How the start/end token is shown in tables and logs (makemore's convention). */
export const BOUNDARY_LABEL = '.';

/** A character vocabulary: token 0 is the boundary, tokens 1..n-1 are characters. */
export interface Vocab {
  /** `chars[i]` is the character of token i; `chars[0]` is '' (the boundary has no character). */
  readonly chars: readonly string[];
  /** Character -> token index. */
  readonly index: ReadonlyMap<string, number>;
  /** Number of tokens including the boundary. */
  readonly size: number;
}

/** The training form of a name: lower-cased, surrounding spaces removed. */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase();
}

/** Builds the vocabulary of normalized names; characters are sorted so the result is stable. */
export function buildVocab(names: readonly string[]): Vocab {
  const set = new Set<string>();
  for (const n of names) for (const ch of Array.from(n)) set.add(ch);
  const chars = ['', ...[...set].sort()];
  return vocabFromChars(chars);
}

/** Rebuilds a vocabulary from its `chars` list (e.g. read back from a cache file). */
export function vocabFromChars(chars: readonly string[]): Vocab {
  const index = new Map<string, number>();
  chars.forEach((c, i) => {
    if (i > 0) index.set(c, i);
  });
  return { chars: [...chars], index, size: chars.length };
}

/**
 * Token indices of a normalized name, without boundaries. Characters the vocabulary does not
 * know return -1 (the caller decides whether that is an error).
 */
export function encodeName(vocab: Vocab, name: string): number[] {
  return Array.from(name, (ch) => vocab.index.get(ch) ?? -1);
}

/** The string of a list of character tokens (boundary tokens are dropped). */
export function decodeTokens(vocab: Vocab, tokens: readonly number[]): string {
  return tokens
    .filter((t) => t !== BOUNDARY)
    .map((t) => vocab.chars[t] ?? '')
    .join('');
}
