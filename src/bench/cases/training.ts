/**
 * Training figures, measured through the worker pool (the path the bot and the CLI use):
 *
 * - `train_samples_per_s`: MLP 20-64-64-3, ReLU, softmax cross-entropy, Adam, batch 32 on 10,000
 *   synthetic rows (the reference workload of /work/shared/notes/SETUP.md: PyTorch CPU 1 thread
 *   ~108k samples/s, plain JS loops ~45k, TensorFlow.js cpu ~6.3k on this machine);
 * - `event_loop_p99_ms`: the main thread's event-loop delay (p99) while two such trainings run
 *   at once (target < 20 ms): heavy work must never stall the chats.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Rng } from '../../core/rng.js';
import { createPool } from '../../jobs/pool.js';
import type { TrainPayload } from '../../training/train-job.js';
import { median, type Benchmark } from '../types.js';

const ROWS = 10_000;
const FEATURES = 20;
const CLASSES = 3;
const EPOCHS = 4;
const RESOLUTION_MS = 1;

/** 10,000 rows of three Gaussian blobs in 20 dimensions, as CSV bytes. */
function syntheticCsv(seed: string): Uint8Array {
  const rng = new Rng(seed);
  const centres = Array.from({ length: CLASSES }, () => Array.from({ length: FEATURES }, () => rng.normal(0, 1)));
  const lines = [[...Array.from({ length: FEATURES }, (_, j) => `f${j + 1}`), 'label'].join(',')];
  for (let i = 0; i < ROWS; i++) {
    const c = i % CLASSES;
    const centre = centres[c] as number[];
    lines.push([...centre.map((m) => (m + rng.normal(0, 1.5)).toFixed(4)), `c${c}`].join(','));
  }
  return new TextEncoder().encode(lines.join('\n'));
}

function payload(seed: number): TrainPayload {
  // Patience = epochs: every epoch runs, so the work per run is fixed.
  return { csv: syntheticCsv(`bench:${seed}`), options: { hidden: [64, 64], batch: 32, epochs: EPOCHS, patience: EPOCHS, seed } };
}

export const benchmarks: Benchmark[] = [
  {
    name: 'train_samples_per_s',
    unit: 'samples/s',
    async run() {
      const pool = createPool({ threads: 1, minThreads: 1 });
      try {
        const runs: number[] = [];
        for (let i = 0; i < 3; i++) {
          const r = await pool.run('train', payload(i));
          runs.push((r.epochs * r.split.train) / r.trainSeconds);
        }
        return median(runs);
      } finally {
        await pool.close();
      }
    },
  },
  {
    name: 'event_loop_p99_ms',
    unit: 'ms',
    async run() {
      const pool = createPool({ threads: 2, minThreads: 2 });
      try {
        const jobs = [payload(1), payload(2)];
        // Warm both workers first: a chat bot's pool is already running.
        await Promise.all(jobs.map((p) => pool.run('train', { ...p, options: { ...p.options, epochs: 1 } })));
        // On Node 20 each recorded value includes the sampling interval itself (idle, a 10 ms
        // resolution reads ~10 ms): sample every 1 ms and subtract it below.
        const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
        h.enable();
        // The histogram records nothing until its timer has ticked once (SETUP.md).
        await new Promise((r) => setTimeout(r, 100));
        h.reset();
        await Promise.all(jobs.map((p) => pool.run('train', p)));
        h.disable();
        return Math.max(0, h.percentile(99) / 1e6 - RESOLUTION_MS);
      } finally {
        await pool.close();
      }
    },
  },
];
