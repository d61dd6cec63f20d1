/**
 * One entry point for every picture: a plain-data `RenderRequest` in, PNG bytes out. The
 * worker job (./render-job.ts) and the CLI call this; the bot calls `renderInPool`.
 */
import { renderChart } from './chart-renderer.js';
import { boundaryChartConfig } from './charts/boundary-chart.js';
import { functionChartConfig } from './charts/function-chart.js';
import { lossChartConfig } from './charts/loss-chart.js';
import { buildPlotData } from './charts/plot-data.js';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH } from './charts/style.js';
import { drawConfusionMatrix } from './confusion-matrix.js';
import { drawGraph } from './graph/draw.js';
import { LIMITS, renderMsg } from './messages.js';
import type { RenderRequest } from './types.js';

/** The requested picture size, checked against the limits. */
export function pictureSize(req: { width?: number; height?: number }, width = DEFAULT_WIDTH, height = DEFAULT_HEIGHT): [number, number] {
  const w = req.width ?? width;
  const h = req.height ?? height;
  const ok = (v: number) => Number.isInteger(v) && v >= LIMITS.minSide && v <= LIMITS.maxSide;
  if (!ok(w) || !ok(h)) throw renderMsg.error('bad_size', { width: w, height: h, min: LIMITS.minSide, max: LIMITS.maxSide });
  return [w, h];
}

/** Renders one picture to PNG bytes. Bad input throws a UserInputError (code `render.*`). */
export async function renderPicture(req: RenderRequest): Promise<Uint8Array> {
  const lang = req.lang ?? 'en';
  switch (req.kind) {
    case 'plot': {
      const [w, h] = pictureSize(req);
      const opts: Parameters<typeof buildPlotData>[1] = { lang };
      if (req.from !== undefined) opts.from = req.from;
      if (req.to !== undefined) opts.to = req.to;
      if (req.derivative !== undefined) opts.derivative = req.derivative;
      return renderChart(functionChartConfig(buildPlotData(req.items, opts)), w, h);
    }
    case 'loss': {
      const [w, h] = pictureSize(req);
      return renderChart(lossChartConfig(req.data, lang), w, h);
    }
    case 'boundary': {
      const [w, h] = pictureSize(req, 800, 600);
      return renderChart(boundaryChartConfig(req.data, lang), w, h);
    }
    case 'confusion': {
      const [w, h] = pictureSize(req, 700, 600);
      return drawConfusionMatrix(req.data, lang, w, h);
    }
    case 'graph':
      // The graph picture's size follows its layout (readable at any node count up to the limit).
      return drawGraph(req.graph, req.options, lang);
  }
}
