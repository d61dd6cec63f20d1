import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.js';
import { gradients } from '../../src/core/scalar/parse.js';


describe('gradbot grad --json', () => {
  it('prints exactly {"value", "grad"} for the lecture example', async () => {
    const r = await run('grad', '1 + exp(w0 + w1*x)', 'w0=1', 'w1=2', 'x=-1', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const parsed: unknown = JSON.parse(r.out);
    const e = Math.exp(1 + 2 * -1);
    expect(Object.keys(parsed as object)).toEqual(['value', 'grad']);
    expect(parsed).toEqual({ value: 1 + e, grad: { w0: e, w1: -1 * e, x: 2 * e } });
  });

  it('accepts negative values and an expression that starts with a minus', async () => {
    const r = await run('grad', '-log(exp(z2) / (exp(z1) + exp(z2)))', 'z1=-0.5', 'z2=1.5', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(gradients('-log(exp(z2) / (exp(z1) + exp(z2)))', { z1: -0.5, z2: 1.5 }));
    const neg = await run('grad', '-x', 'x=-3', '--json');
    expect(JSON.parse(neg.out)).toEqual({ value: 3, grad: { x: -1 } });
  });

  it('variables may be named like Object.prototype members (constructor, toString, __proto__)', async () => {
    const r = await run('grad', 'constructor*x + toString + __proto__^2', 'constructor=2', 'x=3', 'toString=1', '__proto__=4', '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { value: number; grad: object };
    expect(parsed.value).toBe(2 * 3 + 1 + 16);
    // entries, not an object literal: { __proto__: 8 } would set the prototype
    expect(Object.entries(parsed.grad)).toEqual([['__proto__', 8], ['constructor', 3], ['toString', 1], ['x', 2]]);
  });

  it('treats everything after -- as positionals', async () => {
    const r = await run('grad', '--json', '--', '-x*y', 'x=2', 'y=-4');
    expect(JSON.parse(r.out)).toEqual({ value: 8, grad: { x: 4, y: -2 } });
  });
});

describe('gradbot grad, node by node', () => {
  it('prints every node with its value, gradient and gate rule, then the gradients', async () => {
    const r = await run('grad', 'x*x + x*y', 'x=3', 'y=-2');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('f = x*x + x*y   (x=3, y=-2)');
    expect(lines[1]).toMatch(/^node\s+op\s+value\s+grad\s+backward rule$/);
    expect(lines.find((l) => l.startsWith('#0 '))).toMatch(/x \(var\)\s+3\s+4\s+input; copy gate: used 3 times/);
    expect(r.out).toMatch(/mul\(#0, #0\)\s+9\s+1\s+mul gate: swaps the multipliers/);
    expect(r.out).toMatch(/add gate: distributes/);
    expect(r.out).toContain('value: 3');
    expect(r.out).toContain('d/dx = 4');
    expect(r.out).toContain('d/dy = 3');
  });

  it('speaks Russian with --lang ru, node by node as the lecture slides: upstream × local = what each input gets', async () => {
    const r = await run('grad', 'max(x, y) * z', 'x=1', 'y=2', 'z=3', '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toContain('значение: 6');
    expect(r.out).toMatch(/^узел\s+операция\s+значение\s+градиент\s+правило обратного прохода$/m);
    expect(r.out).toContain('максимум направляет градиент к большему входу');
    expect(r.out).toContain('умножение меняет множители местами');
    expect(r.out).toContain('→ y: ∂f/∂#2 · ∂#2/∂y = 3 · 1 = 3');
    expect(r.out).toContain('→ z: ∂f/∂#4 · ∂#4/∂z = 1 · 2 = 2');
    expect(r.out).toContain('∂f/∂z = 2');
    const copy = await run('grad', 'x*x + x*y', 'x=0.5', 'y=-2', '--lang', 'ru');
    expect(copy.out).toContain('копирование складывает: значение используется 3 раза');
    expect(copy.out).toContain('→ x: ∂f/∂#1 · ∂#1/∂x = 1 · 0,5 = 0,5');
    expect(copy.out).toContain('→ x: ∂f/∂#3 · ∂#3/∂x = 1 · (-2) = -2');
    expect(copy.out).toContain('сложение распределяет');
    // the values as typed stay on the first line; every number after it has a decimal comma
    expect(copy.out.split('\n')[0]).toBe('f = x*x + x*y   (x=0.5, y=-2)');
    expect(copy.out.split('\n').slice(1).join('\n')).not.toMatch(/\d\.\d/);
  });

  it('shows what each node sends to its inputs in English too', async () => {
    const r = await run('grad', 'x*x + x*y', 'x=3', 'y=-2');
    expect(r.out).toContain('→ x: ∂f/∂#3 · ∂#3/∂x = 1 · (-2) = -2');
    expect(r.out).toContain('→ y: ∂f/∂#3 · ∂#3/∂y = 1 · 3 = 3');
    expect(r.out).toContain('→ #1: ∂f/∂#4 · ∂#4/∂#1 = 1 · 1 = 1');
  });
});

describe('gradbot grad: bad input exits with code 2 and one clear line', () => {
  const cases: Array<[string[], string]> = [
    [['1 + exp(w0 + w1*x)', 'w0=1', 'x=2'], 'expr.missing_value'],
    [['x + 1', 'x=abc'], 'values.bad_number'],
    [['x + 1', 'x='], 'values.bad_number'],
    [['x + 1', 'x=1', 'x=2'], 'values.duplicate'],
    [['x + 1', 'x=1', 'q=2'], 'expr.unknown_variable'],
    [['x + 1', '5'], 'values.bad_assignment'],
    [['x + 1', '=5'], 'values.bad_assignment'],
    [[], 'grad.missing_expression'],
    [['x + foo(x)', 'x=1'], 'expr.unknown_function'],
    [['x = 2'], 'expr.assignment'],
    [['x + 1', 'x=1', '--frobnicate'], 'cli.unknown_option'],
    [['x + 1', 'x=1', '--lang'], 'cli.bad_lang'],
  ];
  for (const [args, code] of cases) {
    it(`${JSON.stringify(args)} -> ${code}`, async () => {
      const plain = await run('grad', ...args);
      expect(plain.code).toBe(2);
      expect(plain.out).toBe('');
      expect(plain.err.split('\n')).toHaveLength(1);
      expect(plain.err).toMatch(/^gradbot grad: /);
      expect(plain.err).not.toMatch(/\n\s+at /);

      const json = await run('grad', ...args, '--json');
      expect(json.code).toBe(2);
      const parsed = JSON.parse(json.out) as { error: { code: string; message: string } };
      expect(Object.keys(parsed)).toEqual(['error']);
      expect(parsed.error.code).toBe(code);
      expect(parsed.error.message.length).toBeGreaterThan(10);
    });
  }

  it('--json never prints null: a non-finite value or gradient is an error (code 2)', async () => {
    for (const args of [['log(x)', 'x=0'], ['sqrt(x)', 'x=0'], ['exp(x)', 'x=1000'], ['x^y', 'x=-1', 'y=0.5']]) {
      const r = await run('grad', ...args, '--json');
      expect(r.code).toBe(2);
      expect(r.out).not.toContain('null');
      expect((JSON.parse(r.out) as { error: { code: string } }).error.code).toBe('grad.not_finite');
    }
    const ru = await run('grad', 'sqrt(x)', 'x=0', '--json', '--lang', 'ru');
    expect((JSON.parse(ru.out) as { error: { message: string } }).error.message).toMatch(/^d\/dx при этих значениях равно Infinity/);
    // without --json the table still shows where it breaks
    const plain = await run('grad', 'sqrt(x)', 'x=0');
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('d/dx = Infinity');
  });

  it('errors follow --lang=ru as well as --lang ru', async () => {
    const r = await run('grad', 'w1*x', 'x=2', '--lang=ru');
    expect(r.code).toBe(2);
    expect(r.err).toBe('gradbot grad: Нет значения переменной «w1». Задайте его так: w1=<число>.');
  });

  it('the missing-value message says how to give it, in both languages', async () => {
    const en = await run('grad', 'w1*x', 'x=2');
    expect(en.err).toBe('gradbot grad: No value for variable "w1". Give it as w1=<number>.');
    const ru = await run('grad', 'w1*x', 'x=2', '--lang', 'ru');
    expect(ru.err).toContain('w1=<число>');
  });

  it('--help shows the usage', async () => {
    const r = await run('grad', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('gradbot grad "<expr>" name=value');
  });
});
