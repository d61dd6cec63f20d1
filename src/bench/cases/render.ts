/**
 * Rendering speed: `render_activation_ms` (one activation chart, 800x450, warm renderer,
 * median of 15) and `render_graph_ms` (the lecture's sigmoid-neuron graph, 15 nodes, median
 * of 15). Targets on the 2-core reference machine: under 40 ms and 60 ms.
 * `render_pool_loop_delay_p99_ms`: the main thread's event-loop delay (p99) while 20 charts
 * render at once in the worker pool; the limit is 50 ms.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { backwardSteps, exportGraphAfterSteps, parseExpression } from '../../core/scalar/index.js';
import { renderInPool } from '../../render/in-pool.js';
import { renderPicture } from '../../render/render.js';
import type { RenderRequest } from '../../render/types.js';
import { median, type Benchmark } from '../types.js';

async function medianMs(req: RenderRequest, runs = 15, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await renderPicture(req);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await renderPicture(req);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The sigmoid neuron of the lecture (cs231n's example), with its gradients. */
function neuronGraph() {
  const expr = parseExpression('1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))');
  const { output } = expr.build({ w0: 2, x0: -1, w1: -3, x1: -2, w2: -3 });
  return exportGraphAfterSteps(output, backwardSteps(output).length);
}

async function poolLoopDelayP99(): Promise<number> {
  // Loaded here so the other benchmarks do not start worker threads.
  const { createPool } = await import('../../jobs/pool.js');
  const pool = createPool({ threads: 2, minThreads: 2, maxQueue: 64 });
  try {
    await Promise.all([1, 2].map(() => renderInPool(pool, { kind: 'plot', items: ['tanh'] })));
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    // The histogram records nothing until its timer has ticked once (SETUP.md).
    await new Promise((r) => setTimeout(r, 100));
    h.reset();
    const ids = ['relu', 'gelu', 'silu', 'tanh', 'sigmoid', 'elu', 'mish', 'softplus', 'hardtanh', 'binary_step'];
    await Promise.all(Array.from({ length: 20 }, (_, i) => renderInPool(pool, { kind: 'plot', items: [ids[i % ids.length]!] })));
    h.disable();
    return h.percentile(99) / 1e6;
  } finally {
    await pool.close();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'render_activation_ms',
    unit: 'ms',
    run: () => medianMs({ kind: 'plot', items: ['gelu'], width: 800, height: 450 }),
  },
  {
    name: 'render_graph_ms',
    unit: 'ms',
    run: () => medianMs({ kind: 'graph', graph: neuronGraph() }),
  },
  { name: 'render_pool_loop_delay_p99_ms', unit: 'ms', run: poolLoopDelayP99 },
];
