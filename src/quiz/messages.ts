/** Student-facing errors of the quiz module (codes `quiz.*`). */
import { defineMessages } from '../core/errors.js';

export const quizMessages = defineMessages('quiz', {
  unknown_topic: {
    en: 'Unknown quiz topic "{topic}". Topics: {topics}.',
    ru: 'Неизвестная тема «{topic}». Темы: {topics}.',
  },
  bad_difficulty: {
    en: 'Difficulty must be 1, 2 or 3, got "{value}".',
    ru: 'Сложность должна быть 1, 2 или 3, а получено «{value}».',
  },
  bad_seed: {
    en: 'Seed must be a whole number from 0 to 4,294,967,295, got "{value}".',
    ru: 'Seed должен быть целым числом от 0 до 4 294 967 295, а получено «{value}».',
  },
  generation_failed: {
    en: 'Could not generate a verified "{topic}" question for seed {seed}. Try another seed.',
    ru: 'Не удалось построить проверенный вопрос по теме «{topic}» для seed {seed}. Попробуйте другой seed.',
  },
  empty_answer: {
    en: 'The answer is empty. Type a number, a letter or an expression.',
    ru: 'Ответ пуст. Введите число, букву или выражение.',
  },
  answer_too_long: {
    en: 'The answer is {length} {length|character|characters} long; at most {max} are accepted.',
    ru: 'В ответе {length} {length|символ|символа|символов}, а допускается не больше {max} {max|символа|символов|символов}.',
  },
  not_a_number: {
    en: '"{answer}" is not a number. Examples: 0.5, 1/2, 5e-1, -20, 4685824.',
    ru: '«{answer}» — не число. Примеры: 0,5; 0.5; 1/2; 5e-1; −20; 4 685 824.',
  },
  not_a_choice: {
    en: '"{answer}" is not one of the choices. Answer with a letter ({letters}), a number from 1 to {count} (the position in the list) or the text of a choice.',
    ru: '«{answer}» — не один из вариантов. Ответьте буквой ({letters}), номером от 1 до {count} (местом в списке) или текстом варианта.',
  },
  unknown_variable: {
    en: 'The expression uses {names}; only {allowed} may appear in the answer.',
    ru: 'В выражении есть {names}, а в ответе можно использовать только {allowed}.',
  },
  expression_not_finite: {
    en: 'The expression has {what_en} at x = {x}; write it so that it is defined for every real x.',
    ru: 'При x = {x_ru} у выражения {what_ru}; запишите его так, чтобы оно было определено при всех вещественных x.',
  },
});
