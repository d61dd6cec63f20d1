/**
 * `sgd`: one gradient-descent update w ← w − lr·g, what a too-large learning rate does
 * (on f(w) = a·w², each step multiplies w by 1 − 2·a·lr), and the memory of a batch in float32.
 */
import type { Rng } from '../../core/rng.js';
import type { Difficulty, QuestionDraft, TopicGenerator } from '../types.js';
import { choiceAnswer, numberAnswer, signature } from '../build.js';
import { close, fmt, t } from '../format.js';

const LEARNING_RATES = [0.001, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];

function update(rng: Rng, difficulty: Difficulty): QuestionDraft {
  const w = rng.int(-50, 50) / 10;
  const g = difficulty === 1 ? rng.int(-20, 20) : rng.int(-200, 200) / 10;
  const lr = rng.choice(LEARNING_RATES);
  if (g === 0) return update(rng, difficulty);
  const key = w - lr * g;
  const { answer, mistakes } = numberAnswer(key, [
    { value: w + lr * g, tag: 'wrong_sign_update', feedback: t('You stepped along the gradient: descent goes against it, w − lr·g.', 'Вы сделали шаг по градиенту, а спуск идёт против него: w − lr·g.') },
    { value: -lr * g, tag: 'off_by_factor', feedback: t('That is only the step −lr·g; add it to the old weight.', 'Это только шаг −lr·g; прибавьте его к старому весу.') },
    { value: w - g, tag: 'off_by_factor', feedback: t('The step is scaled by the learning rate: w − lr·g.', 'Шаг умножается на скорость обучения: w − lr·g.') },
  ]);
  return {
    signature: signature('update', w, g, lr),
    text: t(
      `A weight w = ${fmt(w)} has gradient ∂L/∂w = ${fmt(g)}. What is w after one SGD step with learning rate ${fmt(lr)}?`,
      `Вес w = ${fmt(w)}, градиент ∂L/∂w = ${fmt(g)}. Чему равен w после одного шага SGD со скоростью обучения ${fmt(lr)}?`,
    ),
    answer,
    hints: [
      t('The update rule is w ← w − lr·∂L/∂w.', 'Правило обновления: w ← w − lr·∂L/∂w.'),
      t(`The step is −lr·g = −${fmt(lr)}·(${fmt(g)}) = ${fmt(-lr * g)}.`, `Шаг равен −lr·g = −${fmt(lr)}·(${fmt(g)}) = ${fmt(-lr * g)}.`),
    ],
    solution: [
      { text: t(`w ← w − lr·g = ${fmt(w)} − ${fmt(lr)}·(${fmt(g)}) = ${fmt(key)}.`, `w ← w − lr·g = ${fmt(w)} − ${fmt(lr)}·(${fmt(g)}) = ${fmt(key)}.`) },
    ],
    mistakes,
  };
}

