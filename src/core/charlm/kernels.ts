/**
 * The two array kernels the character model is built from. Every matrix product of the
 * forward and backward pass is written as C = A · Bᵀ with A and B row-major: then each output
 * number is a dot product of two rows that sit in consecutive memory, which is the access
 * pattern JavaScript engines run fastest. Where a product needs the other layout, the model
 * transposes one operand into a scratch buffer first (a few thousand copies, against a
 * million multiply-adds).
 */
import type { FloatArray } from './model.js';
import { MATMUL_NT_WASM_BASE64 } from './simd/matmul-nt-wasm.js';

/**
 * C[m][n] = Σ_k A[m][k] · B[n][k]   (C = A · Bᵀ; A is M×K, B is N×K, C is M×N).
 *
 * Float32 operands go to the WebAssembly SIMD version (./simd/matmul-nt.wat: four
 * multiply-adds per instruction, 4× faster on the kernel alone and about 2× on a whole
 * training step here); anything else, e.g. the Float64Array buffers of the
 * gradient checks, to the JavaScript version below. Both compute the same sums; the SIMD one
 * adds in float32, in a different order, so results agree to float32 rounding.
 */
export function matmulNT(A: FloatArray, B: FloatArray, C: FloatArray, M: number, N: number, K: number): void {
  if (simdEnabled && A instanceof Float32Array && B instanceof Float32Array && C instanceof Float32Array) {
    const simd = simdKernel();
    if (simd) {
      simd(A, B, C, M, N, K);
      return;
    }
  }
  matmulNTScalar(A, B, C, M, N, K);
}

/**
 * The JavaScript version of `matmulNT`, the one to read.
 *
 * The plain version is three nested loops. This one computes a 4×2 block of C at a time:
 * each loaded A and B number is used 2 or 4 times while it is in a register, and the 8 sums
 * stay in registers. Same result, about 2–3× faster on a laptop-class CPU.
 */
export function matmulNTScalar(A: FloatArray, B: FloatArray, C: FloatArray, M: number, N: number, K: number): void {
  let m = 0;
  for (; m + 4 <= M; m += 4) {
    const a0 = m * K;
    const a1 = a0 + K;
    const a2 = a1 + K;
    const a3 = a2 + K;
    const c0 = m * N;
    const c1 = c0 + N;
    const c2 = c1 + N;
    const c3 = c2 + N;
    let n = 0;
    for (; n + 2 <= N; n += 2) {
      const b0 = n * K;
      const b1 = b0 + K;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0; // prettier-ignore
      for (let k = 0; k < K; k++) {
        const u = B[b0 + k] as number;
        const w = B[b1 + k] as number;
        const x0 = A[a0 + k] as number;
        const x1 = A[a1 + k] as number;
        const x2 = A[a2 + k] as number;
        const x3 = A[a3 + k] as number;
        s0 += x0 * u;
        s1 += x1 * u;
        s2 += x2 * u;
        s3 += x3 * u;
        t0 += x0 * w;
        t1 += x1 * w;
        t2 += x2 * w;
        t3 += x3 * w;
      }
      C[c0 + n] = s0;
      C[c1 + n] = s1;
      C[c2 + n] = s2;
      C[c3 + n] = s3;
      C[c0 + n + 1] = t0;
      C[c1 + n + 1] = t1;
      C[c2 + n + 1] = t2;
      C[c3 + n + 1] = t3;
    }
    for (; n < N; n++) {
      const b0 = n * K;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0; // prettier-ignore
      for (let k = 0; k < K; k++) {
        const u = B[b0 + k] as number;
        s0 += (A[a0 + k] as number) * u;
        s1 += (A[a1 + k] as number) * u;
        s2 += (A[a2 + k] as number) * u;
        s3 += (A[a3 + k] as number) * u;
      }
      C[c0 + n] = s0;
      C[c1 + n] = s1;
      C[c2 + n] = s2;
      C[c3 + n] = s3;
    }
  }
  // The last M mod 4 rows: the plain triple loop.
  for (; m < M; m++) {
    const a = m * K;
    for (let n = 0; n < N; n++) {
      const b = n * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += (A[a + k] as number) * (B[b + k] as number);
      C[m * N + n] = s;
    }
  }
}

/** dst = srcᵀ: src is rows×cols, dst becomes cols×rows. */
export function transpose(src: FloatArray, dst: FloatArray, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let c = 0; c < cols; c++) dst[c * rows + r] = src[o + c] as number;
  }
}

// --- the WebAssembly SIMD path ---------------------------------------------------------------

/**
 * The little of the WebAssembly API used here. Node has it as a global, but the project's
 * TypeScript settings (lib ES2023, no DOM) do not declare it.
 */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
};

type Kernel = (A: Float32Array, B: Float32Array, C: Float32Array, M: number, N: number, K: number) => void;

let simdEnabled = true;
/** undefined: not tried yet; null: WebAssembly SIMD is not available here. */
let simd: Kernel | null | undefined;

/** Turns the SIMD path off or on (for benchmarks and tests that compare the two). */
export function setSimdEnabled(on: boolean): void {
  simdEnabled = on;
}

/** True when float32 products run on the WebAssembly SIMD kernel. */
export function simdAvailable(): boolean {
  return simdKernel() !== null;
}

/**
 * Loads the kernel once. The operands are copied into the module's memory (one `set` each,
 * a plain memory copy) with 4 rows of slack after each, which the kernel may read but never
 * uses (see the .wat file); the result is copied back the same way. The views used for the
 * copies are cached per offset and length, so a training step allocates nothing.
 */
function simdKernel(): Kernel | null {
  if (simd !== undefined) return simd;
  try {
    const bytes = Uint8Array.from(atob(MATMUL_NT_WASM_BASE64), (c) => c.charCodeAt(0));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    const memory = instance.exports.memory as WasmMemory;
    const run = instance.exports.matmul_nt as (a: number, b: number, c: number, M: number, N: number, K: number) => void;
    let heap = new Float32Array(memory.buffer);
    const views = new Map<number, Float32Array>();
    const view = (offset: number, length: number): Float32Array => {
      const key = offset * 0x1000000 + length;
      let v = views.get(key);
      if (!v) {
        v = heap.subarray(offset, offset + length);
        views.set(key, v);
      }
      return v;
    };
    const align4 = (x: number) => (x + 3) & ~3; // 16-byte boundaries for the vector loads
    simd = (A, B, C, M, N, K) => {
      const aOff = 0;
      const bOff = align4(M * K + 3 * K);
      const cOff = align4(bOff + N * K + K);
      const end = cOff + M * N;
      if (end * 4 > memory.buffer.byteLength) {
        memory.grow(Math.ceil((end * 4 - memory.buffer.byteLength) / 65536));
        heap = new Float32Array(memory.buffer); // growing replaces the buffer and its views
        views.clear();
      }
      heap.set(A.length === M * K ? A : A.subarray(0, M * K), aOff);
      heap.set(B.length === N * K ? B : B.subarray(0, N * K), bOff);
      run(aOff * 4, bOff * 4, cOff * 4, M, N, K);
      C.set(view(cOff, M * N));
    };
  } catch {
    // No WebAssembly SIMD (very old engine): the JavaScript kernel does the work.
    simd = null;
  }
  return simd;
}
