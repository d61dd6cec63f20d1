/**
 * The spell generators as one service for the bot and the CLI: resolve a list, get its model
 * (memory/disk cache, or train it through a runner: the worker pool in the bot, inline in the
 * CLI), sample labelled names, and set up the games.
 */
import { resolveSettings, type CharLmSettings } from '../core/charlm/train.js';
import { Rng, type Seed } from '../core/rng.js';
import type { WorkerPool } from '../jobs/pool.js';
import { handle, type CharLmJobPayload, type CharLmJobProgress, type CharLmJobResult } from './charlm-job.js';
import { applyCaseStyle } from './case-style.js';
import { builtinDataset, isBuiltinId, datasetHash, type BuiltinId, type NameDataset } from './datasets.js';
import { makeSpotFakeGame, makeWhichListGame, type GameSource, type SpotFakeGame, type WhichListGame } from './game.js';
import { drawName, generateNames, resolveGenerateOptions, type GenerateOptions, type LabelledName } from './generate.js';
import { msg } from './messages.js';
import { ModelCache, modelKey, type SpellModelCache } from './model-cache.js';
import { fromPlain, type SpellModel } from './model-codec.js';
import { NoveltyChecker } from './novelty.js';

/** Options of one training run (ignored on a cache hit). */
export interface RunHooks {
  signal?: AbortSignal;
  onProgress?: (p: CharLmJobProgress) => void;
  /** Jobs of one user run one at a time in the pool. */
  userId?: string;
}

/** Runs the "charlm" job somewhere: in the worker pool or in this thread. */
export type CharLmRunner = (payload: CharLmJobPayload, hooks: RunHooks) => Promise<CharLmJobResult>;

/** Trains in the calling thread (the CLI; tests). */
export const inlineRunner: CharLmRunner = async (payload, hooks) => {
  if (hooks.signal?.aborted) throw hooks.signal.reason ?? new Error('aborted');
  return handle(payload, (p) => hooks.onProgress?.(p));
};

/** The part of the worker pool (src/jobs/pool.ts) the service uses. */
export type PoolLike = Pick<WorkerPool, 'run'>;

/** Trains in the worker pool: `new SpellService({ runner: poolRunner(pool) })`. */
export function poolRunner(pool: PoolLike): CharLmRunner {
  return (payload, hooks) =>
    pool.run('charlm', payload, {
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
      ...(hooks.userId !== undefined ? { userId: hooks.userId } : {}),
    });
}

/** The answer of `/spells` and of `gradbot spells --json` (a contract: keep the keys). */
export interface SpellsResult {
  dataset: string;
  names: Array<{ name: string; label: LabelledName['label'] }>;
  /** Model loss per character (nats) on the training and dev names. */
  nll: { train: number; dev: number };
  /** Bigram table on the dev names, and ln(vocabulary size). */
  baseline_nll: { bigram: number; uniform: number };
  /** Training steps of the model. */
  steps: number;
  /** Wall time of this request (training included unless the model was cached). */
  seconds: number;
}

/** Most training steps a user may ask for (about 10–20 s here). */
export const MAX_STEPS = 10_000;

/**
 * Options of the service: where models are cached on disk (the configuration's data
 * directory), or a ready cache; and how models are trained (default: inline).
 */
export type SpellServiceOptions = { runner?: CharLmRunner } & ({ dataDir: string; cache?: undefined } | { cache: SpellModelCache; dataDir?: undefined });

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Spell names: models, samples, games. */
export class SpellService {
  readonly cache: SpellModelCache;
  private readonly runner: CharLmRunner;
  private readonly inFlight = new Map<string, Promise<SpellModel>>();
  private readonly checkers = new Map<string, NoveltyChecker>();
  /** How many models this service has trained (not loaded from the cache). */
  trainings = 0;

  constructor(opts: SpellServiceOptions) {
    this.cache = opts.cache ?? new ModelCache(opts.dataDir);
    this.runner = opts.runner ?? inlineRunner;
  }

  /** "dnd" or "hp" as a dataset; UserInputError for anything else. */
  dataset(id: string): NameDataset {
    const key = id.trim().toLowerCase();
    if (!isBuiltinId(key)) throw msg.error('unknown_dataset', { name: id });
    return builtinDataset(key);
  }

