/**
 * How a simulated student answers: the question is regenerated from its id (the same pure
 * generator the bot uses), so the student knows the key and can be right or wrong on purpose.
 */
import type { Rng } from '../core/rng.js';
import { generateQuestion, type Question } from '../quiz/index.js';

/** The question behind an id such as `backprop:17:2`. */
export function questionFromId(id: string): Question {
  const [topic, seed, difficulty] = id.split(':');
  return generateQuestion(topic ?? '', Number(seed), Number(difficulty));
}

/** An answer: a button to press (choice questions) or a text to send. */
export type PlannedAnswer = { kind: 'press'; choice: number; right: boolean } | { kind: 'text'; text: string; right: boolean };

/** A number as a student types it: enough digits to be within any tolerance. */
function typed(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/** Right with probability `pRight`, else a plainly wrong answer of the same kind. */
export function planAnswer(q: Question, rng: Rng, pRight: number): PlannedAnswer {
  const right = rng.bernoulli(pRight);
  const a = q.answer;
  if (a.kind === 'choice') {
    const others = a.choices.map((_, i) => i).filter((i) => i !== a.value);
    return { kind: 'press', choice: right || others.length === 0 ? a.value : rng.choice(others), right: right || others.length === 0 };
  }
  if (a.kind === 'number') {
    // Far outside any tolerance, and never the key itself.
    return { kind: 'text', text: typed(right ? a.value : a.value + 3 * (Math.abs(a.value) + 1)), right };
  }
  return { kind: 'text', text: right ? a.value : `(${a.value}) + 7`, right };
}
