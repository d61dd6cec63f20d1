/**
 * S-curves built from algebra instead of exponentials (cheaper than tanh): softsign, ISRU,
 * ISRLU and SQNL.
 */
import type { Activation } from './types.js';

/** ISRU's and ISRLU's α. */
export const ISRU_ALPHA = 1;

/** Beyond this |x|, α·x² would overflow; x/√(1 + αx²) is then ±1/√α to double precision. */
const HUGE = 1e150;

/** 1/√(1 + αx²), the factor ISRU and ISRLU share. */
function invSqrtTerm(x: number): number {
  return 1 / Math.sqrt(1 + ISRU_ALPHA * x * x);
}

/** x/√(1 + αx²), safe for huge and infinite x. */
function isruValue(x: number): number {
  if (Math.abs(x) > HUGE) return Math.sign(x) / Math.sqrt(ISRU_ALPHA);
  return x * invSqrtTerm(x);
}

const both = { left: true, right: true };

/** f(x) = x / (1 + |x|). */
export const softsign: Activation = {
  id: 'softsign',
  aliases: ['soft sign'],
  name: { en: 'Softsign', ru: 'Softsign («мягкий знак»)' },
  formula: { text: 'f(x) = x / (1 + |x|)', latex: String.raw`f(x) = \frac{x}{1 + |x|}` },
  derivative: { text: "f'(x) = 1 / (1 + |x|)²", latex: String.raw`f'(x) = \frac{1}{(1 + |x|)^2}` },
  range: '(−1, 1)',
  rangeBounds: [-1, 1],
  properties: { monotonic: true, zeroCentred: true, bounded: true, saturating: true, smooth: true, saturation: both },
  notes: {
    en: 'Looks like tanh but approaches ±1 polynomially, not exponentially: it saturates more slowly, so gradients survive longer, and it needs no exp().',
    ru: 'Похожа на tanh, но приближается к ±1 полиномиально, а не экспоненциально: насыщается медленнее, градиенты дольше не затухают, и exp() не нужен.',
  },
  params: {},
  kinks: [],
  // Infinity/Infinity would be NaN, so infinite inputs go straight to the limit ±1
  f: (x) => {
    const a = Math.abs(x);
    return a === Infinity ? Math.sign(x) : x / (1 + a);
  },
  // d/dx x/(1 + |x|) = ((1 + |x|) − x·sign(x)) / (1 + |x|)² = 1/(1 + |x|)²
  df: (x) => {
    const d = 1 + Math.abs(x);
    return 1 / (d * d);
  },
};

/** f(x) = x / √(1 + αx²). */
export const isru: Activation = {
  id: 'isru',
  aliases: ['inverse square root unit'],
  name: { en: 'Inverse square root unit (ISRU)', ru: 'Обратный квадратный корень (ISRU)' },
  formula: { text: `f(x) = x / √(1 + α·x²), α = ${ISRU_ALPHA}`, latex: String.raw`f(x) = \frac{x}{\sqrt{1 + \alpha x^2}}` },
  derivative: {
    text: "f'(x) = (1 / √(1 + α·x²))³",
    latex: String.raw`f'(x) = \left(\frac{1}{\sqrt{1 + \alpha x^2}}\right)^{3}`,
  },
  range: '(−1/√α, 1/√α) = (−1, 1)',
  rangeBounds: [-1 / Math.sqrt(ISRU_ALPHA), 1 / Math.sqrt(ISRU_ALPHA)],
  properties: { monotonic: true, zeroCentred: true, bounded: true, saturating: true, smooth: true, saturation: both },
  notes: {
    en: 'A tanh-like S-curve from one square root instead of exponentials, so it is cheap; the range is (−1/√α, 1/√α). Saturates at both ends.',
    ru: 'S-образная кривая, как tanh, но из одного квадратного корня вместо экспонент, поэтому дешёвая; значения в (−1/√α; 1/√α). Насыщается с обеих сторон.',
  },
  params: { alpha: ISRU_ALPHA },
  kinks: [],
  f: isruValue,
  // d/dx x(1 + αx²)^(−1/2) = (1 + αx²)^(−1/2) − αx²(1 + αx²)^(−3/2) = (1 + αx²)^(−3/2)
  df: (x) => {
    const t = invSqrtTerm(x);
    return t * t * t;
  },
};

