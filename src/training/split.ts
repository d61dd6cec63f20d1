/**
 * Seeded train/validation/test splits. The same seed always gives the same split.
 *
 * Classification splits are stratified: every class keeps (about) its share in each part, so a
 * rare class is not left out of the test set by bad luck. Regression splits are plain shuffles.
 */
import { Rng, type Seed } from '../core/rng.js';

/** Row indices of each part. */
export interface Split {
  train: number[];
  validation: number[];
  test: number[];
}

/** Shares of the rows that go to validation and test; the rest trains. */
export interface SplitFractions {
  validation: number;
  test: number;
}

/** How many of `n` rows go to validation and test; training always keeps at least one row. */
function partSizes(n: number, f: SplitFractions): [number, number] {
  let nTest = Math.round(n * f.test);
  let nVal = Math.round(n * f.validation);
  while (nTest + nVal > n - 1 && (nTest > 0 || nVal > 0)) {
    if (nTest >= nVal && nTest > 0) nTest--;
    else nVal--;
  }
  return [nVal, nTest];
}

function cut(indices: number[], f: SplitFractions, into: Split): void {
  const [nVal, nTest] = partSizes(indices.length, f);
  into.test.push(...indices.slice(0, nTest));
  into.validation.push(...indices.slice(nTest, nTest + nVal));
  into.train.push(...indices.slice(nTest + nVal));
}

/** Sorted parts: the order rows are used in is decided later by the trainer's own shuffle. */
function sorted(s: Split): Split {
  const by = (a: number, b: number) => a - b;
  return { train: s.train.sort(by), validation: s.validation.sort(by), test: s.test.sort(by) };
}

/** A plain seeded split of `n` rows. */
export function randomSplit(n: number, fractions: SplitFractions, seed: Seed): Split {
  const idx = new Rng(seed).shuffle(Array.from({ length: n }, (_, i) => i));
  const s: Split = { train: [], validation: [], test: [] };
  cut(idx, fractions, s);
  return sorted(s);
}

/** A seeded split that keeps each class's share in every part (labels are 0..k-1). */
export function stratifiedSplit(labels: ArrayLike<number>, fractions: SplitFractions, seed: Seed): Split {
  const rng = new Rng(seed);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] as number;
    let list = byClass.get(c);
    if (!list) byClass.set(c, (list = []));
    list.push(i);
  }
  const s: Split = { train: [], validation: [], test: [] };
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    cut(rng.shuffle(byClass.get(c) as number[]), fractions, s);
  }
  return sorted(s);
}

/** 70/15/15 when the test rows come from the same file. */
export const SPLIT_FRACTIONS: Readonly<SplitFractions> = { validation: 0.15, test: 0.15 };
/** 85/15 when a separate test file is given: the file only gives training and validation rows. */
export const SPLIT_FRACTIONS_WITH_TEST_FILE: Readonly<SplitFractions> = { validation: 0.15, test: 0 };

/**
 * The split the train job makes: stratified for classes, plain for regression, seeded from the
 * run's seed (the label keeps it independent of the weight initialisation drawn from the same seed).
 */
export function splitForTraining(
  targets: ArrayLike<number>,
  task: 'classification' | 'regression',
  withTestFile: boolean,
  seed: number,
): Split {
  const f = withTestFile ? SPLIT_FRACTIONS_WITH_TEST_FILE : SPLIT_FRACTIONS;
  return task === 'classification' ? stratifiedSplit(targets, f, `${seed}:split`) : randomSplit(targets.length, f, `${seed}:split`);
}
