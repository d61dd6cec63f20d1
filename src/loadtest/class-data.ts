/**
 * The small CSV a simulated student trains on: two noisy clusters in three numeric columns
 * and a class label, drawn from the load test's seed (so every run uploads the same bytes).
 */
import { Rng } from '../core/rng.js';

/** `rows` rows of `x1,x2,x3,label`. */
export function classCsv(seed: number | string, rows = 120): Uint8Array {
  const rng = new Rng(`loadtest-csv:${seed}`);
  const lines = ['x1,x2,x3,label'];
  for (let i = 0; i < rows; i++) {
    const label = i % 2 === 0 ? 'a' : 'b';
    const c = label === 'a' ? -1 : 1;
    const v = [rng.normal(c, 0.8), rng.normal(-c, 0.8), rng.normal(0, 1)].map((x) => x.toFixed(3));
    lines.push(`${v.join(',')},${label}`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}