  /** Settings a user may change (steps), checked; the rest are the defaults. */
  settings(user: { steps?: number } = {}): CharLmSettings {
    if (user.steps !== undefined && (!Number.isInteger(user.steps) || user.steps < 1 || user.steps > MAX_STEPS)) {
      throw msg.error('bad_steps', { value: String(user.steps), max: MAX_STEPS });
    }
    return resolveSettings(user.steps !== undefined ? { steps: user.steps } : {});
  }

  /** The model of a list: cached, or trained now (concurrent requests share one training). */
  async model(ds: NameDataset, settings: CharLmSettings = this.settings(), hooks: RunHooks = {}): Promise<{ model: SpellModel; cached: boolean }> {
    const key = modelKey(ds.names, settings);
    const hit = this.cache.get(key);
    if (hit) return { model: fromPlain(hit), cached: true };
    let p = this.inFlight.get(key);
    if (!p) {
      p = this.runner({ names: ds.names, settings }, hooks).then((r) => {
        this.trainings++;
        this.cache.set(key, r.model);
        return fromPlain(r.model);
      });
      this.inFlight.set(key, p);
      const clear = () => this.inFlight.delete(key);
      p.then(clear, clear);
    }
    return { model: await p, cached: false };
  }

  private checker(ds: NameDataset): NoveltyChecker {
    const key = `${ds.id}:${datasetHash(ds.names)}`;
    let c = this.checkers.get(key);
    if (!c) {
      c = new NoveltyChecker(ds.names);
      this.checkers.set(key, c);
    }
    return c;
  }

  /** Labelled samples of an already trained model. */
  sample(ds: NameDataset, model: SpellModel, gen: Partial<GenerateOptions> = {}): LabelledName[] {
    return generateNames(model, this.checker(ds), ds.caseStyle, resolveGenerateOptions(gen));
  }

  /** `/spells`: model (cached or trained) + labelled samples + losses. */
  async spells(ds: NameDataset, gen: Partial<GenerateOptions> = {}, user: { steps?: number } = {}, hooks: RunHooks = {}): Promise<SpellsResult> {
    const t0 = performance.now();
    const opts = resolveGenerateOptions(gen);
    const settings = this.settings(user);
    const { model } = await this.model(ds, settings, hooks);
    const names = this.sample(ds, model, opts);
    const m = model.plain.metrics;
    return {
      dataset: ds.id,
      names: names.map(({ name, label }) => ({ name, label })),
      nll: { train: round4(m.train), dev: round4(m.dev) },
      baseline_nll: { bigram: round4(m.bigramDev), uniform: round4(m.uniform) },
      steps: model.plain.settings.steps,
      seconds: round4((performance.now() - t0) / 1000),
    };
  }

  /** A game source from a list and its model (temperature 1, the model's own distribution). */
  gameSource(ds: NameDataset, model: SpellModel): GameSource {
    const checker = this.checker(ds);
    return {
      id: ds.id,
      title: ds.title,
      realNames: ds.names,
      draw: (rng: Rng) => {
        const raw = drawName(model, rng, { temperature: 1, maxLength: 40 });
        return { name: applyCaseStyle(raw, ds.caseStyle), label: raw === '' ? 'copied' : checker.label(raw) };
      },
    };
  }

  /** "Which list is which?" between the D&D and Harry Potter models. */
  async whichListGame(seed: Seed, user: { steps?: number } = {}, hooks: RunHooks = {}): Promise<WhichListGame> {
    const dnd = this.dataset('dnd');
    const hp = this.dataset('hp');
    const settings = this.settings(user);
    const [a, b] = await Promise.all([this.model(dnd, settings, hooks), this.model(hp, settings, hooks)]);
    return makeWhichListGame(this.gameSource(dnd, a.model), this.gameSource(hp, b.model), seed);
  }

  /** "Spot the fake" on one list (default: chosen by the seed). */
  async spotFakeGame(seed: Seed, dataset?: BuiltinId | NameDataset, user: { steps?: number } = {}, hooks: RunHooks = {}): Promise<SpotFakeGame> {
    const ds =
      typeof dataset === 'object' ? dataset : this.dataset(dataset ?? (new Rng(`spot_fake_list:${seed}`).bernoulli(0.5) ? 'dnd' : 'hp'));
    const { model } = await this.model(ds, this.settings(user), hooks);
    return makeSpotFakeGame(this.gameSource(ds, model), seed);
  }
}
