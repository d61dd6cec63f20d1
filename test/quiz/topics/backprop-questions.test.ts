/**
 * Backprop questions make students think: the printed expression is the pictured graph (parsed
 * by `gradbot grad` it gives the same nodes), few keys are ±1, hints name every path of a
 * variable used twice, and the worked steps read as the lecture's slides.
 */
import { describe, expect, it } from 'vitest';
import { exportGraph, parseExpression, type GraphExport } from '../../../src/core/scalar/index.js';
import { generateQuestion } from '../../../src/quiz/generate.js';
import type { Difficulty, Question } from '../../../src/quiz/types.js';
import { toSource } from '../../../src/quiz/topics/backprop-tree.js';
import { runCli } from '../../cli/run-cli.js';

/** Seeds measured per difficulty for the share of ±1 keys (issue 13: at least 500). */
export const ONES_SEEDS = 600;

/** The structure of a graph: op, parameter, inputs and forward value of every node. */
function shape(g: GraphExport) {
  return g.nodes.map((n) => ({ op: n.op, param: n.param, inputs: n.inputs, value: Number(n.value.toPrecision(12)), label: n.op === 'var' ? n.label : undefined }));
}

function pictured(q: Question): GraphExport {
  if (q.picture?.kind !== 'graph') throw new Error(`${q.id} has no graph picture`);
  return q.picture.graph;
}

