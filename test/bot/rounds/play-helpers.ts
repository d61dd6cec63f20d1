/**
 * Helpers for the quiz-play and round tests: the question a message shows (by its id), the
 * right and a wrong answer to it, and a harness with rate limits out of the way.
 */
import { questionFromId } from '../../../src/bot/quiz-play/question-id.js';
import type { Question } from '../../../src/quiz/index.js';
import { createHarness, type Harness, type HarnessOptions, type Sent } from '../harness.js';

/** A harness whose rate limits never get in the way of a test that sends many answers. */
export function playHarness(opts: HarnessOptions = {}): Promise<Harness> {
  return createHarness({ ...opts, config: { rate: { userPerMinute: 100_000, chatPerMinute: 100_000 }, ...opts.config } });
}

/** The first question id (`topic:seed:difficulty`) in a text. */
export function idIn(text: string): string {
  const m = /\b([a-z]+:\d+:[123])\b/.exec(text);
  if (!m) throw new Error(`no question id in: ${text.slice(0, 200)}`);
  return m[1] as string;
}

/** The question a sent message asks. */
export function questionOf(s: Sent | undefined): Question {
  if (!s) throw new Error('no message');
  return questionFromId(idIn(s.text));
}

/** The right answer as a student would type it. */
export function rightAnswer(q: Question): string {
  const a = q.answer;
  if (a.kind === 'number') return String(a.value);
  if (a.kind === 'choice') return ['a', 'b', 'c', 'd', 'e', 'f'][a.value] as string;
  return a.value;
}

/** A readable answer that is wrong. */
export function wrongAnswer(q: Question): string {
  const a = q.answer;
  if (a.kind === 'number') return String(Math.abs(a.value) * 3 + 1000);
  if (a.kind === 'choice') return ['a', 'b', 'c', 'd', 'e', 'f'][(a.value + 1) % a.choices.length] as string;
  return `${a.value} + 1000`;
}
