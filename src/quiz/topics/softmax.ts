/**
 * `softmax`: logits z = x·W + b for the lecture's 1×4 · 4×2 example (and 4×3 at level 3),
 * softmax probabilities p_j = e^{z_j} / Σ_k e^{z_k}, and the predicted class argmax z.
 */
import type { Rng } from '../../core/rng.js';
import type { QuestionDraft, TopicGenerator } from '../types.js';
import { choiceAnswer, numberAnswer, precisionText, signature, THREE_FIGURES } from '../build.js';
import { close, t, tn, type NumberStyle } from '../format.js';
import { matmul } from './linear.js';

/** Softmax shifted by the maximum so large logits do not overflow. */
export function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/**
 * The classes, named by what they are rather than numbered: a bare number answering the
 * "which class?" choice always means the option's position.
 */
export const CLASS_NAMES = [t('cat', 'кошка'), t('dog', 'собака'), t('frog', 'лягушка')] as const;

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

function describe(s: Setup, f: NumberStyle): string {
  return f.lang === 'en'
    ? `x = ${f.vec(s.x)} (1×4), W = ${f.mat(s.w)} (4×${s.b.length}, row by row), b = ${f.vec(s.b)}`
    : `x = ${f.vec(s.x)} (1×4), W = ${f.mat(s.w)} (4×${s.b.length}, по строкам), b = ${f.vec(s.b)}`;
}

function dot(s: Setup, j: number, f: NumberStyle): string {
  return s.x.map((xi, i) => `${f.factor(xi)}·${f.factor(s.w[i]![j]!)}`).join(' + ') + ` ${f.term(s.b[j]!)}`;
}

/** "=" when every probability is shown exactly ([0.5, 0.5]), "≈" otherwise. */
function approxVector(p: readonly number[]): string {
  return p.every((v) => Number(v.toPrecision(4)) === Number(v.toPrecision(12))) ? '=' : '≈';
}

/** e^z as a formula: e^2, e^(−1). */
function power(z: number, f: NumberStyle): string {
  return z < 0 ? `e^(${f.n(z)})` : `e^${f.n(z)}`;
}

function logit(rng: Rng): QuestionDraft {
  const s = setup(rng, 2);
  const j = rng.int(0, 1);
  const key = s.z[j]!;
  const { answer, mistakes } = numberAnswer(key, [
    { value: key - s.b[j]!, tag: 'forgot_bias', feedback: t('Add the bias b_j after the dot product.', 'Прибавьте смещение b_j к скалярному произведению.') },
    { value: s.z[1 - j]!, tag: 'shape_order', feedback: t(`Logit ${j + 1} uses column ${j + 1} of W.`, `Логит z${j + 1} считается по столбцу ${j + 1} матрицы W.`) },
  ]);
  return {
    signature: signature('logit', s.x, s.w.flat(), s.b, j),
    text: tn((f) => [`Logits z = x·W + b with ${describe(s, f)}. What is z${j + 1}?`, `Логиты z = x·W + b, где ${describe(s, f)}. Чему равен z${j + 1}?`]),
    answer,
    hints: [
      t(`z${j + 1} is x times column ${j + 1} of W, plus b${j + 1}.`, `z${j + 1} — это x, умноженный на столбец ${j + 1} матрицы W, плюс b${j + 1}.`),
      tn((f) => [`z${j + 1} = ${dot(s, j, f)}.`, `z${j + 1} = ${dot(s, j, f)}.`]),
    ],
    solution: [{ text: tn((f) => [`z${j + 1} = ${dot(s, j, f)} = ${f.n(key)}.`, `z${j + 1} = ${dot(s, j, f)} = ${f.n(key)}.`]) }],
    mistakes,
  };
}

const PRECISION = precisionText(THREE_FIGURES.precision);

