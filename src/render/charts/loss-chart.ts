/**
 * Loss curves of a training run: training and validation loss per epoch, accuracy on a
 * second axis (right, in percent), optional log scale. Readable at 3 epochs (points are
 * marked) and at 3,000 (plain lines, ticks thinned by chart.js).
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { Lang } from '../../core/errors.js';
import { LIMITS, renderMsg } from '../messages.js';
import type { LossCurveData } from '../types.js';
import { chartLocale, pictureNumber } from '../numbers.js';
import { niceRange, robustYRange } from './sampling.js';
import { AXIS_COLOUR, FONT_SIZES, GRID_COLOUR, t } from './style.js';
import { tickLabel } from './function-chart.js';

type Pt = { x: number; y: number | null };

/** Up to this many epochs each one gets a visible marker. */
const MARK_POINTS_UP_TO = 40;

/** Checks the shape of the data (one value per epoch in every list). */
export function checkLossData(data: LossCurveData): void {
  const epochs = data.train.length;
  if (epochs === 0) throw renderMsg.error('loss_empty');
  if (epochs > LIMITS.maxEpochs) throw renderMsg.error('loss_too_long', { count: epochs, max: LIMITS.maxEpochs });
  const lists = { validation: data.validation, accuracy: data.accuracy, validationAccuracy: data.validationAccuracy };
  for (const [series, list] of Object.entries(lists)) {
    if (list && list.length !== epochs) throw renderMsg.error('loss_mismatch', { series, count: list.length, epochs });
  }
}

/** Epoch-numbered points; values that a log axis cannot show (or NaN) become gaps. */
function toPoints(values: readonly number[], log: boolean): Pt[] {
  return values.map((v, i) => ({ x: i + 1, y: Number.isFinite(v) && (!log || v > 0) ? v : null }));
}

/** Log-axis ticks: label 1, 2 and 5 times powers of ten only (the rest crowd together). */
export function logTickLabel(v: number | string, lang: Lang = 'en'): string {
  const n = Number(v);
  if (!(n > 0)) return '';
  const mantissa = n / 10 ** Math.floor(Math.log10(n) + 1e-9);
  return [1, 2, 5].some((k) => Math.abs(mantissa - k) < 1e-6) ? tickLabel(n, lang) : '';
}

/** Accuracy ticks in percent: 50% in English, 50 % in Russian (a space before the sign). */
export function percentTickLabel(v: number | string, lang: Lang = 'en'): string {
  const percent = pictureNumber(Math.round(Number(v) * 1000) / 10, lang);
  return lang === 'ru' ? `${percent}\u00a0%` : `${percent}%`;
}

/**
 * A loss higher than this many times the top of the typical values is an outlier that would
 * squash the curve into a flat line at the bottom; such values are left off the chart.
 */
const OUTLIER_FACTOR = 4;

/**
 * The linear loss axis: from 0 (a loss is >= 0, or the lowest value) to the highest loss, so
 * the whole curve is visible, including the first epochs; only values that dwarf the typical
 * range (one early spike of 500 when the rest is below 1) are cut off at the top.
 */
export function lossAxisRange(losses: readonly number[]): [number, number] {
  const finite = losses.filter((v) => Number.isFinite(v));
  // reduce, not Math.min(...finite): 100,000 epochs would overflow the argument list.
  const lowest = finite.reduce((a, b) => Math.min(a, b), 0);
  if (finite.length === 0) return [0, 1];
  const [, typicalTop] = robustYRange(finite, 0);
  const limit = typicalTop > 0 ? typicalTop * OUTLIER_FACTOR : Infinity;
  const top = finite.reduce((a, b) => (b <= limit ? Math.max(a, b) : a), lowest);
  // A small margin above the highest point, so a marker is not cut in half by the frame.
  const span = top - lowest;
  return niceRange(lowest, span > 0 ? top + span * 0.02 : lowest + 1, 6);
}

