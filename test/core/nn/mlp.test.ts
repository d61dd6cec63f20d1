import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src/core/activations/index.js';
import { type LossName, computeLoss } from '../../../src/core/nn/losses.js';
import { Mlp } from '../../../src/core/nn/mlp.js';
import { Trainer, evaluateLoss } from '../../../src/core/nn/trainer.js';
import { Rng } from '../../../src/core/rng.js';
import { Matrix } from '../../../src/core/tensor/matrix.js';
import { maxRelativeError, numericGradient, randomMatrix } from '../tensor/helpers.js';

/** Targets for a loss on n rows and `outputs` outputs, drawn with the rng. */
function targetsFor(loss: LossName, rng: Rng, n: number, outputs: number): Int32Array | Float64Array {
  if (loss === 'softmax_ce') return Int32Array.from({ length: n }, () => rng.int(0, outputs - 1));
  if (loss === 'bce_logits') return Float64Array.from({ length: n * outputs }, () => rng.int(0, 1));
  return Float64Array.from({ length: n * outputs }, () => rng.normal());
}

/**
 * Checks every parameter's gradient from Mlp.backward against central finite differences of
 * the loss, in float64. Returns the worst relative error.
 */
function gradientCheck(activation: string, loss: LossName, seed: string): number {
  const rng = new Rng(seed);
  const mlp = new Mlp<Float64Array>({ inputs: 3, hidden: [5, 4], outputs: 3, activation, seed, dtype: 'float64' });
  // Non-zero biases, so pre-activations do not line up with kinks at 0 by construction.
  for (const layer of mlp.layers) layer.bias.forEach((_, j) => (layer.bias[j] = rng.normal(0, 0.3)));
  const X = randomMatrix(rng, 6, 3);
  const y = targetsFor(loss, rng, 6, 3);
  const ws = mlp.createWorkspace(6);
  const logits = mlp.forwardInto(X, ws, false);
  computeLoss(loss, logits, y, ws.grad[ws.grad.length - 1] as Matrix<Float64Array>);
  mlp.backward(ws, false);
  const f = () => computeLoss(loss, mlp.forwardInto(X, ws, false), y, null);
  let worst = 0;
  for (const p of mlp.parameters()) {
    const analytic = p.grad.slice();
    worst = Math.max(worst, maxRelativeError(analytic, numericGradient(f, p.value as Float64Array)));
  }
  return worst;
}

describe('Mlp backward against finite differences (float64)', () => {
  it.each(ACTIVATIONS.map((a) => [a.id]))('%s hidden layers, softmax cross-entropy', (id) => {
    expect(gradientCheck(id, 'softmax_ce', `grad-${id}`)).toBeLessThan(1e-6);
  });

  it.each([['mse'], ['bce_logits'], ['softmax_ce']] as [LossName][])('tanh network, %s loss', (loss) => {
    expect(gradientCheck('tanh', loss, `loss-${loss}`)).toBeLessThan(1e-6);
  });

  it('prelu: the learnable slopes are parameters with checked gradients', () => {
    const mlp = new Mlp({ inputs: 2, hidden: [3, 3], outputs: 2, activation: 'prelu', seed: 1 });
    const names = mlp.parameters().map((p) => p.name);
    expect(names).toContain('prelu1.slope');
    expect(names).toContain('prelu2.slope');
    expect(mlp.parameterCount).toBe(2 * 3 + 3 + 3 * 3 + 3 + 3 * 2 + 2 + 2);
    expect(gradientCheck('prelu', 'mse', 'prelu-mse')).toBeLessThan(1e-6);
  });
});

describe('Mlp construction', () => {
  it('uses He for ReLU-like and Xavier for tanh-like activations by default', () => {
    const he = new Mlp({ inputs: 400, hidden: [300], outputs: 2, activation: 'relu', seed: 1 });
    const xavier = new Mlp({ inputs: 400, hidden: [300], outputs: 2, activation: 'tanh', seed: 1 });
    expect(he.config.init).toBe('he');
    expect(xavier.config.init).toBe('xavier');
    const std = (a: Float32Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);
    expect(std((he.layers[0] as { weight: Matrix }).weight.data)).toBeCloseTo(Math.sqrt(2 / 400), 2);
    // Xavier uniform on ±√(6/(fan_in + fan_out)) has std √(2/(fan_in + fan_out)).
    expect(std((xavier.layers[0] as { weight: Matrix }).weight.data)).toBeCloseTo(Math.sqrt(2 / 700), 2);
    expect(new Mlp({ inputs: 2, hidden: [], outputs: 1, activation: 'ReLU', seed: 1, init: 'xavier' }).config.init).toBe('xavier');
  });

  it('resolves activation aliases and rejects bad configs with UserInputErrors', () => {
    expect(new Mlp({ inputs: 2, hidden: [3], outputs: 2, activation: 'swish', seed: 1 }).config.activation).toBe('silu');
    const bad = (cfg: object, code: string) =>
      expect(() => new Mlp({ inputs: 2, hidden: [3], outputs: 2, activation: 'relu', seed: 1, ...cfg })).toThrow(
        expect.objectContaining({ name: 'UserInputError', code }),
      );
    bad({ activation: 'reluu' }, 'activation.unknown');
    bad({ hidden: [3, 0] }, 'nn.bad_hidden');
    bad({ hidden: [2.5] }, 'nn.bad_hidden');
    bad({ inputs: 0 }, 'nn.bad_size');
    bad({ init: 'glorot' }, 'nn.bad_init');
    bad({ hidden: new Array(40).fill(2) }, 'nn.too_many_layers');
    bad({ inputs: 50_000, hidden: [4000] }, 'nn.too_many_parameters');
    bad({ seed: undefined }, 'nn.bad_seed');
    bad({ seed: 1.5 }, 'nn.bad_seed');
  });

  it('forward runs any number of rows in chunks and gives the same logits as row by row', () => {
    const mlp = new Mlp<Float64Array>({ inputs: 3, hidden: [4], outputs: 2, activation: 'gelu', seed: 1, dtype: 'float64' });
    const X = randomMatrix(new Rng('rows'), 2500, 3);
    const all = mlp.forward(X);
    for (const i of [0, 1023, 1024, 2499]) {
      const one = mlp.forward(new Matrix(1, 3, X.data.slice(i * 3, i * 3 + 3)));
      expect(Array.from(all.row(i))).toEqual(Array.from(one.data));
    }
    expect(mlp.forward(Matrix.zeros(0, 3)).rows).toBe(0);
  });

  it('rejects data of the wrong width with a message naming both widths', () => {
    const mlp = new Mlp({ inputs: 3, hidden: [2], outputs: 2, activation: 'relu', seed: 1 });
    expect(() => mlp.forward(Matrix.zeros(4, 2))).toThrow(/expects 3 input features per row, the data has 2/);
  });
});

