/**
 * A dense (fully connected) layer: Z = X · W + b.
 *
 * Shapes: X is batch × inputs, W is inputs × outputs, b has `outputs` values, Z is
 * batch × outputs. W is stored inputs × outputs (not outputs × inputs as in PyTorch) so the
 * forward product X·W walks both X and W row by row (see tensor/matmul.ts).
 */
import { fillRowsWith, sumColumns } from '../tensor/bias.js';
import { matmul, matmulTransA, matmulTransB } from '../tensor/matmul.js';
import { type DType, type FloatArray, Matrix, allocFloats } from '../tensor/matrix.js';

/** One dense layer with its parameters and their gradients (same shapes). */
export class Linear<A extends FloatArray = Float32Array> {
  readonly inputs: number;
  readonly outputs: number;
  /** inputs × outputs. */
  readonly weight: Matrix<A>;
  readonly bias: A;
  /** ∂L/∂W, written by backward. */
  readonly weightGrad: Matrix<A>;
  /** ∂L/∂b, written by backward. */
  readonly biasGrad: A;

  constructor(inputs: number, outputs: number, dtype: DType = 'float32') {
    this.inputs = inputs;
    this.outputs = outputs;
    this.weight = new Matrix(inputs, outputs, allocFloats(dtype, inputs * outputs) as A);
    this.bias = allocFloats(dtype, outputs) as A;
    this.weightGrad = new Matrix(inputs, outputs, allocFloats(dtype, inputs * outputs) as A);
    this.biasGrad = allocFloats(dtype, outputs) as A;
  }

  /** Z = X·W + b, written into Z (batch × outputs). */
  forward(X: Matrix<FloatArray>, Z: Matrix<FloatArray>): void {
    // Start every row at b, then accumulate X·W on top: one pass, no separate zero-fill.
    fillRowsWith(Z, this.bias);
    matmul(X, this.weight, Z, true);
  }

  /**
   * Given dZ = ∂L/∂Z: dW = Xᵀ·dZ, db = Σ_rows dZ, and (when dX is given) dX = dZ·Wᵀ.
   * The first layer passes dX = null: nobody needs the gradient of the data itself.
   */
  backward(X: Matrix<FloatArray>, dZ: Matrix<FloatArray>, dX: Matrix<FloatArray> | null): void {
    matmulTransA(X, dZ, this.weightGrad);
    sumColumns(dZ, this.biasGrad);
    if (dX) matmulTransB(dZ, this.weight, dX);
  }
}
