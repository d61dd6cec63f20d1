/**
 * The `render` job of the worker pool: a plain-data RenderRequest in, PNG bytes out.
 * Registered in src/jobs/handlers.ts; the bot calls `renderInPool` (./in-pool.ts).
 * The worker thread's priority is lowered for all jobs when it starts (src/jobs/worker.ts).
 */
import type { JobKinds } from '../jobs/kinds.js';
import type { JobHandler } from '../jobs/types.js';
// Not the scalar index: it would load the expression parser (mathjs) into every render thread.
import { exportGraph } from '../core/scalar/graph.js';
import { Value } from '../core/scalar/value.js';
import { renderPicture } from './render.js';
import type { RenderRequest } from './types.js';

/** Renders in the worker; the Uint8Array crosses back to the main thread as plain data. */
export const handle: JobHandler<RenderRequest, Uint8Array, JobKinds['render']['progress']> = (payload) => renderPicture(payload);

/**
 * Draws one small chart and one small graph, so a preloaded thread has chart.js, canvas and its
 * fonts ready: the load test measured the first picture of a thread at 0.6–1.2 s under load.
 */
export async function warm(): Promise<void> {
  await renderPicture({ kind: 'plot', items: ['relu'], from: -1, to: 1, derivative: true, lang: 'ru', width: 320, height: 180 });
  const x = new Value(2, 'x');
  const f = x.mul(3).add(1);
  f.backward();
  await renderPicture({ kind: 'graph', graph: exportGraph(f), options: { showValues: true, showGrads: true }, lang: 'ru' });
}
