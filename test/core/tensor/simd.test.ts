import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { matmul, matmulTransA, matmulTransB } from '../../../src/core/tensor/matmul.js';
import { Matrix } from '../../../src/core/tensor/matrix.js';
import { setSimdEnabled, simdAvailable } from '../../../src/core/tensor/simd.js';
import { MATMUL_ACC_WASM_BASE64 } from '../../../src/core/tensor/simd/matmul-acc-wasm.js';

function random32(rng: Rng, rows: number, cols: number, zeroShare = 0): Matrix {
  const m = Matrix.zeros(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.next() < zeroShare ? 0 : rng.normal();
  return m;
}

/** Runs `f` with the SIMD path off: the JavaScript kernels, computing in double precision. */
function withoutSimd(f: () => void): void {
  setSimdEnabled(false);
  try {
    f();
  } finally {
    setSimdEnabled(true);
  }
}

function worstDiff(a: Float32Array, b: Float32Array): number {
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs((a[i] as number) - (b[i] as number)));
  return w;
}

describe('WebAssembly SIMD matmul (float32)', () => {
  it('is available on Node 20, so float32 training uses it', () => {
    expect(simdAvailable()).toBe(true);
    withoutSimd(() => expect(simdAvailable()).toBe(false));
  });

  it('agrees with the JavaScript kernels for all three forms, odd shapes, zeros and accumulation', () => {
    const rng = new Rng('simd');
    for (const [n, k, m] of [[1, 1, 1], [3, 5, 7], [32, 64, 64], [33, 20, 3], [300, 70, 257]] as const) {
      const A = random32(rng, n, k, 0.5); // half zeros, as after ReLU
      const B = random32(rng, k, m);
      const Bt = random32(rng, m, k);
      const A2 = random32(rng, n, m);
      const cases: [string, (out: Matrix, acc: boolean) => void, number, number][] = [
        ['A·B', (out, acc) => matmul(A, B, out, acc), n, m],
        ['A·Bᵀ', (out, acc) => matmulTransB(A, Bt, out, acc), n, m],
        ['Aᵀ·B', (out, acc) => matmulTransA(A, A2, out, acc), k, m],
      ];
      for (const [name, f, rows, cols] of cases) {
        for (const acc of [false, true]) {
          const start = random32(rng, rows, cols);
          const fast = start.clone();
          const plain = start.clone();
          f(fast, acc);
          withoutSimd(() => f(plain, acc));
          // float32 sums of up to 300 products of N(0,1) numbers: rounding stays far below 1e-3.
          expect(worstDiff(fast.data, plain.data), `${name} ${n}x${k}x${m} acc=${acc}`).toBeLessThan(1e-3);
          if (n * k * m > 1) expect(worstDiff(fast.data, start.data)).toBeGreaterThan(0.1); // it did compute something
        }
      }
    }
  });

  it('gives exact results on small integers', () => {
    const A = Matrix.fromRows([[1, 0, 2], [0, 0, 0], [3, -1, 0]]);
    const B = Matrix.fromRows([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [-1, -2, -3, -4, -5]]);
    const C = Matrix.zeros(3, 5);
    C.data.fill(7); // overwritten, not accumulated
    matmul(A, B, C);
    expect(C.toRows()).toEqual([[-1, -2, -3, -4, -5], [0, 0, 0, 0, 0], [-3, -1, 1, 3, 5]]);
  });

  it('the embedded bytes are the compiled .wat file (when wat2wasm is installed)', () => {
    let compiled: string;
    try {
      const wat = new URL('../../../src/core/tensor/simd/matmul-acc.wat', import.meta.url);
      compiled = execFileSync('wat2wasm', [fileURLToPath(wat), '--output=-']).toString('base64');
    } catch {
      return; // no wabt on this machine: CI installs it (see .ci/run)
    }
    expect(readFileSync(new URL('../../../src/core/tensor/simd/matmul-acc.wat', import.meta.url), 'utf8')).toContain('matmul_acc');
    expect(compiled).toBe(MATMUL_ACC_WASM_BASE64);
  });
});
