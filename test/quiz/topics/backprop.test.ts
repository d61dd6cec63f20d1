import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng.js';
import { gradients } from '../../../src/core/scalar/index.js';
import { generateQuestion } from '../../../src/quiz/generate.js';
import { checkAnswer } from '../../../src/quiz/check.js';
import { lectureModel, opNodes, toSource, treeGradient, TreeBuilder, type TreeNode } from '../../../src/quiz/topics/backprop-tree.js';
import type { Question } from '../../../src/quiz/types.js';

const memo = new Map<number, Question[]>();
/** The first n questions of a difficulty (generated once for the whole file). */
function questions(difficulty: 1 | 2 | 3, n = 200): Question[] {
  if ((memo.get(difficulty)?.length ?? 0) < n) memo.set(difficulty, Array.from({ length: n }, (_, s) => generateQuestion('backprop', s, difficulty)));
  return memo.get(difficulty)!.slice(0, n);
}

describe('backprop questions', () => {
  it.each([
    [1, 3, 5],
    [2, 5, 8],
    [3, 8, 10],
  ] as const)('difficulty %i has %i to %i graph nodes', (d, lo, hi) => {
    for (const q of questions(d)) {
      const n = q.picture?.kind === 'graph' ? q.picture.graph.nodes.length : 0;
      expect(n).toBeGreaterThanOrEqual(lo);
      expect(n).toBeLessThanOrEqual(hi);
    }
  });

  it('never sits on a kink: relu inputs and max inputs are clearly apart', () => {
    for (const d of [1, 2, 3] as const) {
      for (const q of questions(d)) {
        if (q.picture?.kind !== 'graph') throw new Error('no graph');
        const nodes = q.picture.graph.nodes;
        for (const n of nodes) {
          const ins = n.inputs.map((i) => nodes[i]!.value);
          if (n.op === 'relu') expect(Math.abs(ins[0]!)).toBeGreaterThanOrEqual(0.25);
          if (n.op === 'max') expect(Math.abs(ins[0]! - ins[1]!)).toBeGreaterThanOrEqual(0.25);
        }
      }
    }
  });

  it('uses every gate of the lecture across seeds, and a copy gate at level 3', () => {
    const ops = new Set<string>();
    for (const d of [1, 2, 3] as const) for (const q of questions(d)) for (const n of (q.picture as { graph: { nodes: Array<{ op: string }> } }).graph.nodes) ops.add(n.op);
    for (const op of ['add', 'mul', 'exp', 'log', 'sigmoid', 'tanh', 'relu', 'max', 'div', 'pow']) expect(ops).toContain(op);
    for (const q of questions(3, 100)) expect(q.solution.some((s) => s.rule === 'copy')).toBe(true);
  });

  it('asks about inputs and intermediate nodes; the JSON graph recomputes the key with grad', () => {
    const asks = questions(3).map((q) => q.graph!);
    expect(asks.some((g) => g.ask === 'u')).toBe(true);
    expect(asks.some((g) => g.ask !== 'u')).toBe(true);
    for (const q of questions(3)) {
      const g = q.graph!;
      expect(gradients(g.expression, g.values).grad[g.ask]).toBeCloseTo(q.answer.value as number, 9);
    }
  });

  it('walks the backward pass step by step with the rule and the graph after each step', () => {
    const q = generateQuestion('backprop', 11, 3);
    const steps = q.solution.filter((s) => s.rule !== undefined);
    expect(steps.length).toBeGreaterThan(3);
    for (const s of steps) {
      expect(s.picture?.kind).toBe('graph');
      expect(s.text.en.length).toBeGreaterThan(10);
      expect(s.text.ru).toMatch(/[а-я]/);
    }
    // the output has gradient 1 after the first step; the last picture holds every gradient
    const last = steps[steps.length - 1]!.picture as { graph: { nodes: Array<{ grad: number; label?: string; op: string }> } };
    const asked = q.graph!.ask;
    const node = last.graph.nodes.find((n) => n.label === asked && (asked === 'u' ? n.op !== 'var' : n.op === 'var'))!;
    expect(node.grad).toBeCloseTo(q.answer.value as number, 12);
    // the question's own picture hides nothing but shows no gradients
    expect(q.picture).toMatchObject({ kind: 'graph', options: { showGrads: false } });
  });

  it('has friendly numbers: inputs small integers or ln k, gradients on a 0.001 grid', () => {
    for (const q of questions(2)) {
      for (const [name, v] of Object.entries(q.graph!.full.values)) {
        const ln = q.text.en.includes(`${name} = ln `);
        if (!ln) expect(Number.isInteger(v)).toBe(true);
        // w0 = −w1·x in the lecture model can reach 25
        expect(Math.abs(v)).toBeLessThanOrEqual(25);
      }
      const key = q.answer.value as number;
      expect(Math.abs(key * 1000 - Math.round(key * 1000))).toBeLessThan(1e-6);
    }
  });
});

