/**
 * `softmax`: logits z = x·W + b for the lecture's 1×4 · 4×2 example (and 4×3 at level 3),
 * softmax probabilities p_j = e^{z_j} / Σ_k e^{z_k}, and the predicted class argmax z.
 */
import type { Rng } from '../../core/rng.js';
import type { QuestionDraft, TopicGenerator } from '../types.js';
import { choiceAnswer, numberAnswer, signature } from '../build.js';
import { close, factor, fmt, fmtMatrix, fmtVector, t, term } from '../format.js';
import { matmul } from './linear.js';
import { decimalsTolerance } from '../tolerance.js';

/** Softmax shifted by the maximum so large logits do not overflow. */
export function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

interface Setup {
  x: number[];
  w: number[][];
  b: number[];
  z: number[];
}

function setup(rng: Rng, classes: number): Setup {
  const x = Array.from({ length: 4 }, () => rng.int(-2, 2));
  const w = Array.from({ length: 4 }, () => Array.from({ length: classes }, () => rng.int(-2, 2)));
  const b = Array.from({ length: classes }, () => rng.int(-2, 2));
  const z = matmul([x], w)[0]!.map((v, j) => v + b[j]!);
  return { x, w, b, z };
}

function describe(s: Setup) {
  return {
    en: `x = ${fmtVector(s.x)} (1×4), W = ${fmtMatrix(s.w)} (4×${s.b.length}, row by row), b = ${fmtVector(s.b)}`,
    ru: `x = ${fmtVector(s.x)} (1×4), W = ${fmtMatrix(s.w)} (4×${s.b.length}, по строкам), b = ${fmtVector(s.b)}`,
  };
}

function dot(s: Setup, j: number): string {
  return s.x.map((xi, i) => `${factor(xi)}·${factor(s.w[i]![j]!)}`).join(' + ') + ` ${term(s.b[j]!)}`;
}

const PROB_DECIMALS = 3;

function logit(rng: Rng): QuestionDraft {
  const s = setup(rng, 2);
  const j = rng.int(0, 1);
  const key = s.z[j]!;
  const { answer, mistakes } = numberAnswer(key, [
    { value: key - s.b[j]!, tag: 'forgot_bias', feedback: t('Add the bias b_j after the dot product.', 'Прибавьте смещение b_j после скалярного произведения.') },
    { value: s.z[1 - j]!, tag: 'shape_order', feedback: t(`Logit ${j + 1} uses column ${j + 1} of W.`, `Логит ${j + 1} использует столбец ${j + 1} матрицы W.`) },
  ]);
  const d = describe(s);
  return {
    signature: signature('logit', s.x, s.w.flat(), s.b, j),
    text: t(`Logits z = x·W + b with ${d.en}. What is z${j + 1}?`, `Логиты z = x·W + b, где ${d.ru}. Чему равен z${j + 1}?`),
    answer,
    hints: [
      t(`z${j + 1} is x times column ${j + 1} of W, plus b${j + 1}.`, `z${j + 1} — это x на столбец ${j + 1} матрицы W плюс b${j + 1}.`),
      t(`z${j + 1} = ${dot(s, j)}.`, `z${j + 1} = ${dot(s, j)}.`),
    ],
    solution: [{ text: t(`z${j + 1} = ${dot(s, j)} = ${key}.`, `z${j + 1} = ${dot(s, j)} = ${key}.`) }],
    mistakes,
  };
}

function probability(rng: Rng, classes: number): QuestionDraft {
  const s = setup(rng, classes);
  const j = rng.int(0, classes - 1);
  const p = softmax(s.z);
  const key = p[j]!;
  const zSum = s.z.reduce((a, b) => a + b, 0);
  const tol = decimalsTolerance(PROB_DECIMALS);
  const { answer, mistakes } = numberAnswer(
    key,
    [
      { value: s.z[j]!, tag: 'logits_not_probabilities', feedback: t('That is the logit z_j; softmax turns it into a probability e^{z_j}/Σ e^{z_k}.', 'Это логит z_j; softmax превращает его в вероятность e^{z_j}/Σ e^{z_k}.') },
      { value: zSum === 0 ? NaN : s.z[j]! / zSum, tag: 'logits_not_probabilities', feedback: t('Softmax divides exponentials e^{z_j}/Σ e^{z_k}, not the logits themselves.', 'Softmax делит экспоненты e^{z_j}/Σ e^{z_k}, а не сами логиты.') },
      { value: 1 - key, tag: 'argmax_wrong', feedback: t(`That is the probability of the other class${classes > 2 ? 'es' : ''}.`, 'Это вероятность другого класса (других классов).') },
    ],
    tol,
  );
  const d = describe(s);
  const exps = s.z.map((z) => `e^${z}`).join(' + ');
  return {
    signature: signature('prob', s.x, s.w.flat(), s.b, j),
    text: t(
      `Logits z = x·W + b with ${d.en}. What probability does softmax give class ${j + 1}? Give ${PROB_DECIMALS} decimals.`,
      `Логиты z = x·W + b, где ${d.ru}. Какую вероятность softmax даёт классу ${j + 1}? Дайте ${PROB_DECIMALS} знака после запятой.`,
    ),
    answer,
    hints: [
      t('First compute every logit: z_k = x·(column k of W) + b_k.', 'Сначала найдите все логиты: z_k = x·(столбец k матрицы W) + b_k.'),
      t(`z = ${fmtVector(s.z)}.`, `z = ${fmtVector(s.z)}.`),
      t(`p${j + 1} = e^${s.z[j]} / (${exps}).`, `p${j + 1} = e^${s.z[j]} / (${exps}).`),
    ],
    solution: [
      ...s.z.map((z, k) => ({ text: t(`z${k + 1} = ${dot(s, k)} = ${z}.`, `z${k + 1} = ${dot(s, k)} = ${z}.`) })),
      { text: t(`p = softmax(z) = ${fmtVector(p.map((v) => Number(v.toFixed(4))))}.`, `p = softmax(z) = ${fmtVector(p.map((v) => Number(v.toFixed(4))))}.`) },
      { text: t(`p${j + 1} = e^${s.z[j]} / (${exps}) ≈ ${key.toFixed(PROB_DECIMALS)}.`, `p${j + 1} = e^${s.z[j]} / (${exps}) ≈ ${key.toFixed(PROB_DECIMALS)}.`) },
    ],
    mistakes,
  };
}

