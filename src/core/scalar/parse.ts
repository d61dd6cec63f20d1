/**
 * From a formula a student types (`1 + exp(w0 + w1*x)`) to a `Value` graph.
 *
 * mathjs parses the text (a well-kept parser beats a hand-written one); we walk its tree and
 * keep only what a first course needs: numbers, variables, + - * / ^, unary minus and plus,
 * brackets, the functions exp, log (natural; also ln), sqrt, abs, max, min (2 or more
 * arguments), sin, cos, and every activation of the registry by id or alias. The constants
 * e and pi are allowed unless a value is given for them, then they are variables.
 *
 * Implicit multiplication is accepted because mathjs reads it and it is friendly: `2x` is
 * `2*x`, `2 x y` is `2*x*y`. Note mathjs's rule that `1/2x` means `(1/2)*x`.
 * Anything else is a UserInputError saying what and where (1-based character position).
 */
import { isConstantNode, isFunctionNode, isOperatorNode, isParenthesisNode, isSymbolNode, parse } from 'mathjs';
import type { MathNode } from 'mathjs';
import { ACTIVATION_IDS, findActivation, suggestActivations } from '../activations/index.js';
import { exprMessages as msg, MAX_EXPRESSION_LENGTH, syntaxDetail } from './expr-messages.js';
import * as ops from './ops.js';
import { Value } from './value.js';

/** The checked tree of an expression: what `build` and `evaluate` walk. */
export type ExprNode =
  | { kind: 'num'; value: number }
  | { kind: 'sym'; name: string }
  | { kind: 'call'; op: ops.OpSpec; args: ExprNode[] }
  | { kind: 'powConst'; base: ExprNode; exponent: number };

/** A parsed, checked expression. */
export interface Expression {
  /** The text as typed. */
  source: string;
  /** Variable names, sorted and unique; e and pi are not listed (they are constants). */
  variables: string[];
  /** The checked tree. */
  tree: ExprNode;
  /**
   * The `Value` graph at these values. Each variable is ONE node labelled with its name
   * (x*x uses the same node twice: the copy gate). A value for e or pi makes it a variable.
   */
  build(values: Record<string, number>): { output: Value; vars: Record<string, Value> };
  /** The value only, with plain numbers (no graph). NaN where the math is undefined (log(-1)). */
  evaluate(values: Record<string, number>): number;
  /** d(expression)/d(name) at these values, by backpropagation through the graph. */
  derivative(values: Record<string, number>, name: string): number;
}

/** The named constants, used when no value is given for them. */
const CONSTANTS: Readonly<Record<string, number>> = { e: Math.E, pi: Math.PI };

/** Built-in math functions by the names a student may type. */
const FUNCTIONS: Readonly<Record<string, ops.OpSpec>> = {
  exp: ops.exp,
  log: ops.log,
  ln: ops.log,
  sqrt: ops.sqrt,
  abs: ops.abs,
  max: ops.max,
  min: ops.min,
  sin: ops.sin,
  cos: ops.cos,
};

const BINARY: Readonly<Record<string, ops.OpSpec>> = {
  add: ops.add,
  subtract: ops.sub,
  multiply: ops.mul,
  divide: ops.div,
  pow: ops.pow,
};

const COMPARISONS = new Set(['equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq', 'compare']);

/** Parses and checks an expression; throws a UserInputError (code `expr.*`) if it cannot be used. */
export function parseExpression(source: string): Expression {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw msg.error('too_long', { length: source.length, max: MAX_EXPRESSION_LENGTH });
  }
  if (source.trim() === '') throw msg.error('empty');
  let root: MathNode;
  try {
    root = parse(source);
  } catch (e) {
    throw syntaxError(e);
  }
  const names = new Set<string>();
  const tree = convert(root, source, names);
  const variables = [...names].filter((n) => !Object.hasOwn(CONSTANTS, n)).sort();
  const expr: Expression = {
    source,
    variables,
    tree,
    build: (values) => buildGraph(tree, values),
    evaluate: (values) => evaluateTree(tree, values),
    derivative: (values, name) => {
      const { output, vars } = buildGraph(tree, values);
      const v = vars[name];
      if (!v) throw msg.error('unknown_variable', { name, variables: variables.join(', ') || '-' });
      output.backward();
      return v.grad;
    },
  };
  return expr;
}

/** The value of an expression and its gradient with respect to every variable. */
export function gradients(source: string, values: Record<string, number>): { value: number; grad: Record<string, number> } {
  const { output, vars } = parseExpression(source).build(values);
  output.backward();
  const grad: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const name of Object.keys(vars).sort()) grad[name] = vars[name]!.grad;
  return { value: output.data, grad };
}

/** The names accepted as functions, for messages. */
export function allowedFunctions(): string[] {
  return [...Object.keys(FUNCTIONS), ...ACTIVATION_IDS];
}

