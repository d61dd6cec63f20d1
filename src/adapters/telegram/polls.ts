/**
 * Native quiz polls for round questions. A poll is sent non-anonymous (so Telegram reports each
 * vote as a `poll_answer` with its user), `type: quiz` with the correct option, `open_period` =
 * the question's seconds, and results hidden until it closes, so nobody copies the crowd.
 *
 * One message per question: the poll itself carries the question's picture (`media`) and the
 * lines around the question (`description`, 1,024 characters, HTML: the round's intro, "question
 * 2 of 5", the question id), which newer Bot API versions (grammY 1.46's types) offer. The poll's
 * own question is plain text of at most 300 characters; a question cut to fit keeps its whole
 * text in the description. Together with the scoreboard that is
 * two messages per question, inside Telegram's ~20 messages a minute per group.
 *
 * The registry maps a poll id back to its chat and to the bot's action id per option, since a
 * `poll_answer` names only the poll and the chosen option indices.
 */
import { InputFile } from 'grammy';
import type { InputMediaPhoto } from 'grammy/types';
import { spanText, toPlainText, truncateRichText } from '../../bot/rich-text.js';
import type { ChatRef, OutMessage, QuizPollHint, RichText, Span } from '../../bot/types.js';
import { BoundedMap } from './bounded-map.js';
import { cutPlain, neutraliseRichText, spansToHtml } from './html.js';

/** Telegram's quiz poll limits. */
export const POLL_LIMITS = { question: 300, option: 100, minOptions: 2, maxOptions: 12, explanation: 200, explanationLineFeeds: 2, description: 1024, minOpen: 5, maxOpen: 2_628_000 } as const;

/** What the door keeps per open poll. */
export interface OpenPoll {
  chat: ChatRef;
  messageId: number;
  optionActionIds: readonly string[];
}

/** Open polls by poll id, forgotten a minute after they close. */
export class PollRegistry {
  private readonly polls = new BoundedMap<string, OpenPoll>(10_000);

  add(pollId: string, poll: OpenPoll, openSeconds: number): void {
    this.polls.set(pollId, poll, (openSeconds + 60) * 1000);
  }

  get(pollId: string): OpenPoll | undefined {
    return this.polls.get(pollId);
  }

  delete(pollId: string): void {
    this.polls.delete(pollId);
  }

  forgetChat(chatId: string): void {
    this.polls.deleteWhere((id) => this.polls.get(id)?.chat.id === chatId);
  }
}

/** True when a hint can be a Telegram quiz poll (2-12 options, the correct one among them). */
export function fitsQuizPoll(hint: QuizPollHint): boolean {
  return (
    hint.options.length >= POLL_LIMITS.minOptions &&
    hint.options.length <= POLL_LIMITS.maxOptions &&
    hint.optionActionIds.length === hint.options.length &&
    Number.isInteger(hint.correctIndex) &&
    hint.correctIndex >= 0 &&
    hint.correctIndex < hint.options.length
  );
}

/** An explanation within 200 characters and at most two line feeds. */
export function pollExplanation(text: string): string {
  const lines = text.split('\n');
  const joined = lines.length > POLL_LIMITS.explanationLineFeeds + 1 ? [...lines.slice(0, POLL_LIMITS.explanationLineFeeds), lines.slice(POLL_LIMITS.explanationLineFeeds).join(' ')].join('\n') : text;
  return cutPlain(joined, POLL_LIMITS.explanation);
}

/** The first `end` UTF-16 units of rich text, styles kept. */
function headOf(rt: RichText, end: number): RichText {
  const out: RichText = [];
  let left = end;
  for (const span of rt) {
    if (left <= 0) break;
    const text = spanText(span);
    const piece = text.slice(0, left);
    left -= piece.length;
    if (piece === '') continue;
    if (typeof span === 'string') out.push(piece);
    else if ('bold' in span) out.push({ bold: piece });
    else if ('italic' in span) out.push({ italic: piece });
    else if ('code' in span) out.push({ code: piece });
    else out.push({ pre: piece });
  }
  // Drop the blank lines that led up to the cut.
  while (out.length > 0) {
    const last = out[out.length - 1] as Span;
    const trimmed = spanText(last).trimEnd();
    if (trimmed !== '') {
      if (typeof last === 'string') out[out.length - 1] = trimmed;
      break;
    }
    out.pop();
  }
  return out;
}

/**
 * The poll's description: the message text up to where the question itself begins (the round's
 * intro, "question 2 of 5", the question id), since the poll already shows the question and its
 * options; the whole text when the question is not found there (or was cut to fit the poll).
 */
export function pollDescription(text: RichText, question: string): RichText {
  const probe = question.trim().slice(0, 60);
  if (probe.length < 10 || question.endsWith('…')) return text;
  const at = toPlainText(text).indexOf(probe);
  return at < 0 ? text : headOf(text, at);
}

/** The sendPoll arguments for a question message carrying a poll hint. */
export function pollPayload(msg: OutMessage & { poll: QuizPollHint }) {
  const hint = msg.poll;
  const question = cutPlain(hint.question.replace(/\s+/g, ' ').trim() || '?', POLL_LIMITS.question);
  const options = hint.options.map((o) => ({ text: cutPlain(o.replace(/\s+/g, ' ').trim() || '—', POLL_LIMITS.option) }));
  const other: {
    is_anonymous: false;
    type: 'quiz';
    correct_option_ids: number[];
    open_period: number;
    hide_results_until_closes: true;
    explanation?: string;
    description?: string;
    description_parse_mode?: 'HTML';
    media?: InputMediaPhoto;
  } = {
    is_anonymous: false,
    type: 'quiz',
    correct_option_ids: [hint.correctIndex],
    open_period: Math.min(POLL_LIMITS.maxOpen, Math.max(POLL_LIMITS.minOpen, Math.round(hint.openSeconds))),
    hide_results_until_closes: true,
  };
  if (hint.explanation !== undefined && hint.explanation.trim() !== '') other.explanation = pollExplanation(hint.explanation);
  const description = pollDescription(neutraliseRichText(msg.text), question);
  if (description.length > 0) {
    other.description = spansToHtml(truncateRichText(description, POLL_LIMITS.description));
    other.description_parse_mode = 'HTML';
  }
  const [image] = msg.images ?? [];
  if (image !== undefined) other.media = { type: 'photo', media: new InputFile(image.png, image.name) };
  return { question, options, other };
}
