/**
 * `/leaderboard [period: week|all]`: the chat's best by counted score (a person's first answer
 * per question in a group), the last 7 days by default.
 */
import { chatKey } from '../../store/types.js';
import type { BotCommand } from '../command.js';
import { count, t } from '../i18n.js';
import type { RichText } from '../types.js';

/** Rows shown. */
export const LEADERBOARD_SIZE = 10;

export const command: BotCommand = {
  name: 'leaderboard',
  description: { en: 'The best in this chat: this week or all time', ru: 'Лучшие в этом чате: за неделю или за всё время' },
  options: [
    {
      name: 'period',
      type: 'string',
      description: { en: 'week (the last 7 days) or all', ru: 'week (последние 7 дней) или all (всё время)' },
      choices: [
        { value: 'week', label: { en: 'This week', ru: 'Неделя' } },
        { value: 'all', label: { en: 'All time', ru: 'Всё время' } },
      ],
      default: 'week',
    },
  ],
  examples: ['/leaderboard', '/leaderboard all'],
  async run(ctx) {
    const period = ctx.options.period === 'all' ? 'all' : 'week';
    const rows = ctx.services.store.leaderboard.top(chatKey(ctx.chat.door, ctx.chat.id), period, LEADERBOARD_SIZE, ctx.services.now());
    if (rows.length === 0) {
      await ctx.send([t(ctx.lang, period === 'all' ? 'leaderboard_empty_all' : 'leaderboard_empty_week')]);
      return;
    }
    const out: RichText = [t(ctx.lang, period === 'all' ? 'leaderboard_title_all' : 'leaderboard_title_week')];
    let place = 0;
    rows.forEach((r, k) => {
      // Equal scores share the place (1, 2, 2, 4), as on a round's scoreboard.
      if (k === 0 || r.score !== rows[k - 1]!.score) place = k + 1;
      // Names are user text: a plain span, escaped by the door, never a mention.
      out.push(
        '\n',
        t(ctx.lang, 'leaderboard_row', {
          place,
          name: r.name,
          points: count(ctx.lang, r.score, 'points'),
          correct: r.correct,
          answers: r.attempts,
        }),
      );
    });
    await ctx.send(out);
  },
};
