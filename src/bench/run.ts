/**
 * `npm run bench [-- --only NAME]`: runs every benchmark in src/bench/cases/ in one process,
 * one after another, and prints one JSON line per figure. Figures that are compared with each
 * other (gradbot vs. a plain reference loop) are measured in the same run on purpose: the
 * machines are shared, so only ratios within one run mean much.
 */
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Benchmark } from './types.js';

const { values } = parseArgs({ options: { only: { type: 'string', multiple: true } } });
const only = values.only ? new Set(values.only.flatMap((s) => s.split(','))) : null;

const dir = new URL('./cases/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
  .sort();

const all: Benchmark[] = [];
for (const f of files) {
  const mod = (await import(new URL(f, dir).href)) as { benchmarks?: Benchmark[] };
  all.push(...(mod.benchmarks ?? []));
}
const chosen = only ? all.filter((b) => only.has(b.name)) : all;
if (only && chosen.length === 0) {
  process.stderr.write(`bench: no benchmark named ${[...only].join(', ')}. Known: ${all.map((b) => b.name).join(', ')}\n`);
  process.exit(2);
}
for (const b of chosen) {
  const value = await b.run();
  process.stdout.write(JSON.stringify({ name: b.name, value: Number(value.toPrecision(6)), unit: b.unit }) + '\n');
}
// Pools and timers left by a benchmark must not keep the process alive.
process.exit(0);
