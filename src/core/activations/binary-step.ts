/** The binary step (Heaviside function): the perceptron's original activation. */
import type { Activation } from './types.js';

/** f(x) = 1 for x ≥ 0, 0 otherwise. */
export const binaryStep: Activation = {
  id: 'binary_step',
  aliases: ['step', 'heaviside', 'unit step', 'threshold', 'ступенька', 'ступенчатая', 'хевисайд', 'функция хевисайда'],
  name: { en: 'Binary step (Heaviside)', ru: 'Единичная ступенька (функция Хевисайда)' },
  formula: {
    text: 'f(x) = 1 (x ≥ 0); 0 (x < 0)',
    latex: String.raw`f(x) = \begin{cases} 1, & x \ge 0 \\ 0, & x < 0 \end{cases}`,
  },
  derivative: {
    text: "f'(x) = 0 (x ≠ 0); f'(0) := 0",
    latex: String.raw`f'(x) = 0 \quad (x \ne 0)`,
  },
  range: '{0, 1}',
  rangeBounds: [0, 1],
  properties: {
    monotonic: true,
    zeroCentred: false,
    bounded: true,
    saturating: true,
    smooth: false,
    saturation: { left: true, right: true },
  },
  notes: {
    en: 'The neuron either fires (1) or not (0), as in Rosenblatt\'s perceptron. Its derivative is 0 everywhere except the jump, where it does not exist, so gradient descent gets no signal: backpropagation cannot train it. Here f(0) = 1, and f\'(0) is taken as 0.',
    ru: 'Нейрон либо срабатывает (1), либо нет (0), как в перцептроне Розенблатта. Производная равна 0 везде, кроме скачка, где её нет, поэтому градиентный спуск не получает сигнала: обучить такую сеть обратным распространением нельзя. Здесь f(0) = 1, а f\'(0) считается равной 0.',
  },
  params: {},
  kinks: [0],
  f: (x) => (x >= 0 ? 1 : 0),
  // f' = 0 away from the jump; at x = 0 we also return 0 (autograd libraries do the same)
  df: () => 0,
};
