import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../src/data/index.js';
import { isUserInputError } from '../../src/core/errors.js';
import { TrainedModel } from '../../src/training/model.js';
import { splitForTraining } from '../../src/training/split.js';
import { handle, type TrainPayload, type TrainProgress, type TrainResult } from '../../src/training/train-job.js';
import type { ClassificationMetrics, RegressionMetrics } from '../../src/training/metrics.js';

const dataset = (name: string) => new Uint8Array(readFileSync(new URL(`../../assets/datasets/${name}`, import.meta.url)));
const iris = dataset('iris.csv');
const moons = dataset('moons.csv');
const friedman = dataset('friedman.csv');

async function train(payload: TrainPayload, onProgress: (p: TrainProgress) => void = () => {}): Promise<TrainResult> {
  return handle(payload, (p) => onProgress(p as TrainProgress));
}

const cls = (m: unknown) => m as ClassificationMetrics;
const reg = (m: unknown) => m as RegressionMetrics;

describe('train job: classification (iris)', async () => {
  const progress: TrainProgress[] = [];
  const r = await train({ csv: iris, options: { seed: 1 } }, (p) => progress.push(p));

  it('learns far above the majority-class baseline', () => {
    expect(r.task).toBe('classification');
    expect(r.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(cls(r.metrics.test).accuracy).toBeGreaterThanOrEqual(0.85);
    expect(cls(r.metrics.train).accuracy).toBeGreaterThanOrEqual(0.9);
    expect(cls(r.baseline).accuracy).toBeCloseTo(1 / 3, 1);
    expect(cls(r.metrics.test).macro_f1).toBeGreaterThan(cls(r.baseline).macro_f1 + 0.5);
  });

  it('splits 70/15/15 with every class in every part', () => {
    expect(r.split).toEqual({ train: 102, validation: 24, test: 24 });
    expect(r.perClass?.map((c) => c.support)).toEqual([8, 8, 8]);
    expect(r.confusion?.flat().reduce((s, v) => s + v, 0)).toBe(24);
    expect(r.plots.confusion?.counts).toEqual(r.confusion);
  });

  it('reports progress per epoch and stops early, keeping the best epoch', () => {
    expect(progress.length).toBe(r.epochs);
    expect(progress[0]).toMatchObject({ epoch: 1, epochs: 200, metric: 'accuracy' });
    for (const key of ['trainLoss', 'validationLoss', 'validationMetric', 'etaSeconds'] as const) {
      expect(Number.isFinite(progress[0]?.[key])).toBe(true);
    }
    expect(r.history.train).toHaveLength(r.epochs);
    expect(r.bestEpoch).toBeGreaterThan(0);
    if (r.stopReason === 'patience') expect(r.epochs - r.bestEpoch).toBe(r.options.patience);
    // The kept weights are the best epoch's: the validation loss recorded then is the minimum.
    expect(Math.min(...r.history.validation)).toBe(r.history.validation[r.bestEpoch - 1]);
  });

  it('saves a model that predicts like the trained network', () => {
    const model = TrainedModel.fromJSON(JSON.parse(JSON.stringify(r.model)));
    const p = model.predictLine('5.0,3.4,1.5,0.2');
    expect(p.prediction).toBe('setosa');
    const total = p.probabilities!.reduce((s, c) => s + c.p, 0);
    expect(total).toBeCloseTo(1, 5);
    expect(model.predictLine('6.9,3.1,5.4,2.1').prediction).toBe('virginica');
  });

  it('is deterministic for a seed', async () => {
    const again = await train({ csv: iris, options: { seed: 1 } });
    expect(again.metrics).toEqual(r.metrics);
    expect(again.history).toEqual(r.history);
    expect(again.model).toEqual(r.model);
  });

  it('fits the preprocessing on the training rows only', () => {
    const ds = ingestCsv(iris);
    const labels = ds.y.map((v) => ds.target.classes!.indexOf(String(v)));
    const { train: idx } = splitForTraining(labels, 'classification', false, 1);
    const col0 = (rows: number[]) => rows.reduce((s, i) => s + Number(ds.features[i]![0]), 0) / rows.length;
    const enc = r.model.preprocessor.columns[0]!;
    expect(enc.kind).toBe('numeric');
    if (enc.kind === 'numeric') {
      expect(enc.mean).toBeCloseTo(col0(idx), 10);
      expect(Math.abs(enc.mean - col0(ds.features.map((_, i) => i)))).toBeGreaterThan(1e-6);
    }
  });
});

describe('train job: two numeric features (moons)', async () => {
  const r = await train({ csv: moons, options: { seed: 3 } });

  it('learns the curved boundary', () => {
    expect(cls(r.metrics.test).accuracy).toBeGreaterThanOrEqual(0.85);
    expect(cls(r.baseline).accuracy).toBeLessThanOrEqual(0.55);
  });

  it('gives decision-boundary data over the two features', () => {
    const b = r.plots.boundary!;
    expect(b.axes).toEqual({ x: 'x1', y: 'x2' });
    expect(b.grid.classes).toHaveLength(b.grid.xs.length * b.grid.ys.length);
    expect(b.grid.probabilities).toHaveLength(b.grid.classes.length);
    // Each cell's class agrees with its probability of class 1.
    b.grid.classes.forEach((c, i) => expect(c).toBe(b.grid.probabilities![i]! > 0.5 ? 1 : 0));
    expect(new Set(b.grid.classes).size).toBe(2);
    expect(b.points.filter((p) => p.split === 'test')).toHaveLength(r.split.test);
  });
});

describe('train job: regression (Friedman #1)', async () => {
  const r = await train({ csv: friedman, options: { seed: 2 } });

  it('explains most of the variance, in the target units', () => {
    expect(r.task).toBe('regression');
    expect(r.classes).toBeUndefined();
    expect(reg(r.metrics.test).r2).toBeGreaterThan(0.7);
    // Predicting the training mean scores about 0.
    expect(Math.abs(reg(r.baseline).r2)).toBeLessThan(0.1);
    expect(reg(r.metrics.test).mse).toBeLessThan(reg(r.baseline).mse / 3);
    expect(r.plots.boundary).toBeUndefined();
  });

  it('predicts in the target units through the saved model', () => {
    const model = TrainedModel.fromJSON(r.model);
    // y = 10 sin(pi x1 x2) + 20 (x3 - 0.5)^2 + 10 x4 + 5 x5: here 10 sin(pi/4) + 0 + 5 + 2.5 = 14.57
    const p = model.predictLine('0.5,0.5,0.5,0.5,0.5');
    expect(typeof p.prediction).toBe('number');
    expect(Math.abs((p.prediction as number) - 14.57)).toBeLessThan(3);
  });
});

describe('train job: separate test file and bad input', () => {
  const text = new TextDecoder().decode(iris);
  const lines = text.trim().split('\n');

  it('trains on the whole first file and scores the test file', async () => {
    const testFile = new TextEncoder().encode([lines[0], ...lines.slice(1).filter((_, i) => i % 5 === 0)].join('\n'));
    const r = await train({ csv: iris, test: testFile, options: { seed: 4, epochs: 60 } });
    expect(r.split.test).toBe(30);
    expect(r.split.train + r.split.validation).toBe(150);
    expect(r.scoredOn).toBe('test');
    expect(cls(r.metrics.test).accuracy).toBeGreaterThan(0.8);
  });

  it('warns about test rows of a class the training file lacks, and drops them', async () => {
    const testFile = new TextEncoder().encode([lines[0], lines[1], lines[2], '5.0,3.0,1.5,0.2,unicorn'].join('\n'));
    const r = await train({ csv: iris, test: testFile, options: { seed: 4, epochs: 5 } });
    expect(r.split.test).toBe(2);
    expect(r.warnings.map((w) => w.code)).toContain('train.unknown_class');
  });

  it('refuses bad options and bad files with UserInputErrors', async () => {
    const codeOf = async (p: TrainPayload) => {
      try {
        await train(p);
      } catch (e) {
        return isUserInputError(e) ? e.code : `not a user error: ${String(e)}`;
      }
      return 'no error';
    };
    expect(await codeOf({ csv: iris, options: { lr: -1 } })).toBe('train.bad_number');
    expect(await codeOf({ csv: iris, options: { hidden: [0] } })).toBe('train.bad_hidden');
    expect(await codeOf({ csv: iris, options: { target: 'nope' } })).toBe('csv.target_not_found');
    expect(await codeOf({ csv: new TextEncoder().encode('a,b\n1,2\n') })).toMatch(/^csv\./);
  });

  it('warns and keeps the best weights when the time budget runs out', async () => {
    const r = await train({ csv: friedman, options: { seed: 1, epochs: 5000, patience: 5000, timeBudgetMs: 150 } });
    expect(r.stopReason).toBe('time_budget');
    expect(r.epochs).toBeLessThan(5000);
    expect(r.warnings.map((w) => w.code)).toContain('train.time_budget');
  });
});
