/**
 * The chart.js configuration of an activation chart, a comparison or an expression plot:
 * f solid, f' dashed in the same colour, axes through zero, a light grid, and a title with
 * the function's name and formula in the chat's language (or, anonymous, "f(x) = ?" for a
 * "which function is this?" question). Pure: plain data in, config out.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { Lang } from '../../core/errors.js';
import { chartLocale, formulaText, pictureNumber } from '../numbers.js';
import { anonymousName, type PlotData } from './plot-data.js';
import { isIsolated } from './sampling.js';
import { AXIS_COLOUR, colour, EDGE_COLOUR, FONT_SIZES, GRID_COLOUR, t } from './style.js';

type LinePoint = { x: number; y: number | null };

/** Characters of one subtitle line that fit 800 px at the subtitle size (DejaVu Sans ~8.5 px each). */
const LINE_CHARS = 86;

/**
 * Breaks a long formula into lines at "; " (between the cases of a piecewise formula), so
 * chart.js never squeezes it into unreadable narrow glyphs.
 */
export function wrapFormula(text: string, max = LINE_CHARS): string[] {
  const parts = text.split('; ');
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 2 + part.length <= max) lines[lines.length - 1] = `${last}; ${part}`;
    else lines.push(part);
  }
  return lines;
}

/** Title: the function's name, or the list of compared functions; "f(x) = ?" when anonymous. */
export function plotTitle(data: PlotData): string[] {
  const { lang, functions } = data;
  if (data.anonymous) return [functions.map((_, i) => `${anonymousName(i)}(x) = ?`).join(', ')];
  if (functions.length === 1) {
    const fn = functions[0]!;
    return [fn.activation ? fn.activation.name[lang] : `f(x) = ${fn.source}`];
  }
  // Full names of several functions do not fit one line at phone size: ids and expressions do.
  const names = functions.map((fn) => fn.activation?.id ?? fn.source).join(', ');
  return [`${t('comparison', lang)}: ${names}`];
}

/** Subtitle: the formula of a single activation (wrapped), then which line is f and f'. */
export function plotSubtitle(data: PlotData, hasDerivative: boolean): string[] {
  const lines: string[] = [];
  // An anonymous chart asks which function it is: no formula.
  const act = data.functions.length === 1 && !data.anonymous ? data.functions[0]!.activation : undefined;
  if (act) {
    const formula = formulaText(act.formula.text, data.lang);
    lines.push(...wrapFormula(/^f\(x\)\s*=/.test(formula) ? formula : `f(x) = ${formula}`));
  }
  // Which line is which matters only when f' is drawn too; the legend names a lone f.
  if (hasDerivative) lines.push(t('solidDashed', data.lang));
  return lines;
}

/** Legend label of one curve. */
function legendLabel(data: PlotData, fnIndex: number, kind: 'f' | 'df'): string {
  const fn = data.functions[fnIndex]!;
  const prime = kind === 'df' ? '′' : '';
  if (data.anonymous) return `${anonymousName(fnIndex)}${prime}(x)`;
  if (data.functions.length === 1) {
    const name = fn.activation ? fn.activation.id : 'f';
    return `${name}${prime}(x)`;
  }
  return fn.activation ? `${fn.activation.id}${prime}(x)` : kind === 'df' ? `(${fn.source})′` : fn.source;
}

/** Tick labels without float noise (0.30000000000000004 -> 0.3), in the language's style (ru: −0,5). */
export function tickLabel(v: number | string, lang: Lang = 'en'): string {
  const n = Number(v);
  return Number.isFinite(n) ? pictureNumber(n, lang) : String(v);
}

/** Which zero lines a function chart draws: y = 0 (horizontal) and x = 0 (vertical). */
export interface ZeroAxesOptions {
  horizontal: boolean;
  vertical: boolean;
}

/** The id (and `options.plugins` key) of the zero-axes plugin. */
export const ZERO_AXES_PLUGIN = 'gradbotZeroAxes';

/**
 * Draws the axes through zero as dark lines under the curves. The scales themselves stay at
 * the chart's edges, so the tick numbers sit at the left and bottom edges where no curve
 * crosses them.
 */
