/**
 * Question ids (`topic:seed:difficulty`, e.g. `backprop:17:2`) as the bot reads them, and the
 * seeds the bot draws when none is given: derived from the chat, the user, the time and a
 * counter through `seedFrom` (never an unseeded random), so a logged request can be replayed.
 */
import { defineMessages, truncateQuote } from '../../core/errors.js';
import { Rng, seedFrom } from '../../core/rng.js';
import { generateQuestion, parseDifficulty, parseSeed, parseTopic, TOPIC_IDS, type Difficulty, type Question, type TopicId } from '../../quiz/index.js';

export const idMessages = defineMessages('quiz_id', {
  bad_id: {
    en: '«{value}» is not a question id. An id looks like backprop:17:2 (topic:seed:difficulty), as shown in the first line of every question.',
    ru: '«{value}» — не id вопроса. Id выглядит так: backprop:17:2 (тема:seed:сложность), он стоит в первой строке каждого вопроса.',
  },
});

/** What a question id names. */
export interface QuestionRef {
  topic: TopicId;
  seed: number;
  difficulty: Difficulty;
}

const ID_SHAPE = /^([^:\s]+):([^:\s]+):([^:\s]+)$/;

/** Does the text look like an id (three parts joined by colons)? Used to tell `/quiz backprop:17:2` from a topic. */
export function looksLikeId(s: string): boolean {
  return ID_SHAPE.test(s.trim());
}

/**
 * Reads `topic:seed:difficulty` (an optional `id:` prefix is dropped). Throws a UserInputError
 * naming the part that is wrong (the quiz module's own messages for topic, seed, difficulty).
 */
export function parseQuestionId(raw: string): QuestionRef {
  const s = raw.trim().replace(/^id[:=]/i, '');
  const m = ID_SHAPE.exec(s);
  if (!m) throw idMessages.error('bad_id', { value: truncateQuote(s, 40) });
  return { topic: parseTopic(m[1] as string), seed: parseSeed(m[2] as string), difficulty: parseDifficulty(m[3] as string) };
}

/** The id of a question reference. */
export function formatQuestionId(r: QuestionRef): string {
  return `${r.topic}:${r.seed}:${r.difficulty}`;
}

/** Regenerates the question an id names (pure: the same id, the same question). */
export function questionFromId(id: string): Question {
  const r = parseQuestionId(id);
  return generateQuestion(r.topic, r.seed, r.difficulty);
}

let drawn = 0;

/**
 * A fresh seed for a question nobody asked by id: a hash of the parts the caller gives (who
 * asks, where, when: `services.now()`) and a counter, so two requests in the same millisecond
 * still differ. In [0, 2^32).
 */
export function drawSeed(...parts: Array<string | number>): number {
  return seedFrom('quiz-bot', ...parts, drawn++) >>> 0;
}

/** A topic from `allowed` (or all topics), chosen by the seed. */
export function pickTopic(seed: number, allowed: readonly string[] | null): TopicId {
  const pool = (allowed ?? TOPIC_IDS).filter((t): t is TopicId => (TOPIC_IDS as readonly string[]).includes(t));
  const list = pool.length > 0 ? pool : [...TOPIC_IDS];
  return new Rng(`topic:${seed}`).choice(list);
}
