/**
 * Helpers for the /train, /predict and /cancel tests: the iris CSV, and running a command
 * while the harness clock moves (progress edits are throttled on the bot's clock, and a real
 * training takes real time).
 */
import { readFileSync } from 'node:fs';
import type { Harness, Reply } from '../harness.js';

/** assets/datasets/iris.csv: 150 rows, 4 measurements, 3 species. */
export const IRIS = new Uint8Array(readFileSync(new URL('../../../assets/datasets/iris.csv', import.meta.url)));

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Awaits `p` while moving the bot's clock a second every `realMs` of real time. */
export async function withClockRunning<T>(h: Harness, p: Promise<T>, realMs = 40): Promise<T> {
  let done = false;
  const mark = () => {
    done = true;
  };
  p.then(mark, mark);
  while (!done) {
    await h.clock.advance(1000);
    await sleep(realMs);
  }
  return p;
}

/** Waits (real time) until `cond` holds, or fails after `timeoutMs`. */
export async function waitFor(cond: () => boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The messages of a reply that carry pictures. */
export function withImages(r: Reply): Reply['sent'] {
  return r.sent.filter((s) => (s.message.images?.length ?? 0) > 0);
}

/**
 * A CSV that trains for many seconds: `rows` rows of 8 noisy features and a 3-class label from
 * a fixed rule (deterministic, no randomness needed), so early stopping keeps finding small
 * improvements while a test cancels the job.
 */
export function slowCsv(rows = 20_000): Uint8Array {
  const lines = ['f1,f2,f3,f4,f5,f6,f7,f8,label'];
  for (let i = 0; i < rows; i++) {
    const f = Array.from({ length: 8 }, (_, j) => Math.sin(i * (j + 1) * 0.7311 + j) * (1 + (i % 7)));
    const s = f[0]! + 0.5 * f[1]! - f[2]! * f[3]! * 0.1 + Math.sin(f[4]! * 3);
    f[7] = f[7]! + Math.cos(i * 1.37);
    lines.push(`${f.map((x) => x.toFixed(4)).join(',')},${s > 1 ? 'a' : s < -1 ? 'b' : 'c'}`);
  }
  return new TextEncoder().encode(lines.join('\n'));
}
