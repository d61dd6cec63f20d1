/**
 * The `render` job of the worker pool: a plain-data RenderRequest in, PNG bytes out.
 * Registered in src/training/handlers.ts; the bot calls `renderInPool` (./in-pool.ts).
 */
import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import type { JobHandler } from '../training/job-types.js';
import { renderPicture } from './render.js';
import type { RenderRequest } from './types.js';

let niced = false;

/**
 * Lowers the priority of the worker thread that renders. On Linux a nice value belongs to a
 * thread, and `setPriority(n)` without a pid changes the calling thread only: the chat thread
 * keeps its priority, so on a busy 2-core machine it is scheduled first and answers promptly
 * while charts are drawn. Where this is not allowed nothing changes.
 */
function lowerWorkerPriority(): void {
  if (niced || isMainThread) return;
  niced = true;
  try {
    setPriority(10);
  } catch {
    // Not permitted here (or not supported): rendering works the same, only less politely.
  }
}

/** Renders in the worker; the Uint8Array crosses back to the main thread as plain data. */
export const handle: JobHandler<RenderRequest, Uint8Array> = (payload) => {
  lowerWorkerPriority();
  return renderPicture(payload);
};
