/**
 * The worker-pool job "charlm": trains a character model on a list of names and returns it
 * as plain data. Registered in src/jobs/handlers.ts; the main thread (./service.ts)
 * caches the result, so a model is trained once per list and settings.
 */
import { trainCharLm, type CharLmSettings } from '../core/charlm/train.js';
import type { ProgressFn } from '../jobs/types.js';
import { toPlain, type CharLmPlain } from './model-codec.js';

/** What the job needs: the names (any case) and the training settings. */
export interface CharLmJobPayload {
  names: string[];
  settings?: Partial<CharLmSettings>;
}

/** Progress reports: `{ step, steps, loss }` every few hundred steps. */
export interface CharLmJobProgress {
  step: number;
  steps: number;
  loss: number;
}

/** The trained model. */
export interface CharLmJobResult {
  model: CharLmPlain;
}

/** Trains and returns the model as plain data (runs in a worker, or inline in the CLI). */
export function handle(payload: CharLmJobPayload, progress: ProgressFn<CharLmJobProgress>): CharLmJobResult {
  const t0 = performance.now();
  const trained = trainCharLm(payload.names, payload.settings ?? {}, { onProgress: (p) => progress(p) });
  return { model: toPlain(trained, (performance.now() - t0) / 1000) };
}
