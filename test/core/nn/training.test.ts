import { describe, expect, it } from 'vitest';
import { Mlp } from '../../../src/core/nn/mlp.js';
import { Trainer, fit } from '../../../src/core/nn/trainer.js';
import { Rng } from '../../../src/core/rng.js';
import { Matrix } from '../../../src/core/tensor/matrix.js';

function accuracy(pred: Int32Array, y: Int32Array): number {
  let ok = 0;
  for (let i = 0; i < y.length; i++) if (pred[i] === y[i]) ok++;
  return ok / y.length;
}

/** Two interleaved spirals (1.5 turns each) with a little seeded noise. */
function spirals(perClass: number, seed: number): { X: Matrix; y: Int32Array } {
  const rng = new Rng(seed);
  const X = Matrix.zeros(2 * perClass, 2);
  const y = new Int32Array(2 * perClass);
  for (let c = 0; c < 2; c++) {
    for (let i = 0; i < perClass; i++) {
      const t = (i + 1) / perClass; // 0..1 along the arm
      const angle = t * 3 * Math.PI + c * Math.PI;
      const r = t + rng.normal(0, 0.02);
      const row = c * perClass + i;
      X.set(row, 0, r * Math.cos(angle));
      X.set(row, 1, r * Math.sin(angle));
      y[row] = c;
    }
  }
  return { X, y };
}

