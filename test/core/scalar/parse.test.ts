import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS, getActivation } from '../../../src/core/activations/index.js';
import { isUserInputError, type UserInputError } from '../../../src/core/errors.js';
import { Rng } from '../../../src/core/rng.js';
import { backwardSteps } from '../../../src/core/scalar/graph.js';
import { gradients, parseExpression } from '../../../src/core/scalar/parse.js';
import { centralDiff, close } from './finite-diff.js';

/** The UserInputError thrown by fn (fails the test if none). */
function errorOf(fn: () => unknown): UserInputError {
  try {
    fn();
  } catch (e) {
    if (isUserInputError(e)) return e;
    throw e;
  }
  throw new Error('expected a UserInputError');
}

/** Checks gradients() against central differences of evaluate() at the given point. */
function checkAgainstFiniteDifferences(source: string, point: Record<string, number>): void {
  const expr = parseExpression(source);
  const names = expr.variables;
  const x = names.map((n) => point[n]!);
  const f = (p: number[]) => expr.evaluate(Object.fromEntries(names.map((n, i) => [n, p[i]!])));
  const { value, grad } = gradients(source, point);
  expect(value).toBe(f(x));
  names.forEach((n, i) => {
    const numeric = centralDiff(f, x, i);
    expect(close(grad[n]!, numeric, 1e-5, 1e-6), `${source}: d/d${n} = ${grad[n]} vs ${numeric}`).toBe(true);
  });
}

describe('parseExpression: the issue examples', () => {
  const rng = new Rng('parse-examples');
  const examples: Array<[string, string[], (v: Record<string, number>) => number]> = [
    ['1 + exp(w0 + w1*x)', ['w0', 'w1', 'x'], (v) => 1 + Math.exp(v.w0! + v.w1! * v.x!)],
    ['x^3 + 2*x^2*y', ['x', 'y'], (v) => v.x! ** 3 + 2 * v.x! ** 2 * v.y!],
    [
      '-log(exp(z2) / (exp(z1) + exp(z2)))',
      ['z1', 'z2'],
      (v) => -Math.log(Math.exp(v.z2!) / (Math.exp(v.z1!) + Math.exp(v.z2!))),
    ],
    ['max(x, y) * z', ['x', 'y', 'z'], (v) => Math.max(v.x!, v.y!) * v.z!],
    ['sigmoid(w*x + b)', ['b', 'w', 'x'], (v) => getActivation('sigmoid').f(v.w! * v.x! + v.b!)],
  ];
  for (const [source, variables, direct] of examples) {
    it(source, () => {
      const expr = parseExpression(source);
      expect(expr.variables).toEqual(variables);
      for (let i = 0; i < 5; i++) {
        const point = Object.fromEntries(variables.map((n) => [n, rng.uniform(-2, 2)]));
        if (source.startsWith('max')) point.y = point.x! + 0.5; // away from the tie
        expect(expr.evaluate(point)).toBeCloseTo(direct(point), 12);
        expect(expr.build(point).output.data).toBeCloseTo(direct(point), 12);
        checkAgainstFiniteDifferences(source, point);
      }
    });
  }

  it('the softmax cross-entropy example has gradients p - y', () => {
    const z1 = 0.3;
    const z2 = -1.1;
    const { grad } = gradients('-log(exp(z2) / (exp(z1) + exp(z2)))', { z1, z2 });
    const p2 = Math.exp(z2) / (Math.exp(z1) + Math.exp(z2));
    expect(grad.z1).toBeCloseTo(1 - p2, 12);
    expect(grad.z2).toBeCloseTo(p2 - 1, 12);
  });
});

