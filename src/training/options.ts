/**
 * Options of a training run, their defaults and their checks.
 *
 * The defaults are chosen to do well on the classic small tabular sets (iris, wine,
 * breast-cancer-like data) without tuning: two ReLU layers, Adam, early stopping on the
 * validation loss. See the measurements in the training bench and the report of issue 4.
 */
import { getActivation } from '../core/activations/index.js';
import { parseOptimizer, type OptimizerName } from '../core/nn/index.js';
import { trainMsg } from './messages.js';

/** What a student may choose; everything is optional. */
export interface TrainOptions {
  /** Target column: a name or a 1-based index as text. Default: target/label/class/y, else the last column. */
  target?: string;
  task?: 'classification' | 'regression';
  /** Units per hidden layer, e.g. [32, 16]. */
  hidden?: number[];
  /** Any activation-registry id or alias. */
  activation?: string;
  optimizer?: OptimizerName;
  lr?: number;
  /** The most epochs to run (early stopping usually ends sooner). */
  epochs?: number;
  batch?: number;
  weightDecay?: number;
  seed?: number;
  /** Epochs without a better validation loss before stopping. */
  patience?: number;
  /** Training stops (keeping the best weights) after this long; below the pool's job time limit. */
  timeBudgetMs?: number;
}

/** Options with every default filled in. */
export type ResolvedTrainOptions = Required<Omit<TrainOptions, 'target' | 'task'>> & Pick<TrainOptions, 'target' | 'task'>;

export const TRAIN_DEFAULTS: Readonly<Omit<ResolvedTrainOptions, 'target' | 'task'>> = Object.freeze({
  hidden: [64, 32],
  activation: 'relu',
  optimizer: 'adam' as OptimizerName,
  lr: 0.003,
  epochs: 200,
  batch: 32,
  weightDecay: 0.01,
  seed: 42,
  patience: 20,
  timeBudgetMs: 45_000,
});

/** Bounds that keep one student's job from taking the shared workers for long. */
export const TRAIN_LIMITS = { maxUnits: 1024, maxLayers: 8, maxEpochs: 5000, maxBatch: 65_536 } as const;

function checkNumber(option: string, value: number, ok: boolean, rule: string, ruRule: string): void {
  if (!ok || !Number.isFinite(value)) throw trainMsg.error('bad_number', { option, value, rule, rule_ru: ruRule });
}

/** Parses "32,16" (or "" / "none" for no hidden layer: a linear model). */
export function parseHidden(text: string): number[] {
  const t = text.trim();
  if (t === '' || t === 'none' || t === '0') return [];
  // "32,16", "32, 16", "32 16" and "32x16" all mean two layers; "32,,16" or "3,x" is a mistake.
  const parts = t.split(/\s*[,;x×]\s*|\s+/);
  const sizes = parts.map((s) => (/^\d+$/.test(s) ? Number(s) : NaN));
  checkHidden(sizes, text);
  return sizes;
}

function checkHidden(sizes: number[], shown: string): void {
  const bad = sizes.length > TRAIN_LIMITS.maxLayers || sizes.some((n) => !Number.isInteger(n) || n < 1 || n > TRAIN_LIMITS.maxUnits);
  if (bad) throw trainMsg.error('bad_hidden', { value: shown, max: TRAIN_LIMITS.maxUnits, layers: TRAIN_LIMITS.maxLayers });
}

/** Fills defaults and checks every option; a bad one is a UserInputError naming it. */
export function resolveTrainOptions(o: TrainOptions = {}): ResolvedTrainOptions {
  const r: ResolvedTrainOptions = { ...TRAIN_DEFAULTS, hidden: [...TRAIN_DEFAULTS.hidden] };
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (r as unknown as Record<string, unknown>)[k] = v;
  if (r.task !== undefined && r.task !== 'classification' && r.task !== 'regression') {
    throw trainMsg.error('bad_task', { value: String(r.task) });
  }
  checkHidden(r.hidden, r.hidden.join(','));
  // Any registry id or alias ("Leaky ReLU", "сигмоида"); stored as the canonical id.
  r.activation = getActivation(r.activation).id;
  r.optimizer = parseOptimizer(r.optimizer);
  checkNumber('lr', r.lr, r.lr > 0 && r.lr <= 10, 'a number above 0 and at most 10', 'числом больше 0 и не больше 10');
  checkNumber('epochs', r.epochs, Number.isInteger(r.epochs) && r.epochs >= 1 && r.epochs <= TRAIN_LIMITS.maxEpochs,
    `a whole number from 1 to ${TRAIN_LIMITS.maxEpochs}`, `целым числом от 1 до ${TRAIN_LIMITS.maxEpochs}`);
  checkNumber('batch', r.batch, Number.isInteger(r.batch) && r.batch >= 1 && r.batch <= TRAIN_LIMITS.maxBatch,
    `a whole number from 1 to ${TRAIN_LIMITS.maxBatch}`, `целым числом от 1 до ${TRAIN_LIMITS.maxBatch}`);
  checkNumber('weight decay', r.weightDecay, r.weightDecay >= 0 && r.weightDecay <= 1, 'a number from 0 to 1', 'числом от 0 до 1');
  checkNumber('seed', r.seed, Number.isInteger(r.seed), 'a whole number', 'целым числом');
  checkNumber('patience', r.patience, Number.isInteger(r.patience) && r.patience >= 1, 'a whole number of at least 1', 'целым числом не меньше 1');
  checkNumber('time budget', r.timeBudgetMs, r.timeBudgetMs > 0, 'a positive number of milliseconds', 'положительным числом миллисекунд');
  return r;
}