describe('the printed expression has the tree\'s real parentheses', () => {
  it.each([1, 2, 3] as Difficulty[])('difficulty %i: parsing f = ... builds the pictured graph node for node (300 seeds)', (d) => {
    for (let seed = 0; seed < 300; seed++) {
      const q = generateQuestion('backprop', seed, d);
      const g = q.graph!;
      const { output } = parseExpression(g.full.expression).build(g.full.values);
      expect(shape(exportGraph(output)), `${q.id}: ${g.full.expression}`).toEqual(shape(pictured(q)));
      // the text prints the same expression
      expect(q.text.en).toContain(`f = ${g.full.expression} at`);
    }
  });

  it('prints brackets only where the tree needs them', () => {
    const v = (name: string, value: number) => ({ kind: 'var' as const, name, value });
    const mul = (a: Parameters<typeof toSource>[0], b: Parameters<typeof toSource>[0]) => ({ kind: 'op' as const, op: 'mul' as const, args: [a, b], value: 0 });
    const add = (a: Parameters<typeof toSource>[0], b: Parameters<typeof toSource>[0]) => ({ kind: 'op' as const, op: 'add' as const, args: [a, b], value: 0 });
    const c = v('c', 1);
    const w = v('w', 2);
    // (3 + relu(c))·(w·w): the node is w·w, so the brackets stay (issue 13's example)
    const relu = { kind: 'op' as const, op: 'relu' as const, args: [c], value: 1 };
    expect(toSource(mul(add({ kind: 'const', value: 3 }, relu), mul(w, w)))).toBe('(3 + relu(c))*(w*w)');
    expect(toSource(mul(mul(add({ kind: 'const', value: 3 }, relu), w), w))).toBe('(3 + relu(c))*w*w');
    expect(toSource(add(c, add(w, c)))).toBe('c + (w + c)');
    expect(toSource(add(add(c, w), c))).toBe('c + w + c');
    const square = { kind: 'op' as const, op: 'pow' as const, k: 2, args: [mul(c, w)], value: 4 };
    expect(toSource(square)).toBe('(c*w)^2');
    const inverse = { kind: 'op' as const, op: 'pow' as const, k: -1, args: [c], value: 1 };
    expect(toSource({ kind: 'op', op: 'div', args: [w, mul(c, w)], value: 1 })).toBe('w/(c*w)');
    expect(toSource(inverse)).toBe('c^(-1)');
  });

  it('gradbot grad on the printed text gives the key and one row per pictured node', async () => {
    for (const seed of [1, 5, 9]) {
      const q = generateQuestion('backprop', seed, 3);
      const g = q.graph!;
      const assignments = Object.entries(g.full.values).map(([k, x]) => `${k}=${x}`);
      const table = await runCli('grad', g.full.expression, ...assignments);
      expect(table.code).toBe(0);
      expect(table.out.split('\n').filter((l) => /^#\d+ /.test(l))).toHaveLength(pictured(q).nodes.length);
      const json = await runCli('grad', g.expression, ...Object.entries(g.values).map(([k, x]) => `${k}=${x}`), '--json');
      expect((JSON.parse(json.out) as { grad: Record<string, number> }).grad[g.ask]).toBeCloseTo(q.answer.value as number, 9);
    }
  });
});

describe('keys of ±1 do not pay', () => {
  it.each([2, 3] as Difficulty[])(`difficulty %i: at most 15%% of ${ONES_SEEDS} keys are ±1`, (d) => {
    let ones = 0;
    for (let seed = 0; seed < ONES_SEEDS; seed++) {
      if (Math.abs(generateQuestion('backprop', seed, d).answer.value as number) === 1) ones++;
    }
    expect(ones / ONES_SEEDS).toBeLessThanOrEqual(0.15);
  });
});

/** Paths from node `from` to the output in a graph, as tag/variable names joined by " → ". */
function pathNames(q: Question, from: number): string[] {
  const g = pictured(q);
  const tags = new Map((q.picture?.kind === 'graph' ? q.picture.options.nodeTags ?? [] : []).map((t) => [t.node, t.text]));
  const name = (id: number) => tags.get(id) ?? g.nodes[id]!.label ?? String(g.nodes[id]!.value);
  const walk = (id: number): string[][] =>
    id === g.output ? [[name(id)]] : g.nodes.filter((n) => n.inputs.includes(id)).flatMap((u) => Array.from({ length: u.inputs.filter((i) => i === id).length }, () => walk(u.id)).flat().map((p) => [name(id), ...p]));
  return walk(from).map((p) => p.join(' → '));
}

describe('hints name every path of a variable used twice', () => {
  it('over 300 level-3 seeds, each path appears in a hint', () => {
    let multi = 0;
    for (let seed = 0; seed < 300; seed++) {
      const q = generateQuestion('backprop', seed, 3);
      const g = pictured(q);
      const asked = q.picture?.kind === 'graph' ? q.picture.options.highlight! : -1;
      const paths = pathNames(q, asked);
      if (paths.length < 2) continue;
      multi++;
      for (const lang of ['en', 'ru'] as const) {
        const hints = q.hints.map((h) => h[lang]).join('\n');
        for (const p of new Set(paths)) expect(hints, `${q.id} ${lang}`).toContain(p);
      }
      expect(q.hints.some((h) => /копирование складывает/i.test(h.ru))).toBe(true);
      expect(g.nodes[asked]!.op).toBe('var');
    }
    expect(multi).toBeGreaterThan(30);
  });
});

describe('worked steps read as the lecture slides', () => {
  it('each step gives ∂f/∂node, the rule, and upstream × local for each input', () => {
    const q = generateQuestion('backprop', 7, 3);
    const steps = q.solution.map((s) => s.text.ru);
    expect(steps[0]).toMatch(/^Узел f \((умножение|сложение|максимум|деление|степень|экспонента|логарифм|сигмоида|ReLU|tanh), значение [−\d]/);
    expect(steps[0]).toMatch(/∂f\/∂f = 1\./);
    expect(steps.join('\n')).toMatch(/Входам: \w+ получает ∂f\/∂\w+·∂\w+\/∂\w+ = /);
    expect(steps.at(-1)).toMatch(/^Итак, ∂f\/∂\w+ = /);
    expect(q.text.ru).toMatch(/^Граф вычислений задаёт f = .*значения прямого прохода показаны на картинке/);
  });
});
