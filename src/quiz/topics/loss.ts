/**
 * `loss`: binary and multiclass cross-entropy for given predictions, likelihood vs
 * log-likelihood, and which sample costs the most. Natural logarithms throughout.
 */
import type { Rng } from '../../core/rng.js';
import type { QuestionDraft, TopicGenerator } from '../types.js';
import { choiceAnswer, numberAnswer, precisionText, signature, THREE_FIGURES } from '../build.js';
import { close, t, tn } from '../format.js';

const LOG_BASE = t('Cross-entropy uses the natural logarithm ln, not log₁₀.', 'В перекрёстной энтропии берётся натуральный логарифм ln, а не log₁₀.');
const SIGN = t('ln p < 0 for p < 1, so the loss −ln p is positive: you lost the minus.', 'ln p < 0 при p < 1, поэтому потеря −ln p положительна: вы потеряли минус.');
const MEAN = t('That is the sum; the loss is the mean over the batch.', 'Это сумма, а потеря — среднее по батчу.');
/** Every loss and likelihood here is irrational: the questions ask for 3 significant figures. */
const PRECISION = precisionText(THREE_FIGURES.precision);

function binary(rng: Rng): QuestionDraft {
  const ys = [rng.int(0, 1), rng.int(0, 1)];
  const ps = [rng.int(1, 99) / 100, rng.int(1, 99) / 100];
  const terms = ys.map((y, i) => (y === 1 ? -Math.log(ps[i]!) : -Math.log(1 - ps[i]!)));
  const key = (terms[0]! + terms[1]!) / 2;
  const log10 = ys.map((y, i) => (y === 1 ? -Math.log10(ps[i]!) : -Math.log10(1 - ps[i]!)));
  const alwaysP = ps.map((p) => -Math.log(p));
  const { answer, mistakes } = numberAnswer(key, [
    { value: (log10[0]! + log10[1]!) / 2, tag: 'log_base', feedback: LOG_BASE },
    { value: -key, tag: 'sign_error', feedback: SIGN },
    { value: terms[0]! + terms[1]!, tag: 'off_by_factor', feedback: MEAN },
    { value: (alwaysP[0]! + alwaysP[1]!) / 2, tag: 'wrong_class_probability', feedback: t('For y = 0 the model is right with probability 1 − p: use −ln(1 − p).', 'Для y = 0 модель права с вероятностью 1 − p: берите −ln(1 − p).') },
  ], THREE_FIGURES);
  const lines = (f: { n(x: number): string; eq(x: number): string }) =>
    ys.map((y, i) => (y === 1 ? `−ln ${f.n(ps[i]!)} ${f.eq(terms[i]!)}` : `−ln(1 − ${f.n(ps[i]!)}) ${f.eq(terms[i]!)}`)).join('; ');
  return {
    signature: signature('bce', ys, ps),
    text: tn((f) => [
      `A binary classifier outputs p = P(y = 1): p₁ = ${f.n(ps[0]!)} for a sample with y₁ = ${ys[0]}, p₂ = ${f.n(ps[1]!)} for a sample with y₂ = ${ys[1]}. What is the mean binary cross-entropy (natural log)?${PRECISION.en}`,
      `Бинарный классификатор выдаёт p = P(y = 1): p₁ = ${f.n(ps[0]!)} для примера с y₁ = ${ys[0]} и p₂ = ${f.n(ps[1]!)} для примера с y₂ = ${ys[1]}. Чему равна средняя бинарная перекрёстная энтропия (с натуральным логарифмом)?${PRECISION.ru}`,
    ]),
    answer,
    hints: [
      t('BCE = −[y·ln p + (1 − y)·ln(1 − p)] per sample, then the mean.', 'Для каждого примера BCE = −[y·ln p + (1 − y)·ln(1 − p)], затем берётся среднее.'),
      tn((f) => [`Sample losses: ${lines(f)}.`, `Потери на примерах: ${lines(f)}.`]),
    ],
    solution: [
      { text: tn((f) => [`Per sample: ${lines(f)}.`, `По примерам: ${lines(f)}.`]) },
      { text: tn((f) => [`Mean: (${f.n(terms[0]!)} + ${f.n(terms[1]!)})/2 ${f.eq(key)}.`, `Среднее: (${f.n(terms[0]!)} + ${f.n(terms[1]!)})/2 ${f.eq(key)}.`]) },
    ],
    mistakes,
  };
}

