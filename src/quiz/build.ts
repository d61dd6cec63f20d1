/**
 * Small builders the topic generators share: number and choice answers with their typical
 * mistakes, and the content signature used to tell questions apart.
 */
import type { LocalizedText } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { AnswerSpec, Mistake, MisconceptionTag, Tolerance } from './types.js';
import { DEFAULT_TOLERANCE, withinTolerance } from './tolerance.js';

/** A wrong option or value together with what it reveals. */
export interface WrongOption<V> {
  value: V;
  tag: MisconceptionTag;
  feedback: LocalizedText;
}

/** A number answer; mistakes that coincide with the key (within tolerance) are dropped. */
export function numberAnswer(
  value: number,
  wrongs: ReadonlyArray<WrongOption<number>>,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
): { answer: AnswerSpec; mistakes: Mistake[] } {
  const mistakes: Mistake[] = [];
  for (const w of wrongs) {
    if (!Number.isFinite(w.value) || withinTolerance(w.value, value, tolerance)) continue;
    if (mistakes.some((m) => typeof m.value === 'number' && withinTolerance(w.value, m.value, tolerance))) continue;
    mistakes.push({ tag: w.tag, value: w.value, feedback: w.feedback });
  }
  return { answer: { kind: 'number', value, tolerance: { ...tolerance } }, mistakes };
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
