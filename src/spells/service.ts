/**
 * The spell generators as one service for the bot and the CLI: resolve a list, get its model
 * (memory/disk cache, or train it through a runner), sample labelled names, and set up the
 * games. Training and sampling are jobs: in the bot they run in the worker pool
 * (`poolRunner(pool)`), so the chat thread only looks up the cache and sends plain data; the
 * CLI runs the same job functions in its own thread (`inlineRunner`, the default).
 */
import { resolveSettings, type CharLmSettings } from '../core/charlm/train.js';
import { Rng, type Seed } from '../core/rng.js';
import type { WorkerPool } from '../jobs/pool.js';
import { handle as handleGame, type CharLmGameJobPayload, type CharLmGameJobResult } from './charlm-game-job.js';
import { handle, type CharLmJobPayload, type CharLmJobProgress, type CharLmJobResult } from './charlm-job.js';
import { handle as handleSample, type CharLmSampleJobPayload, type CharLmSampleJobResult } from './charlm-sample-job.js';
import { builtinDataset, isBuiltinId, datasetHash, type BuiltinId, type NameDataset } from './datasets.js';
import type { GameSource, SpotFakeGame, WhichListGame } from './game.js';
import { generateNames, resolveGenerateOptions, type GenerateOptions, type LabelledName } from './generate.js';
import { msg } from './messages.js';
import { ModelCache, modelKey, type SpellModelCache } from './model-cache.js';
import { fromPlain, type SpellModel } from './model-codec.js';
import { NoveltyChecker } from './novelty.js';
import { gameSourceOf, sampleSource } from './sample-source.js';

/** Options of one training run (ignored on a cache hit). */
export interface RunHooks {
  signal?: AbortSignal;
  onProgress?: (p: CharLmJobProgress) => void;
  /** Jobs of one user run one at a time in the pool. */
  userId?: string;
}

/**
 * Options of a sampling job: only the signal. Sampling takes milliseconds and reports no
 * progress; it does not take the user's one job slot, so `/spells` on a cached model does not
 * wait behind the same user's `/train`.
 */
export type SampleHooks = Pick<RunHooks, 'signal'>;

/** Runs the sampling jobs ("charlm-sample", "charlm-game") somewhere. */
export interface SpellSampler {
  /** Labelled names from a model. */
  names(payload: CharLmSampleJobPayload, hooks: SampleHooks): Promise<CharLmSampleJobResult>;
  /** A guessing game from one or two models. */
  game(payload: CharLmGameJobPayload, hooks: SampleHooks): Promise<CharLmGameJobResult>;
}

/**
 * Runs the "charlm" job somewhere: in the worker pool or in this thread. Its `sampler` says
 * where the service samples; a runner without one (a test's counting wrapper) samples in the
 * calling thread.
 */
export type CharLmRunner = ((payload: CharLmJobPayload, hooks: RunHooks) => Promise<CharLmJobResult>) & {
  readonly sampler?: SpellSampler;
};

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}

/** Samples in the calling thread with the jobs' own functions (the CLI; tests). */
export const inlineSampler: SpellSampler = {
  async names(payload, hooks) {
    throwIfAborted(hooks.signal);
    return handleSample(payload);
  },
  async game(payload, hooks) {
    throwIfAborted(hooks.signal);
    return handleGame(payload);
  },
};

/** Trains and samples in the calling thread (the CLI; tests). */
export const inlineRunner: CharLmRunner = Object.assign(
  async (payload: CharLmJobPayload, hooks: RunHooks): Promise<CharLmJobResult> => {
    throwIfAborted(hooks.signal);
    return handle(payload, (p) => hooks.onProgress?.(p));
  },
  { sampler: inlineSampler },
);

/** The part of the worker pool (src/jobs/pool.ts) the service uses. */
export type PoolLike = Pick<WorkerPool, 'run'>;

const signalOnly = (hooks: SampleHooks): SampleHooks => (hooks.signal ? { signal: hooks.signal } : {});

/** Samples in the worker pool (jobs "charlm-sample" and "charlm-game"). */
export function poolSampler(pool: PoolLike): SpellSampler {
  return {
    names: (payload, hooks) => pool.run('charlm-sample', payload, signalOnly(hooks)),
    game: (payload, hooks) => pool.run('charlm-game', payload, signalOnly(hooks)),
  };
}