/** A probability vector of `k` classes on a 0.05 grid, each at least 0.05. */
function probabilities(rng: Rng, k: number): number[] {
  const parts = Array<number>(k).fill(1);
  for (let i = 0; i < 20 - k; i++) parts[rng.int(0, k - 1)]! += 1;
  return parts.map((p) => p / 20);
}

function multiclass(rng: Rng): QuestionDraft {
  const k = rng.int(3, 4);
  const samples = [0, 1].map(() => ({ p: probabilities(rng, k), y: rng.int(0, k - 1) }));
  const terms = samples.map((s) => -Math.log(s.p[s.y]!));
  const key = (terms[0]! + terms[1]!) / 2;
  const argmaxTerms = samples.map((s) => -Math.log(Math.max(...s.p)));
  const { answer, mistakes } = numberAnswer(key, [
    { value: (-Math.log10(samples[0]!.p[samples[0]!.y]!) - Math.log10(samples[1]!.p[samples[1]!.y]!)) / 2, tag: 'log_base', feedback: LOG_BASE },
    { value: -key, tag: 'sign_error', feedback: SIGN },
    { value: terms[0]! + terms[1]!, tag: 'off_by_factor', feedback: MEAN },
    { value: (argmaxTerms[0]! + argmaxTerms[1]!) / 2, tag: 'wrong_class_probability', feedback: t('Take the probability of the TRUE class, not the largest one.', 'Берите вероятность ИСТИННОГО класса, а не наибольшую.') },
  ], THREE_FIGURES);
  const describe = (f: { lang: string; vec(v: readonly number[]): string }) =>
    samples.map((s, i) => (f.lang === 'en' ? `sample ${i + 1}: p = ${f.vec(s.p)}, true class ${s.y + 1}` : `пример ${i + 1}: p = ${f.vec(s.p)}, истинный класс ${s.y + 1}`)).join('; ');
  const lines = (f: { n(x: number): string; eq(x: number): string }) => samples.map((s, i) => `−ln ${f.n(s.p[s.y]!)} ${f.eq(terms[i]!)}`).join('; ');
  return {
    signature: signature('ce', samples.map((s) => `${s.p.join('/')}:${s.y}`)),
    text: tn((f) => [
      `A softmax classifier with ${f.count(k, 'class_with')} predicts ${describe(f)} (classes numbered from 1). What is the mean cross-entropy loss (natural log)?${PRECISION.en}`,
      `Softmax-классификатор с ${f.count(k, 'class_with')} предсказывает: ${describe(f)} (классы нумеруются с 1). Чему равна средняя перекрёстная энтропия (с натуральным логарифмом)?${PRECISION.ru}`,
    ]),
    answer,
    hints: [
      t('Cross-entropy of one sample is −ln of the probability given to its true class.', 'Перекрёстная энтропия на одном примере — это −ln вероятности его истинного класса.'),
      tn((f) => [`Sample losses: ${lines(f)}.`, `Потери на примерах: ${lines(f)}.`]),
    ],
    solution: [
      { text: tn((f) => [`Per sample: ${lines(f)}.`, `По примерам: ${lines(f)}.`]) },
      { text: tn((f) => [`Mean: (${f.n(terms[0]!)} + ${f.n(terms[1]!)})/2 ${f.eq(key)}.`, `Среднее: (${f.n(terms[0]!)} + ${f.n(terms[1]!)})/2 ${f.eq(key)}.`]) },
    ],
    mistakes,
  };
}

/**
 * The three images of the "which sample costs most" question. Named by what they show, not
 * numbered: a bare number answering a choice always means the option's position.
 */
export const IMAGES = [
  t('The cat image', 'Изображение кошки'),
  t('The dog image', 'Изображение собаки'),
  t('The frog image', 'Изображение лягушки'),
] as const;
const IMAGE_NAMES = [t('cat', 'кошки'), t('dog', 'собаки'), t('frog', 'лягушки')] as const;

