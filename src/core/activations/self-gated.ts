/**
 * Smooth "self-gated" activations of modern networks: x multiplied by a soft gate of itself.
 * GELU gates with the normal CDF Φ, SiLU (Swish) with the sigmoid, Mish with tanh(softplus).
 * All three dip slightly below zero left of the origin, so none is monotonic; the depth of the
 * dip is computed below, not typed in.
 */
import { erfc } from './erf.js';
import { logistic, minimumOn, softplusStable } from './stable-math.js';
import type { Activation } from './types.js';

const INV_SQRT2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014326779399460599343818684759;

/** Φ(x), the standard normal CDF, via erfc so the left tail keeps its digits. */
function normalCdf(x: number): number {
  return 0.5 * erfc(-x * INV_SQRT2);
}

/** x·g where the gate g underflows to 0 far left: return 0 then, because −∞·0 would be NaN. */
function gated(x: number, g: number): number {
  return g === 0 ? 0 : x * g;
}

const leftOnly = { left: true, right: false };
/** Three decimals with a true minus sign, as in the other range texts. */
const approx3 = (v: number) => v.toFixed(3).replace('-', '−');

function gelu_(x: number): number {
  return gated(x, normalCdf(x));
}
function silu_(x: number): number {
  return gated(x, logistic(x));
}
function mish_(x: number): number {
  return gated(x, Math.tanh(softplusStable(x)));
}

// The dips lie in [−3, 0] for all three (each function is decreasing then increasing there).
const GELU_MIN = minimumOn(gelu_, -3, 0);
const SILU_MIN = minimumOn(silu_, -3, 0);
const MISH_MIN = minimumOn(mish_, -3, 0);

/** f(x) = x·Φ(x) = x/2·(1 + erf(x/√2)), the exact (erf) form. */
export const gelu: Activation = {
  id: 'gelu',
  aliases: ['gaussian error linear unit'],
  name: { en: 'Gaussian error linear unit (GELU)', ru: 'Гауссов линейный элемент ошибки (GELU)' },
  formula: {
    text: 'f(x) = x·Φ(x) = x/2·(1 + erf(x/√2))',
    latex: String.raw`f(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\!\left(\frac{x}{\sqrt{2}}\right)\right)`,
  },
  derivative: {
    text: "f'(x) = Φ(x) + x·φ(x), φ(x) = e^(−x²/2) / √(2π)",
    latex: String.raw`f'(x) = \Phi(x) + x\,\varphi(x),\quad \varphi(x) = \frac{e^{-x^2/2}}{\sqrt{2\pi}}`,
  },
  range: `[≈${approx3(GELU_MIN.value)}, ∞)`,
  rangeBounds: [GELU_MIN.value, Infinity],
  properties: { monotonic: false, zeroCentred: true, bounded: false, saturating: true, smooth: true, saturation: leftOnly },
  notes: {
    en: `Weights each input by the probability that a standard normal variable is below it. Smooth and non-monotonic (a small dip to ≈ ${approx3(GELU_MIN.value)} near x ≈ ${approx3(GELU_MIN.x)}); the standard activation of transformers (BERT, GPT). This is the exact erf form, not the tanh approximation.`,
    ru: `Умножает вход на вероятность того, что стандартная нормальная величина меньше него. Гладкая и немонотонная (небольшой провал до ≈ ${approx3(GELU_MIN.value).replace('.', ',')} около x ≈ ${approx3(GELU_MIN.x).replace('.', ',')}); стандартная активация трансформеров (BERT, GPT). Здесь точная форма через erf, а не приближение через tanh.`,
  },
  params: {},
  kinks: [],
  f: gelu_,
  // d/dx x·Φ(x) = Φ(x) + x·φ(x), φ = Φ' the normal density
  df: (x) => {
    const pdf = INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    return normalCdf(x) + gated(x, pdf);
  },
};

