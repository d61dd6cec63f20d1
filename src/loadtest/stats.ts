/**
 * What the load test counts per command: times to the first and to the final reply, errors
 * (with a few examples) and replies lost; and the percentiles it prints.
 */

/** p50/p95/p99 and the largest value, in milliseconds (null when nothing was measured). */
export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/** Nearest-rank percentile of sorted values. */
function rank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[k] as number;
}

/** p50/p95/p99/max of the values, rounded to 0.1 ms. */
export function percentiles(values: readonly number[]): Percentiles {
  const s = [...values].sort((a, b) => a - b);
  const r = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return { p50: r(rank(s, 50)), p95: r(rank(s, 95)), p99: r(rank(s, 99)), max: r(s.length > 0 ? (s[s.length - 1] as number) : null) };
}

/** The figures of one command in the report. */
export interface CommandFigures {
  count: number;
  errors: number;
  lost: number;
  firstMs: Percentiles;
  finalMs: Percentiles;
  /** Up to five error descriptions, for finding out why. */
  errorSamples: string[];
}

/** Collects the measurements of one command. */
export class CommandStats {
  private readonly first: number[] = [];
  private readonly final: number[] = [];
  private readonly samples: string[] = [];
  count = 0;
  errors = 0;
  lost = 0;

  /** One command that got its final reply. */
  ok(firstMs: number, finalMs: number): void {
    this.count++;
    this.first.push(firstMs);
    this.final.push(finalMs);
  }

  /** One command that failed; `firstMs` when some reply came. */
  error(what: string, firstMs?: number): void {
    this.count++;
    this.errors++;
    if (firstMs !== undefined) this.first.push(firstMs);
    if (this.samples.length < 5) this.samples.push(what.slice(0, 300));
  }

  /** One command with no final reply within the timeout; `firstMs` when a first one came. */
  lostReply(what: string, firstMs?: number): void {
    this.count++;
    this.lost++;
    if (firstMs !== undefined) this.first.push(firstMs);
    if (this.samples.length < 5) this.samples.push(`lost: ${what.slice(0, 290)}`);
  }

  figures(): CommandFigures {
    return { count: this.count, errors: this.errors, lost: this.lost, firstMs: percentiles(this.first), finalMs: percentiles(this.final), errorSamples: [...this.samples] };
  }
}
