/**
 * The list of all activations, in the lecture's order. Adding an activation means adding its
 * entry here (and its test); /plot, quizzes, /train and the autograd read this list.
 */
import { binaryStep } from './binary-step.js';
import { bipolarReluActivation } from './bipolar-relu.js';
import { elu, selu } from './elu-family.js';
import { hardsigmoid, hardtanh, relu6 } from './hard-family.js';
import { identity } from './identity.js';
import { arctan } from './arctan.js';
import { isrlu, isru, softsign, sqnl } from './algebraic-curves.js';
import { leakyRelu, prelu, relu, rrelu } from './relu-family.js';
import { gelu, mish, silu } from './self-gated.js';
import { sigmoid } from './sigmoid.js';
import { softplus } from './softplus.js';
import { tanh } from './tanh.js';
import type { Activation } from './types.js';

/** Every activation, in the order the lecture's table lists them. */
export const ACTIVATIONS: readonly Activation[] = Object.freeze([
  identity,
  sigmoid,
  tanh,
  arctan,
  relu,
  leakyRelu,
  rrelu,
  prelu,
  binaryStep,
  elu,
  selu,
  softsign,
  isru,
  isrlu,
  sqnl,
  bipolarReluActivation,
  softplus,
  gelu,
  silu,
  mish,
  hardtanh,
  hardsigmoid,
  relu6,
]);

/** The ids, in the same order. */
export const ACTIVATION_IDS: readonly string[] = Object.freeze(ACTIVATIONS.map((a) => a.id));