/** On f(w) = a·w² the gradient is 2aw, so one step maps w to w·(1 − 2·a·lr). */
function tooLarge(rng: Rng): QuestionDraft | null {
  const a = rng.int(1, 20) / 2;
  const lr = rng.int(1, 60) / 100;
  const w0 = rng.int(1, 9) * (rng.bernoulli(0.5) ? 1 : -1);
  const r = 1 - 2 * a * lr;
  // Avoid the boundary cases r = 0, |r| = 1 (no clear verdict) and keep the verdict visible.
  if (Math.abs(r) < 0.05 || Math.abs(Math.abs(r) - 1) < 0.05) return null;
  const verdicts = {
    monotone: t('It converges to the minimum without overshooting', 'Сходится к минимуму, не перескакивая его'),
    oscillate: t('It jumps over the minimum back and forth but converges', 'Перескакивает минимум туда-обратно, но сходится'),
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
      feedback: t(
        `Each step multiplies w by 1 − 2·a·lr = ${fmt(r)}; look at its sign and whether |${fmt(r)}| < 1.`,
        `Каждый шаг умножает w на 1 − 2·a·lr = ${fmt(r)}; посмотрите на знак и на то, меньше ли |${fmt(r)}| единицы.`,
      ),
    })),
  );
  const w1 = w0 * r;
  return {
    signature: signature('lr', a, lr, w0),
    text: t(
      `Gradient descent on L(w) = ${fmt(a)}·w² starts at w = ${fmt(w0)} with learning rate ${fmt(lr)}. What happens?`,
      `Градиентный спуск на L(w) = ${fmt(a)}·w² стартует с w = ${fmt(w0)} со скоростью обучения ${fmt(lr)}. Что происходит?`,
    ),
    answer,
    hints: [
      t('Write one step: the gradient of a·w² is 2·a·w.', 'Запишите один шаг: градиент a·w² равен 2·a·w.'),
      t('w − lr·2aw = w·(1 − 2·a·lr): every step multiplies w by the same number.', 'w − lr·2aw = w·(1 − 2·a·lr): каждый шаг умножает w на одно и то же число.'),
      t(`That number is ${fmt(r)}.`, `Это число равно ${fmt(r)}.`),
    ],
    solution: [
      { text: t(`∂L/∂w = ${fmt(2 * a)}·w, so w ← w − ${fmt(lr)}·${fmt(2 * a)}·w = ${fmt(r)}·w.`, `∂L/∂w = ${fmt(2 * a)}·w, значит w ← w − ${fmt(lr)}·${fmt(2 * a)}·w = ${fmt(r)}·w.`) },
      { text: t(`First step: ${fmt(w0)} → ${fmt(w1)}.`, `Первый шаг: ${fmt(w0)} → ${fmt(w1)}.`) },
      {
        text: t(
          kind === 'diverge' ? `|${fmt(r)}| > 1: the learning rate is too large and w blows up.` : kind === 'oscillate' ? `−1 < ${fmt(r)} < 0: w changes sign each step while shrinking.` : `0 < ${fmt(r)} < 1: w shrinks towards 0 monotonically.`,
          kind === 'diverge' ? `|${fmt(r)}| > 1: скорость обучения слишком велика, w растёт без предела.` : kind === 'oscillate' ? `−1 < ${fmt(r)} < 0: w меняет знак на каждом шаге, уменьшаясь по модулю.` : `0 < ${fmt(r)} < 1: w монотонно уменьшается к 0.`,
        ),
      },
    ],
    mistakes,
  };
}

const UNITS = [
  { name: t('bytes', 'байтах'), size: 1 },
  { name: t('KiB (1 KiB = 1024 bytes)', 'КиБ (1 КиБ = 1024 байта)'), size: 1024 },
  { name: t('MiB (1 MiB = 1024² bytes)', 'МиБ (1 МиБ = 1024² байт)'), size: 1024 * 1024 },
];

function batchMemory(rng: Rng, difficulty: Difficulty): QuestionDraft {
  const batch = difficulty === 3 ? rng.int(1, 64) * 16 : rng.choice([8, 16, 32, 64, 128, 256, 512]);
  const features = difficulty === 3 ? rng.int(1, 400) * 16 : rng.int(2, 1000);
  const unit = UNITS[difficulty === 3 ? rng.int(1, 2) : difficulty === 2 ? 1 : 0]!;
  const bytes = batch * features * 4;
  const key = bytes / unit.size;
  const { answer, mistakes } = numberAnswer(key, [
    { value: (batch * features * 32) / unit.size, tag: 'bits_not_bytes', feedback: t('float32 is 32 bits = 4 bytes; you counted bits.', 'float32 — это 32 бита = 4 байта; вы посчитали биты.') },
    { value: (batch * features) / unit.size, tag: 'off_by_factor', feedback: t('Each float32 number takes 4 bytes, not 1.', 'Каждое число float32 занимает 4 байта, а не 1.') },
    { value: (batch * features * 8) / unit.size, tag: 'off_by_factor', feedback: t('8 bytes is float64; the batch is float32 (4 bytes).', '8 байт — это float64; батч во float32 (4 байта).') },
  ]);
  return {
    signature: signature('batch', batch, features, unit.size),
    text: t(
      `A mini-batch holds ${batch} samples of ${features} features each, stored as float32. How much memory does it take, in ${unit.name.en}?`,
      `Мини-батч содержит ${batch} примеров по ${features} признаков, хранится во float32. Сколько памяти он занимает, в ${unit.name.ru}?`,
    ),
    answer,
    hints: [
      t('Count the numbers first: samples × features.', 'Сначала посчитайте числа: примеры × признаки.'),
      t('A float32 takes 4 bytes.', 'Одно число float32 занимает 4 байта.'),
    ],
    solution: [
      { text: t(`${batch}·${features} = ${batch * features} numbers.`, `${batch}·${features} = ${batch * features} чисел.`) },
      { text: t(`×4 bytes = ${bytes} bytes${unit.size > 1 ? ` = ${fmt(key)} in the asked unit` : ''}.`, `×4 байта = ${bytes} байт${unit.size > 1 ? ` = ${fmt(key)} в нужных единицах` : ''}.`) },
    ],
    mistakes,
  };
}

export const sgdTopic: TopicGenerator = {
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