function costliest(rng: Rng): QuestionDraft | null {
  const ps = [0, 1, 2].map(() => rng.int(1, 99) / 100);
  if (new Set(ps).size < 3) return null;
  const worst = ps.indexOf(Math.min(...ps));
  const best = ps.indexOf(Math.max(...ps));
  const middle = [0, 1, 2].find((i) => i !== worst && i !== best)!;
  const { answer, mistakes } = choiceAnswer(rng, IMAGES[worst]!, [
    { text: IMAGES[best]!, tag: 'likelihood_vs_log', feedback: t('A confident correct prediction costs little: −ln p is small when p is near 1.', 'Уверенное верное предсказание стоит мало: −ln p близко к 0, когда p близко к 1.') },
    { text: IMAGES[middle]!, tag: 'likelihood_vs_log', feedback: t('Compare −ln p: the smallest probability of the true class costs the most.', 'Сравните −ln p: дороже всего обходится самая маленькая вероятность истинного класса.') },
  ]);
  const given = (f: { lang: string; n(x: number): string }) => ps.map((p, i) => (f.lang === 'en' ? `the ${IMAGE_NAMES[i]!.en} image ${f.n(p)}` : `изображению ${IMAGE_NAMES[i]!.ru} — ${f.n(p)}`)).join(f.lang === 'en' ? ', ' : '; ');
  const losses = (f: { lang: string; n(x: number): string; eq(x: number): string }) =>
    ps.map((p, i) => `${f.lang === 'en' ? IMAGES[i]!.en.replace(/^The/, 'the') : IMAGES[i]!.ru.toLowerCase()}: −ln ${f.n(p)} ${f.eq(-Math.log(p))}`).join('; ');
  return {
    signature: signature('worst', ps),
    text: tn((f) => [
      `A classifier gives the true class of each of three images the probability: ${given(f)}. Which image adds the most to the cross-entropy loss?`,
      `Классификатор даёт истинному классу каждого из трёх изображений вероятность: ${given(f)}. Какое изображение вносит наибольший вклад в перекрёстную энтропию?`,
    ]),
    answer,
    hints: [t('Each image adds −ln p of its true class.', 'Каждое изображение добавляет −ln p своего истинного класса.'), t('−ln p grows as p falls to 0.', '−ln p растёт, когда p уменьшается к 0.')],
    solution: [
      {
        text: tn((f) => [
          `Losses: ${losses(f)}. The largest is the ${IMAGE_NAMES[worst]!.en} image's.`,
          `Потери: ${losses(f)}. Наибольшая — у изображения ${IMAGE_NAMES[worst]!.ru}.`,
        ]),
      },
    ],
    mistakes,
  };
}

