import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import { createPool } from '../../src/jobs/pool.js';
import type { TrainProgress } from '../../src/training/train-job.js';
import type { TestKinds, TestProgress } from './fixtures/test-jobs.js';

const fixture = new URL('./fixtures/test-jobs.ts', import.meta.url).href;
// Small limits so that misbehaving jobs fail fast; 2 threads as in production.
const pool = createPool<TestKinds>({ threads: 2, memoryMb: 64, maxQueue: 3, extraHandlers: { test: fixture } });
afterAll(() => pool.close());

async function failureOf(p: Promise<unknown>): Promise<UserInputError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return e as UserInputError;
  }
  throw new Error('expected the job to fail');
}

describe('worker pool', () => {
  it('runs a job in a worker thread and returns its result', async () => {
    const r = await pool.run('test', { mode: 'echo', value: [1, 'two'] });
    expect(r.echoed).toEqual([1, 'two']);
    expect(r.threadId).toBeGreaterThan(0); // 0 is the main thread
  });

  it('throttles progress to one report per 250 ms and always delivers the final one', async () => {
    const seen: TestProgress[] = [];
    const r = await pool.run(
      'test',
      { mode: 'busy', ms: 700 },
      { onProgress: (p) => seen.push(p) },
    );
    expect(r.steps).toBeGreaterThan(100);
    // 700 ms -> reports at ~0, 250, 500 ms plus the final one.
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThanOrEqual(5);
    expect(seen.at(-1)).toEqual({ step: r.steps, final: true });
  });

  it('carries on when a progress callback throws', async () => {
    const r = await pool.run('test', { mode: 'busy', ms: 50 }, {
      onProgress: () => {
        throw new Error('the chat message could not be edited');
      },
    });
    expect(r.steps).toBeGreaterThan(0);
  });

  it('brings a UserInputError thrown in the worker back as a UserInputError', async () => {
    const e = await failureOf(pool.run('test', { mode: 'user_error' }));
    expect(e.code).toBe('test.bad_value');
    expect(e.render('ru')).toBe('Плохое значение 7.');
  });

  it('fails only the job whose worker runs out of memory, exits or throws; then carries on', async () => {
    const [oom, exit, thrown] = await Promise.all([
      failureOf(pool.run('test', { mode: 'oom' })),
      failureOf(pool.run('test', { mode: 'exit' })),
      failureOf(pool.run('test', { mode: 'throw' })),
    ]);
    expect(oom.code).toBe('job.out_of_memory');
    expect(oom.message).toContain('64 MB');
    expect(exit.code).toBe('job.crashed');
    expect(thrown.code).toBe('job.crashed');
    // The worker's own (English) words stay out of the student's text; the detail is kept as data.
    expect(thrown.message).not.toContain('boom from the fixture');
    expect(String(thrown.params.detail)).toContain('boom from the fixture');
    const r = await pool.run('test', { mode: 'echo', value: 'still alive' });
    expect(r.echoed).toBe('still alive');
  }, 30_000);

  it('stops a job at its time limit', async () => {
    const t0 = Date.now();
    const e = await failureOf(pool.run('test', { mode: 'busy', ms: 10_000 }, { timeoutMs: 300 }));
    expect(e.code).toBe('job.timeout');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('cancels a running job by AbortSignal', async () => {
    const ac = new AbortController();
    const p = pool.run('test', { mode: 'busy', ms: 10_000 }, { signal: ac.signal, onProgress: () => ac.abort() });
    const e = await failureOf(p);
    expect(e.code).toBe('job.cancelled');
  });

  it('runs one job per user at a time, reports queue positions and cancels waiting jobs', async () => {
    const done: string[] = [];
    const positions: number[] = [];
    const a1 = pool.run('test', { mode: 'sleep', ms: 300 }, { userId: 'alice' }).then(() => done.push('a1'));
    const b1 = pool.run('test', { mode: 'echo' }, { userId: 'bob' }).then(() => done.push('b1'));
    const a2 = pool
      .run('test', { mode: 'echo' }, { userId: 'alice', onQueued: (n) => positions.push(n) })
      .then(() => done.push('a2'));
    const ac = new AbortController();
    const a3 = failureOf(pool.run('test', { mode: 'echo' }, { userId: 'alice', signal: ac.signal }));
    expect(pool.stats()).toMatchObject({ running: 2, queued: 2 });
    expect(positions).toEqual([1]);
    ac.abort();
    expect((await a3).code).toBe('job.cancelled');
    expect(pool.stats().queued).toBe(1);
    await Promise.all([a1, b1, a2]);
    // alice's second job started only after her first had finished.
    expect(done.indexOf('a2')).toBeGreaterThan(done.indexOf('a1'));
  });

  it('rejects a job when the queue is full, with the limit in the message', async () => {
    const jobs = Array.from({ length: 5 }, () => pool.run('test', { mode: 'sleep', ms: 200 }));
    const e = await failureOf(pool.run('test', { mode: 'echo' }));
    expect(e.code).toBe('job.queue_full');
    expect(e.message).toContain('3');
    await Promise.all(jobs);
  });

  it('runs the production train job with progress (the bot and CLI path)', async () => {
    const csv = new Uint8Array(readFileSync(new URL('../../assets/datasets/iris.csv', import.meta.url)));
    const seen: TrainProgress[] = [];
    const r = await pool.run('train', { csv, options: { seed: 5, epochs: 40 } }, { onProgress: (p) => seen.push(p) });
    expect((r.metrics.test as { accuracy?: number } | null)?.accuracy).toBeGreaterThan(0.5);
    expect(seen.length).toBeGreaterThanOrEqual(1);
    // The final report is always delivered: it is the last epoch run.
    expect(seen.at(-1)?.epoch).toBe(r.epochs);
  }, 20_000);

  it('cancels a training when asked (/cancel)', async () => {
    const csv = new Uint8Array(readFileSync(new URL('../../assets/datasets/friedman.csv', import.meta.url)));
    const ac = new AbortController();
    const options = { seed: 1, epochs: 5000, patience: 5000 };
    const e = await failureOf(pool.run('train', { csv, options }, { signal: ac.signal, onProgress: () => ac.abort() }));
    expect(e.code).toBe('job.cancelled');
    expect(e.render('ru')).toBe('Задание отменено.');
  }, 20_000);

  it('refuses an unknown job kind', async () => {
    // A kind outside the type map gets past the compiler only through a cast (say, from JSON).
    const untyped = pool as unknown as { run(kind: string, payload: unknown): Promise<unknown> };
    expect((await failureOf(untyped.run('no_such_kind', {}))).code).toBe('job.unknown_kind');
  });
});

describe('closing the pool', () => {
  it('fails running and waiting jobs with a clear message and refuses new ones', async () => {
    const small = createPool<TestKinds>({ threads: 1, extraHandlers: { test: fixture } });
    // failureOf attaches its handler now: the rejections happen while close() is awaited.
    const running = failureOf(small.run('test', { mode: 'busy', ms: 10_000 }));
    const waiting = failureOf(small.run('test', { mode: 'echo' }));
    await new Promise((r) => setTimeout(r, 50));
    await small.close();
    expect((await running).code).toBe('job.closed');
    expect((await waiting).code).toBe('job.closed');
    expect((await failureOf(small.run('test', { mode: 'echo' }))).code).toBe('job.closed');
  });
});

describe('short jobs first', () => {
  it('keeps one thread free of long jobs, so a picture never waits behind two trainings', async () => {
    type Kinds = TestKinds & { long: TestKinds['test'] };
    const p = createPool<Kinds>({ threads: 2, longKinds: ['long'], extraHandlers: { test: fixture, long: fixture } });
    try {
      const t0 = Date.now();
      const done: Record<string, number> = {};
      const track = (name: string, job: Promise<unknown>) => job.then(() => (done[name] = Date.now() - t0));
      const first = track('long1', p.run('long', { mode: 'sleep', ms: 1500 }, { userId: 'a' }));
      const second = track('long2', p.run('long', { mode: 'sleep', ms: 1500 }, { userId: 'b' }));
      // Queued behind both trainings, but it gets the thread the second training may not take.
      const picture = track('short', p.run('test', { mode: 'echo', value: 1 }, { userId: 'c' }));
      await Promise.all([first, second, picture]);
      expect(done.short!).toBeLessThan(done.long1!);
      // The second training started only when the first one ended.
      expect(done.long2!).toBeGreaterThanOrEqual(done.long1! + 1400);
    } finally {
      await p.close();
    }
  }, 30_000);
});
