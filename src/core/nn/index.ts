/** Layers, the MLP, losses, optimizers and the training loop (see each file). */
export { Mlp, Workspace, MLP_LIMITS, type MlpConfig, type SerializedMlp } from './mlp.js';
export { Linear } from './linear.js';
export { Trainer, evaluateLoss, fit, type Targets, type TrainerOptions, type FitOptions } from './trainer.js';
export {
  LOSS_NAMES,
  parseLoss,
  computeLoss,
  meanSquaredError,
  binaryCrossEntropyWithLogits,
  softmaxCrossEntropy,
  type LossName,
  type LossTargets,
} from './losses.js';
export {
  OPTIMIZER_NAMES,
  parseOptimizer,
  createOptimizer,
  type Optimizer,
  type OptimizerName,
  type OptimizerOptions,
  type Param,
} from './optimizers.js';
export { INIT_NAMES, defaultInit, initWeights, parseInit, type InitName } from './init.js';
export { nnMessages } from './messages.js';
