/**
 * `generateQuestion(topic, seed, difficulty)`: the one entry point that makes questions.
 * Pure: the same inputs give the same question. Each draft is verified by its topic's second
 * computation path before it is returned; an unfriendly or unverified draft is redrawn with a
 * seed derived from the original one, so the result is still a function of the inputs.
 */
import { Rng } from '../core/rng.js';
import type { Difficulty, Question, QuestionDraft, TopicGenerator, TopicId } from './types.js';
import { TOPIC_IDS } from './types.js';
import { quizMessages } from './messages.js';
import { looksNumbered } from './parse-answer.js';
import { TOPIC_LIST } from './topics/registry.js';

/** All topics by id, derived from the topic list (topics/registry.ts). */
export const TOPICS: Readonly<Record<TopicId, TopicGenerator>> = Object.fromEntries(TOPIC_LIST.map((topic) => [topic.id, topic])) as Record<TopicId, TopicGenerator>;

/** How many derived seeds a generator may try before giving up (never reached in the tests). */
export const MAX_ATTEMPTS = 200;

/** True for one of the topic ids. */
export function isTopicId(s: string): s is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(s);
}

/** The topic id, or a UserInputError listing the topics. */
export function parseTopic(s: string): TopicId {
  const id = s.trim().toLowerCase();
  if (!isTopicId(id)) throw quizMessages.error('unknown_topic', { topic: s, topics: TOPIC_IDS.join(', ') });
  return id;
}

/** The difficulty, or a UserInputError. */
export function parseDifficulty(v: number | string): Difficulty {
  const n = Number(v);
  if (n === 1 || n === 2 || n === 3) return n;
  throw quizMessages.error('bad_difficulty', { value: String(v) });
}

/** A seed: a whole number in [0, 2^32). */
export function parseSeed(v: number | string): number {
  const n = typeof v === 'number' ? v : Number(String(v).trim());
  if (String(v).trim() === '' || !Number.isInteger(n) || n < 0 || n > 0xffffffff) throw quizMessages.error('bad_seed', { value: String(v) });
  return n;
}

/** Shape checks every question must pass whatever its topic. */
function wellFormed(d: QuestionDraft): boolean {
  const texts = [d.text, ...d.hints, ...d.solution.map((s) => s.text), ...d.mistakes.map((m) => m.feedback)];
  if (d.hints.length < 2 || d.hints.length > 3 || d.solution.length === 0) return false;
  if (!texts.every((x) => x.en.trim() !== '' && x.ru.trim() !== '')) return false;
  if (d.answer.kind === 'number') return Number.isFinite(d.answer.value);
  if (d.answer.kind === 'choice') {
    const choices = d.answer.choices;
    // a bare number always means the position, so no choice may look like one ("Class 2")
    if (choices.some((c) => looksNumbered(c.en) || looksNumbered(c.ru))) return false;
    return d.answer.value >= 0 && d.answer.value < choices.length && new Set(choices.map((c) => c.en)).size === choices.length;
  }
  return d.answer.value.trim() !== '';
}

/**
 * Generates a verified question. Throws a UserInputError for a bad topic/difficulty/seed, and
 * `quiz.generation_failed` if no verified draft was found (a bug, reported as such).
 */
export function generateQuestion(topic: TopicId | string, seed: number, difficulty: Difficulty | number = 2): Question {
  const id = parseTopic(topic);
  const d = parseDifficulty(difficulty);
  const s = parseSeed(seed);
  const gen = TOPICS[id];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const rng = new Rng(attempt === 0 ? `${id}:${s}:${d}` : `${id}:${s}:${d}:retry${attempt}`);
    const draft = gen.generate(rng, d);
    if (draft === null || !wellFormed(draft) || !gen.verify(draft)) continue;
    return { id: `${id}:${s}:${d}`, topic: id, seed: s, difficulty: d, ...draft };
  }
  throw quizMessages.error('generation_failed', { topic: id, seed: s });
}
