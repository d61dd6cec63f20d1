/**
 * The handler registry: a list with one entry per job kind (its id and how the worker loads
 * the module that handles it); the map by kind is derived from the list. Each feature owns its
 * handler module; the loaders run inside a worker thread only.
 */
import type { JobKind, JobKinds } from './kinds.js';
import type { JobModule } from './types.js';

/** One registry entry: a job kind and the lazy import of its handler module. */
export interface HandlerEntry<K extends JobKind = JobKind> {
  readonly id: K;
  /**
   * Runs for seconds, not milliseconds (training). The pool keeps one thread free of long jobs
   * and starts short ones (pictures, sampling) first, so a class's charts never wait behind a
   * class's trainings.
   */
  readonly long?: boolean;
  load(): Promise<JobModule<JobKinds[K]>>;
}

/** An entry of any kind (a union, so each entry's loader is checked against its own kind). */
export type AnyHandlerEntry = { [K in JobKind]: HandlerEntry<K> }[JobKind];

/** Every production job kind. Adding one: an entry here and its types in ./kinds.ts. */
export const JOB_HANDLERS: readonly AnyHandlerEntry[] = Object.freeze([
  { id: 'render', load: () => import('../render/render-job.js') },
  { id: 'train', long: true, load: () => import('../training/train-job.js') },
  { id: 'charlm', long: true, load: () => import('../spells/charlm-job.js') },
  { id: 'charlm-sample', load: () => import('../spells/charlm-sample-job.js') },
  { id: 'charlm-game', load: () => import('../spells/charlm-game-job.js') },
] satisfies AnyHandlerEntry[]);

/** The registry by kind, derived from the list. */
export const HANDLERS_BY_KIND: ReadonlyMap<string, AnyHandlerEntry> = new Map(JOB_HANDLERS.map((h) => [h.id, h]));

/** True when a production handler exists for the kind. */
export function isJobKind(kind: string): kind is JobKind {
  return HANDLERS_BY_KIND.has(kind);
}
