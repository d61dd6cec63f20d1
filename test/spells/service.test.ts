import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/core/errors.js';
import { handle } from '../../src/spells/charlm-job.js';
import { ModelCache, modelKey } from '../../src/spells/model-cache.js';
import { decodeModelJson, encodeModelJson } from '../../src/spells/model-codec.js';
import { inlineRunner, SpellService, type CharLmRunner } from '../../src/spells/service.js';
import { resolveSettings } from '../../src/core/charlm/train.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gradbot-spells-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A runner that counts how often training really runs. */
function countingRunner(): { runner: CharLmRunner; calls: () => number } {
  let n = 0;
  return {
    runner: async (payload, hooks) => {
      n++;
      return inlineRunner(payload, hooks);
    },
    calls: () => n,
  };
}

describe('SpellService with the model cache', () => {
  it('trains once; the second request and a new service on the same directory reuse the model', async () => {
    const dir = tempDir();
    const c1 = countingRunner();
    const s1 = new SpellService({ dataDir: dir, runner: c1.runner });
    const dnd = s1.dataset('dnd');
    const first = await s1.spells(dnd, { count: 5, seed: 3 }, { steps: 40 });
    const second = await s1.spells(dnd, { count: 5, seed: 3 }, { steps: 40 });
    expect(c1.calls()).toBe(1);
    expect(second.names).toEqual(first.names);
    expect(second.nll).toEqual(first.nll);
    expect(readdirSync(join(dir, 'spells', 'models'))).toHaveLength(1);

    // "Restart": a new service and a new cache object, same directory.
    const c2 = countingRunner();
    const s2 = new SpellService({ dataDir: dir, runner: c2.runner });
    const third = await s2.spells(s2.dataset('dnd'), { count: 5, seed: 3 }, { steps: 40 });
    expect(c2.calls()).toBe(0);
    expect(third.names).toEqual(first.names);

    // Different settings are a different model.
    await s2.spells(s2.dataset('dnd'), { count: 1 }, { steps: 41 });
    expect(c2.calls()).toBe(1);
  });

  it('shares one training between concurrent requests', async () => {
    const c = countingRunner();
    const s = new SpellService({ dataDir: tempDir(), runner: c.runner });
    const hp = s.dataset('hp');
    const settings = s.settings({ steps: 20 });
    const [a, b] = await Promise.all([s.model(hp, settings), s.model(hp, settings)]);
    expect(c.calls()).toBe(1);
    expect(a.model).toBe(b.model);
  });

  it('returns the contract shape, labels every name, and different seeds draw different names', async () => {
    const s = new SpellService({ dataDir: tempDir() });
    const r = await s.spells(s.dataset('hp'), { count: 8, seed: 1, temperature: 0.8, topK: 10 }, { steps: 60 });
    expect(Object.keys(r)).toEqual(['dataset', 'names', 'nll', 'baseline_nll', 'steps', 'seconds']);
    expect(r.dataset).toBe('hp');
    expect(r.steps).toBe(60);
    expect(r.names).toHaveLength(8);
    for (const n of r.names) {
      expect(Object.keys(n)).toEqual(['name', 'label']);
      expect(['copied', 'near', 'new']).toContain(n.label);
      expect(n.name.trim()).toBe(n.name);
    }
    expect(r.baseline_nll.uniform).toBeGreaterThan(r.baseline_nll.bigram);
    const other = await s.spells(s.dataset('hp'), { count: 8, seed: 2, temperature: 0.8, topK: 10 }, { steps: 60 });
    expect(other.names).not.toEqual(r.names);
  });

  it('rejects bad options and unknown lists with UserInputErrors', async () => {
    const s = new SpellService({ dataDir: tempDir() });
    const bad = async (f: () => Promise<unknown>, code: string) => {
      const e = await f().then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(isUserInputError(e) && e.code).toBe(code);
    };
    await bad(async () => s.dataset('lotr'), 'spells.unknown_dataset');
    await bad(() => s.spells(s.dataset('dnd'), { temperature: 3 }), 'spells.bad_temperature');
    await bad(() => s.spells(s.dataset('dnd'), { count: 0 }), 'spells.bad_count');
    await bad(() => s.spells(s.dataset('dnd'), { topK: -1 }), 'spells.bad_top_k');
    await bad(() => s.spells(s.dataset('dnd'), {}, { steps: 100_000 }), 'spells.bad_steps');
  });
});

describe('model files', () => {
  it('round-trip through JSON exactly; a corrupt or foreign file is ignored', () => {
    const { model } = handle({ names: ['alpha', 'beta', 'gamma', 'delta'], settings: { steps: 5, hidden: 4 } }, () => {});
    const back = decodeModelJson(encodeModelJson(model));
    expect(back && Array.from(back.params)).toEqual(Array.from(model.params));
    expect(back?.chars).toEqual(model.chars);
    expect(decodeModelJson('{"format":"other"}')).toBeUndefined();
    expect(decodeModelJson('not json')).toBeUndefined();

    const dir = tempDir();
    const cache = new ModelCache(dir);
    const key = modelKey(['alpha'], resolveSettings());
    writeFileSync(join(dir, 'x'), '');
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, model);
    expect(new ModelCache(dir).get(key)?.params.length).toBe(model.params.length);
  });

  it('keys depend on the list content and the settings, not on capitals', () => {
    const s = resolveSettings();
    expect(modelKey(['Fire'], s)).toBe(modelKey(['fire'], s));
    expect(modelKey(['Fire'], s)).not.toBe(modelKey(['Ice'], s));
    expect(modelKey(['Fire'], s)).not.toBe(modelKey(['Fire'], { ...s, steps: s.steps + 1 }));
  });
});
