/**
 * `gradbot train <file.csv> [options]`: trains a tiny MLP on a CSV file through the worker
 * pool (the same code path as the bot's /train), prints progress to stderr and a summary (or
 * one JSON document with --json), and can save the model and the pictures.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineMessages, renderMessage, type Lang, type LocalizedText } from '../core/errors.js';
import { checkDeclaredSize } from '../data/index.js';
import { renderInPool } from '../render/in-pool.js';
import type { RenderRequest } from '../render/types.js';
import { parseHidden, resolveTrainOptions, type TrainOptions } from '../training/options.js';
import { createPool, type WorkerPool } from '../training/pool.js';
import type { Metrics, TrainPayload, TrainProgress, TrainResult } from '../training/train-job.js';
import { EXIT_OK, langOption, numberOption, parseCliArgs, printJson, badArgs, type CliCommand, type CliIo } from './shared.js';

export const fileMsg = defineMessages('file', {
  not_found: {
    en: 'File "{path}" was not found. Check the path.',
    ru: 'Файл «{path}» не найден. Проверьте путь.',
  },
  not_a_file: {
    en: '"{path}" is not a file.',
    ru: '«{path}» — не файл.',
  },
  cannot_read: {
    en: 'Cannot read "{path}" ({detail}).',
    ru: 'Не удаётся прочитать «{path}» ({detail}).',
  },
  cannot_write: {
    en: 'Cannot write "{path}" ({detail}). Check that the folder exists and is writable.',
    ru: 'Не удаётся записать «{path}» ({detail}). Проверьте, что папка существует и доступна для записи.',
  },
});

/** Reads a user's file, with the size limit checked before reading. */
export async function readUserFile(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw fileMsg.error('not_a_file', { path });
    size = s.size;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') throw fileMsg.error('not_found', { path });
    if (e instanceof Error && e.name === 'UserInputError') throw e;
    throw fileMsg.error('cannot_read', { path, detail: (e as Error).message });
  }
  checkDeclaredSize(size);
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    throw fileMsg.error('cannot_read', { path, detail: (e as Error).message });
  }
}

async function writeUserFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (e) {
    throw fileMsg.error('cannot_write', { path, detail: (e as Error).message });
  }
}

const TEXT: Record<string, LocalizedText> = {
  epoch: { en: 'epoch', ru: 'эпоха' },
  trainLoss: { en: 'train loss', ru: 'ошибка (обучение)' },
  valLoss: { en: 'val loss', ru: 'ошибка (валидация)' },
  accuracy: { en: 'accuracy', ru: 'точность' },
  r2: { en: 'R²', ru: 'R²' },
  eta: { en: 'ETA', ru: 'осталось' },
  task_classification: { en: 'Classification of "{target}" ({k} classes)', ru: 'Классификация «{target}» ({k} классов)' },
  task_regression: { en: 'Regression of "{target}"', ru: 'Регрессия «{target}»' },
  data: {
    en: '{rows} rows, {features} feature columns -> {inputs} inputs; split {train}/{val}/{test} (train/validation/test)',
    ru: '{rows} строк, {features} столбцов-признаков -> {inputs} входов; разбиение {train}/{val}/{test} (обучение/валидация/тест)',
  },
  network: { en: 'Network: {sizes}, {activation}, {optimizer} lr {lr}', ru: 'Сеть: {sizes}, {activation}, {optimizer} шаг {lr}' },
  stopped_patience: {
    en: 'Stopped after {epochs} epochs: no better validation loss for {patience} epochs; kept epoch {best}.',
    ru: 'Остановлено после {epochs} эпох: {patience} эпох без улучшения ошибки на валидации; сохранена эпоха {best}.',
  },
  stopped_max_epochs: { en: 'Ran all {epochs} epochs; kept epoch {best}.', ru: 'Пройдены все {epochs} эпох; сохранена эпоха {best}.' },
  stopped_time_budget: { en: 'Stopped at the time budget after {epochs} epochs; kept epoch {best}.', ru: 'Остановлено по времени после {epochs} эпох; сохранена эпоха {best}.' },
  stopped_diverged: { en: 'Stopped: the loss diverged after {epochs} epochs; kept epoch {best}.', ru: 'Остановлено: ошибка разошлась после {epochs} эпох; сохранена эпоха {best}.' },
  part: { en: 'part', ru: 'часть' },
  train: { en: 'train', ru: 'обучение' },
  validation: { en: 'validation', ru: 'валидация' },
  test: { en: 'test', ru: 'тест' },
  baseline: { en: 'baseline', ru: 'базовая' },
  baselineClass: { en: 'Baseline: always "{value}" (on the {part} part).', ru: 'Базовая модель: всегда «{value}» (на части «{part}»).' },
  baselineMean: { en: 'Baseline: always the training mean {value} (on the {part} part).', ru: 'Базовая модель: всегда среднее по обучению {value} (на части «{part}»).' },
  perClass: { en: 'Per class ({part}):', ru: 'По классам ({part}):' },
  classHeader: { en: 'class', ru: 'класс' },
  warnings: { en: 'Warnings:', ru: 'Предупреждения:' },
  saved: { en: 'Model saved to {path}', ru: 'Модель сохранена в {path}' },
  picture: { en: 'Picture: {path}', ru: 'Картинка: {path}' },
  seconds: { en: 'Time: {seconds} s', ru: 'Время: {seconds} с' },
};

