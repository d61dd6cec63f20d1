import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from '../../src/jobs/pool.js';
import { handle, type CharLmJobProgress } from '../../src/spells/charlm-job.js';
import { poolRunner, SpellService } from '../../src/spells/service.js';

const pool = createPool({ threads: 1 });
const dir = mkdtempSync(join(tmpdir(), 'gradbot-charlm-job-'));
afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the "charlm" job', () => {
  it('trains in this thread with progress, returning plain data', () => {
    const progress: unknown[] = [];
    const r = handle({ names: ['aid', 'alarm', 'bane', 'bless', 'blur'], settings: { steps: 10, hidden: 8 } }, (p) => progress.push(p));
    expect(r.model.format).toBe('gradbot-charlm/1');
    expect(r.model.params).toBeInstanceOf(Float32Array);
    expect(r.model.split.train + r.model.split.dev).toBe(5);
    expect(progress.at(-1)).toMatchObject({ step: 10, steps: 10 });
  });

  it('runs in the worker pool through its HANDLERS entry and gives the same model as inline', async () => {
    const progress: CharLmJobProgress[] = [];
    const s = new SpellService({ dataDir: dir, runner: poolRunner(pool) });
    const hp = s.dataset('hp');
    const settings = s.settings({ steps: 60 });
    const viaPool = await s.model(hp, settings, { onProgress: (p) => progress.push(p) });
    expect(viaPool.cached).toBe(false);
    const inline = handle({ names: hp.names, settings }, () => {});
    expect(Array.from(viaPool.model.plain.params)).toEqual(Array.from(inline.model.params));
    expect(progress.length).toBeGreaterThan(0);
  });
});
