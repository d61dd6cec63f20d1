/** The identity (linear) activation: no non-linearity at all. */
import type { Activation } from './types.js';

/** f(x) = x. */
export const identity: Activation = {
  id: 'identity',
  aliases: ['linear', 'id', 'none', 'тождественная', 'линейная'],
  name: { en: 'Identity (linear)', ru: 'Тождественная (линейная)' },
  formula: { text: 'f(x) = x', latex: 'f(x) = x' },
  derivative: { text: "f'(x) = 1", latex: "f'(x) = 1" },
  range: '(−∞, ∞)',
  rangeBounds: [-Infinity, Infinity],
  properties: {
    monotonic: true,
    zeroCentred: true,
    bounded: false,
    saturating: false,
    smooth: true,
    saturation: { left: false, right: false },
  },
  notes: {
    en: 'No non-linearity: a stack of linear layers with identity activations is one linear map, however deep. Used on the output of regression models.',
    ru: 'Нелинейности нет: сколько ни складывай линейные слои с тождественной активацией, получится одно линейное преобразование. Применяется на выходе моделей регрессии.',
  },
  params: {},
  kinks: [],
  f: (x) => x,
  // d/dx x = 1
  df: () => 1,
};
