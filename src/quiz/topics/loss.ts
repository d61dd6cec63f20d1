/**
 * `loss`: binary and multiclass cross-entropy for given predictions, likelihood vs
 * log-likelihood, and which sample costs the most. Natural logarithms throughout.
 */
import type { Rng } from '../../core/rng.js';
import type { QuestionDraft, TopicGenerator } from '../types.js';
import { choiceAnswer, numberAnswer, signature } from '../build.js';
import { close, fmt, fmtVector, t } from '../format.js';

const LOG_BASE = t('Cross-entropy uses the natural logarithm ln, not log₁₀.', 'В перекрёстной энтропии натуральный логарифм ln, а не log₁₀.');
const SIGN = t('ln p < 0 for p < 1, so the loss −ln p is positive: you lost the minus.', 'ln p < 0 при p < 1, поэтому потеря −ln p положительна: вы потеряли минус.');

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
    { value: terms[0]! + terms[1]!, tag: 'off_by_factor', feedback: t('That is the sum; the loss is the mean over the batch.', 'Это сумма; потеря — среднее по батчу.') },
    { value: (alwaysP[0]! + alwaysP[1]!) / 2, tag: 'wrong_class_probability', feedback: t('For y = 0 the model is right with probability 1 − p: use −ln(1 − p).', 'Для y = 0 модель права с вероятностью 1 − p: берите −ln(1 − p).') },
  ]);
  const lines = ys.map((y, i) => (y === 1 ? `−ln ${fmt(ps[i]!)} = ${fmt(terms[i]!)}` : `−ln(1 − ${fmt(ps[i]!)}) = ${fmt(terms[i]!)}`));
  return {
    signature: signature('bce', ys, ps),
    text: t(
      `A binary classifier outputs p = P(y = 1): p₁ = ${fmt(ps[0]!)} for a sample with y₁ = ${ys[0]}, p₂ = ${fmt(ps[1]!)} for a sample with y₂ = ${ys[1]}. What is the mean binary cross-entropy (natural log)?`,
      `Бинарный классификатор выдаёт p = P(y = 1): p₁ = ${fmt(ps[0]!)} для примера с y₁ = ${ys[0]}, p₂ = ${fmt(ps[1]!)} для примера с y₂ = ${ys[1]}. Чему равна средняя бинарная перекрёстная энтропия (натуральный логарифм)?`,
    ),
    answer,
    hints: [
      t('BCE = −[y·ln p + (1 − y)·ln(1 − p)] per sample, then the mean.', 'BCE = −[y·ln p + (1 − y)·ln(1 − p)] для примера, затем среднее.'),
      t(`Sample losses: ${lines.join('; ')}.`, `Потери примеров: ${lines.join('; ')}.`),
    ],
    solution: [
      { text: t(`Per sample: ${lines.join('; ')}.`, `По примерам: ${lines.join('; ')}.`) },
      { text: t(`Mean: (${fmt(terms[0]!)} + ${fmt(terms[1]!)})/2 = ${fmt(key)}.`, `Среднее: (${fmt(terms[0]!)} + ${fmt(terms[1]!)})/2 = ${fmt(key)}.`) },
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
    { value: terms[0]! + terms[1]!, tag: 'off_by_factor', feedback: t('That is the sum; the loss is the mean over the batch.', 'Это сумма; потеря — среднее по батчу.') },
    { value: (argmaxTerms[0]! + argmaxTerms[1]!) / 2, tag: 'wrong_class_probability', feedback: t('Take the probability of the TRUE class, not the largest one.', 'Берите вероятность ИСТИННОГО класса, а не наибольшую.') },
  ]);
  const describe = (lang: 'en' | 'ru') =>
    samples.map((s, i) => (lang === 'en' ? `sample ${i + 1}: p = ${fmtVector(s.p)}, true class ${s.y + 1}` : `пример ${i + 1}: p = ${fmtVector(s.p)}, истинный класс ${s.y + 1}`)).join('; ');
  const lines = samples.map((s, i) => `−ln ${fmt(s.p[s.y]!)} = ${fmt(terms[i]!)}`);
  return {
    signature: signature('ce', samples.map((s) => `${s.p.join('/')}:${s.y}`)),
    text: t(
      `A softmax classifier with ${k} classes predicts ${describe('en')} (classes numbered from 1). What is the mean cross-entropy loss (natural log)?`,
      `Softmax-классификатор с ${k} классами предсказывает ${describe('ru')} (классы нумеруются с 1). Чему равна средняя перекрёстная энтропия (натуральный логарифм)?`,
    ),
    answer,
    hints: [
      t('Cross-entropy of one sample is −ln of the probability given to its true class.', 'Перекрёстная энтропия примера — это −ln вероятности его истинного класса.'),
      t(`Sample losses: ${lines.join('; ')}.`, `Потери примеров: ${lines.join('; ')}.`),
    ],
    solution: [
      { text: t(`Per sample: ${lines.join('; ')}.`, `По примерам: ${lines.join('; ')}.`) },
      { text: t(`Mean: ${fmt(key)}.`, `Среднее: ${fmt(key)}.`) },
    ],
    mistakes,
  };
}

