/**
 * Bipolar ReLU. The lecture defines it per neuron index i in a layer:
 *
 *   f_i(x) = ReLU(x)     for even i
 *   f_i(x) = −ReLU(−x)   for odd i   (= min(0, x))
 *
 * so half the neurons pass positive values and half negative ones, and the layer's mean output
 * can sit near zero. A registry entry is a scalar function of x alone, so the entry is the
 * even form; layers that know the neuron index use `bipolarRelu(x, i)`.
 */
import type { Activation } from './types.js';
import { relu } from './relu-family.js';

/** Bipolar ReLU of neuron `index` (0-based): ReLU(x) for even index, −ReLU(−x) for odd. */
export function bipolarRelu(x: number, index: number): number {
  if (index % 2 === 0) return x > 0 ? x : 0;
  return x < 0 ? x : 0;
}

/**
 * d/dx of `bipolarRelu(x, index)`: 1 for x > 0 (even index) or x < 0 (odd index), else 0.
 * At x = 0 both forms give 0, the chain rule applied to PyTorch's relu'(0) = 0.
 */
export function bipolarReluDerivative(x: number, index: number): number {
  if (index % 2 === 0) return x > 0 ? 1 : 0;
  return x < 0 ? 1 : 0;
}

/** The even-index form, f(x) = max(0, x). */
export const bipolarReluActivation: Activation = {
  id: 'bipolar_relu',
  aliases: ['bipolar', 'brelu', 'bipolarrelu', 'биполярный relu', 'биполярный'],
  name: { en: 'Bipolar ReLU', ru: 'Биполярный ReLU' },
  formula: {
    text: 'f_i(x) = max(0, x) (i = 0, 2, 4, …); −max(0, −x) (i = 1, 3, 5, …)',
    latex: String.raw`f_i(x) = \begin{cases} \max(0, x), & i = 2k \\ -\max(0, -x), & i = 2k + 1 \end{cases}`,
  },
  derivative: {
    text: "f_i'(x) = [x > 0] (i = 0, 2, 4, …); [x < 0] (i = 1, 3, 5, …)",
    latex: String.raw`f_i'(x) = \begin{cases} [x > 0], & i = 2k \\ [x < 0], & i = 2k + 1 \end{cases}`,
  },
  range: '[0, ∞) (i = 0, 2, …); (−∞, 0] (i = 1, 3, …)',
  rangeBounds: [0, Infinity],
  // The properties are those of the scalar entry (the even form, i.e. ReLU); the layer as a
  // whole is zero-centred, which the notes say.
  properties: {
    monotonic: true,
    zeroCentred: false,
    bounded: false,
    saturating: true,
    smooth: false,
    saturation: { left: true, right: false },
  },
  notes: {
    en: 'Neurons of a layer alternate: even ones apply ReLU(x), odd ones −ReLU(−x). Each neuron stays piecewise linear and cheap, but the layer outputs both signs, so its mean activation is near zero, which plain ReLU lacks. As a single scalar function this entry is the even form (ReLU).',
    ru: 'Нейроны слоя чередуются: чётные применяют ReLU(x), нечётные — −ReLU(−x). Каждый нейрон остаётся кусочно-линейным и дешёвым, но слой в целом выдаёт значения обоих знаков, и среднее активаций близко к нулю — чего не хватает обычному ReLU. Как скалярная функция эта запись — чётная форма (ReLU).',
  },
  params: {},
  kinks: [0],
  // The even form is ReLU itself: d/dx max(0, x) = 1 for x > 0, 0 for x ≤ 0.
  f: relu.f,
  df: relu.df,
};
