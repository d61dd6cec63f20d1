/**
 * What training says, in Russian or English: the progress line, the summary after a run and
 * a prediction. Pure (result + language -> text), so the CLI and every chat door say the
 * same thing. Russian numbers use a decimal comma and a real minus (0,7955; −0,01).
 */
import { findActivation } from '../core/activations/index.js';
import { renderMessage, type Lang, type LocalizedMessage, type LocalizedText, type MessageParams } from '../core/errors.js';
import type { OptimizerName } from '../core/nn/optimizers.js';
import type { Prediction } from './model.js';
import type { Metrics, TrainProgress, TrainResult } from './train-job.js';

const TEXT = {
  epoch: { en: 'epoch', ru: 'эпоха' },
  trainLoss: { en: 'train loss', ru: 'ошибка (обучение)' },
  valLoss: { en: 'val loss', ru: 'ошибка (валидация)' },
  // «Точность» is precision in the per-class table; accuracy is the share of right answers.
  accuracy: { en: 'accuracy', ru: 'доля верных' },
  r2: { en: 'R²', ru: 'R²' },
  eta: { en: 'ETA ≤{seconds} s', ru: 'осталось ≤{seconds} с' },
  task_classification: { en: 'Classification of "{target}" ({k} {k|class|classes})', ru: 'Классификация «{target}» ({k} {k|класс|класса|классов})' },
  task_regression: { en: 'Regression of "{target}"', ru: 'Регрессия «{target}»' },
  data: {
    en: '{rows} {rows|row|rows}, {features} feature {features|column|columns} -> {inputs} {inputs|input|inputs}; split {train}/{val}/{test} (train/validation/test)',
    ru: '{rows} {rows|строка|строки|строк}, {features} {features|столбец-признак|столбца-признака|столбцов-признаков} -> {inputs} {inputs|вход|входа|входов}; разбиение {train}/{val}/{test} (обучение/валидация/тест)',
  },
  network: { en: 'Network: {sizes}, {activation}, {optimizer} lr {lr}', ru: 'Сеть: {sizes}, {activation}, {optimizer}, шаг обучения {lr}' },
  stopped_patience: {
    en: 'Stopped after {epochs} {epochs|epoch|epochs}: no better validation loss for {patience} {patience|epoch|epochs}; kept epoch {best}.',
    ru: 'Остановлено после {epochs} {epochs|эпохи|эпох|эпох}: {patience} {patience|эпоха|эпохи|эпох} без улучшения ошибки на валидации; сохранена эпоха {best}.',
  },
  stopped_max_epochs: { en: 'Ran all {epochs} {epochs|epoch|epochs}; kept epoch {best}.', ru: 'Пройдены все эпохи ({epochs}); сохранена эпоха {best}.' },
  stopped_time_budget: { en: 'Stopped at the time budget after {epochs} {epochs|epoch|epochs}; kept epoch {best}.', ru: 'Остановлено по времени после {epochs} {epochs|эпохи|эпох|эпох}; сохранена эпоха {best}.' },
  stopped_diverged: { en: 'Stopped: the loss diverged after {epochs} {epochs|epoch|epochs}; kept epoch {best}.', ru: 'Остановлено: ошибка разошлась после {epochs} {epochs|эпохи|эпох|эпох}; сохранена эпоха {best}.' },
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
  prediction: { en: 'Prediction', ru: 'Предсказание' },
  probabilities: { en: 'Probabilities', ru: 'Вероятности' },
} satisfies Record<string, LocalizedText>;

/**
 * Column headers of the tables. English keeps the metric keys of the JSON report; Russian
 * uses the terms of a Russian ML course, short enough for a phone-wide table.
 */
const HEADERS = {
  accuracy: { en: 'accuracy', ru: 'доля верных' },
  macro_f1: { en: 'macro_f1', ru: 'macro-F1' },
  mse: { en: 'mse', ru: 'MSE' },
  mae: { en: 'mae', ru: 'MAE' },
  r2: { en: 'r2', ru: 'R²' },
  precision: { en: 'precision', ru: 'точность' },
  recall: { en: 'recall', ru: 'полнота' },
  f1: { en: 'f1', ru: 'F1' },
  support: { en: 'support', ru: 'примеров' },
} satisfies Record<string, LocalizedText>;

