/**
 * Is a generated name new? makemore and AI Weirdness both show that a small model trained on
 * a few hundred names mostly copies them; the label makes that visible.
 *
 * - `copied`: the sample equals a real name, ignoring case;
 * - `near`:   a small edit away from a real name: Levenshtein distance 1 for names of up to 7
 *             characters, up to 2 for longer ones (about 20 % of the length), measured against
 *             the longer of the two names;
 * - `new`:    anything else.
 *
 * "Real names" are the whole list the model came from (train and dev): a dev name that the
 * model produces is not new to a student who knows the list.
 */

/** The novelty label of a sample. */
export type NoveltyLabel = 'copied' | 'near' | 'new';

/** The edit distance allowed for `near`, for names whose longer one has `length` characters. */
export function nearThreshold(length: number): number {
  return Math.max(1, Math.min(2, Math.round(length * 0.2)));
}

/**
 * Levenshtein distance (insertions, deletions, substitutions) between two strings, by code
 * point, stopping early with `limit + 1` once the distance must exceed `limit`.
 */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  let cur = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[t.length] as number;
}

/** Labels samples against a fixed list of real names; build once, label many. */
export class NoveltyChecker {
  private readonly exact: Set<string>;
  private readonly real: string[];

  constructor(realNames: readonly string[]) {
    this.real = [...new Set(realNames.map((n) => n.trim().toLowerCase()))];
    this.exact = new Set(this.real);
  }

  /** The label of one sample and, unless it is new, the real name it is closest to. */
  check(sample: string): { label: NoveltyLabel; closest?: string; distance?: number } {
    const s = sample.trim().toLowerCase();
    if (this.exact.has(s)) return { label: 'copied', closest: s, distance: 0 };
    const len = Array.from(s).length;
    let best: { name: string; d: number } | undefined;
    for (const r of this.real) {
      const limit = nearThreshold(Math.max(len, Array.from(r).length));
      const d = levenshtein(s, r, limit);
      if (d <= limit && (!best || d < best.d)) best = { name: r, d };
    }
    return best ? { label: 'near', closest: best.name, distance: best.d } : { label: 'new' };
  }

  /** Just the label. */
  label(sample: string): NoveltyLabel {
    return this.check(sample).label;
  }
}
