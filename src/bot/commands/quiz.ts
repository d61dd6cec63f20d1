/**
 * `/quiz [topic] [difficulty] [id]`: a generated, self-checked question for the caller, in the
 * chat's language. Every question shows its id `topic:seed:difficulty`; `/quiz id:backprop:17:2`
 * (or `/quiz backprop:17:2`) asks exactly that question again. Without an id the seed is drawn
 * from the chat, the user and the time through seedFrom. The chat's settings decide the allowed
 * topics and the default difficulty. Choice questions get buttons, handled here in `actions.pick`.
 */
import { choiceLetter, generateQuestion, parseDifficulty, parseTopic, type Difficulty, type TopicId } from '../../quiz/index.js';
import { DEFAULT_CHAT_SETTINGS, type ChatSettings } from '../../store/types.js';
import type { BotCommand, JsonValue } from '../command.js';
import { askQuestion, PICK_ACTION, type PickData } from '../quiz-play/ask-question.js';
import { keysOf } from '../quiz-play/keys.js';
import { QUIZ_COMMAND_OPTIONS } from '../quiz-play/options.js';
import { drawSeed, looksLikeId, parseQuestionId, pickTopic, questionFromId, type QuestionRef } from '../quiz-play/question-id.js';
import { choiceLabels } from '../quiz-play/question-message.js';
import { submitAnswer } from '../quiz-play/submit-answer.js';
import { playMessages } from '../quiz-play/texts.js';
import type { ParsedOptions } from '../../options/types.js';

/** Which question the options ask for (seed drawn from `seedParts` when no id is given). */
export function requestedQuestion(options: ParsedOptions, settings: ChatSettings, seedParts: Array<string | number>): QuestionRef {
  const id = typeof options.id === 'string' ? options.id.trim() : '';
  const topicArg = typeof options.topic === 'string' ? options.topic.trim() : '';
  // `/quiz backprop 5`: a number in the id's place was meant as the difficulty (it failed the
  // difficulty's choices, so the positional parser passed it on); say what is wrong with it.
  if (/^[+-]?\d+$/.test(id) && options.difficulty === undefined) parseDifficulty(id);
  if (id !== '') return parseQuestionId(id);
  if (topicArg !== '' && looksLikeId(topicArg)) return parseQuestionId(topicArg);
  let difficulty: Difficulty = options.difficulty !== undefined ? parseDifficulty(options.difficulty as number) : settings.defaultDifficulty;
  let topicText = topicArg;
  // `/quiz 3`: a lone number is the difficulty (and `/quiz 5` is told the difficulties).
  if (/^[+-]?\d+$/.test(topicText) && options.difficulty === undefined) {
    difficulty = parseDifficulty(topicText);
    topicText = '';
  }
  const seed = drawSeed(...seedParts);
  const topic: TopicId = topicText === '' ? pickTopic(seed, settings.allowedTopics) : parseTopic(topicText);
  return { topic, seed, difficulty };
}

function isPickData(d: JsonValue): d is { q: string; c: number } {
  return typeof d === 'object' && d !== null && !Array.isArray(d) && typeof d.q === 'string' && typeof d.c === 'number' && Number.isInteger(d.c);
}

export const command: BotCommand = {
  name: 'quiz',
  description: {
    en: 'A quiz question with hints and a worked solution',
    ru: 'Вопрос викторины с подсказками и разбором решения',
  },
  options: QUIZ_COMMAND_OPTIONS,
  examples: ['/quiz', '/quiz backprop', '/quiz backprop 2', '/quiz id:backprop:17:2'],
  async run(ctx) {
    const keys = keysOf(ctx);
    const settings = ctx.services.store.chats.get(keys.chat)?.settings ?? DEFAULT_CHAT_SETTINGS;
    const ref = requestedQuestion(ctx.options, settings, [keys.chat, keys.user, ctx.services.now()]);
    const allowed = settings.allowedTopics;
    if (allowed && !allowed.includes(ref.topic)) throw playMessages.error('topic_not_allowed', { topic: ref.topic, allowed: allowed.join(', ') });
    await askQuestion(ctx, generateQuestion(ref.topic, ref.seed, ref.difficulty));
  },
  actions: {
    async [PICK_ACTION](ctx, data) {
      if (!isPickData(data)) return;
      const pick: PickData = data;
      const q = questionFromId(pick.q);
      const label = choiceLabels(q, ctx.lang)[pick.c];
      if (label === undefined) return;
      await submitAnswer(ctx, {
        // The Latin letter reads the same whatever the chat's language; the label is what is stored.
        text: choiceLetter(pick.c, 'en'),
        recorded: label,
        target: { questionId: pick.q, ...(ctx.message ? { messageId: ctx.message.id } : {}) },
        ...(ctx.message ? { replyTo: ctx.message } : {}),
      });
    },
  },
};