/** Optimizers by their proper names. */
const OPTIMIZER_NAMES: Record<OptimizerName, string> = { sgd: 'SGD', momentum: 'Momentum', adam: 'Adam' };

type TextKey = keyof typeof TEXT;

function t(key: TextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return renderMessage({ code: key, params, text: TEXT[key] }, lang);
}

/**
 * Numbers for people: up to 4 significant digits; in Russian with a decimal comma and the
 * minus sign U+2212 (0,7955; −0,0112).
 */
export function formatNumber(x: number, lang: Lang): string {
  const s = Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
  return lang === 'ru' ? s.replace('.', ',').replace(/-/g, '−') : s;
}

/**
 * A message rendered with its fractional numbers written the language's way (integers stay
 * numbers: plural forms need them).
 */
function renderWarning(m: LocalizedMessage, lang: Lang): string {
  const params: MessageParams = {};
  for (const [k, v] of Object.entries(m.params)) params[k] = typeof v === 'number' && !Number.isInteger(v) ? formatNumber(v, lang) : v;
  return renderMessage({ ...m, params }, lang);
}

/**
 * An activation's short proper name from the registry: the abbreviation its name gives
 * ("Выпрямитель (ReLU)" -> ReLU), the name itself when it is the id ("Softplus"), else the
 * name without its explanation ("Сигмоида (логистическая)" -> сигмоида).
 */
export function activationShortName(id: string, lang: Lang): string {
  const act = findActivation(id);
  if (!act) return id;
  const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const parts = (name: string) => {
    const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(name);
    return m ? { base: m[1] as string, inner: (m[2] as string).split(/,\s*/) } : { base: name, inner: [] };
  };
  // An abbreviation reads the same in both languages ("Hard tanh" is HardTanh in Russian).
  for (const name of [act.name[lang], act.name.en, act.name.ru]) {
    const abbreviation = parts(name).inner.find((s) => key(s) === key(act.id));
    if (abbreviation) return abbreviation;
  }
  const base = parts(act.name[lang]).base;
  if (key(base) === key(act.id)) return base;
  // Mid-sentence, a Russian common noun is written in lower case.
  return lang === 'ru' && /^[А-ЯЁ][а-яё]/.test(base) ? base[0]!.toLowerCase() + base.slice(1) : base;
}

/** One progress report as a line: epoch, losses, the validation metric and the time left. */
export function progressLine(p: TrainProgress, lang: Lang): string {
  return [
    `${t('epoch', lang)} ${p.epoch}/${p.epochs}`,
    `${t('trainLoss', lang)} ${formatNumber(p.trainLoss, lang)}`,
    `${t('valLoss', lang)} ${formatNumber(p.validationLoss, lang)}`,
    `${t(p.metric, lang)} ${formatNumber(p.validationMetric, lang)}`,
    t('eta', lang, { seconds: Math.ceil(p.etaSeconds) }),
  ].join('  ');
}

/** "Model saved to <path>". */
export function savedModelLine(path: string, lang: Lang): string {
  return t('saved', lang, { path });
}

/** "Picture: <path>". */
export function pictureLine(path: string, lang: Lang): string {
  return t('picture', lang, { path });
}

/** Longest class label shown in a table cell; longer ones end in "…". */
const MAX_LABEL_CHARS = 24;

/** A table cell: one line, not wider than MAX_LABEL_CHARS. */
function cell(text: string): string {
  const chars = Array.from(text.replace(/[\r\n\t]+/g, ' '));
  return chars.length <= MAX_LABEL_CHARS ? chars.join('') : chars.slice(0, MAX_LABEL_CHARS - 1).join('') + '…';
}

/**
 * Lines of a table for a monospace block: each column at least `minWidths` wide and two
 * spaces wider than its widest cell would leave too little room, no trailing spaces.
 */
export function tableLines(rows: readonly (readonly string[])[], minWidths: readonly number[] = []): string[] {
  const width = (s: string) => Array.from(s).length;
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? minWidths[i] ?? 0, width(c) + 1)));
  return rows.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - width(c)))).join(' '));
}

/** A piece of the summary: text, or a table to show in a monospace block (a `pre` span). */
export type SummaryPart = string | { pre: string };

