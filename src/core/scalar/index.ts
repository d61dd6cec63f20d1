/**
 * The scalar autograd: `Value` (micrograd-style nodes with backward), its ops, the graph
 * export the renderer and quizzes read, and the expression parser behind `gradbot grad`.
 */
export { Value, topologicalOrder, type Operand } from './value.js';
export * as ops from './ops.js';
export type { OpSpec, ActivationLike } from './ops.js';
export { exportGraph, backwardSteps, exportGraphAfterSteps } from './graph.js';
export type { BackwardStep, GraphExport, GraphNode, OpName } from './graph-types.js';
export { parseExpression, gradients, allowedFunctions, type Expression, type ExprNode } from './parse.js';
export { exprMessages, MAX_EXPRESSION_LENGTH } from './expr-messages.js';
