/**
 * Is a typed expression the same function as the key? Both are parsed with the core's
 * restricted parser (no assignment, no unknown functions) and compared at many seeded random
 * points: two different elementary functions almost never agree at 24 random points.
 */
import { parseExpression, type Expression } from '../core/scalar/index.js';
import { Rng } from '../core/rng.js';
import { quizMessages } from './messages.js';
import { MAX_ANSWER_CHARS } from './parse-answer.js';
import { num } from './format.js';

/** How many random points two expressions must agree at. */
export const EQUIVALENCE_POINTS = 24;

/** A parsed expression as a function of named variables. */
export type Evaluator = (values: Record<string, number>) => number;

/**
 * Recently parsed expressions: a question's key is parsed when it is verified and again when
 * answers are checked; mathjs parsing is the slowest part of a quiz, so keep a few around.
 */
const cache = new Map<string, Expression>();
const CACHE_SIZE = 64;

/** Parses with the core parser (cached); the core's UserInputError is wrapped with a quiz hint. */
export function parseCached(source: string): Expression {
  const hit = cache.get(source);
  if (hit) return hit;
  const expr = parseExpression(source);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(source, expr);
  return expr;
}

/**
 * An evaluator of `source`, parsed with the core's restricted parser. Bad input throws the
 * parser's own UserInputError (ru/en, with the position: the most specific message), or
 * quiz.unknown_variable when `allowed` is given and another name appears.
 */
export function compileExpression(source: string, allowed?: readonly string[]): Evaluator {
  if (source.length > MAX_ANSWER_CHARS) {
    throw quizMessages.error('answer_too_long', { length: source.length, max: MAX_ANSWER_CHARS });
  }
  const expr = parseCached(source);
  if (allowed) {
    const extra = expr.variables.filter((v) => !allowed.includes(v));
    if (extra.length > 0) throw quizMessages.error('unknown_variable', { names: extra.join(', '), allowed: allowed.join(', ') });
  }
  return (values) => expr.evaluate(values);
}

/** The sample points (deterministic per seed) at which expressions are compared. */
export function samplePoints(variables: readonly string[], domain: { from: number; to: number }, seed: string): Array<Record<string, number>> {
  const rng = new Rng(`equiv:${seed}`);
  const points: Array<Record<string, number>> = [];
  for (let i = 0; i < EQUIVALENCE_POINTS; i++) {
    const p: Record<string, number> = {};
    for (const v of variables) p[v] = rng.uniform(domain.from, domain.to);
    points.push(p);
  }
  return points;
}

/** True when a and b agree at every sample point (relative 1e-6, absolute 1e-9). */
export function sameFunction(a: Evaluator, b: Evaluator, points: ReadonlyArray<Record<string, number>>): boolean {
  for (const p of points) {
    const x = a(p);
    const y = b(p);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    if (Math.abs(x - y) > Math.max(1e-9, 1e-6 * Math.max(Math.abs(x), Math.abs(y)))) return false;
  }
  return true;
}

/** Throws a UserInputError when the student's expression is undefined at a sample point. */
export function assertFinite(f: Evaluator, points: ReadonlyArray<Record<string, number>>): void {
  for (const p of points) {
    const v = f(p);
    if (!Number.isFinite(v)) {
      const x = Object.values(p)[0] ?? 0;
      // Say what went wrong in words: "NaN" or "Infinity" means nothing to a student.
      const nan = Number.isNaN(v);
      throw quizMessages.error('expression_not_finite', {
        x: num(x, 'en'),
        x_ru: num(x, 'ru'),
        what_en: nan ? 'no real value' : 'an infinite value',
        what_ru: nan ? 'нет вещественного значения' : 'бесконечное значение',
      });
    }
  }
}
