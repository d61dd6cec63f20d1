/**
 * The chart.js configuration of an activation chart, a comparison or an expression plot:
 * f solid, f' dashed in the same colour, axes through zero, a light grid, and a title with
 * the function's name and formula in the chat's language (or, anonymous, "f(x) = ?" for a
 * "which function is this?" question). Pure: plain data in, config out.
 */
import type { ChartConfiguration } from 'chart.js';
import { anonymousName, type PlotData } from './plot-data.js';
import { isIsolated } from './sampling.js';
import { AXIS_COLOUR, colour, FONT_SIZES, GRID_COLOUR, t } from './style.js';

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
    const formula = act.formula.text;
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

/** Tick labels without float noise (0.30000000000000004 -> 0.3). */
export function tickLabel(v: number | string): string {
  const n = Number(v);
  return Number.isFinite(n) ? String(Number(n.toPrecision(6))) : String(v);
}

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
  const axis = (zeroVisible: boolean) => ({
    type: 'linear' as const,
    grid: {
      color: GRID_COLOUR,
      lineWidth: 1,
      drawTicks: true,
    },
    border: { color: AXIS_COLOUR, width: zeroVisible ? 2 : 1 },
    ticks: { font: { size: FONT_SIZES.tick }, callback: tickLabel, maxTicksLimit: 11, color: '#333' },
  });

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
      },
      scales: {
        // Axes through zero when zero is on screen; otherwise at the edge.
        x: { ...axis(zeroInY), min: data.from, max: data.to, position: zeroInY ? { y: 0 } : 'bottom' },
        y: { ...axis(zeroInX), min: yMin, max: yMax, position: zeroInX ? { x: 0 } : 'left' },
      },
    },
  } as ChartConfiguration<'line', LinePoint[]>;
}