function likelihood(rng: Rng): QuestionDraft {
  const n = rng.int(3, 4);
  const ps = Array.from({ length: n }, () => rng.int(5, 99) / 100);
  const askNll = rng.bernoulli(0.6);
  const nll = ps.reduce((s, p) => s - Math.log(p), 0);
  const lik = ps.reduce((s, p) => s * p, 1);
  const key = askNll ? nll : lik;
  const { answer, mistakes } = numberAnswer(
    key,
    askNll
      ? [
          { value: lik, tag: 'likelihood_vs_log', feedback: t('That is the likelihood Π p; the negative log-likelihood is −Σ ln p.', 'Это правдоподобие Π p, а отрицательное логарифмическое правдоподобие — это −Σ ln p.') },
          { value: -nll, tag: 'sign_error', feedback: SIGN },
          { value: ps.reduce((s, p) => s - Math.log10(p), 0), tag: 'log_base', feedback: LOG_BASE },
        ]
      : [
          { value: nll, tag: 'likelihood_vs_log', feedback: t('That is −ln of the likelihood; the likelihood itself is the product Π p.', 'Это −ln правдоподобия, а само правдоподобие — произведение Π p.') },
          { value: ps.reduce((s, p) => s + p, 0), tag: 'likelihood_vs_log', feedback: t('Independent samples multiply: the likelihood is Π p, not Σ p.', 'Вероятности независимых примеров перемножаются: правдоподобие — это Π p, а не Σ p.') },
        ],
    // a product of probabilities is often far below 0.01: plain relative 1%, no absolute floor
    THREE_FIGURES,
  );
  return {
    signature: signature('lik', ps, askNll ? 1 : 0),
    text: askNll
      ? tn((f) => [
          `A model gives the true labels of ${f.count(n, 'independent_sample')} the probabilities ${f.list(ps)}. What is the negative log-likelihood −ln L (natural log)?${PRECISION.en}`,
          `Модель даёт истинным меткам ${f.count(n, 'independent_sample')} вероятности ${f.list(ps)}. Чему равно отрицательное логарифмическое правдоподобие −ln L (с натуральным логарифмом)?${PRECISION.ru}`,
        ])
      : tn((f) => [
          `A model gives the true labels of ${f.count(n, 'independent_sample')} the probabilities ${f.list(ps)}. What is the likelihood L of these labels?${PRECISION.en}`,
          `Модель даёт истинным меткам ${f.count(n, 'independent_sample')} вероятности ${f.list(ps)}. Чему равно правдоподобие L этих меток?${PRECISION.ru}`,
        ]),
    answer,
    hints: [
      t('Independent samples: the likelihood is the product L = Π p.', 'Примеры независимы, поэтому правдоподобие — произведение L = Π p.'),
      t('The log turns the product into a sum: −ln L = −Σ ln p.', 'Логарифм превращает произведение в сумму: −ln L = −Σ ln p.'),
    ],
    solution: [
      { text: tn((f) => [`L = ${ps.map((p) => f.n(p)).join('·')} ${f.eq(lik)}.`, `L = ${ps.map((p) => f.n(p)).join('·')} ${f.eq(lik)}.`]) },
      { text: tn((f) => [`−ln L = ${ps.map((p) => `(−ln ${f.n(p)})`).join(' + ')} ${f.eq(nll)}.`, `−ln L = ${ps.map((p) => `(−ln ${f.n(p)})`).join(' + ')} ${f.eq(nll)}.`]) },
    ],
    mistakes,
  };
}

export const lossTopic: TopicGenerator<'loss'> = {
  id: 'loss',
  title: t('Cross-entropy and likelihood', 'Перекрёстная энтропия и правдоподобие'),
  generate(rng, difficulty) {
    const r = rng.next();
    if (difficulty === 1) return r < 0.85 ? binary(rng) : costliest(rng);
    if (difficulty === 2) return r < 0.75 ? multiclass(rng) : costliest(rng);
    return r < 0.6 ? likelihood(rng) : multiclass(rng);
  },
  verify(d) {
    const parts = d.signature.split('|');
    const kind = parts[0];
    const nums = (s: string | undefined) => (s ?? '').split(',').map(Number);
    if (d.answer.kind === 'number') {
      let key: number;
      if (kind === 'bce') {
        const ys = nums(parts[1]);
        const ps = nums(parts[2]);
        // second path: −ln of the probability given to the observed label, p^y (1−p)^(1−y)
        key = -ys.reduce((s, y, i) => s + Math.log(ps[i]! ** y * (1 - ps[i]!) ** (1 - y)), 0) / ys.length;
      } else if (kind === 'ce') {
        const samples = parts[1]!.split(',').map((s) => {
          const [p, y] = s.split(':') as [string, string];
          return p.split('/').map(Number)[Number(y)]!;
        });
        key = -Math.log(samples.reduce((a, b) => a * b, 1)) / samples.length;
      } else if (kind === 'lik') {
        const ps = nums(parts[1]);
        const product = ps.reduce((a, b) => a * b, 1);
        key = parts[2] === '1' ? -Math.log(product) : Math.exp(ps.reduce((s, p) => s + Math.log(p), 0));
      } else return false;
      return close(d.answer.value, key, 1e-9);
    }
    if (kind === 'worst' && d.answer.kind === 'choice') {
      const ps = nums(parts[1]);
      const losses = ps.map((p) => -Math.log(p));
      const worst = losses.indexOf(Math.max(...losses));
      return d.answer.choices[d.answer.value]!.en === IMAGES[worst]!.en;
    }
    return false;
  },
};
