/**
 * `/plot`'s arguments as students type them. The functions take the rest of the line, so an
 * expression may hold spaces (`/plot x^2 - 1`) and a list may have them after its commas
 * (`/plot relu, gelu`); one or two numbers at the end are the range (`/plot relu,gelu -3 3`)
 * unless the text before them ends in an operator (`x^2 - 1` is one expression). Known
 * activations separated by spaces only (`/plot relu gelu`) are a list too. A reversed range is
 * refused here in the chat's words (the renderer's own message speaks of CLI flags).
 */
import { findActivation } from '../../core/activations/index.js';
import { defineMessages } from '../../core/errors.js';
import { coerceOption } from '../../options/parse-text.js';
import { PLOT_FROM_OPTION, PLOT_TO_OPTION } from '../../render/option-specs.js';
import { splitItems } from '../../render/index.js';

export const plotArgMessages = defineMessages('plot_bot', {
  range_reversed: {
    en: 'The left end of the range must be less than the right one: you gave from {from} to {to}. For example: /plot relu -3 3',
    ru: 'Левый конец отрезка должен быть меньше правого, а задано от {from} до {to}. Например: /plot relu -3 3',
  },
});

/** What to draw and on which range (undefined ends: the chart's defaults). */
export interface PlotArgs {
  items: string[];
  from?: number;
  to?: number;
}

const NUMBER = /^[+\-\u2212]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/i;
/** A text ending like this continues into the next token (`x^2 -`, `relu(`, `a,`). */
const OPEN_END = /[-+*/^(,\u2212\u00b7×]$/;

/** The render module's top-level comma split (commas inside max(x, 0) stay), without empty items. */
function splitList(list: string): string[] {
  return splitItems(list).filter((s) => s !== '');
}

/**
 * Splits the functions text (the rest of the line) into the items and the trailing range;
 * `from` and `to` are the options' own values (named `from:` / `to:`, or their defaults), used
 * when no number ends the text. Throws a UserInputError for a bad or reversed range.
 */
export function plotArgs(functions: string, from?: number, to?: number): PlotArgs {
  const tokens = functions.trim().split(/\s+/).filter((t) => t !== '');
  let peeled: string[] = [];
  for (const k of [2, 1]) {
    if (tokens.length <= k) continue;
    const tail = tokens.slice(-k);
    const head = tokens.slice(0, -k).join(' ');
    if (tail.every((t) => NUMBER.test(t)) && !OPEN_END.test(head)) {
      peeled = tail;
      tokens.splice(tokens.length - k, k);
      break;
    }
  }
  const text = tokens.join(' ');
  // `/plot relu gelu`: known activations with spaces between them are a list.
  const words = text.split(' ');
  const items = !text.includes(',') && words.length > 1 && words.every((w) => findActivation(w) !== undefined) ? words : splitList(text);
  let lo = from;
  let hi = to;
  if (peeled[0] !== undefined) lo = coerceOption(PLOT_FROM_OPTION, peeled[0]) as number;
  if (peeled[1] !== undefined) hi = coerceOption(PLOT_TO_OPTION, peeled[1]) as number;
  if (lo !== undefined && hi !== undefined && lo >= hi) throw plotArgMessages.error('range_reversed', { from: lo, to: hi });
  const out: PlotArgs = { items };
  if (lo !== undefined) out.from = lo;
  if (hi !== undefined) out.to = hi;
  return out;
}
