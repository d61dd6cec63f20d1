/**
 * `sgd`: one gradient-descent update w ← w − lr·g, what a too-large learning rate does
 * (on f(w) = a·w², each step multiplies w by 1 − 2·a·lr), and the memory of a batch in float32.
 */
import type { Rng } from '../../core/rng.js';
import type { Difficulty, QuestionDraft, TopicGenerator } from '../types.js';
import { choiceAnswer, EXACT_COUNT, exactStep, numberAnswer, precisionText, signature, THREE_FIGURES } from '../build.js';
import { close, t, tn, type NumberStyle } from '../format.js';

const LEARNING_RATES = [0.001, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];

/** Float noise off a short decimal: −2.6 − 0.0024 is −2.6024, not −2.6024000000000003. */
const clean = (x: number) => Number(x.toPrecision(12));

function update(rng: Rng, difficulty: Difficulty): QuestionDraft {
  const w = rng.int(-50, 50) / 10;
  const g = difficulty === 1 ? rng.int(-20, 20) : rng.int(-200, 200) / 10;
  const lr = rng.choice(LEARNING_RATES);
  if (g === 0) return update(rng, difficulty);
  const step = clean(-lr * g);
  const key = clean(w + step);
  // judged on the step: the old weight (no step) and w + lr·g (the wrong way) are always wrong
  const grading = exactStep(w);
  const { answer, mistakes } = numberAnswer(key, [
    { value: clean(w - step), tag: 'wrong_sign_update', feedback: t('You stepped along the gradient: descent goes against it, w − lr·g.', 'Вы сделали шаг по градиенту, а спуск идёт против него: w − lr·g.') },
    { value: w, tag: 'no_step', feedback: tn((f) => [`That is the old weight: the step −lr·g = ${f.n(step, 12)} still has to be added.`, `Это старый вес: к нему ещё нужно прибавить шаг −lr·g = ${f.n(step, 12)}.`]) },
    { value: step, tag: 'off_by_factor', feedback: t('That is only the step −lr·g; add it to the old weight.', 'Это только шаг −lr·g; прибавьте его к старому весу.') },
    { value: clean(w - g), tag: 'off_by_factor', feedback: t('The step is scaled by the learning rate: w − lr·g.', 'Шаг умножается на скорость обучения: w − lr·g.') },
  ], grading);
  const exactly = precisionText(grading.precision);
  return {
    signature: signature('update', w, g, lr),
    text: tn((f) => [
      `A weight w = ${f.n(w)} has gradient ∂L/∂w = ${f.n(g)}. What is w after one SGD step with learning rate ${f.n(lr)}?${exactly.en}`,
      `Вес w = ${f.n(w)}, градиент ∂L/∂w = ${f.n(g)}. Чему равен w после одного шага SGD со скоростью обучения ${f.n(lr)}?${exactly.ru}`,
    ]),
    answer,
    hints: [
      t('The update rule is w ← w − lr·∂L/∂w.', 'Правило обновления: w ← w − lr·∂L/∂w.'),
      tn((f) => [`The step is −lr·g = −${f.n(lr)}·${f.factor(g)} = ${f.n(step, 12)}.`, `Шаг равен −lr·g = −${f.n(lr)}·${f.factor(g)} = ${f.n(step, 12)}.`]),
    ],
    solution: [
      {
        text: tn((f) => {
          const line = `w ← w − lr·g = ${f.n(w)} − ${f.n(lr)}·${f.factor(g)} = ${f.n(w)} ${f.term(step, 12)} = ${f.exact(key)}`;
          return [`${line}.`, `${line}.`];
        }),
      },
    ],
    mistakes,
  };
}

