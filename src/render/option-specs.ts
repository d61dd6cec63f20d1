/**
 * The options of `/plot` and `gradbot plot` as data. Bounds come from the picture limits
 * (./messages.ts) and the default range of the charts.
 */
import type { OptionSpec } from '../options/types.js';
import { DEFAULT_RANGE } from './charts/plot-data.js';
import { LIMITS } from './messages.js';

/** What to draw: activation ids, aliases or expressions in x, comma-separated. */
export const PLOT_FUNCTIONS_OPTION: OptionSpec = {
  name: 'functions',
  type: 'string',
  required: true,
  autocomplete: 'activations',
  max: LIMITS.maxExpressionLength,
  example: 'relu,gelu',
  description: {
    en: `activation ids, aliases or expressions in x, comma-separated (at most ${LIMITS.maxFunctions})`,
    ru: `id функций активации, их синонимы или выражения от x через запятую (не больше ${LIMITS.maxFunctions})`,
  },
};

/** Left end of the x range. */
export const PLOT_FROM_OPTION: OptionSpec = {
  name: 'from',
  type: 'number',
  min: -LIMITS.maxAbsRange,
  max: LIMITS.maxAbsRange,
  default: DEFAULT_RANGE[0],
  description: {
    en: `left end of the x range (from -${LIMITS.maxAbsRange} to ${LIMITS.maxAbsRange})`,
    ru: `левый конец отрезка по x (от -${LIMITS.maxAbsRange} до ${LIMITS.maxAbsRange})`,
  },
};

/** Right end of the x range. */
export const PLOT_TO_OPTION: OptionSpec = {
  name: 'to',
  type: 'number',
  min: -LIMITS.maxAbsRange,
  max: LIMITS.maxAbsRange,
  default: DEFAULT_RANGE[1],
  description: {
    en: `right end of the x range (from -${LIMITS.maxAbsRange} to ${LIMITS.maxAbsRange})`,
    ru: `правый конец отрезка по x (от -${LIMITS.maxAbsRange} до ${LIMITS.maxAbsRange})`,
  },
};

/** Functions, from and to, in the order `/plot relu,gelu -3 3` takes them. */
export const PLOT_OPTIONS: readonly OptionSpec[] = Object.freeze([PLOT_FUNCTIONS_OPTION, PLOT_FROM_OPTION, PLOT_TO_OPTION]);
