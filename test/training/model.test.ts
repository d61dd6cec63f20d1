import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import { Mlp } from '../../src/core/nn/index.js';
import { Preprocessor } from '../../src/data/index.js';
import { TrainedModel } from '../../src/training/model.js';

function tinyModel(): TrainedModel {
  const pre = Preprocessor.fit(
    [
      { name: 'x', kind: 'numeric' },
      { name: 'colour', kind: 'categorical', categories: ['red', 'blue'] },
    ],
    [
      [1, 'red'],
      [3, 'blue'],
    ],
  );
  const mlp = new Mlp({ inputs: pre.width, hidden: [4], outputs: 2, activation: 'tanh', seed: 1 });
  return new TrainedModel(mlp, pre, { name: 'y', kind: 'classification', classes: ['no', 'yes'] });
}

function errorOf(f: () => unknown): UserInputError | null {
  try {
    f();
  } catch (e) {
    return e as UserInputError;
  }
  return null;
}

describe('saved models', () => {
  it('round-trips through JSON and predicts the same', () => {
    const m = tinyModel();
    const back = TrainedModel.fromJSON(JSON.parse(JSON.stringify(m.toJSON())));
    expect(back.predictLine('2,blue')).toEqual(m.predictLine('2,blue'));
    const p = m.predictLine('2,red');
    expect(p.probabilities?.map((c) => c.label)).toEqual(['no', 'yes']);
    expect(p.prediction).toBe(p.probabilities![0]!.p >= p.probabilities![1]!.p ? 'no' : 'yes');
  });

  it('refuses files that are not gradbot models, saying what is wrong', () => {
    expect(errorOf(() => TrainedModel.fromJSON({ hello: 1 }))?.code).toBe('train.bad_model');
    const json = tinyModel().toJSON();
    const e = errorOf(() => TrainedModel.fromJSON({ ...json, target: { ...json.target, classes: ['a', 'b', 'c'] } }));
    expect(e?.code).toBe('train.bad_model');
    expect(e?.message).toContain('does not match');
    expect(errorOf(() => TrainedModel.fromJSON({ ...json, mlp: { format: 'x' } }))?.code).toBe('train.bad_model');
  });

  it('scales regression predictions back to the target units', () => {
    const pre = Preprocessor.fit([{ name: 'x', kind: 'numeric' }], [[0], [2]]);
    const mlp = new Mlp({ inputs: 1, hidden: [], outputs: 1, activation: 'identity', seed: 1 });
    mlp.setWeights([[2], [0.5]]); // z = 2·x' + 0.5
    const m = new TrainedModel(mlp, pre, { name: 'price', kind: 'regression' }, { mean: 100, std: 10 });
    // x = 2 -> x' = (2 - 1) / 1 = 1 -> z = 2.5 -> price = 100 + 10·2.5 = 125
    expect(m.predictLine('2').prediction).toBeCloseTo(125, 4);
  });
});