function probability(rng: Rng, classes: number): QuestionDraft {
  const s = setup(rng, classes);
  const j = rng.int(0, classes - 1);
  const p = softmax(s.z);
  const key = p[j]!;
  const zSum = s.z.reduce((a, b) => a + b, 0);
  const { answer, mistakes } = numberAnswer(
    key,
    [
      { value: s.z[j]!, tag: 'logits_not_probabilities', feedback: t('That is the logit z_j; softmax turns it into a probability e^{z_j}/Σ e^{z_k}.', 'Это логит z_j, а softmax превращает его в вероятность e^{z_j}/Σ e^{z_k}.') },
      { value: zSum === 0 ? NaN : s.z[j]! / zSum, tag: 'logits_not_probabilities', feedback: t('Softmax divides exponentials e^{z_j}/Σ e^{z_k}, not the logits themselves.', 'Softmax делит экспоненты e^{z_j}/Σ e^{z_k}, а не сами логиты.') },
      {
        value: 1 - key,
        tag: 'argmax_wrong',
        feedback: classes === 2 ? t('That is the probability of the other class.', 'Это вероятность другого класса.') : t('That is the probability of the other classes together.', 'Это суммарная вероятность остальных классов.'),
      },
    ],
    THREE_FIGURES,
  );
  const exps = (f: NumberStyle) => s.z.map((z) => power(z, f)).join(' + ');
  return {
    signature: signature('prob', s.x, s.w.flat(), s.b, j),
    text: tn((f) => [
      `Logits z = x·W + b with ${describe(s, f)}. What probability does softmax give class ${j + 1}?${PRECISION.en}`,
      `Логиты z = x·W + b, где ${describe(s, f)}. Какую вероятность softmax даёт классу ${j + 1}?${PRECISION.ru}`,
    ]),
    answer,
    hints: [
      t('First compute every logit: z_k = x·(column k of W) + b_k.', 'Сначала найдите все логиты: z_k = x·(столбец k матрицы W) + b_k.'),
      tn((f) => [`z = ${f.vec(s.z)}.`, `z = ${f.vec(s.z)}.`]),
      tn((f) => [`p${j + 1} = ${power(s.z[j]!, f)} / (${exps(f)}).`, `p${j + 1} = ${power(s.z[j]!, f)} / (${exps(f)}).`]),
    ],
    solution: [
      ...s.z.map((z, k) => ({ text: tn((f) => [`z${k + 1} = ${dot(s, k, f)} = ${f.n(z)}.`, `z${k + 1} = ${dot(s, k, f)} = ${f.n(z)}.`]) })),
      { text: tn((f) => [`p = softmax(z) ${approxVector(p)} ${f.vec(p)}.`, `p = softmax(z) ${approxVector(p)} ${f.vec(p)}.`]) },
      { text: tn((f) => [`p${j + 1} = ${power(s.z[j]!, f)} / (${exps(f)}) ${f.eq(key)}.`, `p${j + 1} = ${power(s.z[j]!, f)} / (${exps(f)}) ${f.eq(key)}.`]) },
    ],
    mistakes,
  };
}

/** "Class "cat"" / "Класс «кошка»": the choice text of class k. */
function classLabel(k: number) {
  return t(`Class "${CLASS_NAMES[k]!.en}"`, `Класс «${CLASS_NAMES[k]!.ru}»`);
}

function predicted(rng: Rng, classes: number): QuestionDraft | null {
  const s = setup(rng, classes);
  const best = s.z.indexOf(Math.max(...s.z));
  if (s.z.filter((z) => z === s.z[best]).length > 1) return null; // a tie has no single answer
  const bigBias = s.b.indexOf(Math.max(...s.b));
  const wrongs = [...Array(classes).keys()]
    .filter((k) => k !== best)
    .map((k) => ({
      text: classLabel(k),
      tag: 'argmax_wrong' as const,
      feedback:
        k === bigBias
          ? t('The bias alone does not decide: compare the whole logits x·W + b.', 'Смещение само по себе ничего не решает: сравните логиты x·W + b целиком.')
          : tn((f) => [`Compute all logits: z = ${f.vec(s.z)}; the prediction is the largest.`, `Посчитайте все логиты: z = ${f.vec(s.z)}; предсказывается класс с наибольшим логитом.`]),
    }));
  const { answer, mistakes } = choiceAnswer(rng, classLabel(best), wrongs);
  const names = (lang: 'en' | 'ru') => CLASS_NAMES.slice(0, classes).map((c, k) => `${k + 1} — ${lang === 'en' ? `"${c.en}"` : `«${c.ru}»`}`).join(', ');
  return {
    signature: signature('argmax', s.x, s.w.flat(), s.b),
    text: tn((f) => [
      `A softmax classifier tells apart ${f.count(classes, 'class')}: ${names('en')}. Its logits are z = x·W + b with ${describe(s, f)}. Which class does it predict?`,
      `Softmax-классификатор различает ${f.count(classes, 'class')}: ${names('ru')}. Его логиты z = x·W + b, где ${describe(s, f)}. Какой класс он предсказывает?`,
    ]),
    answer,
    hints: [
      t('Softmax keeps the order of the logits: the largest logit has the largest probability.', 'Softmax сохраняет порядок логитов: у наибольшего логита наибольшая вероятность.'),
      tn((f) => [`z1 = ${dot(s, 0, f)}.`, `z1 = ${dot(s, 0, f)}.`]),
    ],
    solution: [
      ...s.z.map((z, k) => ({ text: tn((f) => [`z${k + 1} = ${dot(s, k, f)} = ${f.n(z)}.`, `z${k + 1} = ${dot(s, k, f)} = ${f.n(z)}.`]) })),
      {
        text: tn((f) => [
          `The largest logit is z${best + 1} = ${f.n(s.z[best]!)}: class "${CLASS_NAMES[best]!.en}".`,
          `Наибольший логит z${best + 1} = ${f.n(s.z[best]!)}: класс «${CLASS_NAMES[best]!.ru}».`,
        ]),
      },
    ],
    mistakes,
  };
}

export const softmaxTopic: TopicGenerator<'softmax'> = {
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
      return d.answer.choices[d.answer.value]!.en === classLabel(best).en;
    }
    return false;
  },
};
