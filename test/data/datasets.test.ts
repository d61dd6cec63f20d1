/** The sample data sets shipped in assets/datasets/ read cleanly, and iris is Fisher's. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../src/data/index.js';

const load = (name: string) => ingestCsv(new Uint8Array(readFileSync(new URL(`../../assets/datasets/${name}`, import.meta.url))));

describe('assets/datasets', () => {
  it('iris.csv: 150 rows, 4 numeric features, 50 of each species, with no warnings', () => {
    const d = load('iris.csv');
    expect(d.rows).toBe(150);
    expect(d.columns.map((c) => c.kind)).toEqual(['numeric', 'numeric', 'numeric', 'numeric']);
    expect(d.target).toEqual({ name: 'species', kind: 'classification', classes: ['setosa', 'versicolor', 'virginica'] });
    for (const c of ['setosa', 'versicolor', 'virginica']) expect(d.y.filter((y) => y === c)).toHaveLength(50);
    expect(d.warnings.map((w) => w.code)).toEqual(['csv.target_guessed']);
  });

  it("iris.csv matches Fisher's (1936) per-class means and standard deviations", () => {
    const d = load('iris.csv');
    // Published figures (3 decimals); they also tell Fisher's data from the UCI copy with two typos.
    const published: Record<string, { mean: number[]; sd: number[] }> = {
      setosa: { mean: [5.006, 3.428, 1.462, 0.246], sd: [0.352, 0.379, 0.174, 0.105] },
      versicolor: { mean: [5.936, 2.77, 4.26, 1.326], sd: [0.516, 0.314, 0.47, 0.198] },
      virginica: { mean: [6.588, 2.974, 5.552, 2.026], sd: [0.636, 0.322, 0.552, 0.275] },
    };
    for (const [species, { mean, sd }] of Object.entries(published)) {
      const rows = d.features.filter((_, i) => d.y[i] === species) as number[][];
      for (let j = 0; j < 4; j++) {
        const xs = rows.map((r) => r[j] as number);
        const m = xs.reduce((s, x) => s + x, 0) / xs.length;
        const s = Math.sqrt(xs.reduce((acc, x) => acc + (x - m) ** 2, 0) / (xs.length - 1));
        expect(m).toBeCloseTo(mean[j] as number, 3);
        expect(s).toBeCloseTo(sd[j] as number, 3);
      }
    }
  });

  it('moons.csv: 200 rows, two numeric features, two balanced classes', () => {
    const d = load('moons.csv');
    expect(d.rows).toBe(200);
    expect(d.columns.map((c) => c.name)).toEqual(['x1', 'x2']);
    expect(d.target).toMatchObject({ name: 'label', kind: 'classification', classes: ['0', '1'] });
    expect(d.y.filter((y) => y === '1')).toHaveLength(100);
  });

  it('friedman.csv: 300 rows, 5 numeric features, a regression target', () => {
    const d = load('friedman.csv');
    expect(d.rows).toBe(300);
    expect(d.columns).toHaveLength(5);
    expect(d.target).toEqual({ name: 'y', kind: 'regression' });
  });
});
