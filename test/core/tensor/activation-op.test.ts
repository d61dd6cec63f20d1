import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, bipolarRelu, bipolarReluDerivative, getActivation } from '../../../src/core/activations/index.js';
import { Rng } from '../../../src/core/rng.js';
import { ActivationOp, createActivationState } from '../../../src/core/tensor/activation-op.js';
import { Matrix } from '../../../src/core/tensor/matrix.js';
import { maxRelativeError, numericGradient, randomMatrix, weightedSum } from './helpers.js';

/** Inputs around the interesting region, kept away from every kink (where f' is one-sided). */
function inputs(rng: Rng, kinks: readonly number[]): Matrix<Float64Array> {
  const Z = randomMatrix(rng, 6, 7, 2.5);
  Z.data[0] = 0.5; // at least one positive and one negative value
  Z.data[1] = -0.5;
  for (let i = 0; i < Z.data.length; i++) {
    for (const k of kinks) if (Math.abs((Z.data[i] as number) - k) < 1e-3) Z.data[i] = k + 0.01;
  }
  return Z;
}

describe('ActivationOp over buffers', () => {
  const rng = new Rng('activation-op');

  it('covers every activation of the lecture (the registry the tests below iterate)', () => {
    const lecture = 'identity sigmoid tanh arctan relu leaky_relu rrelu prelu binary_step elu selu softsign isru isrlu sqnl bipolar_relu softplus gelu silu mish hardtanh hardsigmoid relu6';
    expect(ACTIVATIONS.map((a) => a.id)).toEqual(expect.arrayContaining(lecture.split(' ')));
  });

  it.each(ACTIVATIONS.map((a) => [a.id]))('%s: forward and backward agree with the registry and with finite differences', (id) => {
    const entry = getActivation(id);
    const op = new ActivationOp(entry);
    const state = createActivationState(op);
    const Z = inputs(rng, entry.kinks);
    const A = Matrix.zeros(Z.rows, Z.cols, 'float64');
    op.forward(Z, A, state, false);
    // Values: exactly what the registry's f gives (or within rounding for inline formulas).
    // bipolar_relu depends on the neuron (column) index: the registry's two-argument form.
    const col = (i: number) => i % Z.cols;
    const f = id === 'bipolar_relu' ? (z: number, i: number) => bipolarRelu(z, col(i)) : (z: number) => entry.f(z);
    const df = id === 'bipolar_relu' ? (z: number, i: number) => bipolarReluDerivative(z, col(i)) : (z: number) => entry.df(z);
    const expectedF = Z.data.map(f);
    expect(maxRelativeError(A.data, expectedF)).toBeLessThan(1e-14);

    // Backward of L = Σ G ⊙ f(Z) is G ⊙ f'(Z): compare with the registry's df and with
    // central differences of the forward pass.
    const G = randomMatrix(rng, Z.rows, Z.cols);
    const dZ = Matrix.zeros(Z.rows, Z.cols, 'float64');
    op.backward(Z, A, G, dZ, state, false);
    const expectedDf = Z.data.map((z, i) => (G.data[i] as number) * df(z, i));
    expect(maxRelativeError(dZ.data, expectedDf)).toBeLessThan(1e-12);
    const out = Matrix.zeros(Z.rows, Z.cols, 'float64');
    const loss = () => {
      op.forward(Z, out, state, false);
      return weightedSum(G, out);
    };
    expect(maxRelativeError(dZ.data, numericGradient(loss, Z.data))).toBeLessThan(1e-6);
  });

  it('bipolar_relu alternates ReLU(x) and −ReLU(−x) by neuron', () => {
    const op = new ActivationOp(getActivation('bipolar_relu'));
    const Z = Matrix.fromRows([[2, 2, -2, -2], [-1, 3, 1, -3]], 'float64');
    const A = Matrix.zeros(2, 4, 'float64');
    op.forward(Z, A, null);
    expect(A.toRows()).toEqual([[2, 0, 0, -2], [0, 0, 1, -3]]);
  });

  it('works in place (A = Z for forward, dZ = dA for backward)', () => {
    const op = new ActivationOp(getActivation('tanh'));
    const Z = Matrix.fromRows([[-1, 0, 2]], 'float64');
    const A = Z.clone();
    op.forward(A, A, null);
    expect(A.data[2]).toBeCloseTo(Math.tanh(2), 15);
    const G = Matrix.fromRows([[1, 1, 1]], 'float64');
    op.backward(Z, A, G, G, null);
    expect(G.data[0]).toBeCloseTo(1 - Math.tanh(-1) ** 2, 15);
  });

  it('prelu: the slope gradient matches finite differences, and the slope is used', () => {
    const entry = getActivation('prelu');
    const op = new ActivationOp(entry);
    expect(op.hasSlope).toBe(true);
    const state = createActivationState(op);
    expect(state.slope).toBe(0.25);
    state.slope = 0.4;
    const Z = inputs(rng, entry.kinks);
    const G = randomMatrix(rng, Z.rows, Z.cols);
    const A = Matrix.zeros(Z.rows, Z.cols, 'float64');
    op.forward(Z, A, state);
    expect(A.data[1]).toBeCloseTo(-0.5 * 0.4, 15);
    const dZ = Matrix.zeros(Z.rows, Z.cols, 'float64');
    const dSlope = op.backward(Z, A, G, dZ, state);
    const slope = Float64Array.of(state.slope);
    const loss = () => {
      state.slope = slope[0] as number;
      op.forward(Z, A, state);
      return weightedSum(G, A);
    };
    const numeric = numericGradient(loss, slope)[0] as number;
    expect(Math.abs(dSlope - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
    expect(Math.abs(dSlope)).toBeGreaterThan(0);
  });

  it('rrelu: random slopes in [1/8, 1/3] while training, seeded, and reused by backward', () => {
    const entry = getActivation('rrelu');
    const op = new ActivationOp(entry);
    const Z = randomMatrix(rng, 20, 10);
    const run = (seed: number) => {
      const state = createActivationState(op, new Rng(seed));
      const A = Matrix.zeros(Z.rows, Z.cols, 'float64');
      op.forward(Z, A, state, true);
      return { A, state };
    };
    const { A, state } = run(1);
    const slopes = new Set<number>();
    for (let i = 0; i < Z.data.length; i++) {
      const z = Z.data[i] as number;
      const a = A.data[i] as number;
      if (z > 0) expect(a).toBe(z);
      else {
        const r = a / z;
        expect(r).toBeGreaterThanOrEqual(1 / 8);
        expect(r).toBeLessThanOrEqual(1 / 3);
        slopes.add(r);
      }
    }
    expect(slopes.size).toBeGreaterThan(50); // one slope per element, not one per layer
    expect(run(1).A.data).toEqual(A.data);
    expect(run(2).A.data).not.toEqual(A.data);
    // Backward: f(z) = r·z with the drawn r, so dZ = G ⊙ r (r = A / Z).
    const G = randomMatrix(rng, Z.rows, Z.cols);
    const dZ = Matrix.zeros(Z.rows, Z.cols, 'float64');
    op.backward(Z, A, G, dZ, state, true);
    const expected = G.data.map((g, i) => g * ((Z.data[i] as number) > 0 ? 1 : (A.data[i] as number) / (Z.data[i] as number)));
    expect(maxRelativeError(dZ.data, expected)).toBeLessThan(1e-12);
    // Inference: the mean slope 11/48.
    op.forward(Z, A, state, false);
    const neg = Z.data.findIndex((z) => z < 0);
    expect((A.data[neg] as number) / (Z.data[neg] as number)).toBeCloseTo(11 / 48, 14);
  });

  it('float32 buffers give the same values to float32 precision', () => {
    const op = new ActivationOp(getActivation('sigmoid'));
    const Z = Matrix.fromRows([[-800, -1, 0, 1, 800]]);
    const A = Matrix.zeros(1, 5);
    op.forward(Z, A, null);
    expect(Array.from(A.data)).toEqual([0, Math.fround(1 / (1 + Math.E)), 0.5, Math.fround(1 / (1 + Math.exp(-1))), 1]);
  });
});
