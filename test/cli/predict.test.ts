import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as cli } from './run-cli.js';
import { handle } from '../../src/training/train-job.js';

const dir = mkdtempSync(join(tmpdir(), 'gradbot-predict-'));
const modelPath = join(dir, 'iris.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  // Trained in-process (the job function itself) to keep this test fast; the CLI test covers the pool.
  const csv = new Uint8Array(readFileSync(new URL('../../assets/datasets/iris.csv', import.meta.url)));
  const r = await handle({ csv, options: { seed: 1 } }, () => {});
  writeFileSync(modelPath, JSON.stringify(r.model));
});


describe('gradbot predict', () => {
  it('prints the predicted class and the probabilities', async () => {
    const r = await cli('predict', '--model', modelPath, '5.0,3.4,1.5,0.2');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Prediction: setosa/);
    expect(r.out).toContain('versicolor:');
  });

  it('gives JSON with probabilities that sum to 1', async () => {
    const r = await cli('predict', '--model', modelPath, '6.9;3.1;5.4;2.1', '--json');
    const doc = JSON.parse(r.out);
    expect(doc.prediction).toBe('virginica');
    expect(doc.probabilities.reduce((s: number, c: { p: number }) => s + c.p, 0)).toBeCloseTo(1, 5);
  });

  it('explains a wrong row, a missing model and a file that is not a model', async () => {
    const short = await cli('predict', '--model', modelPath, '5.0,3.4', '--json');
    expect(short.code).toBe(2);
    expect(JSON.parse(short.out).error.code).toBe('csv.predict_wrong_count');
    const noModel = await cli('predict', '5,3,1,0');
    expect(noModel.code).toBe(2);
    expect(noModel.err).toContain('--model');
    const notModel = join(dir, 'junk.json');
    writeFileSync(notModel, '{"weights": [1, 2]}');
    const junk = await cli('predict', '--model', notModel, '5,3,1,0', '--lang', 'ru');
    expect(junk.code).toBe(2);
    expect(junk.err).toContain('не файл модели gradbot');
  });
});

describe('gradbot predict: a row that starts with a minus sign', () => {
  it('reads "-1,..." as the row, not as an unknown option', async () => {
    const r = await cli('predict', '--model', modelPath, '-1,3.4,1.5,0.2', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).probabilities).toHaveLength(3);
    const dot = await cli('predict', '--model', modelPath, '-.5,3.4,1.5,0.2');
    expect(dot.code).toBe(0);
    expect(dot.out).toMatch(/^Prediction: /);
  });
});
