/**
 * Grading over many seeds per topic and difficulty: the key is accepted as the solution
 * writes it; every typical mistake the topic predicts is rejected with its own feedback; the
 * key moved by 5% is rejected (no question states a precision that would allow it); a key
 * that needs rounding comes with a stated precision, and the solution shows at least those
 * digits.
 */
import { describe, expect, it } from 'vitest';
import { generateQuestion } from '../../src/quiz/generate.js';
import { checkAnswer, keyText } from '../../src/quiz/check.js';
import { exact, num } from '../../src/quiz/format.js';
import { TOPIC_IDS, type Difficulty, type Question } from '../../src/quiz/types.js';

/** Seeds per topic and difficulty: 9 topics × 3 levels × 150 = 4,050 questions. */
export const GRADING_SEEDS = 150;
const DIFFICULTIES: Difficulty[] = [1, 2, 3];

/** How a student types a mistake's value: rounded to 4 figures when the question asks for 3. */
function typedMistake(q: Question, value: number | string): string {
  const a = q.answer;
  if (a.kind === 'choice') return 'abcdef'[value as number]!;
  if (a.kind === 'expression') return value as string;
  return a.precision?.kind === 'significant' ? (value as number).toPrecision(a.precision.digits + 1) : String(value);
}

/** True when the key has more than 3 significant digits (a student must round it). */
function needsRounding(key: number): boolean {
  return Number(key.toPrecision(3)) !== Number(key.toPrecision(12));
}

function checkOne(q: Question): void {
  const a = q.answer;
  // the key as the solution and giveUp write it, in both languages
  expect(checkAnswer(q, keyText(q).en).correct, `${q.id}: ${keyText(q).en}`).toBe(true);
  expect(checkAnswer(q, keyText(q).ru).correct, `${q.id}: ${keyText(q).ru}`).toBe(true);
  for (const m of q.mistakes) {
    const r = checkAnswer(q, typedMistake(q, m.value));
    expect(r.correct, `${q.id}: mistake ${m.tag} = ${m.value}`).toBe(false);
    expect(r.misconception, `${q.id}: mistake ${m.tag} = ${m.value}`).toBe(m.tag);
    expect(r.feedback).toEqual(m.feedback);
  }
  if (a.kind !== 'number') return;
  if (a.value !== 0) {
    for (const moved of [a.value * 1.05, a.value * 0.95]) expect(checkAnswer(q, String(moved)).correct, `${q.id}: ${moved}`).toBe(false);
  }
  const p = a.precision;
  if (needsRounding(a.value)) expect(p?.kind, `${q.id}: key ${a.value} needs a stated precision`).toMatch(/^(exact|significant)$/);
  if (p?.kind === 'significant') {
    expect(q.text.en.replace(/\u00a0/g, ' ')).toContain(`to ${p.digits} significant figures`);
    expect(q.text.ru.replace(/\u00a0/g, ' ')).toContain(`с точностью до ${p.digits} значащих цифр`);
    // the key rounded as asked is right
    expect(checkAnswer(q, a.value.toPrecision(p.digits)).correct, q.id).toBe(true);
    // the solution shows the key with at least the asked digits
    for (const lang of ['en', 'ru'] as const) {
      const solution = q.solution.map((s) => s.text[lang]).join('\n');
      const shown = Array.from({ length: 13 - p.digits }, (_, i) => num(a.value, lang, p.digits + i)).some((s) => solution.includes(s));
      expect(shown, `${q.id} ${lang}: ${solution}`).toBe(true);
    }
  }
  if (p?.kind === 'exact') {
    expect(q.text.en).toMatch(/exact/);
    expect(q.text.ru).toMatch(/точное/);
    for (const lang of ['en', 'ru'] as const) expect(q.solution.map((s) => s.text[lang]).join('\n')).toContain(exact(a.value, lang));
  }
}

describe.each(TOPIC_IDS)('grading %s', (topic) => {
  it.each(DIFFICULTIES)(`difficulty %i over ${GRADING_SEEDS} seeds`, (difficulty) => {
    let mistakes = 0;
    for (let seed = 0; seed < GRADING_SEEDS; seed++) {
      const q = generateQuestion(topic, seed, difficulty);
      checkOne(q);
      mistakes += q.mistakes.length;
    }
    // every topic predicts typical mistakes, and the sweep really checked them
    expect(mistakes).toBeGreaterThanOrEqual(GRADING_SEEDS);
  });
});

describe('the SGD update of issue 13', () => {
  it('sgd --seed 3 --difficulty 2: no step (-2.6) and the wrong way are wrong; the exact key is right', () => {
    const q = generateQuestion('sgd', 3, 2);
    expect(q.answer).toMatchObject({ kind: 'number', value: -2.6024 });
    expect(checkAnswer(q, '-2.6')).toMatchObject({ correct: false, misconception: 'no_step' });
    expect(checkAnswer(q, '-2.5976')).toMatchObject({ correct: false, misconception: 'wrong_sign_update' });
    expect(checkAnswer(q, '-2.6024').correct).toBe(true);
    expect(checkAnswer(q, '−2,6024').correct).toBe(true);
    expect(q.solution.at(-1)!.text.en).toContain('= −2.6024.');
    expect(q.solution.at(-1)!.text.ru).toContain('= −2,6024.');
    expect(q.text.ru).toContain('Дайте точное значение.');
  });

  it('every update over 300 seeds: the old weight and w + lr·g are always wrong', () => {
    let updates = 0;
    for (let seed = 0; seed < 300; seed++) {
      for (const d of DIFFICULTIES) {
        const q = generateQuestion('sgd', seed, d);
        if (!q.signature.startsWith('update|')) continue;
        updates++;
        const [w, g, lr] = q.signature.split('|').slice(1).map(Number) as [number, number, number];
        expect(checkAnswer(q, String(w)).correct, q.id).toBe(false);
        expect(checkAnswer(q, String(w + lr * g)).correct, q.id).toBe(false);
        expect(checkAnswer(q, String(w - lr * g)).correct, q.id).toBe(true);
      }
    }
    expect(updates).toBeGreaterThan(200);
  });
});

describe('counts are exact', () => {
  it('memory parameter counts and bytes accept only the exact number', () => {
    let counts = 0;
    for (let seed = 0; seed < 100; seed++) {
      for (const d of [1, 2] as const) {
        const q = generateQuestion('memory', seed, d);
        const key = q.answer.value as number;
        expect(q.answer).toMatchObject({ kind: 'number', tolerance: { relative: 0, absolute: 0 }, precision: { kind: 'exact' } });
        expect(checkAnswer(q, String(key + 1)).correct).toBe(false);
        expect(checkAnswer(q, String(key)).correct).toBe(true);
        counts++;
      }
    }
    expect(counts).toBe(200);
  });
});