/** Config of the loss-curve chart. */
export function lossChartConfig(data: LossCurveData, lang: Lang): ChartConfiguration<'line', Pt[]> {
  checkLossData(data);
  const epochs = data.train.length;
  const log = data.logScale ?? false;
  const marks = epochs <= MARK_POINTS_UP_TO;
  const line = (label: string, values: readonly number[], colour: string, axis: 'y' | 'y1', dashed: boolean): ChartDataset<'line', Pt[]> => ({
    label,
    data: axis === 'y' ? toPoints(values, log) : toPoints(values, false),
    yAxisID: axis,
    borderColor: colour,
    backgroundColor: colour,
    // Thousands of epochs: thinner lines keep the noise from painting a solid band.
    borderWidth: epochs > 500 ? 2 : 3,
    borderDash: dashed ? [9, 6] : [],
    pointRadius: marks ? 4 : 0,
    spanGaps: false,
    parsing: false,
  });

  const datasets: ChartDataset<'line', Pt[]>[] = [line(t('trainLoss', lang), data.train, '#1f77b4', 'y', false)];
  if (data.validation) datasets.push(line(t('valLoss', lang), data.validation, '#d62728', 'y', false));
  const hasAccuracy = Boolean(data.accuracy || data.validationAccuracy);
  if (data.accuracy) datasets.push(line(t('trainAccuracy', lang), data.accuracy, '#2ca02c', 'y1', true));
  if (data.validationAccuracy) datasets.push(line(t('valAccuracy', lang), data.validationAccuracy, '#ff7f0e', 'y1', true));

  const linearRange = lossAxisRange([...data.train, ...(data.validation ?? [])]);

  const tick = { font: { size: FONT_SIZES.tick }, color: '#333' };
  const number = (v: number | string) => tickLabel(v, lang);
  const axisTitle = (text: string) => ({ display: true, text, font: { size: FONT_SIZES.axisTitle } });
  return {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      responsive: false,
      locale: chartLocale(lang),
      layout: { padding: { left: 8, right: 12, top: 4, bottom: 4 } },
      plugins: {
        title: {
          display: true,
          text: log ? `${t('lossTitle', lang)} (${t('logScale', lang)})` : t('lossTitle', lang),
          font: { size: FONT_SIZES.title, weight: 'bold' },
        },
        legend: { display: true, position: 'top', labels: { font: { size: FONT_SIZES.legend }, boxWidth: 30, boxHeight: 3 } },
        tooltip: { enabled: false },
        // Thousands of epochs: keep each pixel column's min and max, so spikes stay visible
        // and drawing stays fast (needs parsing: false and a linear x axis, as here).
        decimation: { enabled: true, algorithm: 'min-max' },
      },
      scales: {
        x: {
          type: 'linear',
          min: 1,
          max: Math.max(epochs, 2),
          title: axisTitle(t('epochAxis', lang)),
          grid: { color: GRID_COLOUR },
          border: { color: AXIS_COLOUR },
          // Whole epochs only: 3 epochs read 1, 2, 3 and not 1.5.
          ticks: { ...tick, precision: 0, maxTicksLimit: 11, callback: number },
        },
        y: log
          ? {
              type: 'logarithmic',
              title: axisTitle(t('lossAxis', lang)),
              grid: { color: GRID_COLOUR },
              border: { color: AXIS_COLOUR },
              ticks: { ...tick, callback: (v: number | string) => logTickLabel(v, lang) },
            }
          : {
              type: 'linear',
              min: linearRange[0],
              max: linearRange[1],
              title: axisTitle(t('lossAxis', lang)),
              grid: { color: GRID_COLOUR },
              border: { color: AXIS_COLOUR },
              ticks: { ...tick, callback: number },
            },
        ...(hasAccuracy
          ? {
              y1: {
                type: 'linear' as const,
                position: 'right' as const,
                min: 0,
                max: 1,
                title: axisTitle(t('accuracyAxis', lang)),
                grid: { drawOnChartArea: false },
                border: { color: AXIS_COLOUR },
                ticks: { ...tick, callback: (v: number | string) => percentTickLabel(v, lang) },
              },
            }
          : {}),
      },
    },
  } as ChartConfiguration<'line', Pt[]>;
}
