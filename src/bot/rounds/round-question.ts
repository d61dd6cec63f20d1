/**
 * A round's question as a message: the same question for everybody, its id, the time, how to
 * answer, the picture, and for choice questions the buttons plus a native quiz-poll hint
 * (Telegram shows a `type: quiz` poll with `open_period` = the round's seconds).
 */
import { truncateQuote, type Lang } from '../../core/errors.js';
import { keyText, questionText, type Question } from '../../quiz/index.js';
import { say } from '../features/say.js';
import { countOf } from '../quiz-play/numbers.js';
import { choiceButtons, questionHeader } from '../quiz-play/question-message.js';
import { b } from '../rich-text.js';
import type { Image, OutMessage, QuizPollHint, RichText } from '../types.js';
import { ROUND } from './round-texts.js';

/** Telegram's limits for quiz polls (see TESTING-BOTS.md). */
export const POLL_LIMITS = { question: 300, option: 100, explanation: 200 } as const;

/** Where a round question sits in its round. */
export interface RoundSlot {
  index: number;
  count: number;
  seconds: number;
  /** The round's intro line, on the first question only (one message fewer). */
  intro?: string;
}

/** A one-line text (explanations allow at most 2 line feeds on Telegram). */
function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/** The poll hint for a choice question, or undefined for other kinds. */
export function pollHint(q: Question, lang: Lang, optionActionIds: string[], seconds: number): QuizPollHint | undefined {
  const a = q.answer;
  if (a.kind !== 'choice') return undefined;
  const hint: QuizPollHint = {
    question: truncateQuote(oneLine(q.text[lang]), POLL_LIMITS.question),
    options: a.choices.map((c) => truncateQuote(oneLine(c[lang]), POLL_LIMITS.option)),
    optionActionIds,
    correctIndex: a.value,
    openSeconds: seconds,
  };
  const first = q.solution[0]?.text[lang];
  if (first !== undefined && first.trim() !== '') hint.explanation = truncateQuote(oneLine(first), POLL_LIMITS.explanation);
  return hint;
}

/** The round question's message. `actionFor(i)` gives choice i's action id. */
export function roundQuestionMessage(q: Question, lang: Lang, slot: RoundSlot, images: Image[], actionFor: (choice: number) => string): OutMessage {
  const text: RichText = [];
  if (slot.intro) text.push(slot.intro, '\n\n');
  text.push(
    b(say(lang, ROUND.questionOf, { index: slot.index + 1, count: slot.count, seconds: countOf(lang, slot.seconds, 'second') })),
    '\n',
    ...questionHeader(q, lang),
    '\n\n',
    questionText(q, lang),
    '\n\n',
    q.answer.kind === 'choice' ? ROUND.answerButtons[lang] : ROUND.answerTyped[lang],
  );
  const msg: OutMessage = { text };
  if (images.length > 0) msg.images = images;
  if (q.answer.kind === 'choice') {
    const ids = q.answer.choices.map((_, i) => actionFor(i));
    msg.buttons = choiceButtons(q, lang, (i) => ids[i] as string);
    const poll = pollHint(q, lang, ids, slot.seconds);
    if (poll) msg.poll = poll;
  }
  return msg;
}

/** The key of a question as the closing message shows it. */
export function roundKey(q: Question, lang: Lang): string {
  return keyText(q)[lang];
}