export const zeroAxesPlugin: Plugin<'line', ZeroAxesOptions> = {
  id: ZERO_AXES_PLUGIN,
  beforeDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea, scales } = chart;
    const x = scales.x;
    const y = scales.y;
    if (!x || !y) return;
    ctx.save();
    ctx.strokeStyle = AXIS_COLOUR;
    ctx.lineWidth = 2;
    ctx.beginPath();
    if (options.horizontal) {
      const py = Math.round(y.getPixelForValue(0));
      ctx.moveTo(chartArea.left, py);
      ctx.lineTo(chartArea.right, py);
    }
    if (options.vertical) {
      const px = Math.round(x.getPixelForValue(0));
      ctx.moveTo(px, chartArea.top);
      ctx.lineTo(px, chartArea.bottom);
    }
    ctx.stroke();
    ctx.restore();
  },
};

/** 0 for a plain line; per-point radii when some point stands alone between gaps. */
function pointRadii(points: PlotData['series'][number]['points']): number | number[] {
  const radii = points.map((_, i) => (isIsolated(points, i) ? 4 : 0));
  return radii.some((r) => r > 0) ? radii : 0;
}

/** Config of a function chart. */
export function functionChartConfig(data: PlotData): ChartConfiguration<'line', LinePoint[]> {
  const [yMin, yMax] = data.yRange;
  const hasDerivative = data.series.some((s) => s.kind === 'df');
  const zeroInX = data.from <= 0 && data.to >= 0;
  const zeroInY = yMin <= 0 && yMax >= 0;
  const lang = data.lang;
  const axis = (zeroInside: boolean) => ({
    type: 'linear' as const,
    grid: {
      color: GRID_COLOUR,
      lineWidth: 1,
      drawTicks: true,
    },
    // With the zero line drawn inside, the edge is only the frame of the grid.
    border: { color: zeroInside ? EDGE_COLOUR : AXIS_COLOUR, width: 1 },
    ticks: { font: { size: FONT_SIZES.tick }, callback: (v: number | string) => tickLabel(v, lang), maxTicksLimit: 11, color: '#333' },
  });
  const zeroAxes: ZeroAxesOptions = { horizontal: zeroInY, vertical: zeroInX };

  return {
    type: 'line',
    data: {
      datasets: data.series.map((s) => ({
        label: legendLabel(data, s.fnIndex, s.kind),
        data: s.points,
        borderColor: colour(s.fnIndex),
        backgroundColor: colour(s.fnIndex),
        borderWidth: s.kind === 'f' ? 3 : 2.5,
        borderDash: s.kind === 'df' ? [9, 6] : [],
        // A value between two gaps (f' at a jump, e.g. max(x, 0)' = 0.5 at 0) is shown as a dot.
        // Per-point radii make chart.js resolve options point by point (4x slower), so they
        // are used only when there is such a dot.
        pointRadius: pointRadii(s.points),
        spanGaps: false,
        tension: 0,
        parsing: false,
        normalized: true,
      })),
    },
    options: {
      animation: false,
      responsive: false,
      locale: chartLocale(lang),
      // Room for the end tick labels (-5 and 5 sit on the edges of the axis).
      layout: { padding: { left: 22, right: 26, top: 4, bottom: 8 } },
      plugins: {
        title: { display: true, text: plotTitle(data), font: { size: FONT_SIZES.title, weight: 'bold' }, padding: { top: 6, bottom: 4 } },
        subtitle: {
          display: true,
          text: plotSubtitle(data, hasDerivative),
          font: { size: FONT_SIZES.subtitle },
          padding: { bottom: 6 },
        },
        legend: {
          display: true,
          position: 'top',
          labels: { font: { size: FONT_SIZES.legend }, boxWidth: 34, boxHeight: 3, padding: 12 },
        },
        tooltip: { enabled: false },
        [ZERO_AXES_PLUGIN]: zeroAxes,
      },
      scales: {
        // Tick numbers at the edges; the axes through zero are drawn by zeroAxesPlugin.
        x: { ...axis(zeroInY), min: data.from, max: data.to, position: 'bottom' },
        y: { ...axis(zeroInX), min: yMin, max: yMax, position: 'left' },
      },
    },
    plugins: [zeroAxesPlugin],
  } as ChartConfiguration<'line', LinePoint[]>;
}
