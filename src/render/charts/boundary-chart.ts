/**
 * Decision boundary of a classifier on two features, TensorFlow-Playground style: the
 * predicted class (or, for two classes, P(class 1)) as a coloured field over the plane, with
 * training points as circles and test points as triangles on top. The field is painted by a
 * small chart.js plugin under the datasets; everything else is an ordinary scatter chart.
 */
import type { ChartConfiguration, ChartDataset, LegendItem, Plugin } from 'chart.js';
import type { Lang } from '../../core/errors.js';
import { LIMITS, renderMsg } from '../messages.js';
import { chartLocale } from '../numbers.js';
import type { DecisionBoundaryData } from '../types.js';
import { AXIS_COLOUR, colour, FONT_SIZES, GRID_COLOUR, t } from './style.js';
import { tickLabel } from './function-chart.js';

type Pt = { x: number; y: number };
type Rgb = readonly [number, number, number];

/** Checks grid shape, class indices and sizes; throws UserInputError naming the problem. */
export function checkBoundaryData(data: DecisionBoundaryData): void {
  const { xs, ys, classes, probabilities } = data.grid;
  const nClasses = data.classes.length;
  if (nClasses < 1 || nClasses > LIMITS.maxClasses) throw renderMsg.error('bad_classes', { count: nClasses, max: LIMITS.maxClasses });
  for (const [axis, v] of [['x', xs], ['y', ys]] as const) {
    if (v.length < 2 || v.some((a, i) => i > 0 && !(a > (v[i - 1] as number))) || !v.every(Number.isFinite)) {
      throw renderMsg.error('grid_axis', { axis });
    }
  }
  const expected = xs.length * ys.length;
  if (expected > LIMITS.maxGridCells) throw renderMsg.error('grid_too_large', { cells: expected, max: LIMITS.maxGridCells });
  if (classes.length !== expected) throw renderMsg.error('grid_shape', { cells: classes.length, xs: xs.length, ys: ys.length, expected });
  if (probabilities && probabilities.length !== expected) {
    throw renderMsg.error('grid_shape', { cells: probabilities.length, xs: xs.length, ys: ys.length, expected });
  }
  const badIndex = (c: number) => !Number.isInteger(c) || c < 0 || c >= nClasses;
  const bad = classes.find(badIndex) ?? data.points.map((p) => p.label).find(badIndex);
  if (bad !== undefined) throw renderMsg.error('bad_class_index', { index: bad, count: nClasses, last: nClasses - 1 });
}

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Mixes a colour with white: `amount` 0 = white, 1 = the colour. */
function tint(c: Rgb, amount: number): string {
  const mix = (v: number) => Math.round(255 + (v - 255) * amount);
  return `rgb(${mix(c[0])},${mix(c[1])},${mix(c[2])})`;
}

/**
 * The colour of one cell: for two classes with probabilities a diverging scale (class 0's
 * colour, white at p = 0.5, class 1's colour), otherwise the predicted class, pale so the
 * points stay visible.
 */
export function cellColour(data: DecisionBoundaryData, cell: number): string {
  const p = data.grid.probabilities?.[cell];
  if (p !== undefined && data.classes.length === 2 && Number.isFinite(p)) {
    const side = p >= 0.5 ? 1 : 0;
    const strength = Math.min(1, Math.abs(p - 0.5) * 2);
    return tint(hexToRgb(colour(side)), 0.55 * strength);
  }
  return tint(hexToRgb(colour(data.grid.classes[cell] ?? 0)), 0.4);
}

/** Paints the field under the points (integer-rounded cells, so no hairline seams). */
function fieldPlugin(data: DecisionBoundaryData): Plugin<'scatter'> {
  const { xs, ys } = data.grid;
  // Cell j spans from the midpoint with its left neighbour to the one with its right.
  const edges = (v: readonly number[]) => v.map((a, i) => (i === 0 ? a : (a + (v[i - 1] as number)) / 2)).concat([v[v.length - 1] as number]);
  const xEdges = edges(xs);
  const yEdges = edges(ys);
  return {
    id: 'gradbotField',
    beforeDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const sx = scales.x!;
      const sy = scales.y!;
      const px = xEdges.map((v) => Math.round(sx.getPixelForValue(v)));
      const py = yEdges.map((v) => Math.round(sy.getPixelForValue(v)));
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.right - chartArea.left, chartArea.bottom - chartArea.top);
      ctx.clip();
      for (let i = 0; i < ys.length; i++) {
        const top = Math.min(py[i]!, py[i + 1]!);
        const h = Math.abs(py[i + 1]! - py[i]!);
        for (let j = 0; j < xs.length; j++) {
          ctx.fillStyle = cellColour(data, i * xs.length + j);
          ctx.fillRect(px[j]!, top, px[j + 1]! - px[j]!, h);
        }
      }
      ctx.restore();
    },
  };
}

