/**
 * `/round [topic] [count] [seconds]`: a timed round in a group chat (see
 * ../rounds/round-manager.ts). Count and seconds default to the chat's settings; without a
 * topic the questions mix the chat's allowed topics. `/round stop` ends the running round (its
 * starter or a group admin); the scores so far stay. In a private chat a round is refused with
 * a pointer to /quiz: a round is for a class, and a solo round is just /quiz with a timer.
 */
import { parseTopic, type TopicId } from '../../quiz/index.js';
import { DEFAULT_CHAT_SETTINGS } from '../../store/types.js';
import type { BotCommand, JsonValue } from '../command.js';
import { say } from '../features/say.js';
import { keysOf } from '../quiz-play/keys.js';
import { ROUND_OPTIONS, STOP_WORDS } from '../quiz-play/options.js';
import { playMessages } from '../quiz-play/texts.js';
import { clampTo, ROUND_LIMITS } from '../rounds/limits.js';
import { ROUND_PICK_ACTION, roundsFor, type RoundPickData } from '../rounds/round-manager.js';
import { ROUND } from '../rounds/round-texts.js';

function isRoundPick(d: JsonValue): d is { r: number; i: number; c: number } {
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return false;
  return [d.r, d.i, d.c].every((v) => typeof v === 'number' && Number.isInteger(v));
}

export const command: BotCommand = {
  name: 'round',
  description: {
    en: 'A timed quiz round for the whole group, with a scoreboard',
    ru: 'Раунд викторины на время для всей группы, с таблицей результатов',
  },
  options: ROUND_OPTIONS,
  examples: ['/round', '/round backprop 5 30', '/round activations 10 20', '/round stop'],
  async run(ctx) {
    const lang = ctx.lang;
    if (ctx.chat.kind === 'private') {
      await ctx.send([ROUND.privateRefused[lang]]);
      return;
    }
    const keys = keysOf(ctx);
    const rounds = roundsFor(ctx);
    const topicArg = typeof ctx.options.topic === 'string' ? ctx.options.topic.trim() : '';
    if (STOP_WORDS.has(topicArg.toLowerCase())) {
      const starter = rounds.starterName(keys.chat);
      if (starter === undefined) {
        await ctx.send([ROUND.nothingToStop[lang]]);
        return;
      }
      if (!rounds.startedBy(keys.chat, keys.user) && !(await ctx.isAdmin())) {
        await ctx.send({ text: [say(lang, ROUND.stopNotAllowed, { name: starter })], private: true });
        return;
      }
      await rounds.stop(keys.chat, { kind: 'user', name: ctx.user.name });
      return;
    }
    const running = rounds.running(keys.chat);
    if (running) {
      await ctx.send([rounds.runningText(running, lang)]);
      return;
    }
    const settings = ctx.services.store.chats.get(keys.chat)?.settings ?? DEFAULT_CHAT_SETTINGS;
    let topic: TopicId | null = null;
    if (topicArg !== '') {
      topic = parseTopic(topicArg);
      const allowed = settings.allowedTopics;
      if (allowed && !allowed.includes(topic)) throw playMessages.error('topic_not_allowed', { topic, allowed: allowed.join(', ') });
    }
    const count = typeof ctx.options.count === 'number' ? ctx.options.count : clampTo(settings.roundCount, ROUND_LIMITS.count);
    const seconds = typeof ctx.options.seconds === 'number' ? ctx.options.seconds : clampTo(settings.roundSeconds, ROUND_LIMITS.seconds);
    await rounds.start(ctx, { topic, allowedTopics: settings.allowedTopics, count, seconds, difficulty: settings.defaultDifficulty });
  },
  actions: {
    async [ROUND_PICK_ACTION](ctx, data) {
      if (!isRoundPick(data)) return;
      const pick: RoundPickData = data;
      await roundsFor(ctx).pressed(ctx, pick);
    },
  },
};
