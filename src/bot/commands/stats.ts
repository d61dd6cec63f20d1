/**
 * `/stats`: the caller's own results per topic (answers, right ones, points) over every chat on
 * this door, and the streak of days with a right answer.
 */
import { isTopicId, TOPICS } from '../../quiz/index.js';
import { userKey } from '../../store/types.js';
import type { BotCommand } from '../command.js';
import { count, t } from '../i18n.js';
import { b } from '../rich-text.js';
import type { RichText } from '../types.js';

export const command: BotCommand = {
  name: 'stats',
  description: { en: 'Your own results per topic and your streak', ru: 'Ваши результаты по темам и серия дней' },
  options: [],
  examples: ['/stats'],
  async run(ctx) {
    const uk = userKey(ctx.chat.door, ctx.user.id);
    const { attempts } = ctx.services.store;
    const topics = attempts.statsForUser(uk);
    if (topics.length === 0) {
      await ctx.send([t(ctx.lang, 'stats_empty')]);
      return;
    }
    const lang = ctx.lang;
    const out: RichText = [t(lang, 'stats_title', { name: ctx.user.name })];
    let all = 0;
    let right = 0;
    let points = 0;
    for (const s of [...topics].sort((x, y) => x.topic.localeCompare(y.topic))) {
      all += s.attempts;
      right += s.correct;
      points += s.score;
      // The topic's title in the chat's language, with its id for /quiz.
      const topic = isTopicId(s.topic) ? `${TOPICS[s.topic].title[lang]} (${s.topic})` : s.topic;
      out.push('\n', t(lang, 'stats_row', { topic, correct: s.correct, answers: s.attempts, points: count(lang, s.score, 'points') }));
    }
    out.push('\n\n', b(t(lang, 'stats_total', { correct: right, answers: all, points: count(lang, points, 'points') })));
    const days = attempts.streak(uk, ctx.services.now());
    out.push('\n', days > 0 ? t(lang, 'streak', { days: count(lang, days, 'days') }) : t(lang, 'streak_none'));
    await ctx.send(out);
  },
};
