/**
 * The shape of one activation-registry entry. Everything that shows or uses an activation
 * (/plot, quizzes, /train options, the scalar autograd, the MLP kernels) reads these entries,
 * so adding an activation is one entry plus its test.
 */
import type { LocalizedText } from '../errors.js';

/** A formula in plain text (for chat) and LaTeX (for pictures and docs). */
export interface Formula {
  text: string;
  latex: string;
}

/** Yes/no facts the lecture's table and the quizzes ask about. */
export interface ActivationProperties {
  /** Non-decreasing everywhere. */
  monotonic: boolean;
  /** f(0) = 0 and outputs take both signs, so the mean activation can sit near zero. */
  zeroCentred: boolean;
  /** The range is bounded above and below. */
  bounded: boolean;
  /** f' tends to 0 as |x| grows on at least one side (gradients vanish there). */
  saturating: boolean;
  /** Continuously differentiable everywhere (no kinks or jumps). */
  smooth: boolean;
  /**
   * Which sides saturate (f' → 0 as x → −∞ / +∞). `saturating` is `left || right`; this
   * tells ReLU (left only: "does not saturate for x > 0") from sigmoid (both sides).
   */
  saturation?: { left: boolean; right: boolean };
}

/** One activation function with its derivative and teaching material. */
export interface Activation {
  /** snake_case id, e.g. `leaky_relu`. */
  id: string;
  /** Other names that resolve to this id (`lrelu`, `swish`, `сигмоида`...), lower-case. */
  aliases: readonly string[];
  name: LocalizedText;
  formula: Formula;
  derivative: Formula;
  /** The range as text, e.g. "(0, 1)" or "[0, ∞)". */
  range: string;
  /** Numeric bounds of the range (±Infinity where unbounded), for chart axes and quizzes. */
  rangeBounds: readonly [number, number];
  properties: ActivationProperties;
  /** Short teaching notes: what it fixes, where it fails. */
  notes: LocalizedText;
  /** Fixed parameters, e.g. `{ slope: 0.01 }` or `{ alpha: 1 }`, as used by f and df. */
  params: Readonly<Record<string, number>>;
  /** Points where f or f' jumps or has a kink (for plots: draw jumps as jumps; quizzes: avoid). */
  kinks: readonly number[];
  /** f(x), at inference time (rrelu uses the mean slope, prelu its initial slope). */
  f(x: number): number;
  /** f'(x), PyTorch's convention at kinks (relu'(0) = 0). */
  df(x: number): number;
  /**
   * rrelu only: the negative slope is drawn uniformly from [lower, upper] per element while
   * training (PyTorch's RReLU); at inference the mean slope is used by f and df.
   */
  randomSlope?: { lower: number; upper: number };
  /**
   * prelu only: the negative slope `a` is a learned parameter (one per layer), initial value
   * `init`. `fa(x, a)` and `dfa(x, a)` evaluate with a given slope and `dda(x, a)` = ∂f/∂a.
   */
  learnableSlope?: {
    init: number;
    fa(x: number, a: number): number;
    dfa(x: number, a: number): number;
    dda(x: number, a: number): number;
  };
}
