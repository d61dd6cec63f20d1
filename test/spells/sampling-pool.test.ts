/**
 * Sampling runs in the worker pool when the service has a pool runner: the jobs it submits
 * are recorded by a spy around a real pool, the answers equal the inline (CLI) answers for
 * the same seeds, and the main thread's event loop keeps turning while 100 names are drawn.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/core/errors.js';
import { createPool } from '../../src/jobs/pool.js';
import { handle as handleSample } from '../../src/spells/charlm-sample-job.js';
import { resolveGenerateOptions } from '../../src/spells/generate.js';
import { ModelCache } from '../../src/spells/model-cache.js';
import { sampleSource } from '../../src/spells/sample-source.js';
import { poolRunner, SpellService, type PoolLike } from '../../src/spells/service.js';

const pool = createPool({ threads: 1 });
const dir = mkdtempSync(join(tmpdir(), 'gradbot-sampling-pool-'));
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The kinds of the jobs submitted through it, in order. */
const kinds: string[] = [];
const spy: PoolLike = {
  run(kind, payload, options) {
    kinds.push(kind);
    return pool.run(kind, payload, options);
  },
};

const cache = new ModelCache(dir);
// Same cache: the inline service trains the models once, the pool service only samples.
const inline = new SpellService({ cache });
const pooled = new SpellService({ cache, runner: poolRunner(spy) });
const user = { steps: 60 };

beforeAll(async () => {
  await inline.model(inline.dataset('dnd'), inline.settings(user));
  await inline.model(inline.dataset('hp'), inline.settings(user));
});

/** Runs `work` and counts the main thread's timer turns until it settles. */
async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  try {
    await work();
  } finally {
    running = false;
  }
  return turns;
}

describe('sampling with a pool runner', () => {
  it('draws /spells names in a "charlm-sample" job, the same names as inline', async () => {
    kinds.length = 0;
    const ds = pooled.dataset('dnd');
    const viaPool = await pooled.spells(ds, { count: 8, seed: 4, temperature: 0.8 }, user);
    expect(kinds).toEqual(['charlm-sample']);
    const here = await inline.spells(inline.dataset('dnd'), { count: 8, seed: 4, temperature: 0.8 }, user);
    expect(viaPool.names).toEqual(here.names);
    expect(viaPool.names).toHaveLength(8);
    expect({ ...viaPool, seconds: 0 }).toEqual({ ...here, seconds: 0 });
  });

  it('builds both games in "charlm-game" jobs, the same games as inline', async () => {
    kinds.length = 0;
    const which = await pooled.whichListGame(5, user);
    const spot = await pooled.spotFakeGame(6, 'hp', user);
    expect(kinds).toEqual(['charlm-game', 'charlm-game']);
    expect(which).toEqual(await inline.whichListGame(5, user));
    expect(spot).toEqual(await inline.spotFakeGame(6, 'hp', user));
    expect(which.lists.map((l) => l.names.length)).toEqual([5, 5]);
    expect(spot.source.id).toBe('hp');
  });

  it('keeps the main event loop turning while 100 names are drawn (inline it does not turn at all)', async () => {
    const big = { count: 100, seed: 9, temperature: 1 };
    // Warm the worker first, so the count below is about sampling, not about starting a thread.
    await pooled.spells(pooled.dataset('hp'), { count: 1 }, user);
    const poolTurns = await turnsDuring(() => pooled.spells(pooled.dataset('hp'), big, user));
    const inlineTurns = await turnsDuring(() => inline.spells(inline.dataset('hp'), big, user));
    expect(inlineTurns).toBe(0);
    expect(poolTurns).toBeGreaterThan(3);
  });

  it('checks options before submitting a job, and the job checks them again', async () => {
    kinds.length = 0;
    const ds = pooled.dataset('dnd');
    const early = await pooled.spells(ds, { count: 0 }, user).catch((e: unknown) => e);
    expect(isUserInputError(early) && early.code).toBe('spells.bad_count');
    expect(kinds).toEqual([]);

    const { model } = await inline.model(ds, inline.settings(user));
    const source = sampleSource(ds, model.plain);
    const bad = { ...resolveGenerateOptions(), temperature: 5 };
    const inWorker = await pool.run('charlm-sample', { source, options: bad }).catch((e: unknown) => e);
    expect(isUserInputError(inWorker) && inWorker.code).toBe('spells.bad_temperature');
    expect(() => handleSample({ source, options: bad })).toThrow(/temperature/i);
  });

  it('passes the signal on: a cancelled request is not sampled', async () => {
    const e = await pooled.spells(pooled.dataset('dnd'), {}, user, { signal: AbortSignal.abort() }).catch((err: unknown) => err);
    expect(isUserInputError(e) && e.code).toBe('job.cancelled');
  });
});