function t(key: string, lang: Lang, params: Record<string, string | number> = {}): string {
  return renderMessage({ code: key, params, text: TEXT[key] ?? { en: key, ru: key } }, lang);
}

/** Numbers for people: up to 4 significant digits. */
function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

function progressLine(p: TrainProgress, lang: Lang): string {
  return [
    `${t('epoch', lang)} ${p.epoch}/${p.epochs}`,
    `${t('trainLoss', lang)} ${fmt(p.trainLoss)}`,
    `${t('valLoss', lang)} ${fmt(p.validationLoss)}`,
    `${t(p.metric, lang)} ${fmt(p.validationMetric)}`,
    `${t('eta', lang)} ≤${Math.ceil(p.etaSeconds)}s`,
  ].join('  ');
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The readable summary printed after training. */
export function summaryText(r: TrainResult, lang: Lang, files: string[]): string {
  const o = r.options;
  const lines: string[] = [];
  lines.push(r.task === 'classification' ? t('task_classification', lang, { target: r.target, k: r.classes?.length ?? 0 }) : t('task_regression', lang, { target: r.target }));
  lines.push(t('data', lang, { rows: r.rows, features: r.features, inputs: r.inputs.length, train: r.split.train, val: r.split.validation, test: r.split.test }));
  const sizes = [r.inputs.length, ...o.hidden, r.task === 'classification' ? (r.classes?.length ?? 0) : 1].join('-');
  lines.push(t('network', lang, { sizes, activation: o.activation, optimizer: o.optimizer, lr: o.lr }));
  lines.push(t(`stopped_${r.stopReason}`, lang, { epochs: r.epochs, best: r.bestEpoch, patience: o.patience }));
  lines.push('');
  const keys = r.task === 'classification' ? ['accuracy', 'macro_f1'] : ['mse', 'mae', 'r2'];
  lines.push([pad(t('part', lang), 12), ...keys.map((k) => pad(k, 10))].join(' '));
  const row = (name: string, m: Metrics | null) =>
    [pad(name, 12), ...keys.map((k) => pad(m ? fmt((m as unknown as Record<string, number>)[k] ?? NaN) : '-', 10))].join(' ');
  lines.push(row(t('train', lang), r.metrics.train));
  lines.push(row(t('validation', lang), r.metrics.validation));
  lines.push(row(t('test', lang), r.metrics.test));
  lines.push(row(t('baseline', lang), r.baseline));
  const part = t(r.scoredOn, lang);
  lines.push(
    typeof r.baseline.predicts === 'number'
      ? t('baselineMean', lang, { value: fmt(r.baseline.predicts), part })
      : t('baselineClass', lang, { value: r.baseline.predicts, part }),
  );
  if (r.perClass) {
    lines.push('', t('perClass', lang, { part }));
    lines.push([pad(t('classHeader', lang), 16), pad('precision', 10), pad('recall', 10), pad('f1', 10), 'support'].join(' '));
    for (const c of r.perClass) {
      lines.push([pad(c.label, 16), pad(fmt(c.precision), 10), pad(fmt(c.recall), 10), pad(fmt(c.f1), 10), String(c.support)].join(' '));
    }
  }
  if (r.warnings.length > 0) {
    lines.push('', t('warnings', lang));
    for (const w of r.warnings) lines.push(`- ${renderMessage(w, lang)}`);
  }
  lines.push('', t('seconds', lang, { seconds: fmt(r.seconds) }));
  lines.push(...files);
  return lines.join('\n');
}

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

const OPTIONS = {
  target: { type: 'string' },
  task: { type: 'string' },
  test: { type: 'string' },
  hidden: { type: 'string' },
  activation: { type: 'string' },
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  epochs: { type: 'string' },
  batch: { type: 'string' },
  'weight-decay': { type: 'string' },
  seed: { type: 'string' },
  plots: { type: 'string' },
  save: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

export const command: CliCommand = {
  name: 'train',
  summary: 'Train a small neural network on a CSV file (in a worker), with honest metrics.',
  usage: [
    'Usage: gradbot train <file.csv> [--target COL] [--task classification|regression] [--test test.csv]',
    '         [--hidden 32,16] [--activation relu] [--optimizer adam] [--lr 0.01] [--epochs N] [--batch N]',
    '         [--weight-decay X] [--seed N] [--plots DIR] [--save model.json] [--json] [--lang ru|en]',
    '',
    'Defaults: hidden 64,32, relu, adam, lr 0.003, up to 200 epochs with early stopping (patience 20),',
    'batch 32, weight decay 0.01, seed 42; a 70/15/15 stratified split (with --test: 85/15 + the test file).',
  ].join('\n'),
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCliArgs('train', argv, OPTIONS);
    const lang = langOption(values.lang);
    if (positionals.length !== 1) throw badArgs('train', {
        en: 'Give exactly one CSV file, e.g. gradbot train iris.csv',
        ru: 'Укажите ровно один CSV-файл, например gradbot train iris.csv',
      });
    const options: TrainOptions = {};
    if (values.target !== undefined) options.target = values.target;
    if (values.task !== undefined) options.task = values.task as TrainOptions['task'];
    if (values.hidden !== undefined) options.hidden = parseHidden(values.hidden);
    if (values.activation !== undefined) options.activation = values.activation;
    if (values.optimizer !== undefined) options.optimizer = values.optimizer as TrainOptions['optimizer'];
    const numbers = { lr: 'lr', epochs: 'epochs', batch: 'batch', weightDecay: 'weight-decay', seed: 'seed' } as const;
    for (const [key, flag] of Object.entries(numbers)) {
      const v = numberOption(flag, values[flag]);
      if (v !== undefined) options[key as keyof typeof numbers] = v;
    }
    resolveTrainOptions(options); // bad options fail here, before a worker starts
    const payload: TrainPayload = { csv: await readUserFile(positionals[0] as string), options };
    if (values.test !== undefined) payload.test = await readUserFile(values.test);

    const pool = createPool({ threads: 1 });
    try {
      const result = await pool.run<TrainResult, TrainProgress>('train', payload, {
        onProgress: values.json ? undefined : (p) => io.err(progressLine(p, lang)),
      });
      let model: string | undefined;
      if (values.save !== undefined) {
        await writeUserFile(values.save, JSON.stringify(result.model));
        model = values.save;
      }
      const plots = values.plots !== undefined ? await savePlots(pool, result, values.plots, lang) : [];
      if (values.json) {
        printJson(io, jsonReport(result, lang, model ? { model, plots } : { plots }));
      } else {
        const files = [...(model ? [t('saved', lang, { path: model })] : []), ...plots.map((p) => t('picture', lang, { path: p }))];
        io.out(summaryText(result, lang, files));
      }
      return EXIT_OK;
    } finally {
      await pool.close();
    }
  },
};
