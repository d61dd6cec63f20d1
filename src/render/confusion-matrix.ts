/**
 * Confusion matrix as a labelled heatmap with counts, drawn with canvas directly (a grid of
 * squares needs no chart library). Rows are the actual classes, columns the predicted ones;
 * a cell's shade is its share of its row, so a weak class shows up even when it is rare.
 */
import { createCanvas, type CanvasRenderingContext2D } from 'canvas';
import type { Lang } from '../core/errors.js';
import { t } from './charts/style.js';
import { ensureFonts, font } from './fonts.js';
import { encodePng } from './png.js';
import { LIMITS, renderMsg } from './messages.js';
import type { ConfusionMatrixData } from './types.js';

/** Checks that counts is a square matrix of non-negative whole numbers, one row per label. */
export function checkConfusionData(data: ConfusionMatrixData): void {
  const n = data.labels.length;
  if (n < 1 || n > LIMITS.maxClasses) throw renderMsg.error('bad_classes', { count: n, max: LIMITS.maxClasses });
  const ok =
    data.counts.length === n &&
    data.counts.every((row) => row.length === n && row.every((c) => Number.isInteger(c) && c >= 0));
  if (!ok) throw renderMsg.error('confusion_shape', { count: n });
}

/** Blue shade for a share in [0, 1] (white to dark blue). */
function shade(share: number): string {
  const mix = (from: number, to: number) => Math.round(from + (to - from) * share);
  return `rgb(${mix(255, 8)},${mix(255, 69)},${mix(255, 148)})`;
}

/** Shortens a label to fit `maxWidth` pixels, with an ellipsis. */
function fit(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let s = Array.from(text);
  while (s.length > 1 && ctx.measureText(s.join('') + '…').width > maxWidth) s = s.slice(0, -1);
  return s.join('') + '…';
}

/** Draws the confusion matrix; resolves to PNG bytes. */
export function drawConfusionMatrix(data: ConfusionMatrixData, lang: Lang, width = 800, height = 600): Promise<Uint8Array> {
  checkConfusionData(data);
  ensureFonts();
  const n = data.labels.length;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);

  const titleH = 44;
  const labelW = Math.min(170, width * 0.22);
  const axisTitle = 30;
  const colLabelH = 34;
  const left = axisTitle + labelW;
  const top = titleH + axisTitle + colLabelH;
  const cell = Math.floor(Math.min((width - left - 20) / n, (height - top - 16) / n));
  const gridW = cell * n;
  const x0 = left + Math.floor((width - left - 20 - gridW) / 2);

  ctx.fillStyle = '#222';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = font(22, true);
  ctx.fillText(t('confusionTitle', lang), width / 2, titleH / 2 + 4);
  ctx.font = font(17, true);
  ctx.fillText(t('predicted', lang), x0 + gridW / 2, titleH + axisTitle / 2);
  ctx.save();
  ctx.translate(axisTitle / 2 + 2, top + gridW / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(t('actual', lang), 0, 0);
  ctx.restore();

  const countSize = Math.max(14, Math.min(30, Math.floor(cell / 3)));
  for (let r = 0; r < n; r++) {
    const row = data.counts[r]!;
    const total = row.reduce((a, b) => a + b, 0);
    for (let c = 0; c < n; c++) {
      const count = row[c]!;
      const share = total > 0 ? count / total : 0;
      const x = x0 + c * cell;
      const y = top + r * cell;
      ctx.fillStyle = shade(share);
      ctx.fillRect(x, y, cell, cell);
      ctx.strokeStyle = r === c ? '#111' : '#bbb';
      ctx.lineWidth = r === c ? 2 : 1;
      ctx.strokeRect(x + 0.5, y + 0.5, cell - 1, cell - 1);
      // White text on dark cells, dark text on light ones: contrast either way.
      ctx.fillStyle = share > 0.5 ? '#ffffff' : '#111111';
      ctx.font = font(countSize, true);
      ctx.fillText(String(count), x + cell / 2, y + cell / 2);
    }
  }
  ctx.fillStyle = '#222';
  ctx.font = font(16);
  data.labels.forEach((label, i) => {
    ctx.textAlign = 'center';
    ctx.fillText(fit(ctx, label, cell - 6), x0 + i * cell + cell / 2, top - colLabelH / 2);
    ctx.textAlign = 'right';
    ctx.fillText(fit(ctx, label, labelW - 10), x0 - 8, top + i * cell + cell / 2);
  });
  return encodePng(canvas.toBuffer('raw'), width, height, canvas.stride);
}
