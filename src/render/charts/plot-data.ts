/**
 * From what a student typed (`relu,gelu`, `x^3 - 2*x`) to sampled curves: each item is an
 * activation from the registry or an expression in x parsed by the core; f' comes from the
 * registry's df or from the scalar autograd (Expression.derivative), never from a formula
 * written here.
 *
 * The expression parser (core/scalar/parse.ts) pulls in mathjs, which takes seconds to load on
 * a busy machine. Only expression items need it, so it is not imported here: `loadPlotData`
 * loads it on demand and hands it to `buildPlotData`. A worker that draws a loss curve or a
 * `relu` chart never pays for it.
 */
import type { Lang } from '../../core/errors.js';
import { findActivation, getActivation } from '../../core/activations/index.js';
import type { Activation } from '../../core/activations/types.js';
import type { parseExpression } from '../../core/scalar/parse.js';
import { LIMITS, renderMsg } from '../messages.js';
import { breakJumps, evaluateAt, niceRange, robustYRange, sampleXs, type CurvePoint } from './sampling.js';

/** The default plot range (the lecture's slides use [-5, 5]). */
export const DEFAULT_RANGE: readonly [number, number] = [-5, 5];

/** One function to draw, resolved from an item of the request. */
export interface PlotFunction {
  /** What the student typed (trimmed). */
  source: string;
  /** Short legend label: the activation id or the expression. */
  label: string;
  /** The registry entry, when the item is an activation. */
  activation?: Activation;
  f(x: number): number;
  df(x: number): number;
  /** Known kinks/jumps (registry); expressions rely on jump detection alone. */
  kinks: readonly number[];
}

/** A sampled curve ready for the chart config. */
export interface PlotSeries {
  label: string;
  /** `f` or `df` (drawn dashed). */
  kind: 'f' | 'df';
  /** Index of the function in the request: curves of one function share a colour. */
  fnIndex: number;
  points: CurvePoint[];
}

/** Everything the activation/comparison chart needs, as plain data. */
export interface PlotData {
  functions: PlotFunction[];
  series: PlotSeries[];
  from: number;
  to: number;
  yRange: [number, number];
  lang: Lang;
  /** Names hidden: titles and legends say f(x), g(x)... (see PlotRequestOptions.anonymous). */
  anonymous: boolean;
}

/**
 * Splits "relu, max(x, 0), gelu" on top-level commas only: commas inside parentheses belong
 * to a function call such as max(x, y).
 */
export function splitItems(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      items.push(list.slice(start, i));
      start = i + 1;
    }
  }
  items.push(list.slice(start));
  return items.map((s) => s.trim());
}

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_-]*$/u;

/** The core's expression parser (`parseExpression` of core/scalar/parse.ts). */
export type ExpressionParser = typeof parseExpression;

let parserLoading: Promise<ExpressionParser> | undefined;

/** Loads the expression parser (and with it mathjs) once, on first use. */
export function loadExpressionParser(): Promise<ExpressionParser> {
  parserLoading ??= import('../../core/scalar/parse.js').then((m) => m.parseExpression);
  return parserLoading;
}

/** True when some item is not a registry activation, i.e. needs the expression parser. */
export function needsExpressionParser(items: readonly string[]): boolean {
  return items.some((s) => findActivation(s.trim()) === undefined);
}

/**
 * Resolves one item: an activation id/alias, or an expression in x (parsed with `parse`, which
 * must be given for expression items: see `loadExpressionParser`).
 */
export function resolveItem(source: string, index: number, parse?: ExpressionParser): PlotFunction {
  const s = source.trim();
  if (s === '') throw renderMsg.error('empty_item', { index: index + 1 });
  if (s.length > LIMITS.maxExpressionLength) {
    throw renderMsg.error('expression_too_long', { length: s.length, max: LIMITS.maxExpressionLength });
  }
  const act = findActivation(s);
  if (act) {
    return { source: s, label: act.id, activation: act, f: (x) => act.f(x), df: (x) => act.df(x), kinks: act.kinks };
  }
  // A lone word that is not `x` is a mistyped activation name: the registry's error has suggestions.
  if (IDENTIFIER.test(s) && s !== 'x') getActivation(s);
  // A caller bug, not a student's: expression items need the parser passed in.
  if (!parse) throw new Error(`resolveItem: "${s}" is an expression; pass the parser (loadExpressionParser)`);
  const expr = parse(s);
  const others = expr.variables.filter((v) => v !== 'x');
  if (others.length > 0) throw renderMsg.error('expression_variables', { expr: s, names: others.join(', ') });
  return {
    source: s,
    label: s,
    f: (x) => expr.evaluate({ x }),
    // A constant has no x in its graph; its derivative is 0 everywhere.
    df: expr.variables.includes('x') ? (x) => expr.derivative({ x }, 'x') : () => 0,
    kinks: [],
  };
}

