/**
 * Round scoreboards as text: a short one after each question (the top few), the full one at
 * the end. Names are user text and stay plain spans, which every door escapes.
 */
import type { Lang } from '../../core/errors.js';
import type { RoundScore } from '../../store/types.js';
import { countOf, points } from '../quiz-play/numbers.js';
import type { RichText } from '../types.js';

/** Rows on the board shown after each question. */
export const SHORT_BOARD = 5;
/** Rows on the final board (a class rarely has more; the rest are summed up in one line). */
export const FINAL_BOARD = 30;

const MEDALS = ['🥇', '🥈', '🥉'];

/** Places for equal scores are shared: 1, 2, 2, 4. */
function places(rows: readonly RoundScore[]): number[] {
  const out: number[] = [];
  rows.forEach((r, k) => {
    const prev = rows[k - 1];
    out.push(prev && prev.score === r.score ? (out[k - 1] as number) : k + 1);
  });
  return out;
}

/** A scoreboard: one line per person, best first, at most `limit` lines and a "+N more" line. */
export function scoreboard(rows: readonly RoundScore[], lang: Lang, limit: number, withCorrect: boolean): RichText {
  const out: RichText = [];
  const shown = rows.slice(0, limit);
  const at = places(shown);
  shown.forEach((r, k) => {
    const place = at[k] as number;
    // No medal for nothing: 0 points on third place is not bronze.
    const mark = (r.score > 0 ? MEDALS[place - 1] : undefined) ?? `${place}.`;
    if (k > 0) out.push('\n');
    out.push(`${mark} `, r.name, ` — ${points(lang, r.score)}`);
    if (withCorrect) out.push(` (${countOf(lang, r.correct, 'correctAnswer')})`);
  });
  const rest = rows.length - shown.length;
  if (rest > 0) out.push('\n', lang === 'ru' ? `…и ещё ${countOf(lang, rest, 'person')}` : `…and ${countOf(lang, rest, 'person')} more`);
  return out;
}
