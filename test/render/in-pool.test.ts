/**
 * Rendering off the main thread (issue 3): 20 chart requests at once through the worker
 * pool keep the main thread's event-loop delay under 50 ms at p99.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/core/errors.js';
import { renderInPool } from '../../src/render/in-pool.js';
import { createPool, type WorkerPool } from '../../src/jobs/pool.js';
import { pngSize } from './png.js';

let pool: WorkerPool;

/** p99 of the main thread's event-loop delay (ms) while `work` runs, resolution 10 ms. */
async function loopDelayP99(work: () => Promise<unknown>): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  // The histogram records nothing until its timer has ticked once (SETUP.md).
  await new Promise((r) => setTimeout(r, 100));
  h.reset();
  await work();
  h.disable();
  expect(h.count).toBeGreaterThan(10);
  return h.percentile(99) / 1e6;
}

beforeAll(async () => {
  pool = createPool({ threads: 2, minThreads: 2, timeoutMs: 120_000, maxQueue: 64 });
  // Warm both workers (tsx, chart.js and fonts load once per worker).
  await Promise.all([1, 2].map(() => renderInPool(pool, { kind: 'plot', items: ['tanh'], width: 320, height: 240 })));
}, 60_000);

afterAll(async () => {
  await pool.close();
});

describe('renderInPool', () => {
  it('returns the PNG and keeps the event loop free while 20 charts render', async () => {
    const ids = ['relu', 'gelu', 'silu', 'tanh', 'sigmoid', 'elu', 'mish', 'softplus', 'hardtanh', 'binary_step'];
    // The machine's own noise first: on a shared 2-core box other processes alone can delay
    // timers by tens of ms. The limit (50 ms at p99) applies to the delay rendering
    // adds, so the idle excess over the 10 ms timer resolution is added to the limit; on a
    // quiet machine that excess is ~0 and the limit is exactly 50 ms.
    const idle = await loopDelayP99(() => new Promise((r) => setTimeout(r, 1000)));
    let pngs: Uint8Array[] = [];
    const during = await loopDelayP99(async () => {
      pngs = await Promise.all(
        Array.from({ length: 20 }, (_, i) => renderInPool(pool, { kind: 'plot', items: [ids[i % ids.length]!], lang: i % 2 ? 'ru' : 'en' })),
      );
    });
    expect(pngs).toHaveLength(20);
    for (const png of pngs) expect(pngSize(png)).toEqual({ width: 800, height: 450 });
    expect(during).toBeLessThan(50 + Math.max(0, idle - 10));
  }, 60_000);

  it('brings bad input back as a UserInputError', async () => {
    const err = await renderInPool(pool, { kind: 'plot', items: ['rleu'] }).catch((e: unknown) => e);
    expect(isUserInputError(err)).toBe(true);
    expect(isUserInputError(err) && err.code).toBe('activation.unknown');
  }, 30_000);
});
