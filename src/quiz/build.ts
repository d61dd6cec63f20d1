/**
 * Small builders the topic generators share: number and choice answers with their typical
 * mistakes, and the content signature used to tell questions apart.
 */
import type { LocalizedText } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { AnswerSpec, Mistake, MisconceptionTag, Precision, Tolerance } from './types.js';
import { DEFAULT_TOLERANCE, EXACT_TOLERANCE, significantTolerance, stepTolerance, withinTolerance } from './tolerance.js';
import { t, tn } from './format.js';

/** How a number answer is compared with its key, and the precision its question states. */
export interface Grading {
  tolerance: Tolerance;
  precision?: Precision;
}

/** Short exact decimals (backprop and gate gradients): 1%, nothing to state. */
export const PLAIN: Grading = { tolerance: DEFAULT_TOLERANCE };

/** Counts: exact, and the question says so. */
export const EXACT_COUNT: Grading = { tolerance: EXACT_TOLERANCE, precision: { kind: 'exact' } };

/** Irrational keys: "to 3 significant figures", 1%. */
export const THREE_FIGURES: Grading = { tolerance: significantTolerance(3), precision: { kind: 'significant', digits: 3 } };

/**
 * The grading of a key nobody rounds by hand: a key of at most 3 significant figures is typed
 * as it is (PLAIN, nothing to state); a longer one is asked to 3 significant figures.
 */
export function gradingFor(key: number): Grading {
  return Number(key.toPrecision(3)) === Number(key.toPrecision(12)) ? PLAIN : THREE_FIGURES;
}

/** An SGD update from the old weight `base`: judged on the step; the exact value is asked. */
export function exactStep(base: number): Grading {
  return { tolerance: stepTolerance(base), precision: { kind: 'exact' } };
}

/** What the question says about the precision it wants (with a leading space), or nothing. */
export function precisionText(p: Precision | undefined, what: 'number' | 'value' = 'value'): LocalizedText {
  if (p === undefined) return t('', '');
  if (p.kind === 'exact') return what === 'number' ? t(' Give the exact number.', ' Дайте точное число.') : t(' Give the exact value.', ' Дайте точное значение.');
  const d = p.digits;
  return tn((f) => [` Give it to ${f.count(d, 'significant_figure')}.`, ` Ответ дайте с точностью до ${f.count(d, 'significant_figure_gen')}.`]);
}

/** a and b are closer than twice the tolerance: a typed, rounded mistake could be taken for the other. */
function ambiguous(a: number, b: number, tol: Tolerance): boolean {
  return withinTolerance(a, b, { ...tol, relative: 2 * tol.relative, absolute: 2 * tol.absolute });
}

/** A wrong option or value together with what it reveals. */
export interface WrongOption<V> {
  value: V;
  tag: MisconceptionTag;
  feedback: LocalizedText;
}

/**
 * A number answer. A mistake that comes within twice the tolerance of the key, or of a mistake
 * listed before it, is dropped: every mistake kept is told apart from the key and from the
 * others even when typed rounded.
 */
export function numberAnswer(
  value: number,
  wrongs: ReadonlyArray<WrongOption<number>>,
  grading: Grading = PLAIN,
): { answer: AnswerSpec; mistakes: Mistake[] } {
  const tolerance = grading.tolerance;
  const mistakes: Mistake[] = [];
  for (const w of wrongs) {
    if (!Number.isFinite(w.value) || ambiguous(w.value, value, tolerance)) continue;
    if (mistakes.some((m) => typeof m.value === 'number' && (ambiguous(w.value, m.value, tolerance) || ambiguous(m.value, w.value, tolerance)))) continue;
    mistakes.push({ tag: w.tag, value: w.value, feedback: w.feedback });
  }
  const answer: AnswerSpec = { kind: 'number', value, tolerance: { ...tolerance } };
  if (grading.precision) answer.precision = grading.precision;
  return { answer, mistakes };
}

/**
 * A choice answer: the correct option and wrong options (each with a mistake), shuffled by
 * the rng. Returns the answer (with the correct index) and mistakes keyed by index.
 */
export function choiceAnswer(
  rng: Rng,
  correct: LocalizedText,
  wrongs: ReadonlyArray<{ text: LocalizedText; tag: MisconceptionTag; feedback: LocalizedText }>,
): { answer: AnswerSpec; mistakes: Mistake[] } {
  const options = [{ text: correct, wrong: null as null | (typeof wrongs)[number] }, ...wrongs.map((w) => ({ text: w.text, wrong: w }))];
  rng.shuffle(options);
  const mistakes: Mistake[] = [];
  options.forEach((o, i) => {
    if (o.wrong) mistakes.push({ tag: o.wrong.tag, value: i, feedback: o.wrong.feedback });
  });
  return {
    answer: { kind: 'choice', value: options.findIndex((o) => o.wrong === null), choices: options.map((o) => o.text) },
    mistakes,
  };
}

/** A signature from the parts that make a question what it is (numbers, structure). */
export function signature(...parts: ReadonlyArray<string | number | readonly (string | number)[]>): string {
  return parts.map((p) => (Array.isArray(p) ? p.join(',') : String(p))).join('|');
}
