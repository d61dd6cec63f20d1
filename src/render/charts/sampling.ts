/**
 * Turning a function into points a line chart can draw honestly: enough samples, exact
 * samples at known kinks, gaps (null) where the function is undefined or jumps, and a
 * y-range chosen from quantiles so one spike (1/x near 0) does not flatten the curve.
 */

/** A point of a line; `y: null` breaks the line there (chart.js `spanGaps: false`). */
export interface CurvePoint {
  x: number;
  y: number | null;
}

/** Samples on the uniform grid of a plot (the issue asks for at least 400). */
export const DEFAULT_SAMPLES = 501;

/**
 * The x positions to sample: a uniform grid over [from, to] plus each kink and points just
 * beside it, so a corner is drawn sharp and a jump is seen from both sides.
 */
export function sampleXs(from: number, to: number, n = DEFAULT_SAMPLES, kinks: readonly number[] = []): number[] {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(from + ((to - from) * i) / (n - 1));
  const eps = (to - from) * 1e-7;
  for (const k of kinks) {
    if (k <= from || k >= to) continue;
    xs.push(k - eps, k, k + eps);
  }
  xs.sort((a, b) => a - b);
  // Drop exact duplicates (a kink that falls on the grid).
  return xs.filter((x, i) => i === 0 || x !== xs[i - 1]);
}

/** Evaluates `fn` at each x; throws, NaN and ±Infinity all become gaps. */
export function evaluateAt(xs: readonly number[], fn: (x: number) => number): CurvePoint[] {
  return xs.map((x) => {
    let y: number;
    try {
      y = fn(x);
    } catch {
      // Undefined here (log of a negative number, division by zero): a gap, not an error.
      return { x, y: null };
    }
    return { x, y: Number.isFinite(y) ? y : null };
  });
}

/** Rises of the neighbouring segments looked at when deciding whether one segment jumps. */
const JUMP_WINDOW = 3;

/**
 * Inserts gaps where the curve jumps, so a step is drawn as a step and not as a vertical
 * line. A segment is a jump when its rise is many times the typical (median) rise of the
 * segments around it: a smooth curve changes its rise gradually, a jump stands alone (also
 * when it is split in two by a sample exactly on it, as max(x, 0)' = 0, 0.5, 1). A segment
 * that crosses the whole visible y-range (an asymptote such as 1/x at 0) is a jump too.
 */
export function breakJumps(points: readonly CurvePoint[], yRange?: readonly [number, number]): CurvePoint[] {
  const rises = points.slice(0, -1).map((p, i) => {
    const b = points[i + 1]?.y;
    return p.y === null || b == null ? NaN : Math.abs(b - p.y);
  });
  const span = yRange ? yRange[1] - yRange[0] : NaN;
  const out: CurvePoint[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as CurvePoint;
    out.push(p);
    const d = rises[i] ?? NaN;
    if (!(d > 0)) continue;
    const around: number[] = [];
    for (let j = i - JUMP_WINDOW; j <= i + JUMP_WINDOW; j++) {
      const r = rises[j];
      if (j !== i && r !== undefined && !Number.isNaN(r)) around.push(r);
    }
    around.sort((a, b) => a - b);
    const typical = around.length ? quantile(around, 0.5) : d;
    const scale = Math.max(Math.abs(p.y ?? 0), Math.abs(points[i + 1]?.y ?? 0), 1);
    const isStep = d > 1e-6 * scale && d > 8 * typical;
    const crossesView = span > 0 && d > 1.5 * span;
    if (isStep || crossesView) out.push({ x: (p.x + (points[i + 1] as CurvePoint).x) / 2, y: null });
  }
  return out;
}

/** True when a point is drawn but both its neighbours are gaps (a line would not show it). */
export function isIsolated(points: readonly CurvePoint[], i: number): boolean {
  const p = points[i];
  if (!p || p.y === null) return false;
  const before = i === 0 || points[i - 1]?.y === null;
  const after = i === points.length - 1 || points[i + 1]?.y === null;
  return before && after;
}

/** The q-quantile (0..1) of sorted numbers, linear between neighbours. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/**
 * A y-range that shows the shape: values far outside the 1%..99% quantile band (more than
 * one band-width beyond it) are treated as spikes and left off-chart; everything else fits,
 * with a margin. A flat curve gets a unit-wide range around its value.
 */
export function robustYRange(values: readonly number[], margin = 0.08): [number, number] {
  const ys = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (ys.length === 0) return [-1, 1];
  const q1 = quantile(ys, 0.01);
  const q99 = quantile(ys, 0.99);
  const band = q99 - q1;
  const keepLo = q1 - band;
  const keepHi = q99 + band;
  let lo = Infinity;
  let hi = -Infinity;
  for (const y of ys) {
    if (y < keepLo || y > keepHi) continue;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  if (hi - lo < 1e-9) return [lo - 1, hi + 1];
  const pad = (hi - lo) * margin;
  return [lo - pad, hi + pad];
}

/** A "nice" tick step (1, 2 or 5 times a power of ten) giving about `ticks` intervals. */
export function niceStep(span: number, ticks = 8): number {
  const raw = span / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const r = raw / mag;
  return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag;
}

/** Widens [lo, hi] to multiples of a nice step, so the end ticks read 0.5 or 6, not 5.37. */
export function niceRange(lo: number, hi: number, ticks = 8): [number, number] {
  const step = niceStep(hi - lo, ticks);
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}
