/**
 * Worker threads run at a lower priority than the chat thread, for every kind of job (the
 * worker lowers it when it starts, not per job kind).
 */
import { getPriority } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../src/jobs/pool.js';
import { lowerWorkerPriority } from '../../src/jobs/worker.js';
import type { PriorityKinds } from './fixtures/priority-job.js';

const fixture = new URL('./fixtures/priority-job.ts', import.meta.url).href;
const pool = createPool<PriorityKinds>({ threads: 1, extraHandlers: { priority: fixture } });
afterAll(() => pool.close());

describe('worker priority', () => {
  it('a job that is not a render job runs at nice 10 (or the process nice value if that is higher)', async () => {
    const before = getPriority();
    const r = await pool.run('priority', null);
    expect(r.threadId).toBeGreaterThan(0);
    expect(r.priority).toBe(Math.max(10, before));
    // the main thread keeps its priority
    expect(getPriority()).toBe(before);
  });

  it('never lowers the main thread', () => {
    const before = getPriority();
    expect(lowerWorkerPriority()).toBe(false);
    expect(getPriority()).toBe(before);
  });
});
