import { describe, expect, it } from 'vitest';
import { codeOf } from '../error-code.js';
import type { ColumnInfo, FeatureValue } from '../../src/data/columns.js';
import { Preprocessor } from '../../src/data/encode.js';


const columns: ColumnInfo[] = [
  { name: 'age', kind: 'numeric' },
  { name: 'city', kind: 'categorical', categories: ['Kazan', 'Moscow', 'Omsk'] },
  { name: 'income', kind: 'numeric' },
];
const train: FeatureValue[][] = [
  [20, 'Moscow', 100],
  [30, 'Kazan', 200],
  [NaN, 'Moscow', 300],
  [50, NaN, 400],
];

function meanStd(xs: number[]): [number, number] {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return [m, Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length)];
}

describe('Preprocessor', () => {
  const p = Preprocessor.fit(columns, train);

  it('names the encoded inputs, with one-hot levels seen in training only', () => {
    // Omsk is a category of the file but not of the training rows: no input for it.
    expect(p.featureNames).toEqual(['age', 'city=Kazan', 'city=Moscow', 'income']);
    expect(p.width).toBe(4);
  });

  it('fills missing numbers with the training median and standardises training columns to mean 0, std 1', () => {
    const m = p.transform(train);
    expect(m.rows).toBe(4);
    expect(m.data).toHaveLength(16);
    const age = [0, 1, 2, 3].map((i) => m.data[i * 4] as number);
    const income = [0, 1, 2, 3].map((i) => m.data[i * 4 + 3] as number);
    for (const col of [age, income]) {
      const [mean, std] = meanStd(col);
      expect(mean).toBeCloseTo(0, 6);
      expect(std).toBeCloseTo(1, 6);
    }
    // The missing age is the median of 20, 30, 50 = 30, so it encodes like the row with 30.
    expect(age[2]).toBeCloseTo(age[1] as number, 6);
  });

  it('fills a missing category with the most frequent one and one-hot encodes', () => {
    const m = p.transform(train);
    const city = (i: number) => [m.data[i * 4 + 1], m.data[i * 4 + 2]];
    expect(city(0)).toEqual([0, 1]);
    expect(city(1)).toEqual([1, 0]);
    expect(city(3)).toEqual([0, 1]);
  });

  it('gives an unseen category all zeros', () => {
    expect(Array.from(p.transformRow([30, 'Omsk', 250])).slice(1, 3)).toEqual([0, 0]);
  });

  it('uses only the rows it was fitted on', () => {
    const withOutlier = Preprocessor.fit(columns, [...train, [1000, 'Kazan', 1e6]]);
    expect(withOutlier.toJSON()).not.toEqual(p.toJSON());
    const again = Preprocessor.fit(columns, train);
    expect(again.toJSON()).toEqual(p.toJSON());
  });

  it('does not divide by zero on a column constant in training', () => {
    const q = Preprocessor.fit([{ name: 'k', kind: 'numeric' }], [[5], [5]]);
    expect(Array.from(q.transformRow([7]))).toEqual([2]);
  });

  it('survives JSON and encodes the same afterwards', () => {
    const restored = Preprocessor.fromJSON(JSON.parse(JSON.stringify(p)));
    expect(restored.featureNames).toEqual(p.featureNames);
    expect(Array.from(restored.transform(train).data)).toEqual(Array.from(p.transform(train).data));
  });

  it('refuses a damaged saved form with a clear error', () => {
    expect(codeOf(() => Preprocessor.fromJSON({ version: 2, columns: [] }))).toBe('csv.model_invalid');
    expect(codeOf(() => Preprocessor.fromJSON({ version: 1, columns: [{ name: 'a', kind: 'numeric', fill: 0, mean: 0, std: 0 }] }))).toBe('csv.model_invalid');
    expect(codeOf(() => Preprocessor.fromJSON('nonsense'))).toBe('csv.model_invalid');
  });

  describe('parseRow', () => {
    it('reads comma-, semicolon- and tab-separated values in feature order', () => {
      expect(p.parseRow('25, Moscow, 150.5')).toEqual([25, 'Moscow', 150.5]);
      expect(p.parseRow('25;Kazan;150,5')).toEqual([25, 'Kazan', 150.5]);
      expect(p.parseRow('25\tKazan\t1e3')).toEqual([25, 'Kazan', 1000]);
      expect(p.parseRow('"25","Moscow","7"')).toEqual([25, 'Moscow', 7]);
    });

    it('reads commas as decimal commas when another separator splits the row', () => {
      // "1,250" is 1.25 in a semicolon row, as typeColumn reads it when training.
      expect(p.parseRow('25;Kazan;1,250')).toEqual([25, 'Kazan', 1.25]);
      // Split at commas this row also has 3 cells ("1" | "5;Kazan;2" | "5"); the semicolons win.
      expect(p.parseRow('1,5;Kazan;2,5')).toEqual([1.5, 'Kazan', 2.5]);
    });

    it('treats NA or empty values as missing, to be filled', () => {
      const row = p.parseRow('NA,,300');
      expect(Number.isNaN(row[0])).toBe(true);
      expect(Number.isNaN(row[1])).toBe(true);
      expect(p.transformRow(row)[1]).toBe(0);
    });

    it('counts the values a student typed with the separator they used', () => {
      const got = (line: string) => {
        try {
          p.parseRow(line);
        } catch (e) {
          return (e as { code: string; params: { got: number; expected: number } });
        }
        return undefined;
      };
      // Semicolons: two values, not one that lacks a comma.
      expect(got('1;2')).toMatchObject({ code: 'csv.predict_wrong_count', params: { expected: 3, got: 2 } });
      expect(got('1;Kazan;2;3')?.params.got).toBe(4);
      expect(got('1,2')?.params.got).toBe(2);
      // Only spaces between them: still counted as values.
      expect(got('25 Moscow')?.params.got).toBe(2);
      expect(got('25')?.params.got).toBe(1);
    });

    it('reads values separated only by spaces, as the chat doors do', () => {
      expect(p.parseRow('25 Moscow 150.5')).toEqual([25, 'Moscow', 150.5]);
      expect(p.parseRow('  25   Kazan 1e3 ')).toEqual([25, 'Kazan', 1000]);
    });

    it('says what is wrong with a bad row', () => {
      expect(codeOf(() => p.parseRow(''))).toBe('csv.predict_empty');
      expect(codeOf(() => p.parseRow('1,2'))).toBe('csv.predict_wrong_count');
      expect(codeOf(() => p.parseRow('old,Moscow,1'))).toBe('csv.predict_not_number');
      expect(codeOf(() => p.parseRow('1,Moscow,inf'))).toBe('csv.predict_not_number');
      expect(codeOf(() => p.parseRow('1,Paris,1'))).toBe('csv.predict_unknown_level');
      try {
        p.parseRow('1,Paris,1');
      } catch (e) {
        expect((e as { params: object }).params).toMatchObject({ column: 'city', value: 'Paris', position: 2, levels: 'Kazan, Moscow' });
      }
    });
  });
});
