/**
 * The options of the spell-name generator (`/spells`, `gradbot spells`) as data. Bounds come
 * from the sampling limits (./generate.ts), the datasets from the shipped lists.
 */
import { DEFAULT_SETTINGS } from '../core/charlm/train.js';
import type { OptionSpec } from '../options/types.js';
import { BUILTIN_DATASETS, type BuiltinId } from './datasets.js';
import { DEFAULT_GENERATE, GENERATE_LIMITS } from './generate.js';
import { MAX_STEPS } from './service.js';

/** Highest top-k ./generate.ts accepts. */
const MAX_TOP_K = 1000;

/** Which list the model learns from (the CLI also takes a file path). */
export const SPELLS_DATASET_OPTION: OptionSpec = {
  name: 'dataset',
  type: 'string',
  default: 'dnd',
  choices: (Object.keys(BUILTIN_DATASETS) as BuiltinId[]).map((id) => ({ value: id, label: BUILTIN_DATASETS[id].title })),
  autocomplete: 'datasets',
  description: {
    en: 'the list of names to learn from: dnd (D&D SRD spells) or hp (Harry Potter spells)',
    ru: 'список названий для обучения: dnd (заклинания D&D SRD) или hp (заклинания из «Гарри Поттера»)',
  },
};

/** How many names to invent. */
export const SPELLS_COUNT_OPTION: OptionSpec = {
  name: 'count',
  type: 'integer',
  min: 1,
  max: GENERATE_LIMITS.maxCount,
  default: DEFAULT_GENERATE.count,
  description: {
    en: `names to invent (1 to ${GENERATE_LIMITS.maxCount})`,
    ru: `сколько названий придумать (от 1 до ${GENERATE_LIMITS.maxCount})`,
  },
};

/** Sampling temperature. */
export const SPELLS_TEMPERATURE_OPTION: OptionSpec = {
  name: 'temperature',
  type: 'number',
  min: GENERATE_LIMITS.minTemperature,
  max: GENERATE_LIMITS.maxTemperature,
  default: DEFAULT_GENERATE.temperature,
  description: {
    en: `temperature (${GENERATE_LIMITS.minTemperature} to ${GENERATE_LIMITS.maxTemperature}): low copies more, high invents wilder names`,
    ru: `температура (от ${GENERATE_LIMITS.minTemperature} до ${GENERATE_LIMITS.maxTemperature}): низкая чаще копирует, высокая придумывает смелее`,
  },
};

/** Draw only from the k most likely characters. The CLI flag is `--top-k`. */
export const SPELLS_TOP_K_OPTION: OptionSpec = {
  name: 'top_k',
  type: 'integer',
  min: 0,
  max: MAX_TOP_K,
  description: {
    en: 'draw only from the k most likely characters (default: all)',
    ru: 'выбирать только из k самых вероятных символов (по умолчанию из всех)',
  },
};

/** Seed of the drawn names (the model itself is always trained with one fixed seed). */
export const SPELLS_SEED_OPTION: OptionSpec = {
  name: 'seed',
  type: 'integer',
  default: 1,
  description: {
    en: 'seed of the drawn names; the model itself is always trained with seed 42 so it can be cached',
    ru: 'seed выбираемых названий; сама модель всегда обучается с seed 42, чтобы её можно было сохранить',
  },
};

/** Training steps of the model. */
export const SPELLS_STEPS_OPTION: OptionSpec = {
  name: 'steps',
  type: 'integer',
  min: 1,
  max: MAX_STEPS,
  description: {
    en: `training steps (default ${DEFAULT_SETTINGS.steps}, at most ${MAX_STEPS})`,
    ru: `шагов обучения (по умолчанию ${DEFAULT_SETTINGS.steps}, не больше ${MAX_STEPS})`,
  },
};

/** Dataset, count, temperature, top-k and seed, in the order help texts list them. */
export const SPELLS_OPTIONS: readonly OptionSpec[] = Object.freeze([
  SPELLS_DATASET_OPTION,
  SPELLS_COUNT_OPTION,
  SPELLS_TEMPERATURE_OPTION,
  SPELLS_TOP_K_OPTION,
  SPELLS_SEED_OPTION,
]);