describe('training reaches the course targets', () => {
  it('XOR: ≥ 95% training accuracy (softmax cross-entropy, Adam)', () => {
    const X = Matrix.fromRows([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const y = Int32Array.of(0, 1, 1, 0);
    const mlp = new Mlp({ inputs: 2, hidden: [8], outputs: 2, activation: 'tanh', seed: 1 });
    const losses = fit(mlp, X, y, { loss: 'softmax_ce', optimizer: 'adam', lr: 0.05, batchSize: 4, seed: 1, epochs: 300 });
    expect(accuracy(mlp.predict(X), y)).toBeGreaterThanOrEqual(0.95);
    expect(losses[losses.length - 1]).toBeLessThan(0.1);
  });

  it('XOR with one sigmoid output (binary cross-entropy on logits, momentum SGD)', () => {
    const X = Matrix.fromRows([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const y = Int32Array.of(0, 1, 1, 0);
    const mlp = new Mlp({ inputs: 2, hidden: [8], outputs: 1, activation: 'relu', seed: 3 });
    fit(mlp, X, y, { loss: 'bce_logits', optimizer: 'momentum', lr: 0.1, batchSize: 4, seed: 1, epochs: 400 });
    expect(accuracy(mlp.predict(X), y)).toBeGreaterThanOrEqual(0.95);
  });

  it('two interleaved spirals: ≥ 95% training accuracy', () => {
    const { X, y } = spirals(150, 7);
    const mlp = new Mlp({ inputs: 2, hidden: [32, 32], outputs: 2, activation: 'relu', seed: 1 });
    const trainer = new Trainer(mlp, { loss: 'softmax_ce', optimizer: 'adam', lr: 0.01, batchSize: 16, seed: 1 });
    let acc = 0;
    for (let e = 1; e <= 400 && acc < 0.99; e++) {
      trainer.epoch(X, y);
      if (e % 25 === 0) acc = accuracy(mlp.predict(X), y);
    }
    expect(accuracy(mlp.predict(X), y)).toBeGreaterThanOrEqual(0.95);
  });

  it('MSE regression: fits y = sin(3x) closely', () => {
    const n = 64;
    const X = Matrix.zeros(n, 1);
    const Y = Matrix.zeros(n, 1);
    for (let i = 0; i < n; i++) {
      const x = -1 + (2 * i) / (n - 1);
      X.set(i, 0, x);
      Y.set(i, 0, Math.sin(3 * x));
    }
    const mlp = new Mlp({ inputs: 1, hidden: [16, 16], outputs: 1, activation: 'tanh', seed: 2 });
    const losses = fit(mlp, X, Y, { loss: 'mse', optimizer: 'adam', lr: 0.01, batchSize: 16, seed: 1, epochs: 300 });
    expect(losses[losses.length - 1]).toBeLessThan(0.01);
  });

  it('hidden: [] is logistic regression, and a batch larger than the data is one batch', () => {
    const X = Matrix.fromRows([[-2], [-1], [1], [2]]);
    const y = Int32Array.of(0, 0, 1, 1);
    const mlp = new Mlp({ inputs: 1, hidden: [], outputs: 1, activation: 'relu', seed: 1 });
    expect(mlp.parameterCount).toBe(2);
    const losses = fit(mlp, X, y, { loss: 'bce_logits', optimizer: 'sgd', lr: 0.5, batchSize: 100, seed: 1, epochs: 50 });
    expect(losses[49]).toBeLessThan(losses[0] as number);
    expect(Array.from(mlp.predict(X))).toEqual([0, 0, 1, 1]);
    expect(mlp.layers[0]!.weight.data[0]).toBeGreaterThan(0);
  });

  it('fit reports every epoch and stops when the callback returns false', () => {
    const X = Matrix.fromRows([[0], [1], [2]]);
    const y = Int32Array.of(0, 1, 1);
    const seen: number[] = [];
    const losses = fit(new Mlp({ inputs: 1, hidden: [2], outputs: 2, activation: 'relu', seed: 1 }), X, y, {
      loss: 'softmax_ce', optimizer: 'sgd', lr: 0.1, batchSize: 2, seed: 1, epochs: 10,
      onEpoch: (epoch, loss) => {
        seen.push(epoch);
        expect(Number.isFinite(loss)).toBe(true);
        return epoch < 4;
      },
    });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(losses).toHaveLength(4);
  });

  it('weight decay shrinks the weights', () => {
    const { X, y } = spirals(20, 1);
    const norm = (decay: number) => {
      const mlp = new Mlp({ inputs: 2, hidden: [16], outputs: 2, activation: 'relu', seed: 1 });
      fit(mlp, X, y, { loss: 'softmax_ce', optimizer: 'sgd', lr: 0.1, batchSize: 8, seed: 1, epochs: 50, weightDecay: decay });
      return mlp.layers[0]!.weight.data.reduce((s, v) => s + v * v, 0);
    };
    expect(norm(0.05)).toBeLessThan(0.8 * norm(0));
  });
});

describe('bad training input is a clear UserInputError', () => {
  const mlp = () => new Mlp({ inputs: 2, hidden: [3], outputs: 3, activation: 'relu', seed: 1 });
  const X = Matrix.fromRows([[0, 1], [1, 0]]);
  const opts = { loss: 'softmax_ce', optimizer: 'adam', lr: 0.01, batchSize: 2, seed: 1 } as const;
  const code = (c: string) => expect.objectContaining({ name: 'UserInputError', code: c });

  it('labels, shapes, missing values', () => {
    expect(() => new Trainer(mlp(), opts).epoch(X, Int32Array.of(0, 3))).toThrow(code('nn.bad_label'));
    expect(() => new Trainer(mlp(), opts).epoch(X, Int32Array.of(0, 3))).toThrow(/Row 2: class label 3 is outside 0..2/);
    expect(() => new Trainer(mlp(), opts).epoch(X, Int32Array.of(0))).toThrow(code('nn.target_rows'));
    expect(() => new Trainer(mlp(), opts).epoch(Matrix.fromRows([[0, 1, 2]]), Int32Array.of(0))).toThrow(code('nn.input_width'));
    expect(() => new Trainer(mlp(), opts).epoch(Matrix.fromRows([[0, NaN]]), Int32Array.of(0))).toThrow(/Row 1, column 2/);
    expect(() => new Trainer(mlp(), opts).epoch(Matrix.zeros(0, 2), new Int32Array(0))).toThrow(code('nn.no_rows'));
    expect(() => new Trainer(mlp(), { ...opts, loss: 'mse' }).epoch(X, Int32Array.of(0, 1))).toThrow(code('nn.target_kind'));
  });

  it('options', () => {
    expect(() => new Trainer(mlp(), { ...opts, batchSize: 0 })).toThrow(code('nn.bad_size'));
    expect(() => new Trainer(mlp(), { ...opts, lr: -1 })).toThrow(code('nn.bad_number'));
    expect(() => new Trainer(mlp(), { ...opts, loss: 'hinge' as 'mse' })).toThrow(code('nn.bad_loss'));
    const single = new Mlp({ inputs: 2, hidden: [3], outputs: 1, activation: 'relu', seed: 1 });
    expect(() => new Trainer(single, opts)).toThrow(code('nn.softmax_needs_classes'));
  });

  it('a diverging run stops with advice to lower the learning rate', () => {
    const net = new Mlp({ inputs: 2, hidden: [8], outputs: 1, activation: 'relu', seed: 1 });
    const trainer = new Trainer(net, { loss: 'mse', optimizer: 'sgd', lr: 5, batchSize: 2, seed: 1 });
    const Y = Matrix.fromRows([[1e3], [-1e3]]);
    const run = () => {
      for (let e = 0; e < 200; e++) trainer.epoch(X, Y);
    };
    expect(run).toThrow(code('nn.diverged'));
    expect(run).toThrow(/smaller learning rate/);
  });
});
