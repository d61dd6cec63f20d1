/**
 * Plain-data view of a scalar computation graph: what the renderer draws, what the quizzes
 * ask about and what `gradbot grad` prints node by node. Produced by `exportGraph` in
 * ./graph.ts from a `Value` after (some steps of) `backward()`.
 */

/**
 * Operation names. `var` is an input variable (it has a label), `const` a literal number;
 * the rest are the arithmetic ops and functions, and any activation-registry id.
 */
export type OpName =
  | 'var'
  | 'const'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'neg'
  | 'pow'
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'abs'
  | 'max'
  | 'min'
  | 'sin'
  | 'cos'
  | (string & {});

export interface GraphNode {
  /** Stable within one export: 0..n-1 in topological order (inputs before their users). */
  id: number;
  op: OpName;
  /** The variable name for `var` nodes, or a name given to an intermediate node (e.g. "z"). */
  label?: string;
  /** Forward value. */
  value: number;
  /** d(output)/d(this node) accumulated so far (0 before backward reaches it). */
  grad: number;
  /** Ids of the operands, in order (a - b: [a, b]). */
  inputs: number[];
  /** A fixed parameter of the op: the exponent k of `pow` when k is a number (x^2). */
  param?: number;
}

/** One step of the backward pass, for worked solutions and the renderer's step mode. */
export interface BackwardStep {
  /** The node whose gradient is being pushed to its inputs. */
  node: number;
  /** The gate rule this step applies, e.g. "add", "mul", "max", "exp", "copy". */
  rule: string;
  /** The upstream gradient of `node`. */
  upstream: number;
  /**
   * Per input (same order as the node's inputs): local derivative and what was added.
   * Empty for a "copy" step, which adds nothing new (see `sum`).
   */
  contributions: Array<{ input: number; local: number; added: number }>;
  /**
   * "copy" steps only: the node was used by several users (x * x, or x in two places); its
   * gradient is the sum of what each use sent back, in the order they arrived.
   */
  sum?: Array<{ from: number; grad: number }>;
}

export interface GraphExport {
  /** Nodes in topological order; the output is the last one. */
  nodes: GraphNode[];
  /** Id of the output node. */
  output: number;
}
