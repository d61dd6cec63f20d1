/** The hyperbolic tangent: a zero-centred sigmoid. */
import { sechSquared } from './stable-math.js';
import type { Activation } from './types.js';

/** tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)). */
export const tanh: Activation = {
  id: 'tanh',
  aliases: ['th', 'tanh_function', 'hyperbolic tangent', 'гиперболический тангенс', 'гипертангенс', 'танх'],
  name: { en: 'Hyperbolic tangent (tanh)', ru: 'Гиперболический тангенс (tanh)' },
  formula: {
    text: 'tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x))',
    latex: String.raw`\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}`,
  },
  derivative: { text: "tanh'(x) = 1 − tanh²(x)", latex: String.raw`\tanh'(x) = 1 - \tanh^2(x)` },
  range: '(−1, 1)',
  rangeBounds: [-1, 1],
  properties: {
    monotonic: true,
    zeroCentred: true,
    bounded: true,
    saturating: true,
    smooth: true,
    saturation: { left: true, right: true },
  },
  notes: {
    en: 'Zero-centred (range (−1, 1), tanh(0) = 0), so it usually trains better than the sigmoid; tanh(x) = 2σ(2x) − 1. Still saturates at both ends, so gradients vanish for large |x|.',
    ru: 'Центрирован относительно нуля (значения в (−1; 1), tanh(0) = 0), поэтому обычно обучается лучше сигмоиды; tanh(x) = 2σ(2x) − 1. Но по-прежнему насыщается с обеих сторон, и при больших |x| градиенты затухают.',
  },
  params: {},
  kinks: [],
  f: Math.tanh,
  // tanh'(x) = 1 − tanh²(x) = sech²(x); sech² avoids 1 − tanh² rounding to 0 for |x| > 19
  df: sechSquared,
};
