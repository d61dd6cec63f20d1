import { describe, expect, it } from 'vitest';
import { generateQuestion } from '../../../src/quiz/generate.js';
import { checkAnswer } from '../../../src/quiz/check.js';
import { TOPIC_IDS, type Question } from '../../../src/quiz/types.js';
import { mlpParameterCount } from '../../../src/quiz/topics/memory.js';
import { matmul } from '../../../src/quiz/topics/linear.js';
import { softmax } from '../../../src/quiz/topics/softmax.js';
import { measuredProperty } from '../../../src/quiz/topics/activations.js';
import { getActivation } from '../../../src/core/activations/index.js';

/** How a student would type the value of a key or a mistake. */
function typed(q: Question, value: number | string): string {
  if (q.answer.kind === 'choice') return 'abcdef'[value as number]!;
  return String(value);
}

describe.each(TOPIC_IDS)('%s: typical mistakes', (topic) => {
  it('every listed mistake is recognised and named, and never equals the key', () => {
    let named = 0;
    for (const d of [1, 2, 3] as const) {
      for (let seed = 0; seed < 60; seed++) {
        const q = generateQuestion(topic, seed, d);
        for (const m of q.mistakes) {
          const r = checkAnswer(q, typed(q, m.value));
          expect(r.correct).toBe(false);
          expect(r.misconception).toBe(m.tag);
          expect(r.feedback).toEqual(m.feedback);
          named++;
        }
      }
    }
    expect(named).toBeGreaterThan(60);
  });
});

describe('topic arithmetic, checked by hand', () => {
  it('memory: the lecture MLP 784-128-10 has 101,770 parameters (397.5 KiB in float32)', () => {
    const { weights, biases } = mlpParameterCount([784, 128, 10]);
    expect(weights).toBe(784 * 128 + 128 * 10);
    expect(weights + biases).toBe(101770);
    expect(((weights + biases) * 4) / 1024).toBeCloseTo(397.5390625, 10);
  });

  it('linear: matmul of the lecture shapes and the collapse W_H·W_O', () => {
    expect(matmul([[1, 2]], [[3, 4], [5, 6]])).toEqual([[13, 16]]);
    const wh = [[1, -1], [2, 0]];
    const wo = [[3], [1]];
    const x = [[2, 5]];
    expect(matmul(matmul(x, wh), wo)).toEqual(matmul(x, matmul(wh, wo)));
  });

  it('softmax: sums to 1, keeps the order, ignores a common shift, survives large logits', () => {
    const p = softmax([1, 2, 3]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[2]).toBeGreaterThan(p[1]!);
    expect(softmax([1001, 1002, 1003])).toEqual(p.map((v) => expect.closeTo(v, 12)));
    expect(softmax([0, 0])).toEqual([0.5, 0.5]);
  });

  it('activations: measured properties agree with the lecture for the classic functions', () => {
    expect(measuredProperty(getActivation('sigmoid'), 'saturating')).toBe(true);
    expect(measuredProperty(getActivation('sigmoid'), 'zeroCentred')).toBe(false);
    expect(measuredProperty(getActivation('tanh'), 'zeroCentred')).toBe(true);
    expect(measuredProperty(getActivation('relu'), 'bounded')).toBe(false);
    expect(measuredProperty(getActivation('silu'), 'monotonic')).toBe(false);
    expect(measuredProperty(getActivation('leaky_relu'), 'saturating')).toBe(false);
  });
});

describe('topic content', () => {
  it('gates: a mul gate with inputs 2 and -4 sends upstream·(other input), and names using its own input', () => {
    const q = Array.from({ length: 400 }, (_, s) => generateQuestion('gates', s, 1)).find((x) => x.signature.startsWith('mul|'))!;
    const [, a, b, g, name] = q.signature.split('|');
    const key = Number(g) * Number(name === 'a' ? b : a);
    expect(q.answer.value).toBe(key);
    const own = Number(g) * Number(name === 'a' ? a : b);
    if (own !== key) expect(checkAnswer(q, String(own)).misconception).toBe('mul_own_input');
  });

  it('chain: forgetting the inner derivative is named', () => {
    const qs = Array.from({ length: 30 }, (_, s) => generateQuestion('chain', s, 2));
    const q = qs.find((x) => x.mistakes.some((m) => m.tag === 'forgot_inner_derivative'))!;
    const m = q.mistakes.find((x) => x.tag === 'forgot_inner_derivative')!;
    expect(checkAnswer(q, m.value as string).feedback.en).toMatch(/inner derivative/);
  });

  it('sgd: a learning rate with |1 − 2·a·lr| > 1 is answered "diverges"', () => {
    const q = Array.from({ length: 200 }, (_, s) => generateQuestion('sgd', s, 3)).find((x) => {
      if (!x.signature.startsWith('lr|')) return false;
      const [, a, lr] = x.signature.split('|').map(Number) as [number, number, number];
      return Math.abs(1 - 2 * a * lr) > 1;
    })!;
    expect(q.answer.kind).toBe('choice');
    if (q.answer.kind === 'choice') expect(q.answer.choices[q.answer.value]!.en).toMatch(/diverges/);
  });

  it('softmax: probability questions state 3 decimals and accept a rounded answer', () => {
    const q = Array.from({ length: 50 }, (_, s) => generateQuestion('softmax', s, 2)).find((x) => x.signature.startsWith('prob|'))!;
    expect(q.text.en).toMatch(/3 decimals/);
    expect(checkAnswer(q, (q.answer.value as number).toFixed(3)).correct).toBe(true);
  });

  it('every topic has a title and questions in both languages', () => {
    for (const topic of TOPIC_IDS) {
      const q = generateQuestion(topic, 1, 2);
      expect(q.text.en).not.toEqual(q.text.ru);
    }
  });
});