/** Checks a plot range against the limits of the issue. */
export function checkRange(from: number, to: number): void {
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw renderMsg.error('range_not_finite', { from: String(from), to: String(to) });
  if (from >= to) throw renderMsg.error('range_empty', { from, to });
  const max = LIMITS.maxAbsRange;
  if (Math.abs(from) > max || Math.abs(to) > max) throw renderMsg.error('range_too_wide', { from, to, max });
}

/** Letters that stand for the functions of an anonymous chart: f, g, h, ... */
const ANONYMOUS_NAMES = ['f', 'g', 'h', 'k', 'p', 'q', 'r', 's'];

/** The name of function i on an anonymous chart. */
export function anonymousName(i: number): string {
  return ANONYMOUS_NAMES[i] ?? `f${i + 1}`;
}

/** Options of `buildPlotData`. */
export interface PlotRequestOptions {
  from?: number;
  to?: number;
  /** Draw f' too (default true). */
  derivative?: boolean;
  lang?: Lang;
  samples?: number;
  /** The expression parser; needed only when some item is an expression (see `loadPlotData`). */
  parse?: ExpressionParser;
  /**
   * "Which function is this?" mode: the chart must not name the function. Titles and legends
   * then say f(x), g(x)... and never the activation's name, id or formula.
   */
  anonymous?: boolean;
}

/** Resolves and samples the items of a `/plot` request. */
export function buildPlotData(items: readonly string[], options: PlotRequestOptions = {}): PlotData {
  if (items.length === 0) throw renderMsg.error('no_functions');
  if (items.length > LIMITS.maxFunctions) throw renderMsg.error('too_many_functions', { count: items.length, max: LIMITS.maxFunctions });
  const from = options.from ?? DEFAULT_RANGE[0];
  const to = options.to ?? DEFAULT_RANGE[1];
  checkRange(from, to);
  const anonymous = options.anonymous ?? false;
  const functions = items.map((s, i) => {
    const fn = resolveItem(s, i, options.parse);
    // Anonymous: not even the series labels (plain data that could reach a legend) keep the id.
    return anonymous ? { ...fn, label: anonymousName(i) } : fn;
  });
  const withDerivative = options.derivative ?? true;

  const raw: PlotSeries[] = [];
  functions.forEach((fn, fnIndex) => {
    const xs = sampleXs(from, to, options.samples, fn.kinks);
    const fPoints = evaluateAt(xs, fn.f);
    if (fPoints.every((p) => p.y === null)) throw renderMsg.error('nothing_defined', { expr: fn.source, from, to });
    raw.push({ label: fn.label, kind: 'f', fnIndex, points: fPoints });
    if (withDerivative) {
      // Where f is undefined, so is f'.
      const dPoints = evaluateAt(xs, fn.df).map((p, i) => (fPoints[i]?.y === null ? { x: p.x, y: null } : p));
      raw.push({ label: `${fn.label}′`, kind: 'df', fnIndex, points: dPoints });
    }
  });

  const robust = robustYRange(raw.flatMap((s) => s.points.map((p) => p.y ?? NaN)));
  const yRange = niceRange(robust[0], robust[1]);
  const series = raw.map((s) => ({ ...s, points: breakJumps(s.points, yRange) }));
  return { functions, series, from, to, yRange, lang: options.lang ?? 'en', anonymous };
}

/** `buildPlotData`, loading the expression parser first when an item needs it. */
export async function loadPlotData(items: readonly string[], options: PlotRequestOptions = {}): Promise<PlotData> {
  if (options.parse === undefined && needsExpressionParser(items)) options = { ...options, parse: await loadExpressionParser() };
  return buildPlotData(items, options);
}
