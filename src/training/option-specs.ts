/**
 * The options of training (`/train`, `gradbot train`) as data: the CLI parses its flags from
 * them, the bot its arguments, and Discord, Telegram and every help text show them. Bounds
 * and defaults come from ./options.ts, so the spec and the checks cannot drift apart.
 */
import { OPTIMIZER_NAMES } from '../core/nn/optimizers.js';
import type { OptionSpec } from '../options/types.js';
import { TRAIN_DEFAULTS, TRAIN_LIMITS } from './options.js';

/** The CSV file to learn from (an upload in chats; a path on the command line). */
export const TRAIN_DATA_OPTION: OptionSpec = {
  name: 'data',
  type: 'attachment',
  required: true,
  description: {
    en: 'CSV file with a header row; one column is the target',
    ru: 'CSV-файл со строкой заголовков; один из столбцов — целевой',
  },
};

/** The column to predict. */
export const TRAIN_TARGET_OPTION: OptionSpec = {
  name: 'target',
  type: 'string',
  max: 200,
  example: 'species',
  description: {
    en: 'target column: a name or a 1-based number (default: target/label/class/y, else the last column)',
    ru: 'целевой столбец: имя или номер с 1 (по умолчанию target/label/class/y, иначе последний столбец)',
  },
};

/** Classification or regression (default: guessed from the target column). */
export const TRAIN_TASK_OPTION: OptionSpec = {
  name: 'task',
  type: 'string',
  choices: [
    { value: 'classification', label: { en: 'classification', ru: 'классификация' } },
    { value: 'regression', label: { en: 'regression', ru: 'регрессия' } },
  ],
  description: {
    en: 'classification or regression (default: guessed from the target column)',
    ru: 'классификация или регрессия (по умолчанию определяется по целевому столбцу)',
  },
};

/** Units per hidden layer. */
export const TRAIN_HIDDEN_OPTION: OptionSpec = {
  name: 'hidden',
  type: 'string',
  default: TRAIN_DEFAULTS.hidden.join(','),
  example: '32,16',
  max: 100,
  description: {
    en: `units per hidden layer, comma-separated (at most ${TRAIN_LIMITS.maxLayers} layers of ${TRAIN_LIMITS.maxUnits}); "none" for a linear model`,
    ru: `нейронов в каждом скрытом слое через запятую (не больше ${TRAIN_LIMITS.maxLayers} слоёв по ${TRAIN_LIMITS.maxUnits}); «none» — линейная модель`,
  },
};

/** Activation of the hidden layers: any registry id or alias. */
export const TRAIN_ACTIVATION_OPTION: OptionSpec = {
  name: 'activation',
  type: 'string',
  default: TRAIN_DEFAULTS.activation,
  autocomplete: 'activations',
  example: 'gelu',
  max: 64,
  description: {
    en: 'activation of the hidden layers (an id or alias from "gradbot act --list")',
    ru: 'функция активации скрытых слоёв (id или синоним из «gradbot act --list»)',
  },
};

/** The optimizer. */
export const TRAIN_OPTIMIZER_OPTION: OptionSpec = {
  name: 'optimizer',
  type: 'string',
  default: TRAIN_DEFAULTS.optimizer,
  choices: OPTIMIZER_NAMES.map((value) => ({ value, label: { en: value, ru: value } })),
  description: {
    en: 'optimizer: sgd, momentum or adam',
    ru: 'оптимизатор: sgd, momentum или adam',
  },
};

/** Learning rate: above 0, at most 10 (./options.ts rejects 0 itself). */
export const TRAIN_LR_OPTION: OptionSpec = {
  name: 'lr',
  type: 'number',
  min: 0,
  max: 10,
  default: TRAIN_DEFAULTS.lr,
  description: {
    en: 'learning rate (above 0, at most 10)',
    ru: 'скорость обучения, шаг (больше 0, не больше 10)',
  },
};

/** The most epochs; early stopping usually ends sooner. */
export const TRAIN_EPOCHS_OPTION: OptionSpec = {
  name: 'epochs',
  type: 'integer',
  min: 1,
  max: TRAIN_LIMITS.maxEpochs,
  default: TRAIN_DEFAULTS.epochs,
  description: {
    en: `the most epochs (1 to ${TRAIN_LIMITS.maxEpochs}); early stopping usually ends sooner`,
    ru: `наибольшее число эпох (от 1 до ${TRAIN_LIMITS.maxEpochs}); ранняя остановка обычно наступает раньше`,
  },
};

/** Mini-batch size. */
export const TRAIN_BATCH_OPTION: OptionSpec = {
  name: 'batch',
  type: 'integer',
  min: 1,
  max: TRAIN_LIMITS.maxBatch,
  default: TRAIN_DEFAULTS.batch,
  description: {
    en: `mini-batch size (1 to ${TRAIN_LIMITS.maxBatch})`,
    ru: `размер мини-батча (от 1 до ${TRAIN_LIMITS.maxBatch})`,
  },
};

/** L2 weight decay. The CLI flag is `--weight-decay` (dashes and underscores are one). */
export const TRAIN_WEIGHT_DECAY_OPTION: OptionSpec = {
  name: 'weight_decay',
  type: 'number',
  min: 0,
  max: 1,
  default: TRAIN_DEFAULTS.weightDecay,
  description: {
    en: 'weight decay, L2 (0 to 1)',
    ru: 'затухание весов, L2 (от 0 до 1)',
  },
};

/** Seed of the split, the initial weights and the batches. */
export const TRAIN_SEED_OPTION: OptionSpec = {
  name: 'seed',
  type: 'integer',
  default: TRAIN_DEFAULTS.seed,
  description: {
    en: 'seed of the split, the initial weights and the batches: the same seed gives the same model',
    ru: 'seed разбиения, начальных весов и батчей: с тем же seed получается та же модель',
  },
};

/** Every training option except the data itself, in the order help texts list them. */
export const TRAIN_OPTIONS: readonly OptionSpec[] = Object.freeze([
  TRAIN_TARGET_OPTION,
  TRAIN_TASK_OPTION,
  TRAIN_HIDDEN_OPTION,
  TRAIN_ACTIVATION_OPTION,
  TRAIN_OPTIMIZER_OPTION,
  TRAIN_LR_OPTION,
  TRAIN_EPOCHS_OPTION,
  TRAIN_BATCH_OPTION,
  TRAIN_WEIGHT_DECAY_OPTION,
  TRAIN_SEED_OPTION,
]);