function costliest(rng: Rng): QuestionDraft | null {
  const ps = [0, 1, 2].map(() => rng.int(1, 99) / 100);
  if (new Set(ps).size < 3) return null;
  const worst = ps.indexOf(Math.min(...ps));
  const best = ps.indexOf(Math.max(...ps));
  const label = (i: number) => t(`Sample ${i + 1}`, `Пример ${i + 1}`);
  const middle = [0, 1, 2].find((i) => i !== worst && i !== best)!;
  const { answer, mistakes } = choiceAnswer(rng, label(worst), [
    { text: label(best), tag: 'likelihood_vs_log', feedback: t('A confident correct prediction costs little: −ln p is small when p is near 1.', 'Уверенное верное предсказание стоит мало: −ln p мало, когда p близко к 1.') },
    { text: label(middle), tag: 'likelihood_vs_log', feedback: t('Compare −ln p: the smallest probability of the true class costs the most.', 'Сравните −ln p: самая маленькая вероятность истинного класса стоит дороже всего.') },
  ]);
  return {
    signature: signature('worst', ps),
    text: t(
      `The model gives the true class of three samples the probabilities ${ps.map((p, i) => `p${i + 1} = ${fmt(p)}`).join(', ')}. Which sample adds the most to the cross-entropy loss?`,
      `Модель даёт истинному классу трёх примеров вероятности ${ps.map((p, i) => `p${i + 1} = ${fmt(p)}`).join(', ')}. Какой пример больше всего добавляет к перекрёстной энтропии?`,
    ),
    answer,
    hints: [t('Each sample adds −ln p of its true class.', 'Каждый пример добавляет −ln p своего истинного класса.'), t('−ln p grows as p falls to 0.', '−ln p растёт, когда p падает к 0.')],
    solution: [{ text: t(`Losses: ${ps.map((p) => fmt(-Math.log(p))).join(', ')}; the largest is sample ${worst + 1}.`, `Потери: ${ps.map((p) => fmt(-Math.log(p))).join(', ')}; наибольшая у примера ${worst + 1}.`) }],
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
          { value: lik, tag: 'likelihood_vs_log', feedback: t('That is the likelihood Π p; the negative log-likelihood is −Σ ln p.', 'Это правдоподобие Π p; отрицательное лог-правдоподобие — это −Σ ln p.') },
          { value: -nll, tag: 'sign_error', feedback: SIGN },
          { value: ps.reduce((s, p) => s - Math.log10(p), 0), tag: 'log_base', feedback: LOG_BASE },
        ]
      : [
          { value: nll, tag: 'likelihood_vs_log', feedback: t('That is −ln of the likelihood; the likelihood itself is the product Π p.', 'Это −ln правдоподобия; само правдоподобие — произведение Π p.') },
          { value: ps.reduce((s, p) => s + p, 0), tag: 'likelihood_vs_log', feedback: t('Independent samples multiply: the likelihood is Π p, not Σ p.', 'Независимые примеры перемножаются: правдоподобие — Π p, а не Σ p.') },
        ],
    // A product of probabilities is often below 0.01: the default absolute floor (0.001) would
    // accept answers 10% off, or even 0; plain relative 1% is what the issue asks for.
    askNll ? undefined : { relative: 0.01, absolute: 1e-12 },
  );
  const list = ps.map(fmt).join(', ');
  return {
    signature: signature('lik', ps, askNll ? 1 : 0),
    text: askNll
      ? t(`A model gives the true labels of ${n} independent samples the probabilities ${list}. What is the negative log-likelihood −ln L (natural log)?`, `Модель даёт истинным меткам ${n} независимых примеров вероятности ${list}. Чему равно отрицательное лог-правдоподобие −ln L (натуральный логарифм)?`)
      : t(`A model gives the true labels of ${n} independent samples the probabilities ${list}. What is the likelihood L of these labels?`, `Модель даёт истинным меткам ${n} независимых примеров вероятности ${list}. Чему равно правдоподобие L этих меток?`),
    answer,
    hints: [
      t('Independent samples: the likelihood is the product L = Π p.', 'Независимые примеры: правдоподобие — произведение L = Π p.'),
      t('The log turns the product into a sum: −ln L = −Σ ln p.', 'Логарифм превращает произведение в сумму: −ln L = −Σ ln p.'),
    ],
    solution: [
      { text: t(`L = ${ps.map(fmt).join('·')} = ${fmt(lik)}.`, `L = ${ps.map(fmt).join('·')} = ${fmt(lik)}.`) },
      { text: t(`−ln L = ${ps.map((p) => `(−ln ${fmt(p)})`).join(' + ')} = ${fmt(nll)}.`, `−ln L = ${ps.map((p) => `(−ln ${fmt(p)})`).join(' + ')} = ${fmt(nll)}.`) },
    ],
    mistakes,
  };
}

export const lossTopic: TopicGenerator = {
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
      return d.answer.choices[d.answer.value]!.en === `Sample ${worst + 1}`;
    }
    return false;
  },
};
