import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { HANDLERS_BY_KIND, isJobKind, JOB_HANDLERS } from '../../src/jobs/handlers.js';
import { poolOptionsFrom } from '../../src/jobs/pool.js';

describe('the job-handler registry', () => {
  it('lists each production kind once, and the map is derived from the list', () => {
    const ids = JOB_HANDLERS.map((h) => h.id);
    expect(ids).toEqual(['render', 'train', 'charlm', 'charlm-sample', 'charlm-game']);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...HANDLERS_BY_KIND.keys()]).toEqual(ids);
    for (const h of JOB_HANDLERS) expect(HANDLERS_BY_KIND.get(h.id)).toBe(h);
    expect(isJobKind('train')).toBe(true);
    expect(isJobKind('no_such_kind')).toBe(false);
    // not fooled by Object.prototype
    expect(isJobKind('constructor')).toBe(false);
  });

  it('each entry loads a module whose handle is a function', async () => {
    for (const h of JOB_HANDLERS) {
      const mod = await h.load();
      expect(typeof mod.handle, h.id).toBe('function');
    }
  });
});

describe('poolOptionsFrom', () => {
  it('takes threads, time limit and memory from the configuration', () => {
    const config = loadConfig({ GRADBOT_WORKERS: '3', GRADBOT_JOB_TIMEOUT_S: '7', GRADBOT_WORKER_MEMORY_MB: '256' });
    expect(poolOptionsFrom(config)).toEqual({ threads: 3, minThreads: 3, preload: true, timeoutMs: 7000, memoryMb: 256, maxQueue: 200 });
    expect(poolOptionsFrom(loadConfig({ GRADBOT_QUEUE_MAX: '50' })).maxQueue).toBe(50);
  });

  it('uses one thread per core when GRADBOT_WORKERS is not set', () => {
    expect(poolOptionsFrom(loadConfig({})).threads).toBe(availableParallelism());
  });
});
