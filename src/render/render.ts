/**
 * One entry point for every picture: a plain-data `RenderRequest` in, PNG bytes out. The
 * worker job (./render-job.ts) and the CLI call this; the bot calls `renderInPool`.
 */
import { DEFAULT_HEIGHT, DEFAULT_WIDTH } from './charts/style.js';
import { LIMITS, renderMsg } from './messages.js';
import type { RenderRequest } from './types.js';

// Each kind of picture loads its drawing code on first use: a fresh worker that draws a graph
// never loads chart.js, and one that draws a loss curve never loads the expression parser
// (mathjs, seconds on a busy machine; see ./charts/plot-data.ts). Modules are cached after that.

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
      const [{ renderChart }, { functionChartConfig }, { loadPlotData }] = await Promise.all([
        import('./chart-renderer.js'),
        import('./charts/function-chart.js'),
        import('./charts/plot-data.js'),
      ]);
      const opts: Parameters<typeof loadPlotData>[1] = { lang };
      if (req.from !== undefined) opts.from = req.from;
      if (req.to !== undefined) opts.to = req.to;
      if (req.derivative !== undefined) opts.derivative = req.derivative;
      if (req.anonymous !== undefined) opts.anonymous = req.anonymous;
      return renderChart(functionChartConfig(await loadPlotData(req.items, opts)), w, h);
    }
    case 'loss': {
      const [w, h] = pictureSize(req);
      const [{ renderChart }, { lossChartConfig }] = await Promise.all([import('./chart-renderer.js'), import('./charts/loss-chart.js')]);
      return renderChart(lossChartConfig(req.data, lang), w, h);
    }
    case 'boundary': {
      const [w, h] = pictureSize(req, 800, 600);
      const [{ renderChart }, { boundaryChartConfig }] = await Promise.all([import('./chart-renderer.js'), import('./charts/boundary-chart.js')]);
      return renderChart(boundaryChartConfig(req.data, lang), w, h);
    }
    case 'confusion': {
      const [w, h] = pictureSize(req, 700, 600);
      const { drawConfusionMatrix } = await import('./confusion-matrix.js');
      return drawConfusionMatrix(req.data, lang, w, h);
    }
    case 'graph': {
      // The graph picture's size follows its layout (readable at any node count up to the limit).
      const { drawGraph } = await import('./graph/draw.js');
      return drawGraph(req.graph, req.options, lang);
    }
  }
}