describe('determinism, weights and serialisation', () => {
  const rng = new Rng('data');
  const X = randomMatrix(rng, 50, 4);
  const y = Int32Array.from({ length: 50 }, (_, i) => ((X.data[i * 4] as number) > 0 ? 1 : 0) + ((X.data[i * 4 + 1] as number) > 0 ? 1 : 0));
  const train = (mlpSeed: number, batchSeed: number, activation = 'relu') => {
    const mlp = new Mlp({ inputs: 4, hidden: [8, 6], outputs: 3, activation, seed: mlpSeed });
    const trainer = new Trainer(mlp, { loss: 'softmax_ce', optimizer: 'adam', lr: 0.01, batchSize: 8, seed: batchSeed });
    const losses = [1, 2, 3].map(() => trainer.epoch(X, y));
    return { mlp, losses };
  };

  it('the same seeds give the same weights and losses; another seed does not', () => {
    const a = train(1, 2);
    const b = train(1, 2);
    expect(b.losses).toEqual(a.losses);
    expect(b.mlp.getWeights()).toEqual(a.mlp.getWeights());
    expect(train(1, 3).losses).not.toEqual(a.losses);
    expect(new Mlp({ inputs: 4, hidden: [8], outputs: 3, activation: 'relu', seed: 5 }).getWeights()).not.toEqual(
      new Mlp({ inputs: 4, hidden: [8], outputs: 3, activation: 'relu', seed: 6 }).getWeights(),
    );
    // rrelu draws its training slopes from the model's seed: still reproducible.
    expect(train(4, 2, 'rrelu').losses).toEqual(train(4, 2, 'rrelu').losses);
  });

  it('the loss falls, and evaluateLoss agrees with the loss the trainer optimises', () => {
    const { mlp, losses } = train(1, 2);
    expect(losses[2]).toBeLessThan(losses[0] as number);
    const evaluated = evaluateLoss(mlp, X, y, 'softmax_ce');
    expect(evaluated).toBeGreaterThan(0);
    expect(Math.abs(evaluated - (losses[2] as number))).toBeLessThan(0.2);
  });

  it('getWeights / setWeights restore a network exactly (early stopping keeps the best epoch)', () => {
    const { mlp } = train(1, 2);
    const best = mlp.getWeights();
    const before = mlp.forward(X).data.slice();
    const trainer = new Trainer(mlp, { loss: 'softmax_ce', optimizer: 'sgd', lr: 0.5, batchSize: 8, seed: 9 });
    trainer.epoch(X, y);
    expect(mlp.forward(X).data).not.toEqual(before);
    mlp.setWeights(best);
    expect(mlp.forward(X).data).toEqual(before);
    expect(() => mlp.setWeights(best.slice(1))).toThrow(expect.objectContaining({ code: 'nn.weights_shape' }));
  });

  it.each([['relu'], ['prelu']])('%s: toJSON → JSON text → fromJSON gives identical predictions', (activation) => {
    const { mlp } = train(1, 2, activation);
    const copy = Mlp.fromJSON(JSON.parse(JSON.stringify(mlp.toJSON())));
    expect(copy.config).toEqual(mlp.config);
    expect(copy.predictProba(X).data).toEqual(mlp.predictProba(X).data);
    expect(copy.predict(X)).toEqual(mlp.predict(X));
  });

  it('fromJSON rejects malformed model files with a UserInputError', () => {
    const good = train(1, 2).mlp.toJSON();
    const bad = (s: unknown) => expect(() => Mlp.fromJSON(s)).toThrow(expect.objectContaining({ name: 'UserInputError' }));
    bad(null);
    bad({ ...good, format: 'other' });
    bad({ ...good, layers: good.layers.slice(1) });
    bad({ ...good, layers: [{ weight: [1], bias: [] }, ...good.layers.slice(1)] });
    bad({ ...good, layers: [{ ...good.layers[0], weight: good.layers[0]!.weight.map(() => 'x') }, ...good.layers.slice(1)] });
    bad({ ...good, config: { ...good.config, activation: 'nope' } });
  });
});
