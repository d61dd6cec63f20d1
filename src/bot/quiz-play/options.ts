/**
 * Options of /quiz, /answer and /round, built on the quiz module's option specs
 * (src/quiz/option-specs.ts) with two changes for the chat:
 * - the topic has no fixed choices here, because `/quiz backprop:17:2` puts a question id in
 *   the topic's place (the handler checks topics itself, with the quiz's own message listing
 *   them; Discord still offers them through autocomplete);
 * - difficulty, count and seconds have no spec default: an absent value takes the chat's
 *   settings (/settings), which a fixed default would hide.
 */
import type { OptionSpec } from '../../options/types.js';
import { QUIZ_DIFFICULTY_OPTION, QUIZ_ID_OPTION, QUIZ_TOPIC_OPTION } from '../../quiz/option-specs.js';
import { ROUND_LIMITS } from '../rounds/limits.js';

function without<K extends keyof OptionSpec>(spec: OptionSpec, ...keys: K[]): OptionSpec {
  const copy: OptionSpec = { ...spec };
  for (const k of keys) delete copy[k];
  return copy;
}

/** `/quiz [topic]`: a topic id, or a whole question id. */
export const QUIZ_TOPIC: OptionSpec = {
  ...without(QUIZ_TOPIC_OPTION, 'choices'),
  max: 40,
  description: {
    en: `${QUIZ_TOPIC_OPTION.description.en}; or a question id such as backprop:17:2`,
    ru: `${QUIZ_TOPIC_OPTION.description.ru}; или id вопроса, например backprop:17:2`,
  },
};

/** Difficulty 1..3; absent: the chat's default difficulty. */
export const QUIZ_DIFFICULTY: OptionSpec = {
  ...without(QUIZ_DIFFICULTY_OPTION, 'default'),
  description: {
    en: `${QUIZ_DIFFICULTY_OPTION.description.en}; default: the chat's setting`,
    ru: `${QUIZ_DIFFICULTY_OPTION.description.ru}; по умолчанию — из настроек чата`,
  },
};

/** `/quiz [topic] [difficulty] [id]`. */
export const QUIZ_COMMAND_OPTIONS: readonly OptionSpec[] = Object.freeze([QUIZ_TOPIC, QUIZ_DIFFICULTY, QUIZ_ID_OPTION]);

/** `/answer [value]`: the rest of the line, spaces included (`/answer 2*x + 1`). */
export const ANSWER_OPTIONS: readonly OptionSpec[] = Object.freeze([
  {
    name: 'value',
    type: 'string',
    rest: true,
    example: '0.5',
    description: {
      en: 'your answer: a number (0.5, 1/2, -20), a letter (a/b/c) or an expression in x',
      ru: 'ваш ответ: число (0,5, 1/2, -20), буква (а/б/в) или выражение от x',
    },
  },
]);

/** Words that stop a running round instead of naming a topic. */
export const STOP_WORDS: ReadonlySet<string> = new Set(['stop', 'стоп', 'end', 'конец']);

/** `/round [topic] [count] [seconds]`. */
export const ROUND_OPTIONS: readonly OptionSpec[] = Object.freeze([
  {
    ...QUIZ_TOPIC,
    description: {
      en: `${QUIZ_TOPIC_OPTION.description.en}; absent: every allowed topic; "stop" ends the running round`,
      ru: `${QUIZ_TOPIC_OPTION.description.ru}; без неё — все разрешённые темы; «stop» останавливает идущий раунд`,
    },
  },
  {
    name: 'count',
    type: 'integer',
    min: ROUND_LIMITS.count.min,
    max: ROUND_LIMITS.count.max,
    example: '5',
    description: {
      en: `questions in the round, ${ROUND_LIMITS.count.min} to ${ROUND_LIMITS.count.max}; default: the chat's setting`,
      ru: `вопросов в раунде, от ${ROUND_LIMITS.count.min} до ${ROUND_LIMITS.count.max}; по умолчанию — из настроек чата`,
    },
  },
  {
    name: 'seconds',
    type: 'integer',
    min: ROUND_LIMITS.seconds.min,
    max: ROUND_LIMITS.seconds.max,
    example: '30',
    description: {
      en: `seconds per question, ${ROUND_LIMITS.seconds.min} to ${ROUND_LIMITS.seconds.max}; default: the chat's setting`,
      ru: `секунд на вопрос, от ${ROUND_LIMITS.seconds.min} до ${ROUND_LIMITS.seconds.max}; по умолчанию — из настроек чата`,
    },
  },
]);
