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
 * The question as plain text: head, question (with lettered choices), the picture's file if
 * any, and how to answer.
 */
export function questionPlainText(q: Question, lang: Lang, options: { image?: string | undefined; answerHint?: string } = {}): string {
  const lines = [questionHead(q, lang), '', questionText(q, lang)];
  if (options.image) lines.push('', questionPictureLine(options.image, lang));
  lines.push('', options.answerHint ?? cliAnswerHint(q, lang));
  return lines.join('\n');
}

/** The feedback on a checked answer; a wrong one also shows its score. */
export function checkResultLine(r: Pick<CheckResult, 'correct' | 'score' | 'feedback'>, lang: Lang): string {
  return `${r.feedback[lang]}${r.correct ? '' : lang === 'ru' ? ` (балл ${r.score})` : ` (score ${r.score})`}`;
}

/** The topics with their titles in the chat's language. */
export function topicList(lang: Lang): Array<{ id: TopicId; title: string }> {
  return TOPIC_IDS.map((id) => ({ id, title: TOPICS[id].title[lang] }));
}

/** One line per topic: the id, then its title. */
export function topicListLines(lang: Lang): string[] {
  return topicList(lang).map((t) => `${t.id.padEnd(12)} ${t.title}`);
}
