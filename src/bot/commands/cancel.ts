/**
 * `/cancel`: stops the caller's running job (a training, a custom spell generator). The job's
 * own progress message then says it was cancelled.
 */
import { userKey } from '../../store/types.js';
import type { BotCommand } from '../command.js';
import { say } from '../features/say.js';
import { jobKindName } from '../features/train-texts.js';
import { userJobs } from '../features/user-jobs.js';

const TEXT = {
  stopping: { en: 'Stopping your {job}…', ru: 'Останавливаю {job}…' },
  nothing: {
    en: 'You have nothing running. /cancel stops your own /train or a /spells generator that is still training.',
    ru: 'У вас ничего не запущено. /cancel останавливает ваше обучение (/train) или генератор /spells, пока он обучается.',
  },
} as const;

export const command: BotCommand = {
  name: 'cancel',
  description: { en: 'Stop your running training', ru: 'Остановить ваше обучение' },
  options: [],
  examples: ['/cancel'],
  async run(ctx) {
    const job = userJobs(ctx.services).cancel(userKey(ctx.chat.door, ctx.user.id));
    if (!job) {
      await ctx.send({ text: [TEXT.nothing[ctx.lang]], private: true });
      return;
    }
    await ctx.send([say(ctx.lang, TEXT.stopping, { job: jobKindName(job.kind, ctx.lang) })]);
  },
};
