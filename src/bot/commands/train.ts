/**
 * `/train [data] [target] [hidden] [activation] [optimizer] [epochs] [lr] [seed]`: trains a small
 * network on the attached CSV in the worker pool (the same `train` job as `gradbot train`).
 *
 * The attachment's declared size is checked against the limit before anything is downloaded.
 * Without a file, the command explains how to attach one on this door; `/train iris` (or
 * moons, friedman) trains on a shipped sample. One running training per user.
 */
import { csvMessages } from '../../data/index.js';
import { parseHidden, resolveTrainOptions, type TrainOptions } from '../../training/options.js';
import {
  TRAIN_ACTIVATION_OPTION,
  TRAIN_DATA_OPTION,
  TRAIN_EPOCHS_OPTION,
  TRAIN_HIDDEN_OPTION,
  TRAIN_LR_OPTION,
  TRAIN_OPTIMIZER_OPTION,
  TRAIN_SEED_OPTION,
  TRAIN_TARGET_OPTION,
} from '../../training/option-specs.js';
import { userKey } from '../../store/types.js';
import type { ParsedOptions } from '../../options/types.js';
import type { BotCommand, CommandContext } from '../command.js';
import { CANCEL_ACTION, cancelPress } from '../features/cancel-button.js';
import { downloadChecked, uploadLimit } from '../features/attachments.js';
import { findSample, readSample } from '../features/sample-datasets.js';
import { jobKindName, needFileText, TRAIN_TEXT } from '../features/train-texts.js';
import { runTraining } from '../features/train-flow.js';
import { say, sizeText } from '../features/say.js';
import { userJobs } from '../features/user-jobs.js';

/** Training options from the parsed command options (bad values fail in resolveTrainOptions). */
function trainOptions(o: ParsedOptions, dropTarget: boolean): TrainOptions {
  const out: TrainOptions = {};
  if (typeof o.target === 'string' && !dropTarget) out.target = o.target;
  if (typeof o.hidden === 'string') out.hidden = parseHidden(o.hidden);
  if (typeof o.activation === 'string') out.activation = o.activation;
  if (typeof o.optimizer === 'string') out.optimizer = o.optimizer as TrainOptions['optimizer'];
  if (typeof o.epochs === 'number') out.epochs = o.epochs;
  if (typeof o.lr === 'number') out.lr = o.lr;
  if (typeof o.seed === 'number') out.seed = o.seed;
  return out;
}

/** The CSV to train on: the attachment (size checked first), a shipped sample, or nothing. */
async function dataOf(ctx: CommandContext): Promise<{ csv: Uint8Array; fileName: string; sample: boolean } | undefined> {
  const file = ctx.attachments[0];
  if (file) {
    const csv = await downloadChecked(file, uploadLimit(ctx), (size, limit) =>
      csvMessages.error('file_too_large', { size: sizeText(size, ctx.lang), limit: sizeText(limit, ctx.lang) }),
    );
    return { csv, fileName: file.name, sample: false };
  }
  const sample = typeof ctx.options.target === 'string' ? findSample(ctx.options.target) : undefined;
  if (!sample) return undefined;
  return { csv: await readSample(sample), fileName: sample.file, sample: true };
}

export const command: BotCommand = {
  name: 'train',
  description: {
    en: 'Train a small neural network on your CSV file',
    ru: 'Обучить небольшую нейросеть на вашем CSV-файле',
  },
  // The file is optional here: without one the command explains how to attach it.
  options: [
    { ...TRAIN_DATA_OPTION, required: false },
    TRAIN_TARGET_OPTION,
    TRAIN_HIDDEN_OPTION,
    TRAIN_ACTIVATION_OPTION,
    TRAIN_OPTIMIZER_OPTION,
    TRAIN_EPOCHS_OPTION,
    TRAIN_LR_OPTION,
    TRAIN_SEED_OPTION,
  ],
  examples: ['/train iris', '/train species 32,16 gelu adam 100 0.01 7', '/train target:price hidden:16'],
  actions: { [CANCEL_ACTION]: cancelPress },
  async run(ctx) {
    const me = userKey(ctx.chat.door, ctx.user.id);
    const jobs = userJobs(ctx.services);
    const running = jobs.get(me);
    if (running) {
      await ctx.send([say(ctx.lang, TRAIN_TEXT.alreadyRunning, { job: jobKindName(running.kind, ctx.lang) })]);
      return;
    }
    const sampleNamed = ctx.attachments.length === 0 && typeof ctx.options.target === 'string' && findSample(ctx.options.target) !== undefined;
    // Bad options fail here, before anything is downloaded or queued.
    const options = trainOptions(ctx.options, sampleNamed);
    resolveTrainOptions(options);
    if (ctx.attachments.length === 0 && !sampleNamed) {
      await ctx.send(needFileText(ctx.chat.door, ctx.lang, uploadLimit(ctx)));
      return;
    }
    // Registered before the download, so a second /train meanwhile is refused too.
    const job = jobs.start(me, 'train', ctx.services.now());
    if (!job) {
      await ctx.send([say(ctx.lang, TRAIN_TEXT.alreadyRunning, { job: jobKindName('train', ctx.lang) })]);
      return;
    }
    try {
      const data = await dataOf(ctx);
      if (!data) return;
      await runTraining(ctx, { csv: data.csv, fileName: data.fileName, options, userKey: me, job });
    } finally {
      jobs.end(me, job);
    }
  },
};