describe('parseExpression: what is accepted', () => {
  it('a variable used twice is one node, so the copy gate appears', () => {
    const { output, vars } = parseExpression('x*x + x').build({ x: 3 });
    output.backward();
    expect(vars.x!.grad).toBe(2 * 3 + 1);
    expect(vars.x!.label).toBe('x');
    expect(backwardSteps(output).some((s) => s.rule === 'copy')).toBe(true);
  });

  it('functions: exp, log, ln, sqrt, abs, max and min with 2+ arguments, sin, cos, activations and aliases', () => {
    const v = { x: 0.7, y: -0.4, z: 1.9 };
    const cases: Array<[string, number]> = [
      ['exp(x)', Math.exp(0.7)],
      ['log(x) + ln(z)', Math.log(0.7) + Math.log(1.9)],
      ['sqrt(z) * abs(y)', Math.sqrt(1.9) * 0.4],
      ['max(x, y, z) + min(x, y, z)', 1.9 - 0.4],
      ['sin(x) - cos(y)', Math.sin(0.7) - Math.cos(-0.4)],
      ['relu(y) + leaky_relu(y) + swish(x)', getActivation('leaky_relu').f(-0.4) + getActivation('silu').f(0.7)],
      ['+x - -y', 0.7 - 0.4],
    ];
    for (const [source, expected] of cases) expect(parseExpression(source).evaluate(v)).toBeCloseTo(expected, 12);
    checkAgainstFiniteDifferences('max(x, y, z) * min(y, z) + ln(z) * sin(x) / sqrt(z)', v);
  });

  it('implicit multiplication: 2x is 2*x and 2 x y is 2*x*y', () => {
    expect(gradients('2x', { x: 5 })).toEqual({ value: 10, grad: { x: 2 } });
    expect(gradients('2 x y', { x: 3, y: 4 })).toEqual({ value: 24, grad: { x: 8, y: 6 } });
  });

  it('e and pi are constants unless given a value', () => {
    const expr = parseExpression('e^x * pi');
    expect(expr.variables).toEqual(['x']);
    expect(expr.evaluate({ x: 1 })).toBeCloseTo(Math.E * Math.PI, 12);
    const withE = gradients('e^x * pi', { x: 1, e: 2 });
    expect(withE.value).toBeCloseTo(2 * Math.PI, 12);
    expect(Object.keys(withE.grad)).toEqual(['e', 'x']);
    expect(withE.grad.e).toBeCloseTo(Math.PI, 12); // d/de e^x = x e^(x-1) = 1
  });

  it('a number exponent stays finite at a negative base; NaN where the math is undefined', () => {
    expect(gradients('x^2', { x: -3 })).toEqual({ value: 9, grad: { x: -6 } });
    expect(gradients('x^(-1)', { x: 2 }).grad.x).toBeCloseTo(-0.25, 15);
    expect(parseExpression('log(x)').evaluate({ x: -1 })).toBeNaN();
  });

  it('derivative(values, name) goes through the graph', () => {
    const expr = parseExpression('x^3 + 2*x^2*y');
    expect(expr.derivative({ x: 2, y: 1 }, 'x')).toBeCloseTo(3 * 4 + 4 * 2 * 1, 12);
    expect(expr.derivative({ x: 2, y: 1 }, 'y')).toBeCloseTo(2 * 4, 12);
    expect(errorOf(() => expr.derivative({ x: 2, y: 1 }, 'q')).code).toBe('expr.unknown_variable');
  });
});

