/**
 * The only importer of chartjs-node-canvas: one reused renderer per picture size, because
 * creating one loads a fresh copy of chart.js (~100 ms) while a warm render takes ~30 ms.
 */
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { ChartConfiguration, ChartType } from 'chart.js';
import { ensureFonts, FONT_FAMILY } from './fonts.js';
import { encodePng } from './png.js';

const renderers = new Map<string, ChartJSNodeCanvas>();

function rendererFor(width: number, height: number): ChartJSNodeCanvas {
  const key = `${width}x${height}`;
  let r = renderers.get(key);
  if (!r) {
    ensureFonts();
    r = new ChartJSNodeCanvas({
      width,
      height,
      backgroundColour: 'white',
      chartCallback: (ChartJS) => {
        ChartJS.defaults.font.family = FONT_FAMILY;
        ChartJS.defaults.font.size = 15;
        ChartJS.defaults.color = '#222';
        ChartJS.defaults.animation = false;
        ChartJS.defaults.responsive = false;
        ChartJS.defaults.devicePixelRatio = 1;
      },
    });
    renderers.set(key, r);
  }
  return r;
}

/** Renders a chart.js configuration to PNG bytes (same configuration, same bytes). */
export async function renderChart<T extends ChartType, D>(config: ChartConfiguration<T, D>, width: number, height: number): Promise<Uint8Array> {
  // chartjs-node-canvas types its parameter with chart.js/auto's ChartConfiguration (the same
  // type). 'raw' (cairo's own pixels, passed through to canvas.toBuffer) is not in its MimeType
  // list; we take the pixels and encode them faster ourselves (see ./png.ts).
  const raw = rendererFor(width, height).renderToBufferSync(config as never, 'raw' as never);
  return encodePng(raw, width, height);
}
