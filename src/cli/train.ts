/**
 * `gradbot train <file.csv> [options]`: trains a tiny MLP on a CSV file through the worker
 * pool (the same code path as the bot's /train), prints progress to stderr and a summary (or
 * one JSON document with --json), and can save the model and the pictures. The texts are the
 * training feature's own (src/training/reply.ts); the options its specs.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { renderMessage, type Lang } from '../core/errors.js';
import { createPool, poolOptionsFrom, type WorkerPool } from '../jobs/pool.js';
import { numberValue, stringValue, type CliArgs } from '../options/parse-cli.js';
import type { OptionSpec } from '../options/types.js';
import { renderInPool } from '../render/in-pool.js';
import type { RenderRequest } from '../render/types.js';
import { TRAIN_OPTIONS } from '../training/option-specs.js';
import { parseHidden, resolveTrainOptions, type TrainOptions } from '../training/options.js';
import { pictureLine, progressLine, savedModelLine, summaryText } from '../training/reply.js';
import type { TrainPayload, TrainResult } from '../training/train-job.js';
import { fileMsg, readUserFile, writeUserFile } from './files.js';
import { badArgs, EXIT_OK, printJson, type CliCommand } from './shared.js';

/** The `--json` document (issue 4's contract, plus a few extra fields). */
export function jsonReport(r: TrainResult, lang: Lang, files: { model?: string; plots: string[] }): Record<string, unknown> {
  const doc: Record<string, unknown> = { task: r.task, target: r.target };
  if (r.classes) doc.classes = r.classes;
  Object.assign(doc, {
    rows: r.rows,
    features: r.features,
    inputs: r.inputs.length,
    warnings: r.warnings.map((w) => ({ code: w.code, message: renderMessage(w, lang) })),
    metrics: r.metrics,
    baseline: r.baseline,
    epochs: r.epochs,
    best_epoch: r.bestEpoch,
    stop_reason: r.stopReason,
    split: r.split,
    seconds: r.seconds,
  });
  if (r.perClass) doc.per_class = r.perClass;
  if (r.confusion) doc.confusion = r.confusion;
  if (files.model) doc.model = files.model;
  if (files.plots.length) doc.plots = files.plots;
  return doc;
}

/** Draws the pictures in the pool and writes them to `dir`; returns the file paths. */
async function savePlots(pool: WorkerPool, r: TrainResult, dir: string, lang: Lang): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw fileMsg.error('cannot_write', { path: dir, detail: (e as Error).message });
  }
  const requests: Array<[string, RenderRequest]> = [['loss.png', { kind: 'loss', data: r.plots.loss, lang }]];
  if (r.plots.confusion) requests.push(['confusion.png', { kind: 'confusion', data: r.plots.confusion, lang }]);
  if (r.plots.boundary) requests.push(['boundary.png', { kind: 'boundary', data: r.plots.boundary, lang }]);
  const files: string[] = [];
  for (const [name, req] of requests) {
    const png = await renderInPool(pool, req);
    const path = join(dir, name);
    await writeUserFile(path, png);
    files.push(path);
  }
  return files;
}

/** The training options, then the files only the command line has. */
const OPTIONS: readonly OptionSpec[] = [
  ...TRAIN_OPTIONS,
  {
    name: 'test',
    type: 'string',
    example: 'test.csv',
    description: { en: 'a separate test file (then the split is 85/15 + the test file)', ru: 'отдельный тестовый файл (тогда разбиение 85/15 + этот файл)' },
  },
  { name: 'plots', type: 'string', example: 'DIR', description: { en: 'draw the loss curve and the confusion matrix / decision boundary into DIR', ru: 'нарисовать кривую ошибки и матрицу ошибок / границу решений в папку DIR' } },
  { name: 'save', type: 'string', example: 'model.json', description: { en: 'save the model for "gradbot predict"', ru: 'сохранить модель для «gradbot predict»' } },
];

/** The flags as TrainOptions; they are checked by resolveTrainOptions (with its messages). */
function trainOptionsFrom({ values }: CliArgs): TrainOptions {
  const options: TrainOptions = {};
  const target = stringValue(values, 'target');
  const task = stringValue(values, 'task');
  const hidden = stringValue(values, 'hidden');
  const activation = stringValue(values, 'activation');
  const optimizer = stringValue(values, 'optimizer');
  if (target !== undefined) options.target = target;
  // resolveTrainOptions rejects anything else by name
  if (task !== undefined) options.task = task as TrainOptions['task'];
  if (hidden !== undefined) options.hidden = parseHidden(hidden);
  if (activation !== undefined) options.activation = activation;
  if (optimizer !== undefined) options.optimizer = optimizer as TrainOptions['optimizer'];
  const numbers = { lr: 'lr', epochs: 'epochs', batch: 'batch', weightDecay: 'weight_decay', seed: 'seed' } as const;
  for (const [key, name] of Object.entries(numbers)) {
    const v = numberValue(values, name);
    if (v !== undefined) options[key as keyof typeof numbers] = v;
  }
  return options;
}

export const command: CliCommand = {
  name: 'train',
  summary: 'Train a small neural network on a CSV file (in a worker), with honest metrics.',
  usage: [
    'Usage: gradbot train <file.csv> [--target COL] [--task classification|regression] [--test test.csv]',
    '         [--hidden 32,16] [--activation relu] [--optimizer adam] [--lr 0.01] [--epochs N] [--batch N]',
    '         [--weight-decay X] [--seed N] [--plots DIR] [--save model.json] [--json] [--lang ru|en]',
    '',
    'Early stopping with patience 20; a 70/15/15 stratified split (with --test: 85/15 + the test file).',
  ].join('\n'),
  options: OPTIONS,
  async run(args, io, { lang, json }): Promise<number> {
    const { values, positionals } = args;
    if (positionals.length !== 1) throw badArgs('train', {
        en: 'Give exactly one CSV file, e.g. gradbot train iris.csv',
        ru: 'Укажите ровно один CSV-файл, например gradbot train iris.csv',
      });
    const options = trainOptionsFrom(args);
    resolveTrainOptions(options); // bad options fail here, before a worker starts
    const payload: TrainPayload = { csv: await readUserFile(positionals[0] as string), options };
    const test = stringValue(values, 'test');
    if (test !== undefined) payload.test = await readUserFile(test);
    const save = stringValue(values, 'save');
    const plotsDir = stringValue(values, 'plots');

    // The configured time and memory limits; one thread: the CLI runs one job.
    const pool = createPool({ ...poolOptionsFrom(loadConfig()), threads: 1 });
    try {
      const result = await pool.run('train', payload, {
        onProgress: json ? undefined : (p) => io.err(progressLine(p, lang)),
      });
      let model: string | undefined;
      if (save !== undefined) {
        await writeUserFile(save, JSON.stringify(result.model));
        model = save;
      }
      const plots = plotsDir !== undefined ? await savePlots(pool, result, plotsDir, lang) : [];
      if (json) {
        printJson(io, jsonReport(result, lang, model ? { model, plots } : { plots }));
      } else {
        const files = [...(model ? [savedModelLine(model, lang)] : []), ...plots.map((p) => pictureLine(p, lang))];
        io.out(summaryText(result, lang, files));
      }
      return EXIT_OK;
    } finally {
      await pool.close();
    }
  },
};
