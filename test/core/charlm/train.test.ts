import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeNames, resolveSettings, splitNames, trainCharLm } from '../../../src/core/charlm/train.js';
import { Rng } from '../../../src/core/rng.js';

const dnd = readFileSync(new URL('../../../assets/spells/dnd_srd_spells.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);

describe('trainCharLm', () => {
  it('with the default settings, beats the bigram table and the uniform guess on held-out D&D names', () => {
    const progress: number[] = [];
    const r = trainCharLm(dnd, {}, { onProgress: (p) => progress.push(p.loss) });
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.metrics.uniform).toBeCloseTo(Math.log(r.vocab.size), 12);
    expect(r.metrics.bigramDev).toBeLessThan(r.metrics.uniform);
    expect(r.metrics.dev).toBeLessThan(r.metrics.bigramDev - 0.1);
    expect(r.metrics.train).toBeLessThan(r.metrics.bigramTrain);
    // The running mini-batch loss went down during training.
    expect(progress.at(-1)).toBeLessThan((progress[0] as number) - 0.3);
    expect(r.trainNames.length + r.devNames.length).toBe(dnd.length);
  });

  it('is deterministic: same seed, same split, weights and losses; another seed differs', () => {
    const names = dnd.slice(0, 60);
    const a = trainCharLm(names, { steps: 30, hidden: 16 });
    const b = trainCharLm(names, { steps: 30, hidden: 16 });
    const c = trainCharLm(names, { steps: 30, hidden: 16, seed: 7 });
    expect(Array.from(a.model.params)).toEqual(Array.from(b.model.params));
    expect(a.devNames).toEqual(b.devNames);
    expect(a.metrics).toEqual(b.metrics);
    expect(Array.from(c.model.params)).not.toEqual(Array.from(a.model.params));
  });

  it('trains on Cyrillic names with spaces and hyphens', () => {
    const names = ['огненный шар', 'ледяная стрела', 'щит-зеркало', 'невидимость', 'полёт', 'молния', 'туман'];
    const r = trainCharLm(names, { steps: 20, hidden: 8 });
    expect(r.vocab.chars).toContain('ё');
    expect(r.vocab.chars).toContain(' ');
    expect(Number.isFinite(r.metrics.dev)).toBe(true);
  });
});

describe('helpers', () => {
  it('normalizeNames lower-cases, trims and drops duplicates and blanks', () => {
    expect(normalizeNames([' Fire Bolt', 'fire bolt', '', 'Aid'])).toEqual(['fire bolt', 'aid']);
  });

  it('splitNames is a seeded partition with at least one name on each side', () => {
    const names = Array.from({ length: 20 }, (_, i) => `n${i}`);
    const s = splitNames(names, 0.15, new Rng(1));
    expect(s.dev.length).toBe(3);
    expect([...s.train, ...s.dev].sort()).toEqual([...names].sort());
    expect(splitNames(names, 0.15, new Rng(1))).toEqual(s);
    expect(splitNames(['a', 'b'], 0.01, new Rng(1)).dev.length).toBe(1);
  });

  it('resolveSettings rejects out-of-range values', () => {
    expect(() => resolveSettings({ hidden: 0 })).toThrow(/hidden/);
    expect(() => resolveSettings({ lr: 2 })).toThrow(/lr/);
    expect(() => resolveSettings({ steps: 1.5 })).toThrow(/steps/);
  });
});
