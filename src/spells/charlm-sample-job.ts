/**
 * The worker-pool job "charlm-sample": draws labelled names from a trained model. Registered
 * in src/jobs/handlers.ts; ./service.ts sends it the cached model, so `/spells` on a cached
 * model never samples on the chat thread (100 names take some 50 ms). The CLI runs the same
 * function in its own thread.
 */
import { generateNames, resolveGenerateOptions, type GenerateOptions, type LabelledName } from './generate.js';
import { openSource, type SampleSource } from './sample-source.js';

/** What the job needs: the model with its list, and how to sample (the seed included). */
export interface CharLmSampleJobPayload {
  source: SampleSource;
  options: GenerateOptions;
}

/** The names, in the order they were drawn. */
export interface CharLmSampleJobResult {
  names: LabelledName[];
}

/** Samples and labels the names (runs in a worker, or inline in the CLI). */
export function handle(payload: CharLmSampleJobPayload): CharLmSampleJobResult {
  // Checked again here: a job is plain data and may come from anywhere that can reach the pool.
  const options = resolveGenerateOptions(payload.options);
  const { dataset, model, checker } = openSource(payload.source);
  return { names: generateNames(model, checker, dataset.caseStyle, options) };
}
