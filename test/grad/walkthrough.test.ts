import { describe, expect, it } from 'vitest';
import { parseAssignments } from '../../src/grad/assignments.js';
import { computeGradients } from '../../src/grad/compute.js';
import { expressionLine, gradientLines, walkthroughRows, walkthroughTable } from '../../src/grad/walkthrough.js';
import { userErrorCode } from '../error-code.js';

describe('computeGradients', () => {
  it('gives the value and the gradient of every variable, alphabetically', () => {
    const r = computeGradients('x*y + max(x, y)', { y: 3, x: 2 });
    expect(r.value).toBe(9);
    expect(Object.keys(r.grad)).toEqual(['x', 'y']);
    expect(r.grad).toEqual({ x: 3, y: 3 });
  });

  it('rejects a value for a name the expression does not use', () => {
    expect(userErrorCode(() => computeGradients('x + 1', parseAssignments(['x=1', 'w=2'])))).toBe('expr.unknown_variable');
  });
});

describe('the node-by-node walkthrough', () => {
  it('names each gate rule: add distributes, mul swaps, copy adds, max routes', () => {
    const { output } = computeGradients('x*x + max(x, 1)', { x: 3 });
    const rows = walkthroughRows(output, 'en');
    const x = rows.find((r) => r.op === 'x (var)')!;
    expect(x).toMatchObject({ value: 3, grad: 7 });
    expect(x.rules).toEqual(['input', 'copy gate: used 3 times, gradients add up']);
    expect(rows.find((r) => r.op === 'mul(#0, #0)')?.rules).toEqual(['mul gate: swaps the multipliers']);
    expect(rows.find((r) => r.op.startsWith('max('))?.rules).toEqual(['max gate: routes the gradient to the larger input']);
    expect(rows.at(-1)).toMatchObject({ value: 12, grad: 1, rules: ['add gate: distributes the gradient to both inputs'] });
    const ru = walkthroughRows(output, 'ru');
    expect(ru.at(-1)?.rules).toEqual(['сложение распределяет: каждый вход получает градиент целиком']);
  });

  it('prints the table, the expression line and the gradients', () => {
    const { output, value, grad } = computeGradients('exp(x)', { x: 0 });
    const table = walkthroughTable(output, 'en').split('\n');
    expect(table[0]).toMatch(/^node\s+op\s+value\s+grad\s+backward rule$/);
    expect(table[2]).toMatch(/^#1\s+exp\(#0\)\s+1\s+1\s+exp: times the local derivative 1$/);
    expect(expressionLine('exp(x)', { x: 0 })).toBe('f = exp(x)   (x=0)');
    expect(expressionLine('2', {})).toBe('f = 2');
    expect(gradientLines(value, grad, 'ru')).toEqual(['значение: 1', '∂f/∂x = 1']);
  });
});
