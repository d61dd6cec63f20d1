/**
 * `/spells` and `/guess` need trained character models. A cached model answers at once; a
 * missing one is trained in the pool (the service's pool runner) behind a progress message
 * with a cancel button, counted as the user's one running job.
 */
import { isUserInputError, type Lang } from '../../core/errors.js';
import type { CharLmJobProgress } from '../../spells/charlm-job.js';
import type { NameDataset } from '../../spells/datasets.js';
import { modelKey } from '../../spells/model-cache.js';
import type { RunHooks, SpellService } from '../../spells/service.js';
import { userKey } from '../../store/types.js';
import type { BaseContext } from '../command.js';
import type { RichText } from '../types.js';
import { cancelButtons } from './cancel-button.js';
import { num4, quotedTitle, say, sayRich } from './say.js';
import { jobKindName, TRAIN_TEXT } from './train-texts.js';
import { userJobs } from './user-jobs.js';

const TEXT = {
  training: {
    en: 'Training a generator on {title}: {count} names. This takes a few seconds, once; then it is cached.',
    ru: 'Обучаю генератор на списке {title}: названий — {count}. Это займёт несколько секунд, один раз; потом модель сохранится.',
  },
  step: { en: 'step {step} of {steps}, loss {loss}', ru: 'шаг {step} из {steps}, ошибка {loss}' },
  trained: { en: 'The generator is trained.', ru: 'Генератор обучен.' },
  cancelled: { en: 'Generator training cancelled.', ru: 'Обучение генератора отменено.' },
  failed: { en: 'Generator training stopped. {reason}', ru: 'Обучение генератора остановлено. {reason}' },
} as const;

/** True when some of these lists has no cached model for the service's settings. */
export function needsTraining(service: SpellService, lists: readonly NameDataset[]): boolean {
  const settings = service.settings();
  return lists.some((ds) => service.cache.get(modelKey(ds.names, settings)) === undefined);
}

function progressLine(p: CharLmJobProgress, lang: Lang): string {
  return say(lang, TEXT.step, { step: p.step, steps: p.steps, loss: num4(p.loss, lang) });
}

/**
 * Runs `work` with hooks for the service. When `lists` need training, it shows a progress
 * message (edited at the door's rate, with a cancel button) and refuses a second job of the
 * same user. Resolves to undefined when the user was refused, cancelled, or the training
 * failed on their data (the message already says so).
 */
export async function withSpellTraining<T>(
  ctx: BaseContext,
  lists: readonly NameDataset[],
  work: (hooks: RunHooks) => Promise<T>,
): Promise<T | undefined> {
  const me = userKey(ctx.chat.door, ctx.user.id);
  const { lang } = ctx;
  if (!needsTraining(ctx.services.spells, lists)) return work({ userId: me, signal: ctx.runtime.signal });

  const jobs = userJobs(ctx.services);
  const job = jobs.start(me, 'spells', ctx.services.now());
  if (!job) {
    const running = jobs.get(me);
    await ctx.send([say(lang, TRAIN_TEXT.alreadyRunning, { job: jobKindName(running?.kind ?? 'spells', lang) })]);
    return undefined;
  }
  try {
    const head: RichText = lists.flatMap((ds, i) => [
      ...(i > 0 ? ['\n'] : []),
      // A list's title carries the uploaded file's name: user text, a plain span.
      ...sayRich(lang, TEXT.training, { title: quotedTitle(ds.title[lang], lang), count: ds.names.length }),
    ]);
    const buttons = cancelButtons(ctx, me);
    const progress = await ctx.progress({ text: head, buttons });
    const signal = AbortSignal.any([ctx.runtime.signal, job.controller.signal]);
    try {
      const result = await work({
        signal,
        userId: me,
        onProgress: (p) => progress.update({ text: [...head, '\n', progressLine(p, lang)], buttons }),
      });
      await progress.finish([TEXT.trained[lang]]);
      return result;
    } catch (e) {
      if (signal.aborted) {
        await progress.finish([TEXT.cancelled[lang]]);
        return undefined;
      }
      if (isUserInputError(e)) {
        await progress.finish(sayRich(lang, TEXT.failed, { reason: e.render(lang) }));
        return undefined;
      }
      await progress.finish(sayRich(lang, TEXT.failed, { reason: TRAIN_TEXT.internal[lang] }));
      throw e;
    }
  } finally {
    jobs.end(me, job);
  }
}