function predicted(rng: Rng, classes: number): QuestionDraft | null {
  const s = setup(rng, classes);
  const best = s.z.indexOf(Math.max(...s.z));
  if (s.z.filter((z) => z === s.z[best]).length > 1) return null; // a tie has no single answer
  const label = (k: number) => t(`Class ${k + 1}`, `Класс ${k + 1}`);
  const bigBias = s.b.indexOf(Math.max(...s.b));
  const wrongs = [...Array(classes).keys()]
    .filter((k) => k !== best)
    .map((k) => ({
      text: label(k),
      tag: 'argmax_wrong' as const,
      feedback:
        k === bigBias
          ? t('The bias alone does not decide: compare the whole logits x·W + b.', 'Смещение само по себе не решает: сравните логиты x·W + b целиком.')
          : t(`Compute all logits: z = ${fmtVector(s.z)}; the prediction is the largest.`, `Посчитайте все логиты: z = ${fmtVector(s.z)}; предсказание — наибольший.`),
    }));
  const { answer, mistakes } = choiceAnswer(rng, label(best), wrongs);
  const d = describe(s);
  return {
    signature: signature('argmax', s.x, s.w.flat(), s.b),
    text: t(`Logits z = x·W + b with ${d.en}. Which class does the softmax classifier predict?`, `Логиты z = x·W + b, где ${d.ru}. Какой класс предсказывает softmax-классификатор?`),
    answer,
    hints: [
      t('Softmax keeps the order of the logits: the largest logit has the largest probability.', 'Softmax сохраняет порядок логитов: у наибольшего логита наибольшая вероятность.'),
      t(`z1 = ${dot(s, 0)}.`, `z1 = ${dot(s, 0)}.`),
    ],
    solution: [
      ...s.z.map((z, k) => ({ text: t(`z${k + 1} = ${dot(s, k)} = ${z}.`, `z${k + 1} = ${dot(s, k)} = ${z}.`) })),
      { text: t(`The largest logit is z${best + 1} = ${s.z[best]}: class ${best + 1}.`, `Наибольший логит z${best + 1} = ${s.z[best]}: класс ${best + 1}.`) },
    ],
    mistakes,
  };
}

export const softmaxTopic: TopicGenerator = {
  id: 'softmax',
  title: t('Logits and softmax', 'Логиты и softmax'),
  generate(rng, difficulty) {
    const r = rng.next();
    if (difficulty === 1) return r < 0.8 ? logit(rng) : predicted(rng, 2);
    if (difficulty === 2) return r < 0.75 ? probability(rng, 2) : predicted(rng, 3);
    return r < 0.75 ? probability(rng, 3) : predicted(rng, 3);
  },
  verify(d) {
    const parts = d.signature.split('|');
    const kind = parts[0];
    const x = parts[1]!.split(',').map(Number);
    const wFlat = parts[2]!.split(',').map(Number);
    const b = parts[3]!.split(',').map(Number);
    const classes = b.length;
    // second path: logits as a sum over the inputs, written out element by element
    const z = b.map((bj, j) => x.reduce((s, xi, i) => s + xi * wFlat[i * classes + j]!, bj));
    if (kind === 'logit' && d.answer.kind === 'number') return close(d.answer.value, z[Number(parts[4])]!);
    if (kind === 'prob' && d.answer.kind === 'number') {
      const j = Number(parts[4]);
      // 1 / Σ_k e^{z_k − z_j}: the same probability without normalising a vector
      return close(d.answer.value, 1 / z.reduce((s, zk) => s + Math.exp(zk - z[j]!), 0));
    }
    if (kind === 'argmax' && d.answer.kind === 'choice') {
      const best = z.indexOf(Math.max(...z));
      return d.answer.choices[d.answer.value]!.en === `Class ${best + 1}`;
    }
    return false;
  },
};
