import { describe, expect, it } from 'vitest';
import { generateQuestion } from '../../../src/quiz/generate.js';
import { checkAnswer } from '../../../src/quiz/check.js';
import { TOPIC_IDS, type Question } from '../../../src/quiz/types.js';
import { mlpParameterCount } from '../../../src/quiz/topics/memory.js';
import { matmul } from '../../../src/quiz/topics/linear.js';
import { softmax } from '../../../src/quiz/topics/softmax.js';
import { DISTINCT_SHAPES, largestGap, measuredProperty } from '../../../src/quiz/topics/activations.js';
import { TOPICS } from '../../../src/quiz/generate.js';
import { buildPlotData } from '../../../src/render/charts/plot-data.js';
import { functionChartConfig } from '../../../src/render/charts/function-chart.js';
import { ACTIVATIONS, findActivation, getActivation } from '../../../src/core/activations/index.js';

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

  it('memory: a count without the biases is never accepted (counts are exact, not within 1%)', () => {
    for (const difficulty of [1, 2] as const) {
      for (let seed = 0; seed < 150; seed++) {
        const q = generateQuestion('memory', seed, difficulty);
        const forgot = q.mistakes.find((m) => m.tag === 'forgot_bias');
        expect(forgot?.tag, q.id).toBe('forgot_bias');
        expect(forgot?.value, q.id).not.toBe(q.answer.value);
        const r = checkAnswer(q, String(forgot!.value));
        expect(r.correct, q.id).toBe(false);
        expect(r.misconception).toBe('forgot_bias');
      }
    }
  });

  it('loss: a small likelihood is checked to relative 1%, not to the 0.001 floor', () => {
    let asked = 0;
    for (let seed = 0; seed < 300; seed++) {
      const q = generateQuestion('loss', seed, 3);
      if (!q.text.en.includes('likelihood L of') || q.answer.kind !== 'number' || q.answer.value > 0.05) continue;
      asked++;
      const key = q.answer.value;
      expect(checkAnswer(q, String(key * 1.005)).correct, q.id).toBe(true);
      expect(checkAnswer(q, String(key * 1.05)).correct, q.id).toBe(false);
      expect(checkAnswer(q, '0').correct, q.id).toBe(false);
    }
    expect(asked).toBeGreaterThan(10);
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

  it('softmax: probability questions ask for 3 significant figures and accept a rounded answer', () => {
    const q = Array.from({ length: 50 }, (_, s) => generateQuestion('softmax', s, 2)).find((x) => x.signature.startsWith('prob|'))!;
    expect(q.text.en).toMatch(/to 3\u00a0significant figures/);
    expect(q.text.ru).toMatch(/с точностью до 3\u00a0значащих цифр/);
    expect(checkAnswer(q, (q.answer.value as number).toPrecision(3)).correct).toBe(true);
    expect(checkAnswer(q, (q.answer.value as number).toPrecision(1)).correct).toBe(false);
  });

  it('every topic has a title and questions in both languages', () => {
    for (const topic of TOPIC_IDS) {
      const q = generateQuestion(topic, 1, 2);
      expect(q.text.en).not.toEqual(q.text.ru);
    }
  });
});

describe('activations: "which function is this?" from an anonymous chart', () => {
  const charts = ([1, 2, 3] as const).flatMap((d) =>
    Array.from({ length: 150 }, (_, s) => generateQuestion('activations', s, d)).filter((q) => q.signature.startsWith('chart|')),
  );

  it('is asked at every difficulty, with a plot picture that hides the function', () => {
    for (const d of [1, 2, 3]) expect(charts.filter((q) => q.difficulty === d).length).toBeGreaterThan(5);
    for (const q of charts) {
      expect(q.picture).toMatchObject({ kind: 'plot', anonymous: true });
      if (q.picture?.kind !== 'plot') continue;
      const act = findActivation(q.picture.items[0]!)!;
      // neither the question text nor the chart it asks about names the function
      for (const lang of ['en', 'ru'] as const) {
        expect(q.text[lang]).not.toContain(act.name[lang]);
        expect(q.text[lang]).not.toContain(act.formula.text);
        const cfg = functionChartConfig(buildPlotData(q.picture.items, { ...q.picture, lang }));
        const visible = [cfg.options?.plugins?.title?.text, cfg.options?.plugins?.subtitle?.text, cfg.data.datasets.map((ds) => ds.label)].flat().join(' ');
        expect(visible).not.toContain(act.id);
        expect(visible).not.toContain(act.name[lang]);
        expect(visible).toContain('f(x) = ?');
      }
    }
  });

  it('the key is the drawn registry function and every other choice has a clearly different curve', () => {
    for (const q of charts) {
      if (q.picture?.kind !== 'plot' || q.answer.kind !== 'choice') throw new Error('not a chart question');
      const { from, to } = q.picture;
      const right = findActivation(q.picture.items[0]!)!;
      expect(q.answer.choices[q.answer.value]!.en).toBe(right.name.en);
      expect(q.answer.choices).toHaveLength(4);
      for (const c of q.answer.choices.filter((_, i) => i !== q.answer.value)) {
        expect(largestGap(right, getRegistryByName(c.en), from, to).share).toBeGreaterThanOrEqual(DISTINCT_SHAPES);
      }
    }
  });

  it('verify rejects a chart of another function and a twin among the choices', () => {
    const q = charts[0]!;
    if (q.picture?.kind !== 'plot' || q.answer.kind !== 'choice') throw new Error('not a chart question');
    expect(TOPICS.activations.verify(q)).toBe(true);
    const wrongId = q.signature.split('|')[2]!.split(',')[0]!;
    expect(TOPICS.activations.verify({ ...q, picture: { ...q.picture, items: [wrongId] } })).toBe(false);
    expect(TOPICS.activations.verify({ ...q, picture: { ...q.picture, anonymous: false } })).toBe(false);
    // relu and leaky_relu look the same on [−5, 5]: a question offering both must not pass
    const relu = getActivation('relu');
    const leaky = getActivation('leaky_relu');
    expect(largestGap(relu, leaky, -5, 5).share).toBeLessThan(DISTINCT_SHAPES);
    // the same question about relu, once with three distinct wrong choices (passes), once with leaky_relu among them
    const distinct = ['sigmoid', 'tanh', 'elu'].map(getActivation);
    const plot = q.picture;
    const choice = q.answer;
    const asRelu = (wrong: typeof distinct) => {
      const names = [relu, ...wrong].map((a) => ({ en: a.name.en, ru: a.name.ru }));
      return {
        ...q,
        answer: { ...choice, value: 0, choices: names },
        picture: { ...plot, items: ['relu'], from: -5, to: 5, derivative: false },
        signature: `chart|relu|${wrong.map((a) => a.id).sort().join(',')}|-5|5|0`,
      };
    };
    expect(TOPICS.activations.verify(asRelu(distinct))).toBe(true);
    const twin = asRelu([leaky, ...distinct.slice(1)]);
    expect(TOPICS.activations.verify(twin)).toBe(false);
  });
});

/** The registry entry with this English name. */
function getRegistryByName(en: string) {
  const act = ACTIVATIONS.find((a) => a.name.en === en);
  if (!act) throw new Error(`no activation named ${en}`);
  return act;
}
