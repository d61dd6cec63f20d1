/**
 * The issue-5 sweep: 1,000 seeds per topic and difficulty (27,000 questions). Every key is
 * recomputed independently, every question is well-formed in both languages, and no more than
 * 5% of the seeds of one topic and difficulty repeat a question.
 */
import { describe, expect, it } from 'vitest';
import { gradients, parseExpression } from '../../src/core/scalar/index.js';
import { generateQuestion, TOPICS } from '../../src/quiz/generate.js';
import { checkAnswer } from '../../src/quiz/check.js';
import { TOPIC_IDS, type Difficulty, type Question } from '../../src/quiz/types.js';

const SEEDS = 1000;
const DIFFICULTIES: Difficulty[] = [1, 2, 3];

/** A key recomputed here, not by the generator: for backprop by the core's grad and by finite differences. */
function independentCheck(q: Question): void {
  if (q.topic === 'backprop') {
    const g = q.graph!;
    expect(typeof g.values[g.ask]).toBe('number');
    expect(Number.isFinite(g.values[g.ask])).toBe(true);
    const key = q.answer.value as number;
    expect(gradients(g.expression, g.values).grad[g.ask]).toBeCloseTo(key, 9);
    const f = parseExpression(g.expression);
    const h = 1e-5;
    const fd = (f.evaluate({ ...g.values, [g.ask]: g.values[g.ask]! + h }) - f.evaluate({ ...g.values, [g.ask]: g.values[g.ask]! - h })) / (2 * h);
    expect(Math.abs(fd - key)).toBeLessThan(1e-5 * Math.max(1, Math.abs(key)));
  }
  if (q.topic === 'chain' && q.answer.kind === 'expression') {
    const f = parseExpression(q.text.en.slice('Differentiate f(x) = '.length, q.text.en.indexOf('. Type')));
    const key = parseExpression(q.answer.value);
    for (const x of [-1.3, -0.2, 0.7, 1.6]) {
      const h = 1e-5;
      const fd = (f.evaluate({ x: x + h }) - f.evaluate({ x: x - h })) / (2 * h);
      expect(Math.abs(fd - key.evaluate({ x }))).toBeLessThan(1e-4 * Math.max(1, Math.abs(fd)));
    }
  }
}

function wellFormed(q: Question): void {
  for (const text of [q.text, ...q.hints, ...q.solution.map((s) => s.text), ...q.mistakes.map((m) => m.feedback)]) {
    expect(text.en.trim()).not.toBe('');
    expect(text.ru.trim()).not.toBe('');
  }
  // the Russian text really is Russian (Cyrillic letters), not a copy of the English one
  expect(q.text.ru).toMatch(/[а-яё]/i);
  expect(q.hints.length).toBeGreaterThanOrEqual(2);
  expect(q.hints.length).toBeLessThanOrEqual(3);
  expect(q.solution.length).toBeGreaterThan(0);
  expect(q.id).toBe(`${q.topic}:${q.seed}:${q.difficulty}`);
}

describe.each(TOPIC_IDS)('topic %s', (topic) => {
  it.each(DIFFICULTIES)('difficulty %i: 1,000 seeds verified, at most 5% repeats', (difficulty) => {
    const seen = new Set<string>();
    let repeats = 0;
    for (let seed = 0; seed < SEEDS; seed++) {
      const q = generateQuestion(topic, seed, difficulty);
      expect(TOPICS[topic].verify(q)).toBe(true);
      if (seen.has(q.signature)) repeats++;
      seen.add(q.signature);
      // the full checks on every 10th seed keep the sweep fast
      if (seed % 10 === 0) {
        wellFormed(q);
        independentCheck(q);
        // the key itself is accepted, as the CLI prints it
        const a = q.answer;
        const typed = a.kind === 'number' ? String(a.value) : a.kind === 'choice' ? 'abcdef'[a.value]! : a.value;
        expect(checkAnswer(q, typed).correct).toBe(true);
      }
    }
    expect(repeats / SEEDS).toBeLessThanOrEqual(0.05);
  });
});

describe('generateQuestion', () => {
  it('is a pure function of (topic, seed, difficulty)', () => {
    for (const topic of TOPIC_IDS) {
      for (const seed of [0, 17, 4294967295]) {
        expect(generateQuestion(topic, seed, 2)).toEqual(generateQuestion(topic, seed, 2));
      }
    }
  });

  it('gives different questions for different seeds and difficulties', () => {
    expect(generateQuestion('backprop', 1, 2).signature).not.toBe(generateQuestion('backprop', 2, 2).signature);
    expect(generateQuestion('loss', 1, 1).signature).not.toBe(generateQuestion('loss', 1, 3).signature);
  });

  it('rejects unknown topics, difficulties and seeds with a UserInputError', () => {
    expect(() => generateQuestion('backpropp', 1, 2)).toThrow(/Unknown quiz topic "backpropp".*backprop, gates/);
    expect(() => generateQuestion('gates', 1, 4)).toThrow(expect.objectContaining({ code: 'quiz.bad_difficulty' }));
    expect(() => generateQuestion('gates', -1, 1)).toThrow(expect.objectContaining({ code: 'quiz.bad_seed' }));
    expect(() => generateQuestion('gates', 1.5, 1)).toThrow(expect.objectContaining({ code: 'quiz.bad_seed' }));
  });

  it('survives a JSON round trip (plain data only)', () => {
    const q = generateQuestion('backprop', 5, 3);
    expect(JSON.parse(JSON.stringify(q))).toEqual(q);
  });
});
