/**
 * ReLU and its leaky relatives. They differ only left of zero: ReLU is flat there (and can
 * "die"), leaky ReLU has a small fixed slope, RReLU a random one while training, PReLU a
 * learned one.
 *
 * Kinks follow PyTorch's backward kernels, which test `x > 0`: the derivative at exactly 0
 * is the LEFT slope (relu'(0) = 0, leaky_relu'(0) = 0.01, prelu'(0) = a).
 */
import type { Activation } from './types.js';

/** A number in Russian prose: a decimal comma (0,01). */
const ruNumber = (x: number) => String(x).replace('.', ',');

/** Leaky ReLU's fixed negative slope (PyTorch's default). */
export const LEAKY_SLOPE = 0.01;
/** RReLU's slope interval while training (PyTorch's defaults 1/8 and 1/3). */
export const RRELU_LOWER = 1 / 8;
export const RRELU_UPPER = 1 / 3;
/** RReLU's slope at inference: the mean of the interval, 11/48. */
export const RRELU_SLOPE = (RRELU_LOWER + RRELU_UPPER) / 2;
/** PReLU's initial slope (PyTorch's default). */
export const PRELU_INIT = 0.25;

const notDying = { left: false, right: false };

/** f(x) = max(0, x). */
export const relu: Activation = {
  id: 'relu',
  aliases: ['rectifier', 'rectified linear unit', 'выпрямитель', 'релу'],
  name: { en: 'Rectified linear unit (ReLU)', ru: 'Выпрямитель (ReLU)' },
  formula: { text: 'f(x) = max(0, x)', latex: String.raw`f(x) = \max(0, x)` },
  derivative: {
    text: "f'(x) = 1 (x > 0); 0 (x ≤ 0)",
    latex: String.raw`f'(x) = \begin{cases} 1, & x > 0 \\ 0, & x \le 0 \end{cases}`,
  },
  range: '[0, ∞)',
  rangeBounds: [0, Infinity],
  properties: {
    monotonic: true,
    zeroCentred: false,
    bounded: false,
    // f' = 0 for all x < 0: the left side is "saturated" (that is how ReLU dies), the right never is.
    saturating: true,
    smooth: false,
    saturation: { left: true, right: false },
  },
  notes: {
    en: 'Does not saturate for x > 0, costs one comparison, and networks with it converge several times faster than with sigmoid or tanh. Not zero-centred. For x < 0 the gradient is exactly 0: a neuron whose input stays negative never updates again ("dying ReLU"). As in PyTorch, f\'(0) = 0.',
    ru: 'Не насыщается при x > 0, стоит одно сравнение, и сети с ним сходятся в несколько раз быстрее, чем с сигмоидой или tanh. Не центрирован относительно нуля. При x < 0 градиент ровно 0: нейрон, вход которого всё время отрицателен, больше не обучается («умирающий ReLU»). Как в PyTorch, f\'(0) = 0.',
  },
  params: {},
  kinks: [0],
  f: (x) => (x > 0 ? x : 0),
  // d/dx max(0, x) = 1 for x > 0, 0 for x ≤ 0 (PyTorch: 0 at the kink)
  df: (x) => (x > 0 ? 1 : 0),
};

/** f(x) = x for x > 0, 0.01·x otherwise. */
export const leakyRelu: Activation = {
  id: 'leaky_relu',
  aliases: ['lrelu', 'leaky', 'leakyrelu', 'relu с утечкой', 'ликирелу'],
  name: { en: 'Leaky ReLU', ru: 'ReLU с утечкой (Leaky ReLU)' },
  formula: {
    text: `f(x) = x (x > 0); ${LEAKY_SLOPE}·x (x ≤ 0)`,
    latex: String.raw`f(x) = \begin{cases} x, & x > 0 \\ ${LEAKY_SLOPE}\,x, & x \le 0 \end{cases}`,
  },
  derivative: {
    text: `f'(x) = 1 (x > 0); ${LEAKY_SLOPE} (x ≤ 0)`,
    latex: String.raw`f'(x) = \begin{cases} 1, & x > 0 \\ ${LEAKY_SLOPE}, & x \le 0 \end{cases}`,
  },
  range: '(−∞, ∞)',
  rangeBounds: [-Infinity, Infinity],
  properties: { monotonic: true, zeroCentred: true, bounded: false, saturating: false, smooth: false, saturation: notDying },
  notes: {
    en: `A small slope (${LEAKY_SLOPE}) left of zero keeps the gradient from being exactly 0, so neurons cannot die. Keeps ReLU's speed, and outputs take both signs. As in PyTorch, f'(0) = ${LEAKY_SLOPE}.`,
    ru: `Небольшой наклон (${ruNumber(LEAKY_SLOPE)}) слева от нуля не даёт градиенту стать ровно 0, поэтому нейроны не умирают. Скорость ReLU сохраняется, а выходы бывают обоих знаков. Как в PyTorch, f'(0) = ${ruNumber(LEAKY_SLOPE)}.`,
  },
  params: { slope: LEAKY_SLOPE },
  kinks: [0],
  f: (x) => (x > 0 ? x : LEAKY_SLOPE * x),
  // f' = 1 for x > 0, slope for x ≤ 0 (PyTorch: the slope at the kink)
  df: (x) => (x > 0 ? 1 : LEAKY_SLOPE),
};

