/**
 * The `/train` flow after the data is in hand: the same `train` pool job as `gradbot train`,
 * one progress message (epoch, loss, validation metric, a cancel button) edited at the door's
 * rate, then the pictures (drawn in the pool), the summary from the training reply module,
 * and the model saved for `/predict`.
 */
import { isUserInputError } from '../../core/errors.js';
import { renderInPool } from '../../render/in-pool.js';
import type { RenderRequest } from '../../render/types.js';
import type { TrainOptions } from '../../training/options.js';
import { progressLine, summaryParts } from '../../training/reply.js';
import type { TrainResult } from '../../training/train-job.js';
import type { CommandContext } from '../command.js';
import type { Image, RichText } from '../types.js';
import { cancelButtons } from './cancel-button.js';
import { doneText, predictHowText, TRAIN_TEXT } from './train-texts.js';
import { say, sayRich } from './say.js';
import type { RunningJob } from './user-jobs.js';

/** What one training run needs besides the context. */
export interface TrainRun {
  csv: Uint8Array;
  /** The file name (user text) for "Training on …". */
  fileName: string;
  options: TrainOptions;
  /** The caller's user key; the pool runs one job per user. */
  userKey: string;
  job: RunningJob;
}

/** The pictures of a result, in the order they are shown. */
export function resultPictures(r: TrainResult, lang: CommandContext['lang']): Array<{ name: string; request: RenderRequest }> {
  const out: Array<{ name: string; request: RenderRequest }> = [{ name: 'loss.png', request: { kind: 'loss', data: r.plots.loss, lang } }];
  if (r.plots.boundary) out.push({ name: 'boundary.png', request: { kind: 'boundary', data: r.plots.boundary, lang } });
  if (r.plots.confusion) out.push({ name: 'confusion.png', request: { kind: 'confusion', data: r.plots.confusion, lang } });
  return out;
}

/** Runs the training, reports progress, posts the results; resolves when all is sent. */
/** What each result picture shows, for its alt text. */
const PICTURE_ALTS: Record<string, { en: string; ru: string }> = {
  loss: { en: 'Loss curves', ru: 'Кривые ошибки' },
  boundary: { en: 'Decision boundary', ru: 'Граница решений' },
  confusion: { en: 'Confusion matrix', ru: 'Матрица ошибок' },
};

export async function runTraining(ctx: CommandContext, run: TrainRun): Promise<void> {
  const { lang } = ctx;
  const cancel = cancelButtons(ctx, run.userKey);
  // The file name is user text: a plain span of its own.
  const starting: RichText = sayRich(lang, TRAIN_TEXT.starting, { file: run.fileName });
  const progress = await ctx.progress({ text: starting, buttons: cancel });

  // Shutdown (bot.close) stops the job as /cancel does.
  const signal = AbortSignal.any([ctx.runtime.signal, run.job.controller.signal]);
  let result: TrainResult;
  try {
    result = await ctx.services.pool.run(
      'train',
      { csv: run.csv, options: run.options },
      {
        signal,
        userId: run.userKey,
        onQueued: (position) => progress.update({ text: [say(lang, TRAIN_TEXT.queued, { position })], buttons: cancel }),
        onProgress: (p) => progress.update({ text: [...starting, '\n', progressLine(p, lang)], buttons: cancel }),
      },
    );
  } catch (e) {
    if (signal.aborted) {
      await progress.finish([TRAIN_TEXT.cancelled[lang]]);
      return;
    }
    if (isUserInputError(e)) {
      // The data's own diagnosis (a bad column, too few rows...) replaces the progress line.
      await progress.finish(sayRich(lang, TRAIN_TEXT.failed, { reason: e.render(lang) }));
      return;
    }
    await progress.finish(sayRich(lang, TRAIN_TEXT.failed, { reason: TRAIN_TEXT.internal[lang] }));
    throw e;
  }

  // Saved before anything says "saved": /predict must find it once the reply is read.
  ctx.services.store.models.put(run.userKey, result.model, { target: result.target, task: result.task, at: ctx.services.now() });
  await progress.finish([doneText(result.epochs, result.seconds, lang)]);

  const pictures = resultPictures(result, lang);
  const pngs = await Promise.all(pictures.map((p) => renderInPool(ctx.services.pool, p.request)));
  // The alt text is read aloud and shown by some doors: in the chat's language, not the file name.
  const images: Image[] = pictures.map((p, i) => {
    const base = p.name.replace('.png', '');
    return { png: pngs[i] as Uint8Array, name: p.name, alt: PICTURE_ALTS[base]?.[lang] ?? base };
  });
  // The summary quotes CSV headers and class labels: user text in plain and `pre` spans (the
  // door escapes both); its tables are `pre` blocks so their columns line up in a chat.
  await ctx.send({ text: summaryParts(result, lang), images });
  await ctx.send(predictHowText(result.model, lang));
}
