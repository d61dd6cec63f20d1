/**
 * A dense matrix on a typed array, row-major: element (i, j) lives at `data[i * cols + j]`.
 *
 * Training uses Float32Array (half the memory traffic of Float64Array, and what PyTorch uses
 * by default). The gradient checks in the tests use Float64Array: central finite differences
 * divide a tiny difference by a tiny step, and float32's 7 digits are not enough for that.
 * Every kernel in this folder works on both, so `Matrix` is generic over the array type.
 */

/** The two element types a matrix can hold. */
export type FloatArray = Float32Array | Float64Array;

/** The element type by name, as stored in serialised models and configs. */
export type DType = 'float32' | 'float64';

/** A typed array of the given dtype (zero-filled). */
export function allocFloats(dtype: 'float32', length: number): Float32Array;
export function allocFloats(dtype: 'float64', length: number): Float64Array;
export function allocFloats(dtype: DType, length: number): FloatArray;
export function allocFloats(dtype: DType, length: number): FloatArray {
  return dtype === 'float64' ? new Float64Array(length) : new Float32Array(length);
}

/** The dtype name of a typed array. */
export function dtypeOf(a: FloatArray): DType {
  return a instanceof Float64Array ? 'float64' : 'float32';
}

/** A rows × cols matrix whose elements are stored row by row in `data`. */
export class Matrix<A extends FloatArray = Float32Array> {
  readonly rows: number;
  readonly cols: number;
  readonly data: A;

  /** Wraps `data` (not copied). Its length must be rows × cols. */
  constructor(rows: number, cols: number, data: A) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
      throw new RangeError(`Matrix: bad shape ${rows}x${cols}`);
    }
    if (data.length !== rows * cols) {
      throw new RangeError(`Matrix: ${rows}x${cols} needs ${rows * cols} elements, got ${data.length}`);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /** A zero matrix (float32 unless asked otherwise). */
  static zeros(rows: number, cols: number): Matrix<Float32Array>;
  static zeros(rows: number, cols: number, dtype: 'float32'): Matrix<Float32Array>;
  static zeros(rows: number, cols: number, dtype: 'float64'): Matrix<Float64Array>;
  static zeros(rows: number, cols: number, dtype: DType): Matrix<FloatArray>;
  static zeros(rows: number, cols: number, dtype: DType = 'float32'): Matrix<FloatArray> {
    return new Matrix(rows, cols, allocFloats(dtype, rows * cols));
  }

  /** A matrix from nested arrays, e.g. `Matrix.fromRows([[0, 1], [1, 0]])`. */
  static fromRows(rows: readonly (readonly number[])[]): Matrix<Float32Array>;
  static fromRows(rows: readonly (readonly number[])[], dtype: 'float32'): Matrix<Float32Array>;
  static fromRows(rows: readonly (readonly number[])[], dtype: 'float64'): Matrix<Float64Array>;
  static fromRows(rows: readonly (readonly number[])[], dtype: DType): Matrix<FloatArray>;
  static fromRows(rows: readonly (readonly number[])[], dtype: DType = 'float32'): Matrix<FloatArray> {
    const r = rows.length;
    const c = rows[0]?.length ?? 0;
    const m = Matrix.zeros(r, c, dtype);
    rows.forEach((row, i) => {
      if (row.length !== c) throw new RangeError(`Matrix.fromRows: row ${i} has ${row.length} values, expected ${c}`);
      m.data.set(row, i * c);
    });
    return m;
  }

  /** The element type of this matrix. */
  get dtype(): DType {
    return dtypeOf(this.data);
  }

  /** Element (i, j). For clarity in tests and small code; kernels index `data` directly. */
  get(i: number, j: number): number {
    return this.data[i * this.cols + j] as number;
  }

  /** Sets element (i, j). */
  set(i: number, j: number, v: number): void {
    this.data[i * this.cols + j] = v;
  }

  /** Row i as a view (no copy): writing to it writes the matrix. */
  row(i: number): A {
    return this.data.subarray(i * this.cols, (i + 1) * this.cols) as A;
  }

  /** The first `rows` rows as a view sharing this matrix's storage (no copy). */
  topRows(rows: number): Matrix<A> {
    if (rows > this.rows) throw new RangeError(`Matrix.topRows: ${rows} > ${this.rows}`);
    return new Matrix(rows, this.cols, this.data.subarray(0, rows * this.cols) as A);
  }

  /** A deep copy. */
  clone(): Matrix<A> {
    return new Matrix(this.rows, this.cols, this.data.slice() as A);
  }

  /** Nested plain arrays (for JSON, tests and printing). */
  toRows(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.row(i)));
    return out;
  }
}

/** Throws a RangeError unless `m` is rows × cols: kernels call this once per call, not per element. */
export function assertShape(m: Matrix<FloatArray>, rows: number, cols: number, what: string): void {
  if (m.rows !== rows || m.cols !== cols) {
    throw new RangeError(`${what}: expected ${rows}x${cols}, got ${m.rows}x${m.cols}`);
  }
}
