/**
 * A quiz question as a chat message: its id (`backprop:17:2`) in every message, the text with
 * its choices, how to answer it here, its picture, and one button per choice. The buttons
 * carry opaque action ids only; which choice is right stays server-side (the question is
 * regenerated from its id when a button is pressed).
 */
import { truncateQuote, type Lang } from '../../core/errors.js';
import { choiceLetter, PENALTY, questionText, TOPICS, type Question } from '../../quiz/index.js';
import { say } from '../features/say.js';
import { b, code } from '../rich-text.js';
import type { Button, ChatKind, Image, OutMessage, RichText } from '../types.js';
import { cost } from './numbers.js';
import { PLAY } from './texts.js';

/** Longest button label; the whole choice is in the message text anyway. */
export const MAX_BUTTON_LABEL = 60;

/** `Вопрос backprop:17:2 · сложность 2 · <topic>` as rich text. */
export function questionHeader(q: Question, lang: Lang): RichText {
  return [b(`${PLAY.question[lang]} `), code(q.id), ` · ${say(lang, PLAY.difficulty, { d: q.difficulty })} · ${TOPICS[q.topic].title[lang]}`];
}

/** The labels of a choice question's options: `б) tanh`. Empty for other questions. */
export function choiceLabels(q: Question, lang: Lang): string[] {
  if (q.answer.kind !== 'choice') return [];
  return q.answer.choices.map((c, i) => `${choiceLetter(i, lang)}) ${c[lang]}`);
}

/**
 * Buttons for a choice question: short labels side by side, long ones one per row (a phone
 * screen fits three short buttons in a row).
 */
export function choiceButtons(q: Question, lang: Lang, actionFor: (choice: number) => string): Button[][] {
  const labels = choiceLabels(q, lang).map((l) => truncateQuote(l, MAX_BUTTON_LABEL));
  const buttons = labels.map((label, i) => ({ id: actionFor(i), label }));
  if (buttons.length === 0) return [];
  const short = labels.every((l) => Array.from(l).length <= 14) && buttons.length <= 4;
  return short ? [buttons] : buttons.map((x) => [x]);
}

/** How to answer this question in this kind of chat. */
export function howToAnswer(q: Question, lang: Lang, kind: ChatKind): string {
  const a = q.answer;
  if (a.kind === 'choice') return say(lang, PLAY.answerChoice, { letter: choiceLetter(Math.min(1, a.choices.length - 1), lang) });
  if (a.kind === 'number') return (kind === 'private' ? PLAY.answerNumberPrivate : PLAY.answerNumberGroup)[lang];
  return say(lang, kind === 'private' ? PLAY.answerExpressionPrivate : PLAY.answerExpressionGroup, { vars: a.variables.join(', ') });
}

/** Everything a /quiz question message needs. */
export interface QuestionMessageParts {
  q: Question;
  lang: Lang;
  kind: ChatKind;
  images: Image[];
  /** Action id for choice i (choice questions only). */
  actionFor?: (choice: number) => string;
}

/** The message that asks a /quiz question. */
export function questionMessage(p: QuestionMessageParts): OutMessage {
  const { q, lang, kind } = p;
  const lines: RichText = [
    ...questionHeader(q, lang),
    '\n\n',
    questionText(q, lang),
    '\n\n',
    howToAnswer(q, lang, kind),
    '\n',
    say(lang, PLAY.hintLine, { cost: cost(lang, PENALTY.hint) }),
  ];
  if (kind === 'group') lines.push('\n', PLAY.groupRule[lang]);
  const msg: OutMessage = { text: lines };
  if (p.images.length > 0) msg.images = p.images;
  if (p.actionFor && q.answer.kind === 'choice') msg.buttons = choiceButtons(q, lang, p.actionFor);
  return msg;
}

/** The same message once the question is closed: no buttons, so nobody presses into the void. */
export function closedQuestionMessage(q: Question, lang: Lang, note: string): OutMessage {
  return { text: [...questionHeader(q, lang), '\n\n', questionText(q, lang), '\n\n', b(note)] };
}