/** On f(w) = a·w² the gradient is 2aw, so one step maps w to w·(1 − 2·a·lr). */
function tooLarge(rng: Rng): QuestionDraft | null {
  const a = rng.int(1, 20) / 2;
  const lr = rng.int(1, 60) / 100;
  const w0 = rng.int(1, 9) * (rng.bernoulli(0.5) ? 1 : -1);
  const r = clean(1 - 2 * a * lr);
  // Avoid the boundary cases r = 0, |r| = 1 (no clear verdict) and keep the verdict visible.
  if (Math.abs(r) < 0.05 || Math.abs(Math.abs(r) - 1) < 0.05) return null;
  const verdicts = {
    monotone: t('It converges to the minimum without overshooting', 'Сходится к минимуму, не перескакивая его'),
    oscillate: t('It jumps over the minimum back and forth but converges', 'Перескакивает через минимум то в одну, то в другую сторону, но сходится'),
    diverge: t('It diverges: |w| grows every step', 'Расходится: |w| растёт с каждым шагом'),
  };
  const kind = r > 0 && r < 1 ? 'monotone' : r < 0 && r > -1 ? 'oscillate' : 'diverge';
  const others = (Object.keys(verdicts) as Array<keyof typeof verdicts>).filter((k) => k !== kind);
  const { answer, mistakes } = choiceAnswer(
    rng,
    verdicts[kind],
    others.map((k) => ({
      text: verdicts[k],
      tag: 'lr_too_large' as const,
      feedback: tn((f) => [
        `Each step multiplies w by 1 − 2·a·lr = ${f.n(r)}; look at its sign and whether |${f.n(r)}| < 1.`,
        `Каждый шаг умножает w на 1 − 2·a·lr = ${f.n(r)}; посмотрите на знак этого числа и на то, меньше ли его модуль единицы.`,
      ]),
    })),
  );
  const w1 = clean(w0 * r);
  return {
    signature: signature('lr', a, lr, w0),
    text: tn((f) => [
      `Gradient descent on L(w) = ${f.n(a)}·w² starts at w = ${f.n(w0)} with learning rate ${f.n(lr)}. What happens?`,
      `Градиентный спуск по функции L(w) = ${f.n(a)}·w² начинается в точке w = ${f.n(w0)}, скорость обучения ${f.n(lr)}. Что происходит?`,
    ]),
    answer,
    hints: [
      t('Write one step: the gradient of a·w² is 2·a·w.', 'Запишите один шаг: градиент a·w² равен 2·a·w.'),
      t('w − lr·2aw = w·(1 − 2·a·lr): every step multiplies w by the same number.', 'w − lr·2aw = w·(1 − 2·a·lr): каждый шаг умножает w на одно и то же число.'),
      tn((f) => [`That number is ${f.n(r)}.`, `Это число равно ${f.n(r)}.`]),
    ],
    solution: [
      { text: tn((f) => [`∂L/∂w = ${f.n(2 * a)}·w, so w ← w − ${f.n(lr)}·${f.n(2 * a)}·w = ${f.n(r)}·w.`, `∂L/∂w = ${f.n(2 * a)}·w, значит, w ← w − ${f.n(lr)}·${f.n(2 * a)}·w = ${f.n(r)}·w.`]) },
      { text: tn((f) => [`First step: ${f.n(w0)} → ${f.n(w1)}.`, `Первый шаг: ${f.n(w0)} → ${f.n(w1)}.`]) },
      {
        text: tn((f) => [
          kind === 'diverge' ? `|${f.n(r)}| > 1: the learning rate is too large and w blows up.` : kind === 'oscillate' ? `−1 < ${f.n(r)} < 0: w changes sign each step while shrinking.` : `0 < ${f.n(r)} < 1: w shrinks towards 0 monotonically.`,
          kind === 'diverge' ? `|${f.n(r)}| > 1: скорость обучения слишком велика, и |w| неограниченно растёт.` : kind === 'oscillate' ? `−1 < ${f.n(r)} < 0: w на каждом шаге меняет знак, а по модулю уменьшается.` : `0 < ${f.n(r)} < 1: w монотонно стремится к 0.`,
        ]),
      },
    ],
    mistakes,
  };
}

/** The unit a batch-memory question asks in, with its question in both languages. */
interface MemoryUnit {
  size: number;
  question: (f: NumberStyle) => [string, string];
  name: { en: string; ru: string };
}

const UNITS: MemoryUnit[] = [
  { size: 1, name: { en: 'bytes', ru: 'байт' }, question: () => ['How many bytes does it take?', 'Сколько байт он занимает?'] },
  { size: 1024, name: { en: 'KiB', ru: 'КиБ' }, question: () => ['How much memory does it take, in KiB (1 KiB = 1024 bytes)?', 'Сколько памяти он занимает в КиБ (1 КиБ = 1024 байта)?'] },
  { size: 1024 * 1024, name: { en: 'MiB', ru: 'МиБ' }, question: (f) => [`How much memory does it take, in MiB (1 MiB = 1024² = ${f.n(1024 * 1024)} bytes)?`, `Сколько памяти он занимает в МиБ (1 МиБ = 1024² = ${f.n(1024 * 1024)} байт)?`] },
];