/**
 * The summary after training as parts: text, with the metrics and per-class tables as `pre`
 * blocks so their columns line up in a chat's proportional font. Joined (see `summaryText`),
 * the parts are the CLI's plain text. `extraLines` go last (saved files, say).
 */
export function summaryParts(r: TrainResult, lang: Lang, extraLines: readonly string[] = []): SummaryPart[] {
  const o = r.options;
  const n = (x: number) => formatNumber(x, lang);
  const head: string[] = [];
  head.push(r.task === 'classification' ? t('task_classification', lang, { target: r.target, k: r.classes?.length ?? 0 }) : t('task_regression', lang, { target: r.target }));
  head.push(t('data', lang, { rows: r.rows, features: r.features, inputs: r.inputs.length, train: r.split.train, val: r.split.validation, test: r.split.test }));
  const sizes = [r.inputs.length, ...o.hidden, r.task === 'classification' ? (r.classes?.length ?? 0) : 1].join('-');
  const optimizer = OPTIMIZER_NAMES[o.optimizer];
  head.push(t('network', lang, { sizes, activation: activationShortName(o.activation, lang), optimizer, lr: n(o.lr) }));
  head.push(t(`stopped_${r.stopReason}`, lang, { epochs: r.epochs, best: r.bestEpoch, patience: o.patience }));

  const keys = r.task === 'classification' ? (['accuracy', 'macro_f1'] as const) : (['mse', 'mae', 'r2'] as const);
  const row = (name: string, m: Metrics | null) => [name, ...keys.map((k) => (m ? n((m as unknown as Record<string, number>)[k] ?? NaN) : '-'))];
  const metrics = tableLines(
    [
      [t('part', lang), ...keys.map((k) => HEADERS[k][lang])],
      row(t('train', lang), r.metrics.train),
      row(t('validation', lang), r.metrics.validation),
      row(t('test', lang), r.metrics.test),
      row(t('baseline', lang), r.baseline),
    ],
    [12, 10, 10, 10],
  );
  const part = t(r.scoredOn, lang);
  const baseline =
    typeof r.baseline.predicts === 'number'
      ? t('baselineMean', lang, { value: n(r.baseline.predicts), part })
      : t('baselineClass', lang, { value: r.baseline.predicts, part });

  const parts: SummaryPart[] = [`${head.join('\n')}\n\n`, { pre: metrics.join('\n') }, `\n${baseline}`];
  if (r.perClass) {
    const header = [t('classHeader', lang), HEADERS.precision[lang], HEADERS.recall[lang], HEADERS.f1[lang], HEADERS.support[lang]];
    const rows = r.perClass.map((c) => [cell(c.label), n(c.precision), n(c.recall), n(c.f1), String(c.support)]);
    parts.push(`\n\n${t('perClass', lang, { part })}\n`, { pre: tableLines([header, ...rows], [16, 10, 10, 10]).join('\n') });
  }
  const tail: string[] = [];
  if (r.warnings.length > 0) tail.push('', t('warnings', lang), ...r.warnings.map((w) => `- ${renderWarning(w, lang)}`));
  tail.push('', t('seconds', lang, { seconds: n(r.seconds) }), ...extraLines);
  parts.push(`\n${tail.join('\n')}`);
  return parts;
}

/** The summary as plain text (the CLI): `summaryParts` joined, tables as their lines. */
export function summaryText(r: TrainResult, lang: Lang, extraLines: readonly string[] = []): string {
  return summaryParts(r, lang, extraLines)
    .map((p) => (typeof p === 'string' ? p : p.pre))
    .join('');
}

/** A prediction as readable lines: the answer, then class probabilities from the most likely. */
export function predictionText(p: Prediction, lang: Lang): string {
  const lines = [`${t('prediction', lang)}: ${typeof p.prediction === 'number' ? formatNumber(p.prediction, lang) : p.prediction}`];
  if (p.probabilities) {
    lines.push(`${t('probabilities', lang)}:`);
    for (const c of [...p.probabilities].sort((a, b) => b.p - a.p)) lines.push(`  ${c.label}: ${formatNumber(c.p, lang)}`);
  }
  return lines.join('\n');
}
