/** One figure `npm run bench` prints as `{"name", "value", "unit"}`. */
export interface Benchmark {
  /** snake_case, e.g. `mlp_train_samples_per_s`; `--only NAME` selects it. */
  name: string;
  unit: string;
  /** Measures and resolves to the figure. Runs after the previous benchmark has finished. */
  run(): Promise<number> | number;
}

/** Median of a non-empty list (benchmarks report medians: the machine is shared and noisy). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * This process's CPU time so far (user + system), in milliseconds: the clock every timed
 * benchmark uses. The machines are shared, and wall-clock time there also counts the time our
 * thread waits for a core (we saw 3-5× swings); the benchmarked work is single-threaded, so on
 * an idle machine the two agree (CPU time also counts V8's background GC and compiler threads,
 * which only makes it stricter).
 */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
