/**
 * The contract between the worker pool (./pool.ts, the only file that creates workers) and
 * the heavy work it runs: training, rendering, spell-model training and sampling.
 *
 * A job is a kind plus a plain-data payload. In the worker, the kind picks a handler module
 * from ./handlers.ts; the module exports one function, `handle`, that gets the payload and a
 * `progress` callback (forwarded to the main thread over a transferred MessagePort, throttled
 * by the pool) and returns plain data (ArrayBuffers / Uint8Arrays for images are fine).
 * A handler throws UserInputError for bad input; the pool turns it back into one on the
 * main thread.
 */

/** Sends a progress report (plain data) to whoever submitted the job. */
export type ProgressFn<P = unknown> = (progress: P) => void;

/** What one job kind takes, gives back and reports on the way. */
export interface JobShape {
  payload: unknown;
  result: unknown;
  /** `never` for jobs that report no progress. */
  progress: unknown;
}

/** What a job-handler module exports as `handle`. */
export type JobHandler<P = unknown, R = unknown, G = unknown> = (payload: P, progress: ProgressFn<G>) => Promise<R> | R;

/** A module that handles one kind of job. */
export interface JobModule<S extends JobShape = JobShape> {
  handle: JobHandler<S['payload'], S['result'], S['progress']>;
  /** Loads what the first job would load (fonts, chart code), when the pool preloads threads. */
  warm?(): Promise<void>;
}