/** Trains and samples in the worker pool: `new SpellService({ runner: poolRunner(pool) })`. */
export function poolRunner(pool: PoolLike): CharLmRunner {
  const train = (payload: CharLmJobPayload, hooks: RunHooks): Promise<CharLmJobResult> =>
    pool.run('charlm', payload, {
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
      ...(hooks.userId !== undefined ? { userId: hooks.userId } : {}),
    });
  return Object.assign(train, { sampler: poolSampler(pool) });
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
 * directory), or a ready cache; and where models are trained and sampled (default: inline).
 */
export type SpellServiceOptions = { runner?: CharLmRunner } & ({ dataDir: string; cache?: undefined } | { cache: SpellModelCache; dataDir?: undefined });

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The game of the kind asked for; any other answer is a bug in the sampler, not user input. */
function expectKind<K extends CharLmGameJobResult['kind']>(game: CharLmGameJobResult, kind: K): Extract<CharLmGameJobResult, { kind: K }> {
  if (game.kind !== kind) throw new Error(`charlm-game: asked for a ${kind} game, got ${game.kind}`);
  return game as Extract<CharLmGameJobResult, { kind: K }>;
}

/** Spell names: models, samples, games. */
export class SpellService {
  readonly cache: SpellModelCache;
  private readonly runner: CharLmRunner;
  private readonly sampler: SpellSampler;
  private readonly inFlight = new Map<string, Promise<SpellModel>>();
  private readonly checkers = new Map<string, NoveltyChecker>();
  /** How many models this service has trained (not loaded from the cache). */
  trainings = 0;

  constructor(opts: SpellServiceOptions) {
    this.cache = opts.cache ?? new ModelCache(opts.dataDir);
    this.runner = opts.runner ?? inlineRunner;
    this.sampler = this.runner.sampler ?? inlineSampler;
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

  /**
   * Labelled samples of an already trained model, in the calling thread (for a caller that
   * holds a decoded model; the service's own requests sample through the runner's sampler).
   */
  sample(ds: NameDataset, model: SpellModel, gen: Partial<GenerateOptions> = {}): LabelledName[] {
    return generateNames(model, this.checker(ds), ds.caseStyle, resolveGenerateOptions(gen));
  }

  /** `/spells`: model (cached or trained) + labelled samples + losses. */
  async spells(ds: NameDataset, gen: Partial<GenerateOptions> = {}, user: { steps?: number } = {}, hooks: RunHooks = {}): Promise<SpellsResult> {
    const t0 = performance.now();
    const opts = resolveGenerateOptions(gen);
    const settings = this.settings(user);
    const { model } = await this.model(ds, settings, hooks);
    const { names } = await this.sampler.names({ source: sampleSource(ds, model.plain), options: opts }, signalOnly(hooks));
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

  /** A game source from a list and its model, drawing in this thread (temperature 1, the model's own distribution). */
  gameSource(ds: NameDataset, model: SpellModel): GameSource {
    return gameSourceOf(ds, model, this.checker(ds));
  }

  /** "Which list is which?" between the D&D and Harry Potter models. */
  async whichListGame(seed: Seed, user: { steps?: number } = {}, hooks: RunHooks = {}): Promise<WhichListGame> {
    const dnd = this.dataset('dnd');
    const hp = this.dataset('hp');
    const settings = this.settings(user);
    const [a, b] = await Promise.all([this.model(dnd, settings, hooks), this.model(hp, settings, hooks)]);
    const game = await this.sampler.game({ game: 'which_list', seed, target: sampleSource(dnd, a.model.plain), other: sampleSource(hp, b.model.plain) }, signalOnly(hooks));
    return expectKind(game, 'which_list');
  }

  /** "Spot the fake" on one list (default: chosen by the seed). */
  async spotFakeGame(seed: Seed, dataset?: BuiltinId | NameDataset, user: { steps?: number } = {}, hooks: RunHooks = {}): Promise<SpotFakeGame> {
    const ds =
      typeof dataset === 'object' ? dataset : this.dataset(dataset ?? (new Rng(`spot_fake_list:${seed}`).bernoulli(0.5) ? 'dnd' : 'hp'));
    const { model } = await this.model(ds, this.settings(user), hooks);
    const game = await this.sampler.game({ game: 'spot_fake', seed, source: sampleSource(ds, model.plain) }, signalOnly(hooks));
    return expectKind(game, 'spot_fake');
  }
}
