/** Softplus: a smooth ReLU whose derivative is the sigmoid. */
import { logistic, softplusStable } from './stable-math.js';
import type { Activation } from './types.js';

/** f(x) = ln(1 + e^x). */
export const softplus: Activation = {
  id: 'softplus',
  aliases: ['soft plus', 'smooth relu', 'сглаженный relu'],
  name: { en: 'Softplus', ru: 'Softplus (сглаженный ReLU)' },
  formula: { text: 'f(x) = ln(1 + e^x)', latex: String.raw`f(x) = \ln\left(1 + e^{x}\right)` },
  derivative: { text: "f'(x) = σ(x) = 1 / (1 + e^(−x))", latex: String.raw`f'(x) = \sigma(x) = \frac{1}{1 + e^{-x}}` },
  range: '(0, ∞)',
  rangeBounds: [0, Infinity],
  properties: {
    monotonic: true,
    zeroCentred: false,
    bounded: false,
    saturating: true,
    smooth: true,
    saturation: { left: true, right: false },
  },
  notes: {
    en: 'A smooth version of ReLU whose derivative is the sigmoid. Always positive, so not zero-centred; saturates on the left. Computed as max(x, 0) + ln(1 + e^(−|x|)) so it neither overflows nor loses digits at large |x|.',
    ru: 'Гладкая версия ReLU, производная которой — сигмоида. Всегда положительна, поэтому не центрирована относительно нуля; насыщается слева. Вычисляется как max(x, 0) + ln(1 + e^(−|x|)), чтобы не переполняться и не терять точность при больших |x|.',
  },
  params: {},
  kinks: [],
  f: softplusStable,
  // d/dx ln(1 + e^x) = e^x / (1 + e^x) = σ(x)
  df: logistic,
};
