/** What a round says, in Russian and English (plural forms through ../quiz-play/numbers.ts). */
import type { LocalizedText } from '../../core/errors.js';

export const ROUND = {
  privateRefused: {
    en: 'A round is a game for a group: add me to your class chat and start /round there. Here you can practise with /quiz.',
    ru: 'Раунд — игра для группы: добавьте меня в чат класса и запустите /round там. А здесь можно тренироваться с /quiz.',
  },
  alreadyRunning: {
    en: 'A round is already running here ({topic}, question {index} of {count}, started by {name}). A new one can start when it ends; its starter or an admin can stop it with /round stop.',
    ru: 'Здесь уже идёт раунд ({topic}, вопрос {index} из {count}, начал(а) {name}). Новый можно начать, когда он закончится; остановить его может тот, кто начал, или админ: /round stop.',
  },
  nothingToStop: { en: 'No round is running here. Start one with /round backprop 5 30.', ru: 'Сейчас раунда нет. Начать: /round backprop 5 30.' },
  stopNotAllowed: {
    en: 'Only {name}, who started the round, or a group admin can stop it.',
    ru: 'Остановить раунд может только тот, кто его начал ({name}), или админ группы.',
  },
  intro: {
    en: '🎯 Round: {questions}, {seconds} each. {topic}. Each person’s first answer counts.',
    ru: '🎯 Раунд: {questions}, на каждый — {seconds}. {topic}. Засчитывается первый ответ каждого.',
  },
  topicOne: { en: 'Topic: {topic}', ru: 'Тема: {topic}' },
  topicMixed: { en: 'Topics: mixed', ru: 'Темы: вперемешку' },
  mixed: { en: 'mixed topics', ru: 'темы вперемешку' },
  questionOf: { en: 'Question {index} of {count} · {seconds}', ru: 'Вопрос {index} из {count} · {seconds}' },
  answerButtons: { en: 'Answer with the buttons.', ru: 'Отвечайте кнопками.' },
  answerTyped: {
    en: 'Answer with /answer followed by the answer, or reply to this message.',
    ru: 'Отвечайте: /answer и ответ или ответом на это сообщение.',
  },
  closedNote: { en: '⏱ Time is up.', ru: '⏱ Время вышло.' },
  stoppedNote: { en: '⏹ The round was stopped.', ru: '⏹ Раунд остановлен.' },
  answeredSoFar: { en: 'Answers so far: {n}', ru: 'Ответов пока: {n}' },
  closedTitle: { en: '⏱ Question {index} of {count}: time is up.', ru: '⏱ Вопрос {index} из {count}: время вышло.' },
  answerWas: { en: 'Answer: {key}', ru: 'Ответ: {key}' },
  rightOf: { en: 'Right: {right} of {answered}.', ru: 'Верно ответили: {right} из {answered}.' },
  nobody: { en: 'Nobody answered.', ru: 'Никто не ответил.' },
  scoreTitle: { en: 'Score:', ru: 'Счёт:' },
  finalTitle: { en: '🏁 The round is over: {questions}.', ru: '🏁 Раунд окончен: {questions}.' },
  stoppedTitle: { en: '🛑 The round was stopped at question {index} of {count}.', ru: '🛑 Раунд остановлен на вопросе {index} из {count}.' },
  stoppedBeforeStart: { en: '🛑 The round was stopped before its first question.', ru: '🛑 Раунд остановлен до первого вопроса.' },
  stoppedShutdown: {
    en: 'The bot is restarting; the scores so far are kept.',
    ru: 'Бот перезапускается; набранные баллы сохранены.',
  },
  stoppedError: {
    en: 'A question could not be sent, so the round ends here; the scores so far are kept.',
    ru: 'Не удалось отправить вопрос, поэтому раунд закончен; набранные баллы сохранены.',
  },
  stoppedBy: { en: 'Stopped by {name}; the scores so far are kept.', ru: 'Остановил(а) {name}; набранные баллы сохранены.' },
  interruptedAnswer: { en: 'Answer to question {index}: {key}', ru: 'Ответ на вопрос {index}: {key}' },
  noScores: { en: 'Nobody scored.', ru: 'Баллов никто не набрал.' },
  leaderboardLine: { en: 'The points are on the chat’s /leaderboard.', ru: 'Баллы добавлены в таблицу чата: /leaderboard' },
  skipped: {
    en: 'Question {index} of {count} is skipped: its picture could not be drawn ({reason}).',
    ru: 'Вопрос {index} из {count} пропущен: не удалось нарисовать картинку ({reason}).',
  },
  late: { en: 'Time for this question is up; your answer is not counted.', ru: 'Время на этот вопрос вышло, ответ не засчитан.' },
  duplicate: {
    en: 'You have answered this question already; only your first answer counts.',
    ru: 'Вы уже ответили на этот вопрос; засчитывается только первый ответ.',
  },
  noHints: {
    en: 'A round question has no hints: its answer comes when time is up.',
    ru: 'У вопросов раунда нет подсказок: ответ покажу, когда выйдет время.',
  },
  noGiveUp: {
    en: 'A round question cannot be given up: its answer comes when time is up.',
    ru: 'Вопрос раунда нельзя сдать: ответ покажу, когда выйдет время.',
  },
  roundRight: { en: 'Right! +{points}', ru: 'Верно! +{points}' },
  roundWrong: { en: 'Not right. The answer comes when time is up.', ru: 'Неверно. Ответ покажу, когда выйдет время.' },
} satisfies Record<string, LocalizedText>;
