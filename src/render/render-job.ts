/**
 * The `render` job of the worker pool: a plain-data RenderRequest in, PNG bytes out.
 * Registered in src/jobs/handlers.ts; the bot calls `renderInPool` (./in-pool.ts).
 * The worker thread's priority is lowered for all jobs when it starts (src/jobs/worker.ts).
 */
import type { JobKinds } from '../jobs/kinds.js';
import type { JobHandler } from '../jobs/types.js';
import { renderPicture } from './render.js';
import type { RenderRequest } from './types.js';

/** Renders in the worker; the Uint8Array crosses back to the main thread as plain data. */
export const handle: JobHandler<RenderRequest, Uint8Array, JobKinds['render']['progress']> = (payload) => renderPicture(payload);