/** f(x) = x·σ(x) (Swish with β = 1). */
export const silu: Activation = {
  id: 'silu',
  aliases: ['swish', 'swish1', 'sigmoid linear unit'],
  name: { en: 'Sigmoid linear unit (SiLU, Swish)', ru: 'Сигмоидно-линейный элемент (SiLU, Swish)' },
  formula: { text: 'f(x) = x·σ(x) = x / (1 + e^(−x))', latex: String.raw`f(x) = x\,\sigma(x) = \frac{x}{1 + e^{-x}}` },
  derivative: {
    text: "f'(x) = σ(x)·(1 + x·(1 − σ(x)))",
    latex: String.raw`f'(x) = \sigma(x)\,\bigl(1 + x\,(1 - \sigma(x))\bigr)`,
  },
  range: `[≈${approx3(SILU_MIN.value)}, ∞)`,
  rangeBounds: [SILU_MIN.value, Infinity],
  properties: { monotonic: false, zeroCentred: true, bounded: false, saturating: true, smooth: true, saturation: leftOnly },
  notes: {
    en: `Swish with β = 1: smooth and non-monotonic (a dip to ≈ ${approx3(SILU_MIN.value)} near x ≈ ${approx3(SILU_MIN.x)}), unbounded above like ReLU but lets small negative values through. Found by automated search; used in EfficientNet and many modern networks.`,
    ru: `Swish с β = 1: гладкая и немонотонная (провал до ≈ ${approx3(SILU_MIN.value).replace('.', ',')} около x ≈ ${approx3(SILU_MIN.x).replace('.', ',')}), не ограничена сверху, как ReLU, но пропускает небольшие отрицательные значения. Найдена автоматическим поиском; используется в EfficientNet и многих современных сетях.`,
  },
  params: {},
  kinks: [],
  f: silu_,
  // d/dx x·σ(x) = σ(x) + x·σ(x)(1 − σ(x)). With e = e^(−|x|), σ and 1 − σ = σ(−x) are
  // 1/(1 + e) and e/(1 + e) in some order: one exp, and no cancellation in 1 − σ.
  df: (x) => {
    const e = Math.exp(-Math.abs(x));
    const big = 1 / (1 + e);
    const small = e * big;
    const s = x >= 0 ? big : small;
    return s === 0 ? 0 : s * (1 + gated(x, x >= 0 ? small : big));
  },
};

/** f(x) = x·tanh(softplus(x)). */
export const mish: Activation = {
  id: 'mish',
  aliases: ['миш'],
  name: { en: 'Mish', ru: 'Mish' },
  formula: {
    text: 'f(x) = x·tanh(softplus(x)) = x·tanh(ln(1 + e^x))',
    latex: String.raw`f(x) = x \tanh\bigl(\ln(1 + e^{x})\bigr)`,
  },
  derivative: {
    text: "f'(x) = tanh(sp(x)) + x·σ(x)·(1 − tanh²(sp(x))), sp(x) = ln(1 + e^x)",
    latex: String.raw`f'(x) = \tanh(\mathrm{sp}(x)) + x\,\sigma(x)\,\bigl(1 - \tanh^2(\mathrm{sp}(x))\bigr),\quad \mathrm{sp}(x) = \ln(1 + e^{x})`,
  },
  range: `[≈${approx3(MISH_MIN.value)}, ∞)`,
  rangeBounds: [MISH_MIN.value, Infinity],
  properties: { monotonic: false, zeroCentred: true, bounded: false, saturating: true, smooth: true, saturation: leftOnly },
  notes: {
    en: `A smooth, non-monotonic self-gated function like SiLU with a slightly deeper dip (≈ ${approx3(MISH_MIN.value)}); used in YOLOv4. More expensive: an exp, a log and a tanh per value.`,
    ru: `Гладкая немонотонная функция с «самозатвором», как SiLU, но с чуть более глубоким провалом (≈ ${approx3(MISH_MIN.value).replace('.', ',')}); используется в YOLOv4. Дороже: exp, log и tanh на каждое значение.`,
  },
  params: {},
  kinks: [],
  f: mish_,
  // chain rule: d/dx x·tanh(sp(x)) = tanh(sp) + x·sech²(sp)·sp'(x), and sp'(x) = σ(x).
  // sech² = 1 − tanh² is exact enough here: it only loses digits when sp is large, where the
  // term it multiplies is negligible next to tanh(sp) ≈ 1.
  df: (x) => {
    const sp = softplusStable(x);
    const t = Math.tanh(sp);
    return t + gated(x, logistic(x) * (1 - t * t));
  },
};