/** f(x) = x for x ≥ 0, x / √(1 + αx²) otherwise. */
export const isrlu: Activation = {
  id: 'isrlu',
  aliases: ['inverse square root linear unit'],
  name: { en: 'Inverse square root linear unit (ISRLU)', ru: 'Обратно-корневой линейный элемент (ISRLU)' },
  formula: {
    text: `f(x) = x (x ≥ 0); x / √(1 + α·x²) (x < 0); α = ${ISRU_ALPHA}`,
    latex: String.raw`f(x) = \begin{cases} x, & x \ge 0 \\ \dfrac{x}{\sqrt{1 + \alpha x^2}}, & x < 0 \end{cases}`,
  },
  derivative: {
    text: "f'(x) = 1 (x ≥ 0); (1 / √(1 + α·x²))³ (x < 0)",
    latex: String.raw`f'(x) = \begin{cases} 1, & x \ge 0 \\ \left(\dfrac{1}{\sqrt{1 + \alpha x^2}}\right)^{3}, & x < 0 \end{cases}`,
  },
  range: '(−1/√α, ∞) = (−1, ∞)',
  rangeBounds: [-1 / Math.sqrt(ISRU_ALPHA), Infinity],
  properties: {
    monotonic: true,
    zeroCentred: true,
    bounded: false,
    saturating: true,
    smooth: true,
    saturation: { left: true, right: false },
  },
  notes: {
    en: 'Like ELU (identity on the right, a smooth saturation on the left that pulls the mean activation towards zero) but with a square root instead of exp(), which is cheaper. Smooth at 0: both sides have slope 1 there.',
    ru: 'Как ELU (тождественная справа, плавное насыщение слева, которое сдвигает среднее активаций к нулю), но с квадратным корнем вместо exp(), что дешевле. Гладкая в нуле: наклон с обеих сторон равен 1.',
  },
  params: { alpha: ISRU_ALPHA },
  kinks: [],
  f: (x) => (x >= 0 ? x : isruValue(x)),
  // f' = 1 for x ≥ 0, (1 + αx²)^(−3/2) for x < 0 (both equal 1 at 0: no kink)
  df: (x) => {
    if (x >= 0) return 1;
    const t = invSqrtTerm(x);
    return t * t * t;
  },
};

/** Square nonlinearity: two parabolas joined at 0, flat beyond ±2. */
export const sqnl: Activation = {
  id: 'sqnl',
  aliases: ['square nonlinearity', 'square non-linearity'],
  name: { en: 'Square nonlinearity (SQNL)', ru: 'Квадратичная нелинейность (SQNL)' },
  formula: {
    text: 'f(x) = 1 (x > 2); x − x²/4 (0 ≤ x ≤ 2); x + x²/4 (−2 ≤ x < 0); −1 (x < −2)',
    latex: String.raw`f(x) = \begin{cases} 1, & x > 2 \\ x - \frac{x^2}{4}, & 0 \le x \le 2 \\ x + \frac{x^2}{4}, & -2 \le x < 0 \\ -1, & x < -2 \end{cases}`,
  },
  derivative: {
    text: "f'(x) = 1 − x/2 (0 ≤ x ≤ 2); 1 + x/2 (−2 ≤ x < 0); 0 (|x| > 2)",
    latex: String.raw`f'(x) = \begin{cases} 1 - \frac{x}{2}, & 0 \le x \le 2 \\ 1 + \frac{x}{2}, & -2 \le x < 0 \\ 0, & |x| > 2 \end{cases}`,
  },
  range: '[−1, 1]',
  rangeBounds: [-1, 1],
  // f' is continuous (1 at 0, 0 at ±2), so SQNL is smooth in the C¹ sense; only f'' jumps.
  properties: { monotonic: true, zeroCentred: true, bounded: true, saturating: true, smooth: true, saturation: both },
  notes: {
    en: 'A tanh-shaped curve made of two parabolas: only multiplications and additions, so it is very cheap. It reaches ±1 exactly at |x| = 2 and its gradient is exactly 0 beyond (hard saturation).',
    ru: 'Кривая в форме tanh из двух парабол: только умножения и сложения, поэтому очень дешёвая. Достигает ±1 ровно при |x| = 2, а дальше градиент ровно 0 (жёсткое насыщение).',
  },
  params: {},
  kinks: [],
  f: (x) => {
    if (x > 2) return 1;
    if (x >= 0) return x - (x * x) / 4;
    if (x >= -2) return x + (x * x) / 4;
    return -1;
  },
  // d/dx (x ∓ x²/4) = 1 ∓ x/2 inside [−2, 2]; 0 outside
  df: (x) => {
    if (x > 2 || x < -2) return 0;
    return x >= 0 ? 1 - x / 2 : 1 + x / 2;
  },
};
