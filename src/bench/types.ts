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
