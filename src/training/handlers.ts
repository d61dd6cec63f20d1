/**
 * Job kind -> the module (loaded inside the worker) that handles it. One line per kind;
 * each feature owns its handler module.
 */
import type { JobModule } from './job-types.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const HANDLERS: Record<string, () => Promise<JobModule<any, any>>> = {
  render: () => import('../render/render-job.js'),
  train: () => import('./train-job.js'),
  charlm: () => import('../spells/charlm-job.js'),
};
