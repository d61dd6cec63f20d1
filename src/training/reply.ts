/**
 * What training says, in Russian or English: the progress line, the summary after a run and
 * a prediction. Pure (result + language -> text), so the CLI and every chat door say the
 * same thing.
 */
import { renderMessage, type Lang, type LocalizedText } from '../core/errors.js';
import type { Prediction } from './model.js';
import type { Metrics, TrainProgress, TrainResult } from './train-job.js';

const TEXT = {
  epoch: { en: 'epoch', ru: 'эпоха' },
  trainLoss: { en: 'train loss', ru: 'ошибка (обучение)' },
  valLoss: { en: 'val loss', ru: 'ошибка (валидация)' },
  accuracy: { en: 'accuracy', ru: 'точность' },
  r2: { en: 'R²', ru: 'R²' },
  eta: { en: 'ETA ≤{seconds} s', ru: 'осталось ≤{seconds} с' },
  task_classification: { en: 'Classification of "{target}" ({k} {k|class|classes})', ru: 'Классификация «{target}» ({k} {k|класс|класса|классов})' },
  task_regression: { en: 'Regression of "{target}"', ru: 'Регрессия «{target}»' },
  data: {
    en: '{rows} {rows|row|rows}, {features} feature {features|column|columns} -> {inputs} {inputs|input|inputs}; split {train}/{val}/{test} (train/validation/test)',
    ru: '{rows} {rows|строка|строки|строк}, {features} {features|столбец-признак|столбца-признака|столбцов-признаков} -> {inputs} {inputs|вход|входа|входов}; разбиение {train}/{val}/{test} (обучение/валидация/тест)',
  },
  network: { en: 'Network: {sizes}, {activation}, {optimizer} lr {lr}', ru: 'Сеть: {sizes}, {activation}, {optimizer} шаг {lr}' },
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

type TextKey = keyof typeof TEXT;

function t(key: TextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return renderMessage({ code: key, params, text: TEXT[key] }, lang);
}

/** Numbers for people: up to 4 significant digits. */
function fmt(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** One progress report as a line: epoch, losses, the validation metric and the time left. */
export function progressLine(p: TrainProgress, lang: Lang): string {
  return [
    `${t('epoch', lang)} ${p.epoch}/${p.epochs}`,
    `${t('trainLoss', lang)} ${fmt(p.trainLoss)}`,
    `${t('valLoss', lang)} ${fmt(p.validationLoss)}`,
    `${t(p.metric, lang)} ${fmt(p.validationMetric)}`,
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

/**
 * The readable summary after training: task, data, network, why it stopped, the metrics next
 * to the baseline, per-class scores and warnings. `extraLines` go last (saved files, say).
 */
export function summaryText(r: TrainResult, lang: Lang, extraLines: readonly string[] = []): string {
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
  lines.push(...extraLines);
  return lines.join('\n');
}

/** A prediction as readable lines: the answer, then class probabilities from the most likely. */
export function predictionText(p: Prediction, lang: Lang): string {
  const lines = [`${t('prediction', lang)}: ${typeof p.prediction === 'number' ? fmt(p.prediction) : p.prediction}`];
  if (p.probabilities) {
    lines.push(`${t('probabilities', lang)}:`);
    for (const c of [...p.probabilities].sort((a, b) => b.p - a.p)) lines.push(`  ${c.label}: ${fmt(c.p)}`);
  }
  return lines.join('\n');
}