function batchMemory(rng: Rng, difficulty: Difficulty): QuestionDraft {
  const batch = difficulty === 3 ? rng.int(1, 64) * 16 : rng.choice([8, 16, 32, 64, 128, 256, 512]);
  const features = difficulty === 3 ? rng.int(1, 400) * 16 : rng.int(2, 1000);
  const unit = UNITS[difficulty === 3 ? rng.int(1, 2) : difficulty === 2 ? 1 : 0]!;
  const numbers = batch * features;
  const bytes = numbers * 4;
  const key = bytes / unit.size;
  // bytes are a count (exact); KiB and MiB are amounts, asked to 3 significant figures
  const grading = unit.size === 1 ? EXACT_COUNT : THREE_FIGURES;
  const { answer, mistakes } = numberAnswer(key, [
    { value: (numbers * 32) / unit.size, tag: 'bits_not_bytes', feedback: t('float32 is 32 bits = 4 bytes; you counted bits.', 'float32 — это 32 бита = 4 байта; вы посчитали биты.') },
    { value: numbers / unit.size, tag: 'off_by_factor', feedback: t('Each float32 number takes 4 bytes, not 1.', 'Каждое число float32 занимает 4 байта, а не 1.') },
    { value: (numbers * 8) / unit.size, tag: 'off_by_factor', feedback: t('8 bytes is float64; the batch is float32 (4 bytes).', '8 байт — это float64, а батч хранится во float32 (4 байта).') },
  ], grading);
  const precision = precisionText(grading.precision, unit.size === 1 ? 'number' : 'value');
  return {
    signature: signature('batch', batch, features, unit.size),
    text: tn((f) => {
      const [en, ru] = unit.question(f);
      return [
        `A mini-batch holds ${f.count(batch, 'sample')} of ${f.count(features, 'feature_each')} each, stored as float32. ${en}${precision.en}`,
        `Мини-батч содержит ${f.count(batch, 'sample')} по ${f.count(features, 'feature_each')}, числа хранятся во float32. ${ru}${precision.ru}`,
      ];
    }),
    answer,
    hints: [
      t('Count the numbers first: samples × features.', 'Сначала посчитайте, сколько всего чисел: примеры × признаки.'),
      t('A float32 takes 4 bytes.', 'Одно число float32 занимает 4 байта.'),
    ],
    solution: [
      { text: tn((f) => [`${f.n(batch)}·${f.n(features)} = ${f.count(numbers, 'number')}.`, `${f.n(batch)}·${f.n(features)} = ${f.count(numbers, 'number')}.`]) },
      {
        text: tn((f) => {
          const perUnit = unit.size > 1 ? ` = ${f.n(bytes)}/${f.n(unit.size)} ${f.lang === 'en' ? unit.name.en : unit.name.ru} ${f.eq(key, 6)} ${f.lang === 'en' ? unit.name.en : unit.name.ru}` : '';
          return [`${f.n(numbers)}·4 bytes = ${f.count(bytes, 'byte')}${perUnit}.`, `${f.n(numbers)}·4 байта = ${f.count(bytes, 'byte')}${perUnit}.`];
        }),
      },
    ],
    mistakes,
  };
}

export const sgdTopic: TopicGenerator<'sgd'> = {
  id: 'sgd',
  title: t('Gradient descent steps', 'Шаги градиентного спуска'),
  generate(rng, difficulty) {
    const r = rng.next();
    if (difficulty === 1) return r < 0.75 ? update(rng, 1) : batchMemory(rng, 1);
    if (difficulty === 2) return r < 0.4 ? update(rng, 2) : r < 0.7 ? tooLarge(rng) : batchMemory(rng, 2);
    return r < 0.3 ? update(rng, 3) : r < 0.7 ? tooLarge(rng) : batchMemory(rng, 3);
  },
  verify(d) {
    const nums = d.signature.split('|');
    const kind = nums[0];
    if (kind === 'update') {
      const [w, g, lr] = nums.slice(1).map(Number) as [number, number, number];
      // second path: the update as a + (-lr)·g
      return d.answer.kind === 'number' && close(d.answer.value, w + -1 * lr * g);
    }
    if (kind === 'batch') {
      const [b, f, unit] = nums.slice(1).map(Number) as [number, number, number];
      return d.answer.kind === 'number' && close(d.answer.value, (b * f * 32) / 8 / unit);
    }
    if (kind === 'lr') {
      const [a, lr, w0] = nums.slice(1).map(Number) as [number, number, number];
      // second path: run 30 steps and look at |w|
      let w = w0;
      let signChanges = 0;
      for (let i = 0; i < 30; i++) {
        const next = w - lr * 2 * a * w;
        if (Math.sign(next) !== Math.sign(w)) signChanges++;
        w = next;
      }
      const verdict = Math.abs(w) > Math.abs(w0) ? 2 : signChanges > 0 ? 1 : 0;
      if (d.answer.kind !== 'choice') return false;
      const chosen = d.answer.choices[d.answer.value]!.en;
      return chosen.startsWith(['It converges', 'It jumps', 'It diverges'][verdict]!);
    }
    return false;
  },
};
