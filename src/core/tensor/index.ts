/** Dense typed-array matrices and the kernels that train MLPs (see each file for the why). */
export { Matrix, allocFloats, dtypeOf, assertShape, type FloatArray, type DType } from './matrix.js';
export { matmul, matmulTransA, matmulTransB, matmulRaw, matmulTransARaw, matmulTransBRaw } from './matmul.js';
export { addRowVector, fillRowsWith, sumColumns } from './bias.js';
export { logSumExp, logSumExpRows, softmaxRows } from './softmax.js';
export { sum, mean, dot, sumOfSquares, maxAbs, argmaxRows } from './reductions.js';
export { ActivationOp, createActivationState, type ActivationState } from './activation-op.js';
export { setSimdEnabled, simdAvailable } from './simd.js';
