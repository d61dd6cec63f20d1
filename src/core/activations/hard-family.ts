/**
 * Piecewise-linear "hard" versions of the classic curves: hardtanh, hardsigmoid and ReLU6.
 * They cost a comparison or two, and their gradient is exactly 0 where they are flat.
 *
 * At the corners PyTorch's backward kernels give 0: hardtanh_backward tests
 * `x <= min || x >= max`, hardsigmoid_backward `−3 < x < 3`, and relu6 is hardtanh(x, 0, 6).
 */
import type { Activation } from './types.js';

const both = { left: true, right: true };

/** f(x) = clip(x, −1, 1). */
export const hardtanh: Activation = {
  id: 'hardtanh',
  aliases: ['hard tanh', 'жёсткий тангенс', 'жесткий тангенс'],
  name: { en: 'Hard tanh', ru: 'Жёсткий гиперболический тангенс (HardTanh)' },
  formula: {
    text: 'f(x) = −1 (x < −1); x (−1 ≤ x ≤ 1); 1 (x > 1)',
    latex: String.raw`f(x) = \begin{cases} -1, & x < -1 \\ x, & -1 \le x \le 1 \\ 1, & x > 1 \end{cases}`,
  },
  derivative: {
    text: "f'(x) = 1 (−1 < x < 1); 0 (|x| ≥ 1)",
    latex: String.raw`f'(x) = \begin{cases} 1, & -1 < x < 1 \\ 0, & |x| \ge 1 \end{cases}`,
  },
  range: '[−1, 1]',
  rangeBounds: [-1, 1],
  properties: { monotonic: true, zeroCentred: true, bounded: true, saturating: true, smooth: false, saturation: both },
  notes: {
    en: 'A piecewise-linear tanh: cheap, zero-centred and bounded. The gradient is exactly 0 outside (−1, 1): a hard saturation.',
    ru: 'Кусочно-линейный tanh: дешёвый, центрированный относительно нуля и ограниченный. Вне (−1; 1) градиент ровно 0 — жёсткое насыщение.',
  },
  params: { min: -1, max: 1 },
  kinks: [-1, 1],
  f: (x) => (x < -1 ? -1 : x > 1 ? 1 : x),
  // f' = 1 strictly inside (−1, 1), 0 elsewhere including the corners (PyTorch)
  df: (x) => (x > -1 && x < 1 ? 1 : 0),
};

/** f(x) = ReLU6(x + 3) / 6 (PyTorch's definition). */
export const hardsigmoid: Activation = {
  id: 'hardsigmoid',
  aliases: ['hard sigmoid', 'hsigmoid', 'жёсткая сигмоида', 'жесткая сигмоида'],
  name: { en: 'Hard sigmoid', ru: 'Жёсткая сигмоида (HardSigmoid)' },
  formula: {
    text: 'f(x) = ReLU6(x + 3) / 6 = 0 (x ≤ −3); x/6 + 1/2 (−3 < x < 3); 1 (x ≥ 3)',
    latex: String.raw`f(x) = \frac{\mathrm{ReLU6}(x + 3)}{6} = \begin{cases} 0, & x \le -3 \\ \frac{x}{6} + \frac12, & -3 < x < 3 \\ 1, & x \ge 3 \end{cases}`,
  },
  derivative: {
    text: "f'(x) = 1/6 (−3 < x < 3); 0 (|x| ≥ 3)",
    latex: String.raw`f'(x) = \begin{cases} \frac16, & -3 < x < 3 \\ 0, & |x| \ge 3 \end{cases}`,
  },
  range: '[0, 1]',
  rangeBounds: [0, 1],
  properties: { monotonic: true, zeroCentred: false, bounded: true, saturating: true, smooth: false, saturation: both },
  notes: {
    en: 'A piecewise-linear sigmoid (PyTorch defines it as ReLU6(x + 3)/6), used in MobileNetV3 where exp() is too costly. Not zero-centred; the gradient is exactly 0 outside (−3, 3).',
    ru: 'Кусочно-линейная сигмоида (в PyTorch — ReLU6(x + 3)/6), используется в MobileNetV3, где exp() слишком дорог. Не центрирована относительно нуля; вне (−3; 3) градиент ровно 0.',
  },
  params: {},
  kinks: [-3, 3],
  f: (x) => (x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5),
  // f' = 1/6 strictly inside (−3, 3), 0 elsewhere including the corners (PyTorch)
  df: (x) => (x > -3 && x < 3 ? 1 / 6 : 0),
};

/** f(x) = min(max(0, x), 6). */
export const relu6: Activation = {
  id: 'relu6',
  aliases: ['relu 6', 'relu_6'],
  name: { en: 'ReLU6', ru: 'ReLU6 (выпрямитель с потолком 6)' },
  formula: { text: 'f(x) = min(max(0, x), 6)', latex: String.raw`f(x) = \min\bigl(\max(0, x),\, 6\bigr)` },
  derivative: {
    text: "f'(x) = 1 (0 < x < 6); 0 (x ≤ 0; x ≥ 6)",
    latex: String.raw`f'(x) = \begin{cases} 1, & 0 < x < 6 \\ 0, & x \le 0 \ \lor\ x \ge 6 \end{cases}`,
  },
  range: '[0, 6]',
  rangeBounds: [0, 6],
  properties: { monotonic: true, zeroCentred: false, bounded: true, saturating: true, smooth: false, saturation: both },
  notes: {
    en: 'ReLU capped at 6: bounded outputs keep low-precision (mobile, quantised) arithmetic accurate; used in MobileNet. The gradient is 0 for x ≤ 0 and x ≥ 6 (PyTorch takes 0 at both corners).',
    ru: 'ReLU с потолком 6: ограниченные выходы сохраняют точность в вычислениях низкой разрядности (мобильные, квантованные сети); используется в MobileNet. Градиент 0 при x ≤ 0 и x ≥ 6 (в PyTorch — 0 в обоих углах).',
  },
  params: { min: 0, max: 6 },
  kinks: [0, 6],
  f: (x) => (x < 0 ? 0 : x > 6 ? 6 : x),
  // f' = 1 strictly inside (0, 6), 0 elsewhere including the corners (PyTorch)
  df: (x) => (x > 0 && x < 6 ? 1 : 0),
};
