/**
 * One question in one language, in the JSON shape of the `quiz --json` contract (issue 5):
 * `{"id", "topic", "seed", "difficulty", "question": {"text"}, "answer": {"kind", "value",
 * "tolerance"?, "choices"?}, "hints": [...], "solution": [...]}` and, for backprop, `"graph"`.
 */
import type { Lang } from '../core/errors.js';
import type { Difficulty, GraphAsk, Precision, Question, QuestionPicture, TopicId, Tolerance } from './types.js';
import { LATIN_LETTERS, CYRILLIC_LETTERS } from './parse-answer.js';

/** The answer as shown in JSON: choices as texts, the value as the correct letter. */
export interface LocalizedAnswer {
  kind: 'number' | 'choice' | 'expression';
  /** number: the key; choice: the correct letter ("b"); expression: the key expression. */
  value: number | string;
  tolerance?: Tolerance;
  /** number only: the precision the question asks for (exact, or n significant figures). */
  precision?: Precision;
  choices?: string[];
  /** choice only: 0-based index of the correct choice. */
  index?: number;
  /** expression only: the variable(s) of the expression. */
  variables?: string[];
}

/** A question rendered in one language. */
export interface LocalizedQuestion {
  id: string;
  topic: TopicId;
  seed: number;
  difficulty: Difficulty;
  question: { text: string; picture?: QuestionPicture };
  answer: LocalizedAnswer;
  hints: string[];
  solution: string[];
  graph?: GraphAsk;
}

/** The letter of choice i in a language (a/b/c or а/б/в). */
export function choiceLetter(i: number, lang: Lang): string {
  return (lang === 'ru' ? CYRILLIC_LETTERS : LATIN_LETTERS)[i] ?? String(i + 1);
}

/** The question text with its choices listed, as a chat would show it. */
export function questionText(q: Question, lang: Lang): string {
  if (q.answer.kind !== 'choice') return q.text[lang];
  const lines = q.answer.choices.map((c, i) => `${choiceLetter(i, lang)}) ${c[lang]}`);
  return [q.text[lang], ...lines].join('\n');
}

/** The question in one language, in the CLI's JSON shape. */
export function localize(q: Question, lang: Lang): LocalizedQuestion {
  const a = q.answer;
  const answer: LocalizedAnswer =
    a.kind === 'number'
      ? { kind: 'number', value: a.value, tolerance: a.tolerance, ...(a.precision ? { precision: a.precision } : {}) }
      : a.kind === 'choice'
        ? { kind: 'choice', value: choiceLetter(a.value, lang), index: a.value, choices: a.choices.map((c) => c[lang]) }
        : { kind: 'expression', value: a.value, variables: a.variables };
  const out: LocalizedQuestion = {
    id: q.id,
    topic: q.topic,
    seed: q.seed,
    difficulty: q.difficulty,
    question: { text: questionText(q, lang) },
    answer,
    hints: q.hints.map((h) => h[lang]),
    solution: q.solution.map((s) => s.text[lang]),
  };
  if (q.picture) out.question.picture = q.picture;
  if (q.graph) out.graph = q.graph;
  return out;
}
