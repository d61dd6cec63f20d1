/**
 * The picture module's light entry for the bot and other features: request types, the
 * worker-pool call and the pure helpers. Drawing itself (chart.js, canvas) lives in
 * ./render.ts, loaded by the worker, so importing this file stays cheap.
 */
export type {
  BoundaryPoint,
  ConfusionMatrixData,
  DecisionBoundaryData,
  GraphPictureOptions,
  LossCurveData,
  NodeTag,
  PictureSize,
  RenderRequest,
} from './types.js';
export { renderInPool, RENDER_JOB } from './in-pool.js';
export { stepPictureOptions } from './graph/steps.js';
export { splitItems, DEFAULT_RANGE } from './charts/plot-data.js';
export { LIMITS as RENDER_LIMITS, renderMsg } from './messages.js';
