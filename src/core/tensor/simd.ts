/**
 * The WebAssembly SIMD path of the float32 matrix products (./simd/matmul-acc.wat).
 *
 * JavaScript does one multiply-add per instruction at best, with a bounds check and a float32
 * conversion around every array access. WebAssembly SIMD does four float32 multiply-adds per
 * instruction on raw memory, which makes MLP training about twice as fast here and the
 * character model's training step (../charlm) about three times. It is the project's one
 * WebAssembly kernel: every float32 product goes through it. The kernel is the same i-k-j
 * loop as the JavaScript one in ./matmul.ts (read that one first), and it skips zero
 * multipliers the same way.
 *
 * The operands are copied into the module's memory (a plain memory copy; a transposed operand
 * is transposed on the way in) and the result is copied back. That costs a few thousand copies
 * per product against tens of thousands of multiply-adds, and keeps the rest of the code on
 * ordinary typed arrays. Float64 matrices (the gradient checks) never come here.
 */
import { MATMUL_ACC_WASM_BASE64 } from './simd/matmul-acc-wasm.js';

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

interface Kernel {
  memory: WasmMemory;
  run: (a: number, b: number, c: number, M: number, N: number, K: number, list: number) => void;
  heap: Float32Array;
  /** Views of the result region, cached by offset and length so a step allocates nothing. */
  views: Map<number, Float32Array>;
}

let enabled = true;
/** undefined: not loaded yet; null: WebAssembly SIMD is not available here. */
let kernel: Kernel | null | undefined;

function load(): Kernel | null {
  if (kernel !== undefined) return kernel;
  try {
    const bytes = Uint8Array.from(atob(MATMUL_ACC_WASM_BASE64), (c) => c.charCodeAt(0));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    const memory = instance.exports.memory as WasmMemory;
    kernel = {
      memory,
      run: instance.exports.matmul_acc as Kernel['run'],
      heap: new Float32Array(memory.buffer),
      views: new Map(),
    };
  } catch {
    kernel = null; // an engine without WebAssembly SIMD: the JavaScript kernels do the work
  }
  return kernel;
}

/** Turns the SIMD path off or on (tests and benchmarks compare the two). */
export function setSimdEnabled(on: boolean): void {
  enabled = on;
}

/** True when float32 products run on the WebAssembly SIMD kernel. */
export function simdAvailable(): boolean {
  return enabled && load() !== null;
}

/** The most memory the kernel's module may grow to (64 MB: far more than tiny MLPs need). */
const MAX_BYTES = 64 * 1024 * 1024;

/** Rounds a float index up to a 16-byte boundary. */
const align4 = (x: number): number => (x + 3) & ~3;

/** dst[off + c·rows + r] = src[r·cols + c]: writes the transpose of a rows×cols matrix. */
function transposeInto(src: Float32Array, rows: number, cols: number, dst: Float32Array, off: number): void {
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    for (let c = 0; c < cols; c++) dst[off + c * rows + r] = src[row + c] as number;
  }
}

/** The first `length` numbers of `a`: `a` itself when that is all of it (no view to allocate). */
function prefix(a: Float32Array, length: number): Float32Array {
  return a.length === length ? a : a.subarray(0, length);
}

/**
 * C (M×N) = A·B, or C += A·B when `accumulate`, on the SIMD kernel. A is M×K, or K×M when
 * `aTransposed` (then its transpose is used); B is K×N, or N×K when `bTransposed`.
 * Only the first M·K, K·N and M·N numbers of the buffers are used (they may be longer).
 * Returns false, doing nothing, when the SIMD path is off or unavailable.
 */
export function simdMatmul(
  A: Float32Array,
  aTransposed: boolean,
  B: Float32Array,
  bTransposed: boolean,
  C: Float32Array,
  M: number,
  N: number,
  K: number,
  accumulate: boolean,
): boolean {
  if (!enabled) return false;
  const k = load();
  if (!k) return false;
  const aOff = 0;
  const bOff = align4(M * K);
  const cOff = align4(bOff + K * N);
  const end = cOff + M * N;
  // The kernel's list of the non-zero multipliers of one row: K entries of 2 numbers.
  const listOff = align4(end);
  const top = listOff + 2 * K;
  // WebAssembly memory never shrinks, so a product that needs more than MAX_BYTES runs on the
  // JavaScript kernel instead of keeping that much memory for the rest of the worker's life.
  if (top * 4 > MAX_BYTES) return false;
  if (top * 4 > k.memory.buffer.byteLength) {
    try {
      k.memory.grow(Math.ceil((top * 4 - k.memory.buffer.byteLength) / 65536));
    } catch {
      return false; // out of memory for the module: the JavaScript kernel needs none
    }
    k.heap = new Float32Array(k.memory.buffer); // growing replaces the buffer and its views
    k.views.clear();
  }
  const heap = k.heap;
  if (aTransposed) transposeInto(A, K, M, heap, aOff);
  else heap.set(prefix(A, M * K), aOff);
  if (bTransposed) transposeInto(B, N, K, heap, bOff);
  else heap.set(prefix(B, K * N), bOff);
  if (accumulate) heap.set(prefix(C, M * N), cOff);
  else heap.fill(0, cOff, end);
  k.run(aOff * 4, bOff * 4, cOff * 4, M, N, K, listOff * 4);
  const key = cOff * 0x1000000 + M * N;
  let view = k.views.get(key);
  if (!view) {
    view = heap.subarray(cOff, end);
    k.views.set(key, view);
  }
  C.set(view);
  return true;
}
