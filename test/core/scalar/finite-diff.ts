/** Central finite differences, the independent check every gradient in the tests is held to. */

/** d f / d x_i at x by (f(x + h e_i) - f(x - h e_i)) / 2h, with h scaled to |x_i|. */
export function centralDiff(f: (x: number[]) => number, x: readonly number[], i: number): number {
  const h = 1e-5 * Math.max(1, Math.abs(x[i]!));
  const plus = [...x];
  const minus = [...x];
  plus[i] = x[i]! + h;
  minus[i] = x[i]! - h;
  return (f(plus) - f(minus)) / (2 * h);
}

/** True when a and b agree to a relative 1e-6 (absolute 1e-7 near zero). */
export function close(a: number, b: number, rel = 1e-6, abs = 1e-7): boolean {
  return Math.abs(a - b) <= abs + rel * Math.max(Math.abs(a), Math.abs(b));
}