function syntaxError(e: unknown): Error {
  const text = e instanceof Error ? e.message : String(e);
  const char = typeof e === 'object' && e !== null && 'char' in e && typeof e.char === 'number' ? e.char : undefined;
  const position = char ?? Number(/\(char (\d+)\)/.exec(text)?.[1] ?? 1);
  const detail = text.replace(/\s*\(char \d+\)\s*$/, '');
  return msg.error('syntax', { position, ...syntaxDetail(detail) });
}

/** 1-based position of the first match of `pattern` in the source (1 if not found). */
function positionOf(source: string, pattern: RegExp): number {
  const m = pattern.exec(source);
  return m ? m.index + 1 : 1;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The position of a function name followed by "(" in the source. */
function callPosition(source: string, name: string): number {
  return positionOf(source, new RegExp(`(?<![\\p{L}\\p{N}_$])${escapeRegExp(name)}\\s*\\(`, 'u'));
}

/** Checks one mathjs node and converts it (with its children) to an ExprNode. */
function convert(node: MathNode, source: string, names: Set<string>): ExprNode {
  const child = (n: MathNode) => convert(n, source, names);

  if (isParenthesisNode(node)) return child(node.content);

  if (isConstantNode(node)) {
    const value: unknown = node.value;
    // NaN, Infinity and 1e400 parse as numbers but are not ones a student can compute with
    if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'num', value };
    if (typeof value === 'number') {
      throw msg.error('not_number', { text: String(value), position: positionOf(source, /NaN|Infinity|\d*\.?\d+[eE]\+?\d{3,}/) });
    }
    if (typeof value === 'string') throw msg.error('string', { position: positionOf(source, /["']/) });
    const text = String(value);
    throw msg.error('not_number', { text, position: positionOf(source, new RegExp(escapeRegExp(text))) });
  }

  if (isSymbolNode(node)) {
    // own keys only: "constructor" or "toString" are names a student may use, not functions
    if (Object.hasOwn(FUNCTIONS, node.name)) {
      throw msg.error('function_without_call', { name: node.name, position: symbolPosition(source, node.name) });
    }
    names.add(node.name);
    return { kind: 'sym', name: node.name };
  }

  if (isOperatorNode(node)) {
    const fn: string = node.fn;
    const args = node.args;
    // mathjs reads "x%" as x/100; a student most likely meant something else (% is not allowed)
    if ('isPercentage' in node && node.isPercentage === true) throw msg.error('operator', { operator: '%', position: positionOf(source, /%/) });
    if (fn === 'unaryPlus' && args[0]) return child(args[0]);
    if (fn === 'unaryMinus' && args[0]) return { kind: 'call', op: ops.neg, args: [child(args[0])] };
    const spec = BINARY[fn];
    if (spec && args.length === 2) {
      const [a, b] = args as [MathNode, MathNode];
      if (fn === 'pow') {
        // A number exponent (x^2, x^-1) is a parameter of the node, not an input.
        const k = constantExponent(b);
        if (k !== undefined) return { kind: 'powConst', base: child(a), exponent: k };
      }
      return { kind: 'call', op: spec, args: [child(a), child(b)] };
    }
    if (fn === 'multiply' && node.implicit) {
      // "2 x y" can come as one implicit node with several factors
      return args.map(child).reduce((acc, x) => ({ kind: 'call', op: ops.mul, args: [acc, x] }));
    }
    const operator: string = node.op;
    const position = positionOf(source, new RegExp(escapeRegExp(operator)));
    if (fn === 'factorial') throw msg.error('factorial', { position });
    if (COMPARISONS.has(fn)) throw msg.error('comparison', { operator, position });
    throw msg.error('operator', { operator, position });
  }

  if (isFunctionNode(node)) {
    const fnNode: MathNode = node.fn;
    if (!isSymbolNode(fnNode)) throw unsupported(node, source);
    const name = fnNode.name;
    const position = callPosition(source, name);
    const args = node.args.map(child);
    // Function names are case-insensitive, like the activation registry's: Exp(x), ReLU(x).
    const builtin = Object.hasOwn(FUNCTIONS, name.toLowerCase()) ? FUNCTIONS[name.toLowerCase()] : undefined;
    if (builtin) {
      if (builtin === ops.max || builtin === ops.min) {
        if (args.length < 2) {
          throw msg.error('arity', { name, position, expected: 'at least 2 arguments', expected_ru: 'не меньше 2 аргументов', got: args.length });
        }
        // max(a, b, c) = max(max(a, b), c): the max gate is binary
        return args.reduce((acc, x) => ({ kind: 'call', op: builtin, args: [acc, x] }));
      }
      return { kind: 'call', op: builtin, args: [oneArgument(name, position, args)] };
    }
    const act = findActivation(name);
    if (act) return { kind: 'call', op: ops.activationOp(act), args: [oneArgument(name, position, args)] };
    const suggestions = suggestActivations(name);
    if (suggestions.length > 0) throw msg.error('unknown_function_suggest', { name, position, suggestions: suggestions.join(', ') });
    throw msg.error('unknown_function', { name, position });
  }

  throw unsupported(node, source);
}

function symbolPosition(source: string, name: string): number {
  return positionOf(source, new RegExp(`(?<![\\p{L}\\p{N}_$])${escapeRegExp(name)}(?![\\p{L}\\p{N}_$])`, 'u'));
}

function oneArgument(name: string, position: number, args: ExprNode[]): ExprNode {
  const [arg] = args;
  if (args.length !== 1 || !arg) {
    throw msg.error('arity', { name, position, expected: '1 argument', expected_ru: '1 аргумент', got: args.length });
  }
  return arg;
}

/** The number k when an exponent is a literal (2, (3), -1); undefined otherwise. */
function constantExponent(node: MathNode): number | undefined {
  if (isParenthesisNode(node)) return constantExponent(node.content);
  if (isConstantNode(node) && typeof node.value === 'number') return node.value;
  if (isOperatorNode(node) && node.args.length === 1 && node.args[0]) {
    const inner = constantExponent(node.args[0]);
    if (inner === undefined) return undefined;
    if (node.fn === 'unaryMinus') return -inner;
    if (node.fn === 'unaryPlus') return inner;
  }
  return undefined;
}

/** The error for a mathjs construct we do not accept, naming it and where it starts. */
function unsupported(node: MathNode, source: string): Error {
  switch (node.type) {
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      return msg.error('assignment', { position: positionOf(source, /=/) });
    case 'ArrayNode':
    case 'ObjectNode': {
      const bracket = node.type === 'ArrayNode' ? '[' : '{';
      return msg.error('matrix', { bracket, position: positionOf(source, new RegExp(escapeRegExp(bracket))) });
    }
    case 'ConditionalNode':
      return msg.error('unsupported', { what: 'a ? b : c', what_ru: 'условное выражение a ? b : c', position: positionOf(source, /\?/) });
    case 'RangeNode':
      return msg.error('unsupported', { what: 'range a:b', what_ru: 'диапазон a:b', position: positionOf(source, /:/) });
    case 'BlockNode':
      return msg.error('unsupported', { what: 'several expressions (; or a new line)', what_ru: 'несколько выражений (через ; или с новой строки)', position: positionOf(source, /[;\n]/) });
    case 'AccessorNode':
    case 'IndexNode':
      return msg.error('unsupported', { what: 'a.b or a[i]', what_ru: 'обращение a.b или a[i]', position: positionOf(source, /[.[]/) });
    default:
      return msg.error('unsupported', { what: node.type, what_ru: `конструкция ${node.type}`, position: 1 });
  }
}

/** The value to use for a name: given, or the constant e/pi. */
function valueOf(name: string, values: Record<string, number>): { value: number; isVariable: boolean } {
  if (Object.prototype.hasOwnProperty.call(values, name)) {
    const value = values[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) throw msg.error('bad_value', { name, value: String(value) });
    return { value, isVariable: true };
  }
  const constant = Object.hasOwn(CONSTANTS, name) ? CONSTANTS[name] : undefined;
  if (constant !== undefined) return { value: constant, isVariable: false };
  throw msg.error('missing_value', { name });
}

function buildGraph(tree: ExprNode, values: Record<string, number>): { output: Value; vars: Record<string, Value> } {
  // no prototype: a variable may be called "constructor" or "__proto__"
  const vars: Record<string, Value> = Object.create(null) as Record<string, Value>;
  const constants = new Map<string, Value>();
  const walk = (n: ExprNode): Value => {
    switch (n.kind) {
      case 'num':
        return Value.from(n.value);
      case 'sym': {
        const known = vars[n.name] ?? constants.get(n.name);
        if (known) return known;
        const { value, isVariable } = valueOf(n.name, values);
        const node = new Value(value, n.name, isVariable ? 'var' : 'const');
        if (isVariable) vars[n.name] = node;
        else constants.set(n.name, node);
        return node;
      }
      case 'powConst':
        return walk(n.base).pow(n.exponent);
      case 'call':
        return Value.apply(n.op, n.args.map(walk));
    }
  };
  const output = walk(tree);
  return { output, vars };
}

function evaluateTree(tree: ExprNode, values: Record<string, number>): number {
  const walk = (n: ExprNode): number => {
    switch (n.kind) {
      case 'num':
        return n.value;
      case 'sym':
        return valueOf(n.name, values).value;
      case 'powConst':
        return Math.pow(walk(n.base), n.exponent);
      case 'call':
        return n.op.forward(...n.args.map(walk));
    }
  };
  return walk(tree);
}