describe('parseExpression: what is rejected, with a code and a position', () => {
  const cases: Array<[string, string, Record<string, unknown>?]> = [
    ['x + foo(x)', 'expr.unknown_function', { name: 'foo', position: 5 }],
    ['x = 2', 'expr.assignment', { position: 3 }],
    ['f(x) = x^2', 'expr.assignment'],
    ['"abc" + x', 'expr.string', { position: 1 }],
    ['[1, 2]', 'expr.matrix'],
    ['{a: 1}', 'expr.matrix'],
    ['x!', 'expr.factorial', { position: 2 }],
    ['x < y', 'expr.comparison', { operator: '<', position: 3 }],
    ['x == y', 'expr.comparison'],
    ['x mod 2', 'expr.operator', { operator: 'mod' }],
    ['x & y', 'expr.operator'],
    ["x'", 'expr.operator'],
    ['x ? y : z', 'expr.unsupported'],
    ['1:3', 'expr.unsupported'],
    ['x; y', 'expr.unsupported'],
    ['a.b', 'expr.unsupported'],
    ['true + x', 'expr.not_number'],
    // mathjs reads these as numbers or as x/100; none is a finite number a student meant
    ['NaN * x', 'expr.not_number', { text: 'NaN', position: 1 }],
    ['x + Infinity', 'expr.not_number', { position: 5 }],
    ['2 * 1e400', 'expr.not_number', { position: 5 }],
    ['x%', 'expr.operator', { operator: '%', position: 2 }],
    // names of Object.prototype are not functions (they used to crash as an internal error)
    ['constructor(x)', 'expr.unknown_function', { name: 'constructor' }],
    ['__proto__(x)', 'expr.unknown_function', { name: '__proto__' }],
    ['', 'expr.empty'],
    ['   ', 'expr.empty'],
    ['x +', 'expr.syntax', { position: 4 }],
    ['(x', 'expr.syntax'],
    ['x @ y', 'expr.syntax', { position: 3 }],
    ['exp(x, y)', 'expr.arity', { name: 'exp', got: 2 }],
    ['log(x, 2)', 'expr.arity'],
    ['max(x)', 'expr.arity', { name: 'max', got: 1 }],
    ['relu()', 'expr.arity'],
    ['x * sin', 'expr.function_without_call', { name: 'sin', position: 5 }],
    ['x'.repeat(501), 'expr.too_long', { length: 501, max: 500 }],
  ];
  for (const [source, code, params] of cases) {
    it(`${JSON.stringify(source.length > 40 ? source.slice(0, 10) + '...' : source)} -> ${code}`, () => {
      const e = errorOf(() => parseExpression(source));
      expect(e.code).toBe(code);
      if (params) expect(e.params).toMatchObject(params);
      // both languages, no placeholders left, no stack in the message
      for (const lang of ['en', 'ru'] as const) {
        expect(e.render(lang)).not.toMatch(/\{\w+\}/);
        expect(e.render(lang)).not.toMatch(/at .*\.ts:\d+/);
      }
      expect(e.render('ru')).not.toBe(e.render('en'));
    });
  }

  it('an unknown function lists what is allowed', () => {
    const e = errorOf(() => parseExpression('x + foo(x)'));
    expect(e.message).toMatch(/^Unknown function "foo" at position 5\. Allowed: exp, log, ln, sqrt, abs, max, min, sin, cos; activations: /);
    for (const id of ACTIVATION_IDS) expect(e.message).toContain(id);
    expect(e.render('ru')).toContain('relu6');
  });

  it('a misspelt activation gets a suggestion; function names ignore case', () => {
    const e = errorOf(() => parseExpression('sigmod(x)'));
    expect(e.code).toBe('expr.unknown_function_suggest');
    expect(e.message).toMatch(/^Unknown function "sigmod" at position 1\. Did you mean sigmoid/);
    expect(parseExpression('Exp(x) + ReLU(x) + MAX(x, 1)').evaluate({ x: 2 })).toBeCloseTo(Math.exp(2) + 2 + 2, 12);
  });

  it('a missing variable value names it and shows how to give it', () => {
    const expr = parseExpression('1 + exp(w0 + w1*x)');
    const e = errorOf(() => expr.build({ w0: 1, x: 2 }));
    expect(e.code).toBe('expr.missing_value');
    expect(e.message).toBe('No value for variable "w1". Give it as w1=<number>.');
    expect(errorOf(() => expr.evaluate({ w0: 1, x: 2 })).code).toBe('expr.missing_value');
    expect(errorOf(() => gradients('x', {})).code).toBe('expr.missing_value');
  });

  it('a value that is not a finite number is rejected', () => {
    expect(errorOf(() => gradients('x + 1', { x: Number.NaN })).code).toBe('expr.bad_value');
    expect(errorOf(() => gradients('x + 1', { x: Infinity })).code).toBe('expr.bad_value');
  });

  it('500 characters are still accepted', () => {
    const source = ('x' + ' + x'.repeat(124)).padEnd(500, ' ');
    expect(source.length).toBe(500);
    expect(gradients(source, { x: 1 })).toEqual({ value: 125, grad: { x: 125 } });
  });
});
