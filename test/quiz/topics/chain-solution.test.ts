/**
 * Chain-rule solutions end in the simplified form a teacher writes (16·sin(−4x + 7), not
 * 4·(−sin(−4x + 7))·(−4)); the key is that form, and it is the derivative.
 */
import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../src/core/scalar/index.js';
import { generateQuestion } from '../../../src/quiz/generate.js';
import { atomic, display, productSource, times, type Product } from '../../../src/quiz/topics/chain.js';

const p = (coef: number, num: string[] = [], den: string[] = []): Product => ({ coef, num, den });

describe('chain-rule products are simplified', () => {
  it("multiplies the numbers out: 4·(−sin u)·(−4) = 16·sin u (issue 13's example)", () => {
    const key = productSource(times(p(4), p(-1, ['sin(-4*x + 7)']), p(-4)));
    expect(key).toBe('16*sin(-4*x + 7)');
    expect(display(key)).toBe('16·sin(−4x + 7)');
  });

  it('puts a bare x next to the number, keeps a denominator, drops a coefficient of 1', () => {
    expect(productSource(times(p(3, ['(5*x^2 + 7)^2']), p(10, ['x'])))).toBe('30*x*(5*x^2 + 7)^2');
    expect(display('30*x*(5*x^2 + 7)^2')).toBe('30x·(5x² + 7)²');
    expect(productSource(times(p(2, ['x'], ['(1 + x^2)']), p(1)))).toBe('2*x/(1 + x^2)');
    expect(productSource(p(2, ['a'], ['b', 'c']))).toBe('2*a/(b*c)');
    expect(productSource(p(-1, ['sin(x)']))).toBe('-sin(x)');
    expect(productSource(p(1, ['(1 - tanh(x)^2)']))).toBe('1 - tanh(x)^2');
    expect(productSource(p(0, ['x']))).toBe('0');
    expect(productSource(p(-3))).toBe('-3');
    expect(display('sigmoid(2*x - 1)*(1 - sigmoid(2*x - 1))')).toBe('σ(2x − 1)·(1 − σ(2x − 1))');
  });

  it('knows which factors need no brackets', () => {
    expect(atomic('x')).toBe(true);
    expect(atomic('sin(-4*x + 2)')).toBe(true);
    expect(atomic('(x + 1)')).toBe(true);
    expect(atomic('sin(x)*cos(x)')).toBe(false);
    expect(atomic('(x + 1)*(x - 1)')).toBe(false);
    expect(atomic('-4')).toBe(false);
  });

  it('every generated solution ends in its key, simplified: at most one number, in front', () => {
    for (const d of [1, 2, 3] as const) {
      for (let seed = 0; seed < 200; seed++) {
        const q = generateQuestion('chain', seed, d);
        const key = q.answer.value as string;
        const last = q.solution.at(-1)!.text;
        expect(last.en.endsWith(`= ${display(key)}.`), `${q.id}: ${last.en}`).toBe(true);
        expect(last.ru.endsWith(`= ${display(key)}.`)).toBe(true);
        // no second numeric factor: *(−4), *5 or *(2)*
        expect(key, q.id).not.toMatch(/\*(?:\(-?\d+(?:\.\d+)?\)|\d+(?:\.\d+)?)(?=[*/]|$)/);
        expect(key).not.toMatch(/\(\(|--/);
        expect(Number.isFinite(parseExpression(key).evaluate({ x: 0.3 }))).toBe(true);
      }
    }
  });
});

describe('no displayed probability is rounded to 0', () => {
  it('softmax and loss texts never show ≈ 0 or a probability vector entry of 0', () => {
    let tiny = 0;
    for (const topic of ['softmax', 'loss'] as const) {
      for (const d of [1, 2, 3] as const) {
        for (let seed = 0; seed < 300; seed++) {
          const q = generateQuestion(topic, seed, d);
          const texts = [q.text, ...q.hints, ...q.solution.map((s) => s.text), ...q.mistakes.map((m) => m.feedback)];
          for (const text of texts) {
            for (const s of [text.en, text.ru]) {
              expect(s, q.id).not.toMatch(/≈ −?0(?![.,]\d)/);
              expect(s, q.id).not.toMatch(/e-\d/);
              if (/≈ [−]?0[.,]0000/.test(s)) tiny++;
            }
          }
        }
      }
    }
    // tiny probabilities do occur and are shown with their digits (≈ 0.00002134)
    expect(tiny).toBeGreaterThan(0);
  });
});
