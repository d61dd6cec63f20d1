/**
 * What a quiz question says as plain text, in Russian or English: the head with the
 * question's id (`topic:seed:difficulty`, e.g. `backprop:17:2`), the question itself, and how
 * to answer it; the line after a checked answer; the topic list. Pure (question + language ->
 * text), so the CLI and every chat door say the same thing.
 */
import type { Lang } from '../core/errors.js';
import type { CheckResult } from './check.js';
import { TOPICS } from './generate.js';
import { questionText } from './localize.js';
import { num } from './format.js';
import { TOPIC_IDS, type Question, type TopicId } from './types.js';

/** "Question backprop:17:2 (difficulty 2)". */
export function questionHead(q: Question, lang: Lang): string {
  return lang === 'ru' ? `Вопрос ${q.id} (сложность ${q.difficulty})` : `Question ${q.id} (difficulty ${q.difficulty})`;
}

/** "Picture: <path>", for a question whose picture was saved to a file. */
export function questionPictureLine(path: string, lang: Lang): string {
  return lang === 'ru' ? `Картинка: ${path}` : `Picture: ${path}`;
}

/** How to answer on the command line: the `gradbot quiz check` call for this question. */
export function cliAnswerHint(q: Question, lang: Lang): string {
  return lang === 'ru'
    ? `Ответ: gradbot quiz check ${q.topic} --seed ${q.seed} --difficulty ${q.difficulty} --answer "..."`
    : `Answer: gradbot quiz check ${q.topic} --seed ${q.seed} --difficulty ${q.difficulty} --answer "..."`;
}

/**
 * "This question needs its picture", for a question shown without it: what the picture holds
 * (a backprop graph's forward values, the anonymous chart of "which function is this?") is part
 * of the question; undefined when there is no picture or it only illustrates. `cli`: say how to
 * draw it (`--image`).
 */
export function pictureNeededLine(q: Question, lang: Lang, cli = true): string | undefined {
  const p = q.picture;
  // a plot of a named function only illustrates a question that gives the formula
  if (!p || (p.kind === 'plot' && !p.anonymous)) return undefined;
  const what =
    p.kind === 'graph'
      ? { en: 'the computation graph with its forward values', ru: 'граф вычислений со значениями прямого прохода' }
      : { en: 'the chart of the unknown function', ru: 'график неизвестной функции' };
  const how = cli
    ? { en: ` Run the same command with --image question.png to draw it.`, ru: ` Запустите ту же команду с --image question.png, чтобы её нарисовать.` }
    : { en: '', ru: '' };
  return lang === 'ru' ? `Для этого вопроса нужна картинка: ${what.ru}.${how.ru}` : `This question needs its picture: ${what.en}.${how.en}`;
}

/**
 * The question as plain text: head, question (with lettered choices), the picture's file if
 * any (or, when the question has a picture that is not shown, a note that it needs it), and
 * how to answer. A chat door that sends the picture with the text passes `pictureShown`.
 */
export function questionPlainText(q: Question, lang: Lang, options: { image?: string | undefined; answerHint?: string; pictureShown?: boolean } = {}): string {
  const lines = [questionHead(q, lang), '', questionText(q, lang)];
  if (options.image) lines.push('', questionPictureLine(options.image, lang));
  else if (!options.pictureShown) {
    const note = pictureNeededLine(q, lang, options.answerHint === undefined);
    if (note) lines.push('', note);
  }
  lines.push('', options.answerHint ?? cliAnswerHint(q, lang));
  return lines.join('\n');
}

/** The feedback on a checked answer; a wrong one also shows its score. */
export function checkResultLine(r: Pick<CheckResult, 'correct' | 'score' | 'feedback'>, lang: Lang): string {
  return `${r.feedback[lang]}${r.correct ? '' : lang === 'ru' ? ` (балл ${num(r.score, 'ru')})` : ` (score ${num(r.score, 'en')})`}`;
}

/** The topics with their titles in the chat's language. */
export function topicList(lang: Lang): Array<{ id: TopicId; title: string }> {
  return TOPIC_IDS.map((id) => ({ id, title: TOPICS[id].title[lang] }));
}

/** One line per topic: the id, then its title. */
export function topicListLines(lang: Lang): string[] {
  return topicList(lang).map((t) => `${t.id.padEnd(12)} ${t.title}`);
}
