/** The logistic sigmoid, the lecture's first activation. */
import { logistic, logisticSlope } from './stable-math.js';
import type { Activation } from './types.js';

/** σ(x) = 1 / (1 + e^(−x)). */
export const sigmoid: Activation = {
  id: 'sigmoid',
  aliases: ['logistic', 'sigm', 'sigma', 'σ', 'сигмоида', 'сигмоид', 'логистическая'],
  name: { en: 'Sigmoid (logistic)', ru: 'Сигмоида (логистическая)' },
  formula: { text: 'σ(x) = 1 / (1 + e^(−x))', latex: String.raw`\sigma(x) = \frac{1}{1 + e^{-x}}` },
  derivative: { text: "σ'(x) = σ(x)·(1 − σ(x))", latex: String.raw`\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)` },
  range: '(0, 1)',
  rangeBounds: [0, 1],
  properties: {
    monotonic: true,
    zeroCentred: false,
    bounded: true,
    saturating: true,
    smooth: true,
    saturation: { left: true, right: true },
  },
  notes: {
    en: 'Squashes any input into (0, 1), so the output reads as a probability. Saturates: for large |x| the derivative is almost 0 (and at most 0.25, at x = 0), which kills gradients in deep networks. Not zero-centred: outputs are always positive, so the gradients of the next layer\'s weights share one sign and updates zig-zag. exp() is relatively costly.',
    ru: 'Сжимает любой вход в (0; 1), поэтому выход читается как вероятность. Насыщается: при больших |x| производная почти 0 (и не больше 0,25 — в точке x = 0), из-за чего в глубоких сетях возникает затухание градиентов. Не центрирована относительно нуля: выходы всегда положительны, градиенты по весам следующего слоя одного знака, и обновления идут зигзагом. exp() вычисляется относительно дорого.',
  },
  params: {},
  kinks: [],
  f: logistic,
  // σ'(x) = σ(x)(1 − σ(x)), evaluated as e/(1 + e)², e = e^(−|x|) (see stable-math.ts)
  df: logisticSlope,
};