/** Longest class name in the legend; a longer one ends in "…" so the legend always fits. */
const MAX_LEGEND_CHARS = 24;

function legendName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= MAX_LEGEND_CHARS ? name : chars.slice(0, MAX_LEGEND_CHARS - 1).join('') + '…';
}

/** Marker colour of the legend's "train"/"test" entries: the shape matters, not the class. */
const MARKER_GREY = '#555555';

/**
 * The legend: one colour square per class (the colour of its field and its points), then what
 * the two marker shapes mean. That is classes + 2 short entries instead of one entry per class
 * and split, so it fits one or two rows above the plot in any language.
 */
export function boundaryLegend(data: DecisionBoundaryData, lang: Lang): LegendItem[] {
  const item = (text: string, fill: string, stroke: string, pointStyle: LegendItem['pointStyle']): LegendItem => ({
    text,
    fillStyle: fill,
    strokeStyle: stroke,
    lineWidth: 1.5,
    pointStyle,
    hidden: false,
  });
  return [
    ...data.classes.map((name, c) => item(legendName(name), colour(c), colour(c), 'rect')),
    item(t('train', lang), MARKER_GREY, '#ffffff', 'circle'),
    item(t('test', lang), MARKER_GREY, '#000000', 'triangle'),
  ];
}

/** Config of the decision-boundary chart. */
export function boundaryChartConfig(data: DecisionBoundaryData, lang: Lang): ChartConfiguration<'scatter', Pt[]> {
  checkBoundaryData(data);
  const datasets: ChartDataset<'scatter', Pt[]>[] = [];
  data.classes.forEach((name, c) => {
    for (const split of ['train', 'test'] as const) {
      const pts = data.points.filter((p) => p.label === c && p.split === split).map((p) => ({ x: p.x, y: p.y }));
      if (pts.length === 0) continue;
      datasets.push({
        label: `${name} (${t(split, lang)})`,
        data: pts,
        pointStyle: split === 'train' ? 'circle' : 'triangle',
        pointRadius: split === 'train' ? 5 : 7,
        backgroundColor: colour(c),
        borderColor: split === 'train' ? '#ffffff' : '#000000',
        borderWidth: split === 'train' ? 1.5 : 1.5,
      });
    }
  });
  const { xs, ys } = data.grid;
  const axis = (min: number, max: number, title?: string) => ({
    type: 'linear' as const,
    min,
    max,
    title: { display: Boolean(title), text: title ?? '', font: { size: FONT_SIZES.axisTitle } },
    grid: { color: GRID_COLOUR, drawOnChartArea: false },
    border: { color: AXIS_COLOUR },
    // No extra labels at the ends (3.8 beside 3.5 would overlap): the ticks stay on nice steps.
    ticks: { font: { size: FONT_SIZES.tick }, color: '#333', includeBounds: false, callback: (v: number | string) => tickLabel(v, lang) },
  });
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      animation: false,
      responsive: false,
      locale: chartLocale(lang),
      // Room on the right for the last x tick label (the legend is above the plot).
      layout: { padding: { left: 8, right: 26, top: 0, bottom: 4 } },
      plugins: {
        title: { display: true, text: t('boundaryTitle', lang), font: { size: FONT_SIZES.title, weight: 'bold' }, padding: { top: 6, bottom: 4 } },
        legend: {
          display: true,
          position: 'top',
          labels: { font: { size: FONT_SIZES.legend }, usePointStyle: true, padding: 14, generateLabels: () => boundaryLegend(data, lang) },
        },
        tooltip: { enabled: false },
      },
      scales: {
        x: axis(xs[0]!, xs[xs.length - 1]!, data.axes?.x),
        y: axis(ys[0]!, ys[ys.length - 1]!, data.axes?.y),
      },
    },
    plugins: [fieldPlugin(data)],
  } as ChartConfiguration<'scatter', Pt[]>;
}
