import { describe, expect, it } from 'vitest';
import { Matrix, allocFloats, dtypeOf } from '../../../src/core/tensor/matrix.js';

describe('Matrix', () => {
  it('stores rows contiguously (row-major) and reads back what was written', () => {
    const m = Matrix.fromRows([[1, 2, 3], [4, 5, 6]]);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(m.get(1, 0)).toBe(4);
    m.set(0, 2, 9);
    expect(m.toRows()).toEqual([[1, 2, 9], [4, 5, 6]]);
    expect(m.dtype).toBe('float32');
  });

  it('float64 keeps digits that float32 rounds away', () => {
    const x = 0.1 + 1e-12;
    expect(Matrix.fromRows([[x]], 'float64').get(0, 0)).toBe(x);
    expect(Matrix.fromRows([[x]]).get(0, 0)).toBe(Math.fround(x));
    expect(dtypeOf(allocFloats('float64', 1))).toBe('float64');
  });

  it('row() and topRows() are views that share storage; clone() does not', () => {
    const m = Matrix.fromRows([[1, 2], [3, 4], [5, 6]], 'float64');
    m.row(1)[0] = 30;
    const top = m.topRows(2);
    top.set(0, 1, 20);
    const copy = m.clone();
    copy.set(2, 1, 60);
    expect(m.toRows()).toEqual([[1, 20], [30, 4], [5, 6]]);
    expect(top.rows).toBe(2);
  });

  it('rejects inconsistent shapes', () => {
    expect(() => new Matrix(2, 2, new Float32Array(3))).toThrow(/needs 4 elements, got 3/);
    expect(() => Matrix.fromRows([[1, 2], [3]])).toThrow(/row 1 has 1 values, expected 2/);
    expect(() => Matrix.zeros(-1, 2)).toThrow(RangeError);
    expect(() => Matrix.zeros(2, 2).topRows(3)).toThrow(RangeError);
  });
});
