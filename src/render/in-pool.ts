/**
 * Rendering off the main thread: the bot sends a plain-data request to the worker pool
 * (job kind `render`) and gets PNG bytes back, so 20 charts at once never stall the chats.
 */
import type { RunOptions, WorkerPool } from '../jobs/pool.js';
import type { RenderRequest } from './types.js';

/** The job kind registered in src/jobs/handlers.ts. */
export const RENDER_JOB = 'render' as const;

/** Renders a picture in the pool; rejects with a UserInputError for bad input. */
export async function renderInPool(pool: Pick<WorkerPool, 'run'>, request: RenderRequest, options: RunOptions<never> = {}): Promise<Uint8Array> {
  const bytes: Uint8Array | ArrayLike<number> = await pool.run(RENDER_JOB, request, options);
  // Structured clone keeps the Uint8Array; be lenient if a Buffer-like comes back.
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes as ArrayLike<number>);
}