describe('texts and pictures name the same nodes', () => {
  type GraphPic = Extract<NonNullable<Question['picture']>, { kind: 'graph' }>;
  const tagsOf = (p: Question['picture']) => new Map(((p as GraphPic).options.nodeTags ?? []).map((t) => [t.text, t.node]));

  it.each([1, 2, 3] as const)('difficulty %i: every "node X" in ru/en texts is a tag on the question picture and on each step picture', (d) => {
    for (const q of questions(d, 120)) {
      const pic = q.picture as GraphPic;
      const tags = tagsOf(pic);
      const nodes = pic.graph.nodes;
      // every op node has a tag, tags are distinct and never clash with a variable name
      const ops = nodes.filter((n) => n.op !== 'var' && n.op !== 'const');
      expect(tags.size).toBe(ops.length);
      for (const n of nodes.filter((x) => x.op === 'var')) expect(tags.has(n.label!)).toBe(false);
      expect(tags.get('f')).toBe(pic.graph.output);
      if (q.graph!.ask === 'u') expect(tags.get('u')).toBe(pic.options.highlight);
      const texts = [q.text, ...q.hints, ...q.solution.map((s) => s.text), ...q.mistakes.map((m) => m.feedback)];
      for (const text of texts) {
        // graph ids mean nothing to a student: they are not on the picture
        expect(text.en).not.toMatch(/#\d/);
        expect(text.ru).not.toMatch(/#\d/);
        const en = [...text.en.matchAll(/[Nn]ode (\S+) \(/g)].map((m) => m[1]!);
        const ru = [...text.ru.matchAll(/[Уу]зел (\S+) \(|от узла (\S+) \(/g)].map((m) => (m[1] ?? m[2])!);
        expect(ru).toEqual(en);
        for (const name of en) expect(tags.has(name)).toBe(true);
      }
      // a worked step talks about the node its picture highlights, tagged with the same name
      for (const step of q.solution.filter((s) => s.picture)) {
        const sp = step.picture as GraphPic;
        expect(tagsOf(sp)).toEqual(tags);
        const named = step.text.en.match(/^Node (\S+) \(/)?.[1] ?? step.text.en.match(/^(\S+) is used/)?.[1];
        const highlighted = sp.graph.nodes[sp.options.highlight!]!;
        expect(named).toBe(highlighted.op === 'var' ? highlighted.label : [...tags].find(([, id]) => id === highlighted.id)![0]);
      }
    }
  });

  it('a step picture shows the gradients known so far and "?" for the rest, ending with all of them', () => {
    const q = generateQuestion('backprop', 11, 3);
    const pics = q.solution.filter((s) => s.picture).map((s) => s.picture as GraphPic);
    const known = pics.map((p) => p.options.knownGrads!.length);
    for (let i = 1; i < known.length; i++) expect(known[i]).toBeGreaterThanOrEqual(known[i - 1]!);
    const last = pics[pics.length - 1]!;
    expect(last.options.knownGrads).toEqual(last.graph.nodes.map((n) => n.id));
    // an unknown gradient is not yet accumulated: it would read 0 on the picture
    for (const p of pics) for (const n of p.graph.nodes) if (!p.options.knownGrads!.includes(n.id)) expect(n.grad).toBe(0);
  });
});

describe('typical backprop mistakes', () => {
  it('names the forgotten copy-gate sum', () => {
    const q = questions(3, 300).find((x) => x.mistakes.some((m) => m.tag === 'forgot_copy_sum'))!;
    expect(q.topic).toBe('backprop');
    const m = q.mistakes.find((x) => x.tag === 'forgot_copy_sum')!;
    expect(checkAnswer(q, String(m.value))).toMatchObject({ correct: false, misconception: 'forgot_copy_sum' });
  });

  it('names the max gradient routed to the wrong input', () => {
    const q = questions(3, 300).find((x) => x.mistakes.some((m) => m.tag === 'max_wrong_input'))!;
    expect(q.topic).toBe('backprop');
    const m = q.mistakes.find((x) => x.tag === 'max_wrong_input')!;
    expect(checkAnswer(q, String(m.value)).misconception).toBe('max_wrong_input');
  });
});

describe('backprop trees', () => {
  /** Central difference of the tree's output in one variable, by rebuilding values. */
  function fdTree(root: TreeNode, name: string): number {
    const evalAt = (n: TreeNode, d: number): number => {
      if (n.kind === 'var') return n.value + (n.name === name ? d : 0);
      if (n.kind === 'const') return n.value;
      const [a, b] = n.args.map((c) => evalAt(c, d)) as [number, number | undefined];
      switch (n.op) {
        case 'add': return a + b!;
        case 'mul': return a * b!;
        case 'div': return a / b!;
        case 'max': return Math.max(a, b!);
        case 'exp': return Math.exp(a);
        case 'log': return Math.log(a);
        case 'sigmoid': return 1 / (1 + Math.exp(-a));
        case 'tanh': return Math.tanh(a);
        case 'relu': return Math.max(0, a);
        case 'pow': return a ** n.k!;
      }
    };
    const h = 1e-6;
    return (evalAt(root, h) - evalAt(root, -h)) / (2 * h);
  }

  it('treeGradient (the mistake predictor) agrees with finite differences', () => {
    let checked = 0;
    for (let s = 0; s < 300; s++) {
      const b = new TreeBuilder(new Rng(`tree:${s}`), 3);
      const root = b.build(5);
      if (!root) continue;
      for (const v of b.vars.values()) {
        const fd = fdTree(root, v.name);
        expect(Math.abs(treeGradient(root, v) - fd)).toBeLessThan(1e-4 * Math.max(1, Math.abs(fd)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('the lecture model 1 + e^(w0 + w1·x) gives e^0 = 1 or e^(ln k) = k', () => {
    for (let s = 0; s < 50; s++) {
      const { root } = lectureModel(new Rng(`lecture:${s}`));
      expect(toSource(root)).toBe('1 + exp(w0 + w1*x)');
      const exp = opNodes(root).find((n) => n.op === 'exp')!;
      expect(Number.isInteger(Math.round(exp.value * 1e9) / 1e9)).toBe(true);
      expect([1, 2, 5, 10, 20]).toContain(Math.round(exp.value));
    }
  });
});
