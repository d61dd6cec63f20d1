/**
 * The command a mistyped name most likely meant (`/qiz` → `/quiz`, `/hepl` → `/help`), for the
 * "unknown command" reply: the nearest name by edit distance (a swap of two neighbours counts
 * as one edit), if it is close enough to be a typo rather than another word.
 */

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[s.length]![t.length]!;
}

/**
 * The nearest of `names` to `typed` (case-insensitive), or undefined when none is within the
 * typo range: one edit for names up to 4 letters, two for longer ones. Ties go to the first.
 */
export function nearestCommand(typed: string, names: readonly string[]): string | undefined {
  const x = typed.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const n of names) {
    const dist = editDistance(x, n);
    const allowed = n.length <= 4 ? 1 : 2;
    if (dist <= allowed && dist < bestD) {
      best = n;
      bestD = dist;
    }
  }
  return best;
}
