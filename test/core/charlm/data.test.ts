import { describe, expect, it } from 'vitest';
import { bigramLoss, fitBigram, uniformLoss } from '../../../src/core/charlm/bigram.js';
import { buildExamples } from '../../../src/core/charlm/examples.js';
import { BOUNDARY, buildVocab, decodeTokens, encodeName } from '../../../src/core/charlm/vocab.js';

describe('vocabulary and examples', () => {
  it('keeps spaces, apostrophes, hyphens, slashes and Cyrillic as tokens; 0 is the boundary', () => {
    const v = buildVocab(["heroes' feast", 'antipathy/sympathy', 'огненный шар', 'x-ray']);
    for (const ch of [' ', "'", '/', '-', 'о', 'ш']) expect(v.index.get(ch)).toBeGreaterThan(0);
    expect(v.chars[BOUNDARY]).toBe('');
    expect(decodeTokens(v, encodeName(v, 'огненный шар'))).toBe('огненный шар');
    expect(encodeName(v, 'z')).toEqual([-1]);
  });

  it('makes (length + 1) sliding-window examples per name, ending with the boundary', () => {
    const v = buildVocab(['aid']);
    const ex = buildExamples(['aid'], v, 3);
    const [a, d, i] = ['a', 'd', 'i'].map((c) => v.index.get(c) as number);
    expect(ex.count).toBe(4);
    expect(Array.from(ex.contexts)).toEqual([0, 0, 0, 0, 0, a, 0, a, i, a, i, d]);
    expect(Array.from(ex.targets)).toEqual([a, i, d, BOUNDARY]);
  });
});

describe('bigram baseline', () => {
  it('is add-one smoothed counts, and its loss is the mean -log of those probabilities', () => {
    const names = ['ab', 'abb', 'b'];
    const v = buildVocab(names); // '', a, b
    const ex = buildExamples(names, v, 2);
    const bg = fitBigram(ex, v.size);
    // Counted by hand: after "." -> a twice, b once; after a -> b twice; after b -> b once, "." three times.
    const counts = [
      [0, 2, 1],
      [0, 0, 2],
      [3, 0, 1],
    ];
    for (let r = 0; r < 3; r++) {
      const row = counts[r] as number[];
      const total = row.reduce((s, x) => s + x, 0);
      for (let c = 0; c < 3; c++) expect(bg.probs[r * 3 + c]).toBeCloseTo(((row[c] as number) + 1) / (total + 3), 12);
    }
    // The loss walks the same pairs: mean over all 9 examples.
    const pairs: Array<[number, number]> = [[0, 1], [1, 2], [2, 0], [0, 1], [1, 2], [2, 2], [2, 0], [0, 2], [2, 0]];
    const expected = pairs.reduce((s, [a, b]) => s - Math.log(bg.probs[a * 3 + b] as number), 0) / pairs.length;
    expect(bigramLoss(bg, ex)).toBeCloseTo(expected, 12);
    expect(uniformLoss(27)).toBeCloseTo(Math.log(27), 12);
  });
});
