/**
 * The options of a quiz question (`/quiz`, `/round`, `gradbot quiz`) as data. Topic choices
 * and their labels come from the topic registry, so a new topic shows up everywhere.
 */
import type { OptionSpec } from '../options/types.js';
import { TOPICS } from './generate.js';
import { TOPIC_IDS } from './types.js';

/** The topic of the question. */
export const QUIZ_TOPIC_OPTION: OptionSpec = {
  name: 'topic',
  type: 'string',
  choices: TOPIC_IDS.map((id) => ({ value: id, label: TOPICS[id].title })),
  autocomplete: 'topics',
  example: 'backprop',
  description: {
    en: `topic of the question: ${TOPIC_IDS.join(', ')}`,
    ru: `тема вопроса: ${TOPIC_IDS.join(', ')}`,
  },
};

/** 1 = warm-up, 2 = lecture level, 3 = exam level. */
export const QUIZ_DIFFICULTY_OPTION: OptionSpec = {
  name: 'difficulty',
  type: 'integer',
  min: 1,
  max: 3,
  default: 2,
  choices: [
    { value: 1, label: { en: '1: warm-up', ru: '1: разминка' } },
    { value: 2, label: { en: '2: lecture level', ru: '2: уровень лекции' } },
    { value: 3, label: { en: '3: exam level', ru: '3: уровень экзамена' } },
  ],
  description: {
    en: 'difficulty: 1 (warm-up), 2 (lecture level) or 3 (exam level)',
    ru: 'сложность: 1 (разминка), 2 (уровень лекции) или 3 (уровень экзамена)',
  },
};

/** The seed of the question; the same topic, seed and difficulty give the same question. */
export const QUIZ_SEED_OPTION: OptionSpec = {
  name: 'seed',
  type: 'integer',
  min: 0,
  max: 0xffffffff,
  description: {
    en: 'seed of the question (a whole number from 0 to 4294967295); without it one is drawn and shown',
    ru: 'seed вопроса (целое число от 0 до 4294967295); без него выбирается случайно и показывается',
  },
};

/** A question's id `topic:seed:difficulty` (e.g. `backprop:17:2`): asks exactly that question. */
export const QUIZ_ID_OPTION: OptionSpec = {
  name: 'id',
  type: 'string',
  max: 40,
  example: 'backprop:17:2',
  description: {
    en: 'the id of a question, topic:seed:difficulty, to ask exactly that question again',
    ru: 'id вопроса в виде тема:seed:сложность, чтобы задать ровно этот вопрос ещё раз',
  },
};

/** Topic, difficulty and seed, in the order help texts list them. */
export const QUIZ_OPTIONS: readonly OptionSpec[] = Object.freeze([QUIZ_TOPIC_OPTION, QUIZ_DIFFICULTY_OPTION, QUIZ_SEED_OPTION]);
