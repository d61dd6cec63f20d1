import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/render/png.js';
import { pngSize } from './png.js';

/** Draws, encodes with our encoder, decodes with canvas (libpng) and compares every pixel. */
async function roundTrip(opaque: boolean) {
  const w = 37;
  const h = 23;
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  if (opaque) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, w, h);
  }
  ctx.fillStyle = 'rgba(200, 30, 90, 0.6)';
  ctx.fillRect(3, 2, 20, 15);
  ctx.fillStyle = '#1f77b4';
  ctx.beginPath();
  ctx.arc(25, 12, 9, 0, Math.PI * 2);
  ctx.fill();
  const png = await encodePng(canvas.toBuffer('raw'), w, h, canvas.stride);
  expect(pngSize(png)).toEqual({ width: w, height: h });
  const img = await loadImage(Buffer.from(png));
  const back = createCanvas(w, h);
  back.getContext('2d').drawImage(img, 0, 0);
  const a = ctx.getImageData(0, 0, w, h).data;
  const b = back.getContext('2d').getImageData(0, 0, w, h).data;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return { png, worst };
}

describe('encodePng', () => {
  it('encodes an opaque picture that decodes to the same pixels', async () => {
    const { png, worst } = await roundTrip(true);
    expect(png[25]).toBe(2); // colour type RGB: no alpha channel for opaque pictures
    expect(worst).toBe(0);
  });

  it('keeps transparency (within premultiplication rounding)', async () => {
    const { png, worst } = await roundTrip(false);
    expect(png[25]).toBe(6); // RGBA
    expect(worst).toBeLessThanOrEqual(2);
  });
});
