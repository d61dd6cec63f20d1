/**
 * The README's drawn pictures, made by gradbot's own code through the worker pool (the same
 * path as /plot, /quiz and /train): an activation comparison, a backprop quiz question's graph
 * and its solved graph, and the loss curve and decision boundary of a real training run on
 * the moons sample. Every input is fixed (a question id, a training seed), so a run gives the
 * same bytes each time.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../core/errors.js';
import type { WorkerPool } from '../jobs/pool.js';
import { generateQuestion } from '../quiz/index.js';
import { renderInPool } from '../render/in-pool.js';
import type { RenderRequest } from '../render/types.js';
import type { TrainResult } from '../training/train-job.js';
import { REPO_ROOT } from './bot-process.js';

/** The lecture's graph f = 1 + e^(w0 + w1·x) at w0 = −3, w1 = 1, x = 3, asking ∂f/∂w1. */
export const QUIZ_ID = { topic: 'backprop', seed: 42, difficulty: 2 } as const;

/** The training run: the two-moons sample with the default network and seed. */
export const TRAIN_DATASET = 'assets/datasets/moons.csv';
export const TRAIN_SEED = 42;

/** One picture: its file name and how it is drawn. */
export interface ChartPicture {
  file: string;
  /** What it shows, for the console. */
  what: string;
  request(ctx: PictureContext): Promise<RenderRequest>;
}

/** What the pictures share: the pool, the language, and one training run made on first use. */
export interface PictureContext {
  pool: WorkerPool;
  lang: Lang;
  training(): Promise<TrainResult>;
}

function quizQuestion() {
  return generateQuestion(QUIZ_ID.topic, QUIZ_ID.seed, QUIZ_ID.difficulty);
}

/** Every drawn picture, in the order the README shows them. */
export const CHART_PICTURES: readonly ChartPicture[] = [
  {
    file: 'activations.png',
    what: 'ReLU, GELU and tanh with their derivatives (/plot relu,gelu,tanh -4 4)',
    request: async ({ lang }) => ({ kind: 'plot', items: ['relu', 'gelu', 'tanh'], from: -4, to: 4, derivative: true, lang }),
  },
  {
    file: 'quiz-graph.png',
    what: `the graph of quiz question ${QUIZ_ID.topic}:${QUIZ_ID.seed}:${QUIZ_ID.difficulty}`,
    request: async ({ lang }) => {
      const q = quizQuestion();
      if (!q.picture) throw new Error(`question ${q.id} has no picture any more; pick another id in src/docs/chart-pictures.ts`);
      return { ...q.picture, lang };
    },
  },
  {
    file: 'quiz-solution.png',
    what: 'the same graph after the whole backward pass (the worked solution\u2019s last picture)',
    request: async ({ lang }) => {
      const q = quizQuestion();
      const last = q.solution.flatMap((s) => (s.picture ? [s.picture] : [])).at(-1);
      if (!last) throw new Error(`question ${q.id} has no solution picture any more; pick another id in src/docs/chart-pictures.ts`);
      return { ...last, lang };
    },
  },
  {
    file: 'loss-curve.png',
    what: `training and validation loss of a real run on ${TRAIN_DATASET} (seed ${TRAIN_SEED})`,
    request: async ({ lang, training }) => ({ kind: 'loss', data: (await training()).plots.loss, lang }),
  },
  {
    file: 'decision-boundary.png',
    what: 'the decision boundary of the same run',
    request: async ({ lang, training }) => {
      const boundary = (await training()).plots.boundary;
      if (!boundary) throw new Error(`the run on ${TRAIN_DATASET} gave no decision boundary (it has two features, so it should)`);
      return { kind: 'boundary', data: boundary, lang };
    },
  },
];

/** Trains on the sample once, in the pool, as `gradbot train moons.csv --seed 42` does. */
export function trainingOnce(pool: WorkerPool): () => Promise<TrainResult> {
  let run: Promise<TrainResult> | undefined;
  return () =>
    (run ??= (async () => {
      const csv = await readFile(join(REPO_ROOT, TRAIN_DATASET));
      return pool.run('train', { csv, options: { seed: TRAIN_SEED } });
    })());
}

/** Draws one picture in the pool. */
export async function drawChart(picture: ChartPicture, ctx: PictureContext): Promise<Uint8Array> {
  return renderInPool(ctx.pool, await picture.request(ctx));
}
