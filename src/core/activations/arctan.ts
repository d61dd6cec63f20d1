/** The arctangent: an S-curve that saturates slowly. */
import type { Activation } from './types.js';

const HALF_PI = Math.PI / 2;

/** f(x) = arctan(x). */
export const arctan: Activation = {
  id: 'arctan',
  aliases: ['atan', 'arctg', 'арктангенс'],
  name: { en: 'Arctangent', ru: 'Арктангенс' },
  formula: { text: 'f(x) = arctan(x)', latex: String.raw`f(x) = \arctan(x)` },
  derivative: { text: "f'(x) = 1 / (1 + x²)", latex: String.raw`f'(x) = \frac{1}{1 + x^2}` },
  range: '(−π/2, π/2)',
  rangeBounds: [-HALF_PI, HALF_PI],
  properties: {
    monotonic: true,
    zeroCentred: true,
    bounded: true,
    saturating: true,
    smooth: true,
    saturation: { left: true, right: true },
  },
  notes: {
    en: 'S-shaped and zero-centred like tanh, but it approaches its limits ±π/2 slowly: the derivative decays like 1/x², not exponentially, so it saturates more gently.',
    ru: 'S-образная и центрированная относительно нуля, как tanh, но к пределам ±π/2 подходит медленно: производная убывает как 1/x², а не экспоненциально, поэтому насыщается мягче.',
  },
  params: {},
  kinks: [],
  f: Math.atan,
  // d/dx arctan x = 1 / (1 + x²)  (x² = Infinity for huge x gives 0, the right limit)
  df: (x) => 1 / (1 + x * x),
};
