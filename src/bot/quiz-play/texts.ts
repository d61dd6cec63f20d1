/**
 * What the bot says around a quiz question (how to answer, hints, counting, the solution) in
 * Russian and English. What the quiz says about an answer itself (the feedback, the key) comes
 * from src/quiz/; these are the chat's words around it.
 */
import { defineMessages, type LocalizedText } from '../../core/errors.js';

/** Errors a student can cause with /quiz, /answer, /hint, /giveup (codes `quiz_bot.*`). */
export const playMessages = defineMessages('quiz_bot', {
  topic_not_allowed: {
    en: 'Topic «{topic}» is switched off in this chat. Allowed topics: {allowed}.',
    ru: 'Тема «{topic}» в этом чате отключена. Доступные темы: {allowed}.',
  },
  no_question: {
    en: 'You have no open question. Ask for one with /quiz (e.g. /quiz backprop), or answer a question by replying to its message.',
    ru: 'У вас нет открытого вопроса. Попросите новый командой /quiz (например, /quiz backprop) или ответьте на сообщение с вопросом.',
  },
  empty_answer: {
    en: 'Write the answer after the command: /answer 0.5 (a number), /answer b (a choice) or /answer 2*x (an expression).',
    ru: 'Напишите ответ после команды: /answer 0,5 (число), /answer б (вариант) или /answer 2*x (выражение).',
  },
  picture_missing: {
    en: 'Question {id} cannot be answered without its picture, and the picture could not be drawn ({reason}). Please ask for it again in a minute: /quiz id:{id}',
    ru: 'На вопрос {id} не ответить без картинки, а её не удалось нарисовать ({reason}). Попросите его ещё раз через минуту: /quiz id:{id}',
  },
});

/** Texts shown with a question and after answers. */
export const PLAY = {
  question: { en: 'Question', ru: 'Вопрос' },
  difficulty: { en: 'difficulty {d}', ru: 'сложность {d}' },
  answerChoice: {
    en: 'Press a button, or answer with a letter: /answer {letter}.',
    ru: 'Нажмите кнопку или ответьте буквой: /answer {letter}.',
  },
  answerNumberGroup: {
    en: 'Answer with a number: /answer 0.5, or reply to this message with it.',
    ru: 'Ответ — число: /answer 0,5 или ответом на это сообщение.',
  },
  answerNumberPrivate: {
    en: 'Answer with a number: just send it (e.g. 0.5, 1/2, -20).',
    ru: 'Ответ — число: просто отправьте его (например, 0,5; 1/2; −20).',
  },
  answerExpressionGroup: {
    en: 'Answer with an expression in {vars}: /answer 2*x*cos(x^2), or reply to this message with it.',
    ru: 'Ответ — выражение от {vars}: /answer 2*x*cos(x^2) или ответом на это сообщение.',
  },
  answerExpressionPrivate: {
    en: 'Answer with an expression in {vars}: just send it, e.g. 2*x*cos(x^2).',
    ru: 'Ответ — выражение от {vars}: просто отправьте его, например 2*x*cos(x^2).',
  },
  hintLine: {
    en: '/hint: a hint ({cost}); /giveup: the solution.',
    ru: '/hint — подсказка ({cost}), /giveup — решение.',
  },
  groupRule: {
    en: 'Anyone may answer; each person’s first answer counts.',
    ru: 'Отвечать может любой; засчитывается первый ответ каждого.',
  },
  nextTryCost: {
    en: 'Another try: {cost}. /hint for a hint, /giveup for the solution.',
    ru: 'Следующая попытка: {cost}. /hint — подсказка, /giveup — решение.',
  },
  countedPoints: { en: 'Counted: +{points}.', ru: 'В зачёт: +{points}.' },
  countedReduced: { en: 'Counted: +{points} (hints and earlier tries cost points).', ru: 'В зачёт: +{points} (подсказки и прошлые попытки снижают балл).' },
  correct: { en: 'Correct!', ru: 'Верно!' },
  countedZero: { en: 'Your first answer is counted: {points}.', ru: 'Засчитан ваш первый ответ: {points}.' },
  notCountedNotFirst: {
    en: 'Not counted: only each person’s first answer to a question counts.',
    ru: 'Не в зачёт: засчитывается только первый ответ каждого на вопрос.',
  },
  notCountedClosed: {
    en: 'Not counted: this question is already solved or given up.',
    ru: 'Не в зачёт: этот вопрос уже решён или сдан.',
  },
  howToAnswer: {
    en: 'How to answer: /answer followed by the answer, or reply to the question’s message.',
    ru: 'Как ответить: /answer и ответ или ответом на сообщение с вопросом.',
  },
  hint: { en: 'Hint {k} of {n} ({cost})', ru: 'Подсказка {k} из {n} ({cost})' },
  hintFor: { en: 'Hint {k} of {n} to {id} ({cost})', ru: 'Подсказка {k} из {n} к вопросу {id} ({cost})' },
  scoreNow: { en: 'A correct answer now earns {points}.', ru: 'За верный ответ теперь: {points}.' },
  noMoreHints: {
    en: 'No more hints: all {hints} are shown. /giveup shows the solution.',
    ru: 'Подсказок больше нет: показаны все ({hints}). /giveup покажет решение.',
  },
  alreadyClosed: {
    en: 'The question {id} is already closed. A new one: /quiz',
    ru: 'Вопрос {id} уже закрыт. Новый вопрос: /quiz',
  },
  solution: { en: 'Solution of {id}', ru: 'Решение вопроса {id}' },
  solutionPictures: { en: 'Pictures: steps {steps}.', ru: 'На картинках шаги {steps}.' },
  solutionPicturesMissing: { en: 'Some pictures could not be drawn ({reason}).', ru: 'Часть картинок не удалось нарисовать ({reason}).' },
  gaveUp: { en: 'Given up: 0 points for this question.', ru: 'Вопрос сдан: за него 0 баллов.' },
  nextQuestion: { en: 'Next question: /quiz', ru: 'Следующий вопрос: /quiz' },
} satisfies Record<string, LocalizedText>;
