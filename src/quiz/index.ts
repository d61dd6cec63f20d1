/**
 * Quizzes: generated, self-checked questions with hints, worked solutions and answer checking.
 *
 * ```ts
 * const q = generateQuestion('backprop', 42, 2);
 * const r = checkAnswer(q, '-20', { wrongTries: 0, hintsUsed: 1 });
 * ```
 */
export * from './types.js';
export { generateQuestion, parseTopic, parseDifficulty, parseSeed, isTopicId, TOPICS } from './generate.js';
export { checkAnswer, giveUp, keyText, type CheckResult } from './check.js';
export { scoreFor, freshAttempt, PENALTY, type AttemptState } from './score.js';
export { parseNumberAnswer, parseChoiceAnswer } from './parse-answer.js';
export { withinTolerance, DEFAULT_TOLERANCE } from './tolerance.js';
export { localize, questionText, choiceLetter, type LocalizedQuestion, type LocalizedAnswer } from './localize.js';
