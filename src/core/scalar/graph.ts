/**
 * Plain-data views of a `Value` graph for the renderer, the quizzes and `gradbot grad`:
 * the nodes with their values and gradients, and the backward pass as a list of steps
 * ("the add gate distributes", "the mul gate swaps the multipliers", ...).
 *
 * `backwardSteps` and `exportGraphAfterSteps` replay backpropagation on their own copy of the
 * gradients: they do not change the `grad` fields of the Values.
 */
import type { BackwardStep, GraphExport, GraphNode } from './graph-types.js';
import { topologicalOrder, type Value } from './value.js';

/** The graph as it is now: nodes in topological order with their current `grad`. */
export function exportGraph(output: Value): GraphExport {
  const order = topologicalOrder(output);
  const ids = idsOf(order);
  return { nodes: order.map((v) => toNode(v, ids, v.grad)), output: order.length - 1 };
}

/**
 * The backward pass as steps, from the output back to the inputs (reverse topological order):
 * - one step per non-leaf node, whose `rule` is its op name ("add" distributes the gradient,
 *   "mul" swaps the multipliers, "max"/"min" route it, "exp", "relu"... apply their derivative);
 * - and, for a node used more than once (x * x, or x in two terms), a "copy" step right when
 *   its gradient is complete, listing in `sum` what each use sent back: the gradients add up.
 * Works whether or not `backward()` was called; the Values are not modified.
 */
export function backwardSteps(output: Value): BackwardStep[] {
  return replay(output, Infinity).steps;
}

/**
 * The graph with the gradients as they are after the first `k` steps of `backwardSteps`
 * (k = 0: only the output has its gradient 1; k >= the number of steps: the full result).
 */
export function exportGraphAfterSteps(output: Value, k: number): GraphExport {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a whole number >= 0, got ${k}`);
  const { order, ids, grads } = replay(output, k);
  return { nodes: order.map((v) => toNode(v, ids, grads.get(v) ?? 0)), output: order.length - 1 };
}

function idsOf(order: readonly Value[]): Map<Value, number> {
  return new Map(order.map((v, i) => [v, i]));
}

function toNode(v: Value, ids: Map<Value, number>, grad: number): GraphNode {
  const node: GraphNode = { id: ids.get(v)!, op: v.op, value: v.data, grad, inputs: v.inputs.map((x) => ids.get(x)!) };
  if (v.label !== undefined) node.label = v.label;
  if (v.param !== undefined) node.param = v.param;
  return node;
}

/**
 * Runs backpropagation on a private gradient table, recording each step; gradients are
 * applied for the first `limit` steps only (all steps are still recorded).
 */
function replay(output: Value, limit: number) {
  const order = topologicalOrder(output);
  const ids = idsOf(order);
  const grads = new Map<Value, number>(order.map((v) => [v, 0]));
  grads.set(output, 1);

  // How many input slots point at each node: x * x uses x twice.
  const uses = new Map<Value, number>();
  for (const v of order) for (const x of v.inputs) uses.set(x, (uses.get(x) ?? 0) + 1);
  // What each use sent back, for the "copy" steps.
  const received = new Map<Value, Array<{ from: number; grad: number }>>();

  const steps: BackwardStep[] = [];
  // The simulated gradient is what it would be after the steps applied so far; once `limit`
  // is reached we keep recording from the full values so the steps stay complete.
  const full = new Map(grads);
  const apply = (target: Map<Value, number>, x: Value, added: number) => target.set(x, (target.get(x) ?? 0) + added);

  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    const id = ids.get(v)!;
    const upstream = full.get(v) ?? 0;
    if ((uses.get(v) ?? 0) >= 2) {
      steps.push({ node: id, rule: 'copy', upstream, contributions: [], sum: received.get(v) ?? [] });
    }
    if (v.inputs.length === 0) continue;
    const local = v.localGrads();
    const applied = steps.length < limit;
    const contributions = v.inputs.map((x, j) => {
      const l = local[j]!;
      const added = upstream * l;
      apply(full, x, added);
      if (applied) apply(grads, x, added);
      const list = received.get(x) ?? [];
      list.push({ from: id, grad: added });
      received.set(x, list);
      return { input: ids.get(x)!, local: l, added };
    });
    steps.push({ node: id, rule: v.op, upstream, contributions });
  }
  return { order, ids, steps, grads };
}
