/** Bounds of a round: the /round option specs and the chat settings' clamping use the same numbers. */
export const ROUND_LIMITS = { count: { min: 1, max: 20 }, seconds: { min: 10, max: 300 } } as const;

/** A number brought into [min, max] (a chat setting from before the bounds changed). */
export function clampTo(n: number, b: { min: number; max: number }): number {
  return Math.min(b.max, Math.max(b.min, Math.round(n)));
}