/** Randomized leaky ReLU; f and df use the mean slope (inference), `randomSlope` the training interval. */
export const rrelu: Activation = {
  id: 'rrelu',
  aliases: ['randomized relu', 'randomized leaky relu', 'random relu', 'рандомизированный relu'],
  name: { en: 'Randomized leaky ReLU (RReLU)', ru: 'Случайный ReLU с утечкой (RReLU)' },
  formula: {
    text: 'f(x) = x (x ≥ 0); a·x (x < 0); a ~ U(1/8, 1/3), E[a] = (1/8 + 1/3)/2 = 11/48',
    latex: String.raw`f(x) = \begin{cases} x, & x \ge 0 \\ a\,x, & x < 0 \end{cases},\quad a \sim U\!\left(\tfrac18, \tfrac13\right),\quad \mathbb{E}[a] = \tfrac{11}{48}`,
  },
  derivative: {
    text: "f'(x) = 1 (x > 0); a (x ≤ 0); E[a] = 11/48 ≈ 0.2292",
    latex: String.raw`f'(x) = \begin{cases} 1, & x > 0 \\ a, & x \le 0 \end{cases}`,
  },
  range: '(−∞, ∞)',
  rangeBounds: [-Infinity, Infinity],
  properties: { monotonic: true, zeroCentred: true, bounded: false, saturating: false, smooth: false, saturation: notDying },
  notes: {
    en: 'Like leaky ReLU, but while training every negative value gets its own random slope from [1/8, 1/3]; that noise works as a regulariser. At inference the mean slope (1/8 + 1/3)/2 = 11/48 ≈ 0.229 is used, as in PyTorch.',
    ru: 'Как ReLU с утечкой, но при обучении каждое отрицательное значение получает свой случайный наклон из [1/8; 1/3]; этот шум работает как регуляризация. При применении обученной сети берётся средний наклон (1/8 + 1/3)/2 = 11/48 ≈ 0,229, как в PyTorch.',
  },
  params: { lower: RRELU_LOWER, upper: RRELU_UPPER, slope: RRELU_SLOPE },
  kinks: [0],
  f: (x) => (x > 0 ? x : RRELU_SLOPE * x),
  // inference: f' = 1 for x > 0, mean slope for x ≤ 0 (PyTorch evaluates rrelu as leaky_relu)
  df: (x) => (x > 0 ? 1 : RRELU_SLOPE),
  randomSlope: { lower: RRELU_LOWER, upper: RRELU_UPPER },
};

/** Parametric ReLU; f and df use the initial slope, `learnableSlope` any slope a. */
export const prelu: Activation = {
  id: 'prelu',
  aliases: ['parametric relu', 'параметрический relu'],
  name: { en: 'Parametric ReLU (PReLU)', ru: 'Параметрический ReLU (PReLU)' },
  formula: {
    text: `f(x) = x (x > 0); a·x (x ≤ 0); a₀ = ${PRELU_INIT}`,
    latex: String.raw`f(x) = \begin{cases} x, & x > 0 \\ a\,x, & x \le 0 \end{cases}`,
  },
  derivative: {
    text: "∂f/∂x = 1 (x > 0); a (x ≤ 0);  ∂f/∂a = 0 (x > 0); x (x ≤ 0)",
    latex: String.raw`\frac{\partial f}{\partial x} = \begin{cases} 1, & x > 0 \\ a, & x \le 0 \end{cases},\quad \frac{\partial f}{\partial a} = \begin{cases} 0, & x > 0 \\ x, & x \le 0 \end{cases}`,
  },
  range: '(−∞, ∞)',
  rangeBounds: [-Infinity, Infinity],
  properties: { monotonic: true, zeroCentred: true, bounded: false, saturating: false, smooth: false, saturation: notDying },
  notes: {
    en: `The negative slope a is a parameter the network learns by gradient descent (one per layer, starting at ${PRELU_INIT} as in PyTorch). It fixes dying ReLU and lets each layer choose how leaky to be. The properties listed are those of the initial slope.`,
    ru: `Наклон a слева от нуля — параметр, который сеть подбирает градиентным спуском (один на слой, начальное значение ${ruNumber(PRELU_INIT)}, как в PyTorch). Решает проблему умирающего ReLU и позволяет каждому слою выбрать свою «утечку». Свойства указаны для начального наклона.`,
  },
  params: { slope: PRELU_INIT },
  kinks: [0],
  f: (x) => (x > 0 ? x : PRELU_INIT * x),
  // f' = 1 for x > 0, a for x ≤ 0 (PyTorch: a at the kink)
  df: (x) => (x > 0 ? 1 : PRELU_INIT),
  learnableSlope: {
    init: PRELU_INIT,
    fa: (x, a) => (x > 0 ? x : a * x),
    // ∂f/∂x = 1 for x > 0, a for x ≤ 0
    dfa: (x, a) => (x > 0 ? 1 : a),
    // ∂f/∂a = 0 for x > 0, x for x ≤ 0: the slope learns only from negative inputs
    dda: (x) => (x > 0 ? 0 : x),
  },
};
