import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matmulNT, matmulNTScalar, setSimdEnabled, simdAvailable } from '../../../src/core/charlm/kernels.js';
import { MATMUL_NT_WASM_BASE64 } from '../../../src/core/charlm/simd/matmul-nt-wasm.js';
import { Rng } from '../../../src/core/rng.js';

describe('WebAssembly SIMD matmulNT', () => {
  it('is available on Node 20, so float32 training uses it', () => {
    expect(simdAvailable()).toBe(true);
  });

  it('agrees with the JavaScript kernel on odd shapes, and after its memory grows', () => {
    const rng = new Rng('simd');
    for (const [M, N, K] of [[1, 1, 1], [3, 5, 7], [32, 30, 200], [33, 31, 30], [301, 257, 70]] as const) {
      const A = Float32Array.from({ length: M * K }, () => rng.normal());
      const B = Float32Array.from({ length: N * K }, () => rng.normal());
      const fast = new Float32Array(M * N);
      const plain = new Float32Array(M * N);
      matmulNT(A, B, fast, M, N, K);
      matmulNTScalar(A, B, plain, M, N, K);
      let worst = 0;
      for (let i = 0; i < M * N; i++) worst = Math.max(worst, Math.abs((fast[i] as number) - (plain[i] as number)));
      // Float32 sums of K products: rounding grows like sqrt(K) * |terms| * 2^-24.
      expect(worst).toBeLessThan(1e-5 * Math.sqrt(K) * 4);
      expect(Math.max(...Array.from(fast, Math.abs))).toBeGreaterThan(0.5);
    }
  });

  it('can be switched off (the scalar path then gives the scalar result exactly)', () => {
    const A = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const B = Float32Array.from([0.5, -1, 2, 1, 1, 1]);
    const C = new Float32Array(4);
    setSimdEnabled(false);
    try {
      matmulNT(A, B, C, 2, 2, 3);
    } finally {
      setSimdEnabled(true);
    }
    expect(Array.from(C)).toEqual([1 * 0.5 - 2 + 6, 1 + 2 + 3, 4 * 0.5 - 5 + 12, 4 + 5 + 6]);
  });

  it('embeds exactly the bytes compiled from matmul-nt.wat', () => {
    const watPath = new URL('../../../src/core/charlm/simd/matmul-nt.wat', import.meta.url);
    expect(readFileSync(watPath, 'utf8')).toContain('(export "matmul_nt")');
    let compiled: string | undefined;
    try {
      compiled = execFileSync('wat2wasm', [watPath.pathname, '--output=-']).toString('base64');
    } catch {
      compiled = undefined; // wat2wasm (Debian package "wabt") is only needed to rebuild
    }
    // CI installs wabt (.ci/run), so there the check always runs.
    if (process.env.CI) expect(compiled, 'wat2wasm is missing in CI').toBeDefined();
    if (compiled !== undefined) expect(MATMUL_NT_WASM_BASE64).toBe(compiled);
    // Either way the embedded bytes are a WebAssembly module ("\0asm", version 1).
    expect(Array.from(Buffer.from(MATMUL_NT_WASM_BASE64, 'base64').subarray(0, 8))).toEqual([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  });
});
