/**
 * Checking an answer: parse what the student typed, compare it with the key, name the typical
 * mistake it matches, and score it STACK-style.
 */
import { isUserInputError, type LocalizedText } from '../core/errors.js';
import type { MisconceptionTag, Question } from './types.js';
import { withinTolerance } from './tolerance.js';
import { parseChoiceAnswer, numberReadings, MAX_ANSWER_CHARS, LATIN_LETTERS, CYRILLIC_LETTERS } from './parse-answer.js';
import { compileExpression, samplePoints, sameFunction, assertFinite } from './expression-check.js';
import { scoreFor, freshAttempt, type AttemptState } from './score.js';
import { quizMessages } from './messages.js';
import { exact, t, tn } from './format.js';

/** The verdict on one answer. */
export interface CheckResult {
  correct: boolean;
  /** 0..1: scoreFor(state) when correct, 0 otherwise. */
  score: number;
  feedback: LocalizedText;
  /** The typical mistake the answer matches, if any (for the bot to store). */
  misconception?: MisconceptionTag;
  /** The answer could not be read (not a number / not a choice / bad expression); not a wrong try. */
  unreadable?: boolean;
}

function correctFeedback(score: number): LocalizedText {
  return score === 1
    ? t('Correct!', 'Верно!')
    : tn((f) => [`Correct! Score ${f.n(score)} (hints and earlier tries cost points).`, `Верно! Балл ${f.n(score)} (подсказки и прошлые попытки снижают балл).`]);
}

const WRONG = t('Not quite. Check your steps, or ask for a hint.', 'Не совсем. Проверьте шаги или попросите подсказку.');

function unreadable(e: unknown): CheckResult {
  if (!isUserInputError(e)) throw e;
  return { correct: false, score: 0, feedback: { en: e.render('en'), ru: e.render('ru') }, unreadable: true };
}

/**
 * Checks `answerText` against the question's key. `state` is the attempt so far (wrong tries
 * and hints before this answer). Unreadable answers return `unreadable: true` and feedback
 * saying how to write the answer; they should not count as wrong tries.
 */
export function checkAnswer(question: Question, answerText: string, state: AttemptState = freshAttempt()): CheckResult {
  const text = answerText.trim();
  try {
    if (text === '') throw quizMessages.error('empty_answer');
    if (text.length > MAX_ANSWER_CHARS) throw quizMessages.error('answer_too_long', { length: text.length, max: MAX_ANSWER_CHARS });
    const a = question.answer;
    if (a.kind === 'number') {
      const readings = numberReadings(text);
      if (readings.length === 0) throw quizMessages.error('not_a_number', { answer: text });
      // "1,024" is 1.024 or 1024: it is right when either reading is
      if (readings.some((x) => withinTolerance(x, a.value, a.tolerance))) return right(state);
      for (const x of readings) {
        const m = question.mistakes.find((mk) => typeof mk.value === 'number' && withinTolerance(x, mk.value, a.tolerance));
        if (m) return wrong(m.tag, m.feedback);
      }
      return wrong(undefined, undefined);
    }
    if (a.kind === 'choice') {
      const k = parseChoiceAnswer(text, a.choices);
      if (k === null) {
        const n = a.choices.length;
        throw quizMessages.error('not_a_choice', {
          answer: text,
          letters: `${LATIN_LETTERS.slice(0, n).join('/')}, ${CYRILLIC_LETTERS.slice(0, n).join('/')}`,
          count: n,
        });
      }
      if (k === a.value) return right(state);
      const m = question.mistakes.find((mk) => mk.value === k);
      return wrong(m?.tag, m?.feedback);
    }
    const student = compileExpression(text, a.variables);
    const points = samplePoints(a.variables, a.domain, question.id);
    assertFinite(student, points);
    const key = compileExpression(a.value);
    if (sameFunction(student, key, points)) return right(state);
    for (const m of question.mistakes) {
      if (typeof m.value === 'string' && sameFunction(student, compileExpression(m.value), points)) return wrong(m.tag, m.feedback);
    }
    return wrong(undefined, undefined);
  } catch (e) {
    return unreadable(e);
  }
}

function right(state: AttemptState): CheckResult {
  const score = scoreFor(state);
  return { correct: true, score, feedback: correctFeedback(score) };
}

function wrong(tag: MisconceptionTag | undefined, feedback: LocalizedText | undefined): CheckResult {
  const r: CheckResult = { correct: false, score: 0, feedback: feedback ?? WRONG };
  if (tag) r.misconception = tag;
  return r;
}

/** The key as a student would write it, in each language (choices: "b) Tanh"; numbers in full). */
export function keyText(question: Question): LocalizedText {
  const a = question.answer;
  if (a.kind === 'number') return t(exact(a.value, 'en'), exact(a.value, 'ru'));
  if (a.kind === 'expression') return t(a.value, a.value);
  const c = a.choices[a.value]!;
  return t(`${LATIN_LETTERS[a.value]}) ${c.en}`, `${CYRILLIC_LETTERS[a.value]}) ${c.ru}`);
}

/** The student gives up: score 0, and the feedback states the answer (show the solution next). */
export function giveUp(question: Question): CheckResult {
  const k = keyText(question);
  return { correct: false, score: 0, feedback: t(`The answer is ${k.en}.`, `Ответ: ${k.ru}.`) };
}
