/**
 * Every job kind the pool runs, with its payload, result and progress types, so that
 * `pool.run('train', payload, { onProgress })` is checked without type arguments at the call
 * site. Each feature owns its handler module (listed in ./handlers.ts); only types are
 * imported here, so nothing heavy loads on the main thread.
 */
import type { RenderRequest } from '../render/types.js';
import type { CharLmGameJobPayload, CharLmGameJobResult } from '../spells/charlm-game-job.js';
import type { CharLmJobPayload, CharLmJobProgress, CharLmJobResult } from '../spells/charlm-job.js';
import type { CharLmSampleJobPayload, CharLmSampleJobResult } from '../spells/charlm-sample-job.js';
import type { TrainPayload, TrainProgress, TrainResult } from '../training/train-job.js';
import type { JobShape } from './types.js';

/** Job kind -> payload / result / progress. Adding a kind: one entry here, one in ./handlers.ts. */
export interface JobKinds {
  /** A picture: PNG bytes (src/render/render-job.ts). */
  render: { payload: RenderRequest; result: Uint8Array; progress: never };
  /** Training a small MLP on a CSV file (src/training/train-job.ts). */
  train: { payload: TrainPayload; result: TrainResult; progress: TrainProgress };
  /** Training a character-level spell-name model (src/spells/charlm-job.ts). */
  charlm: { payload: CharLmJobPayload; result: CharLmJobResult; progress: CharLmJobProgress };
  /** Sampling labelled names from a trained spell-name model (src/spells/charlm-sample-job.ts). */
  'charlm-sample': { payload: CharLmSampleJobPayload; result: CharLmSampleJobResult; progress: never };
  /** A spell-name guessing game drawn from trained models (src/spells/charlm-game-job.ts). */
  'charlm-game': { payload: CharLmGameJobPayload; result: CharLmGameJobResult; progress: never };
}

/** One of the production job kinds. */
export type JobKind = keyof JobKinds;

/** A map of job kinds (the production one, or a test's own kinds given to `createPool`). */
export type KindMap<M> = { [K in keyof M]: JobShape };

/** Payload of a kind. */
export type JobPayload<K extends JobKind> = JobKinds[K]['payload'];
/** Result of a kind. */
export type JobResult<K extends JobKind> = JobKinds[K]['result'];
/** Progress reports of a kind. */
export type JobProgress<K extends JobKind> = JobKinds[K]['progress'];
