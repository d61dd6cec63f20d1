/**
 * `/grad` and `gradbot grad`: an expression and variable values in, the output node (with
 * the whole graph behind it, after backpropagation), its value and the gradient of every
 * variable out.
 */
import { parseExpression, type Value } from '../core/scalar/index.js';
import { rejectUnknownVariables } from './assignments.js';

/** The result of one backward pass. */
export interface GradResult {
  /** The output node; the graph and every gradient hang off it. */
  output: Value;
  value: number;
  /** d output / d variable, by variable name in alphabetical order. */
  grad: Record<string, number>;
}

/**
 * Parses the expression, checks that every given value names one of its variables, builds
 * the graph and runs backpropagation. Bad input is a UserInputError (expr.*, values.*).
 */
export function computeGradients(expression: string, values: Record<string, number>): GradResult {
  const expr = parseExpression(expression);
  rejectUnknownVariables(expr, values);
  const { output, vars } = expr.build(values);
  output.backward();
  // no prototype, so a variable called "constructor" is just a variable
  const grad: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const name of Object.keys(vars).sort()) grad[name] = vars[name]!.grad;
  return { output, value: output.data, grad };
}
