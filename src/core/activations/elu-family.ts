/**
 * ELU and SELU: identity on the right, a smooth exponential saturation towards −α on the left.
 *
 * At x = 0 PyTorch's elu_backward uses the left branch (`x <= 0`): elu'(0) = α·e^0 = α and
 * selu'(0) = λ·α. For ELU with α = 1 both sides agree (the function is smooth); SELU's
 * derivative jumps from λα ≈ 1.758 to λ ≈ 1.051.
 */
import type { Activation } from './types.js';

/** ELU's α (PyTorch's default). */
export const ELU_ALPHA = 1;
/** SELU's constants from Klambauer et al. (2017), as in PyTorch. */
export const SELU_ALPHA = 1.6732632423543772848170429916717;
export const SELU_SCALE = 1.0507009873554804934193349852946;

const leftOnly = { left: true, right: false };

/** f(x) = x for x > 0, α(e^x − 1) otherwise. */
export const elu: Activation = {
  id: 'elu',
  aliases: ['exponential linear unit'],
  name: { en: 'Exponential linear unit (ELU)', ru: 'Экспоненциальный линейный элемент (ELU)' },
  formula: {
    text: `f(x) = x (x > 0); α·(e^x − 1) (x ≤ 0); α = ${ELU_ALPHA}`,
    latex: String.raw`f(x) = \begin{cases} x, & x > 0 \\ \alpha\,(e^{x} - 1), & x \le 0 \end{cases}`,
  },
  derivative: {
    text: "f'(x) = 1 (x > 0); α·e^x (x ≤ 0)",
    latex: String.raw`f'(x) = \begin{cases} 1, & x > 0 \\ \alpha\,e^{x}, & x \le 0 \end{cases}`,
  },
  range: `(−${ELU_ALPHA}, ∞)`,
  rangeBounds: [-ELU_ALPHA, Infinity],
  properties: { monotonic: true, zeroCentred: true, bounded: false, saturating: true, smooth: ELU_ALPHA === 1, saturation: leftOnly },
  notes: {
    en: 'Negative outputs (down to −α) pull the mean activation towards zero, which speeds up learning; no dying neurons; with α = 1 it is smooth, and its soft saturation on the left makes it robust to noise. Costs an exp() for x < 0. As in PyTorch, f\'(0) = α.',
    ru: 'Отрицательные выходы (до −α) сдвигают среднее активаций к нулю, что ускоряет обучение; нейроны не умирают; при α = 1 функция гладкая, а мягкое насыщение слева делает её устойчивой к шуму. Стоит одного exp() при x < 0. Как в PyTorch, f\'(0) = α.',
  },
  params: { alpha: ELU_ALPHA },
  kinks: ELU_ALPHA === 1 ? [] : [0],
  // expm1 keeps α(e^x − 1) exact for small |x| (e^x − 1 would cancel)
  f: (x) => (x > 0 ? x : ELU_ALPHA * Math.expm1(x)),
  // f' = 1 for x > 0, α·e^x for x ≤ 0
  df: (x) => (x > 0 ? 1 : ELU_ALPHA * Math.exp(x)),
};

const SELU_LEFT = SELU_SCALE * SELU_ALPHA;
const round4 = (v: number) => Number(v.toFixed(4));

/** f(x) = λx for x > 0, λα(e^x − 1) otherwise. */
export const selu: Activation = {
  id: 'selu',
  aliases: ['scaled elu', 'scaled exponential linear unit'],
  name: { en: 'Scaled ELU (SELU)', ru: 'Масштабированный ELU (SELU)' },
  formula: {
    text: `f(x) = λ·x (x > 0); λ·α·(e^x − 1) (x ≤ 0); λ ≈ ${round4(SELU_SCALE)}, α ≈ ${round4(SELU_ALPHA)}`,
    latex: String.raw`f(x) = \lambda \begin{cases} x, & x > 0 \\ \alpha\,(e^{x} - 1), & x \le 0 \end{cases}`,
  },
  derivative: {
    text: `f'(x) = λ (x > 0); λ·α·e^x (x ≤ 0); λ·α ≈ ${round4(SELU_LEFT)}`,
    latex: String.raw`f'(x) = \lambda \begin{cases} 1, & x > 0 \\ \alpha\,e^{x}, & x \le 0 \end{cases}`,
  },
  range: `(−λα, ∞) ≈ (−${round4(SELU_LEFT)}, ∞)`,
  rangeBounds: [-SELU_LEFT, Infinity],
  properties: { monotonic: true, zeroCentred: true, bounded: false, saturating: true, smooth: false, saturation: leftOnly },
  notes: {
    en: 'With exactly these constants and LeCun-normal initialisation, the activations of a deep fully-connected network keep mean ≈ 0 and variance ≈ 1 from layer to layer: the network self-normalises without batch normalisation. The derivative jumps at 0 (λα on the left, λ on the right).',
    ru: 'С именно этими константами и инициализацией LeCun-normal активации глубокой полносвязной сети сохраняют среднее ≈ 0 и дисперсию ≈ 1 от слоя к слою: сеть самонормализуется без батч-нормализации. Производная в нуле скачет (λα слева, λ справа).',
  },
  params: { alpha: SELU_ALPHA, scale: SELU_SCALE },
  kinks: [0],
  f: (x) => (x > 0 ? SELU_SCALE * x : SELU_LEFT * Math.expm1(x)),
  // f' = λ for x > 0, λα·e^x for x ≤ 0 (PyTorch: λα at 0)
  df: (x) => (x > 0 ? SELU_SCALE : SELU_LEFT * Math.exp(x)),
};
