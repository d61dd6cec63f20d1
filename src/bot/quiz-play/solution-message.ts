/**
 * The worked solution of a question as one message: the steps numbered, and a few of their
 * pictures drawn in the pool (see ./pictures.ts). Sent after a correct answer or /giveup.
 */
import type { Lang } from '../../core/errors.js';
import type { Question } from '../../quiz/index.js';
import { say } from '../features/say.js';
import { b } from '../rich-text.js';
import type { BotServices } from '../services.js';
import type { MessageRef, OutMessage, RichText } from '../types.js';
import { drawSolutionPictures } from './pictures.js';
import { PLAY } from './texts.js';

/** The solution's text (without pictures): a title line and the numbered steps. */
export function solutionText(q: Question, lang: Lang, lead: RichText = []): RichText {
  const steps = q.solution.map((s, i) => `${i + 1}. ${s.text[lang]}`).join('\n');
  const out: RichText = [...lead];
  if (lead.length > 0) out.push('\n\n');
  out.push(b(say(lang, PLAY.solution, { id: q.id })), '\n', steps);
  return out;
}

/**
 * The solution message with its pictures. `lead` goes first (the given-up key, say); a picture
 * that could not be drawn is named in the text instead of failing the reply.
 */
export async function solutionMessage(services: BotServices, q: Question, lang: Lang, opts: { lead?: RichText; replyTo?: MessageRef; signal?: AbortSignal } = {}): Promise<OutMessage> {
  const text = solutionText(q, lang, opts.lead ?? []);
  const drawn = await drawSolutionPictures(services, q, lang, opts.signal);
  if (drawn.images.length > 0) {
    text.push('\n\n', say(lang, PLAY.solutionPictures, { steps: (drawn.steps ?? []).join(', ') }));
  }
  if (drawn.failure !== undefined) text.push('\n', say(lang, PLAY.solutionPicturesMissing, { reason: drawn.failure }));
  const msg: OutMessage = { text };
  if (drawn.images.length > 0) msg.images = drawn.images;
  if (opts.replyTo) msg.replyTo = opts.replyTo;
  return msg;
}
