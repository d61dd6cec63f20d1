import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainMsg } from '../../src/training/messages.js';
import {
  activationShortName,
  formatNumber,
  predictionText,
  progressLine,
  summaryParts,
  summaryText,
  tableLines,
  type SummaryPart,
} from '../../src/training/reply.js';
import { handle, type TrainResult } from '../../src/training/train-job.js';

const dataset = (name: string) => new Uint8Array(readFileSync(new URL(`../../assets/datasets/${name}`, import.meta.url)));

// Real results (few epochs), with the shown figures pinned so the texts can be checked exactly.
const iris = await handle({ csv: dataset('iris.csv'), options: { seed: 1, epochs: 5 } }, () => {});
const friedman = await handle({ csv: dataset('friedman.csv'), options: { seed: 1, epochs: 5, hidden: [8] } }, () => {});

const classification: TrainResult = {
  ...iris,
  options: { ...iris.options, lr: 0.003, activation: 'relu', optimizer: 'adam', patience: 20 },
  epochs: 143,
  bestEpoch: 123,
  stopReason: 'patience',
  metrics: { train: { accuracy: 0.99286, macro_f1: 0.99285 }, validation: { accuracy: 0.93333, macro_f1: 0.93301 }, test: { accuracy: 0.96667, macro_f1: 0.96663 } },
  baseline: { accuracy: 1 / 3, macro_f1: 0.16667, predicts: 'setosa' },
  perClass: [
    { label: 'setosa', precision: 1, recall: 1, f1: 1, support: 8 },
    { label: 'a class label that is far too long for a table', precision: 0.875, recall: 0.875, f1: 0.875, support: 8 },
    { label: 'virginica', precision: 0.875, recall: 0.875, f1: 0.875, support: 8 },
  ],
  warnings: [],
  seconds: 0.1384,
};

const regression: TrainResult = {
  ...friedman,
  options: { ...friedman.options, lr: 0.003, activation: 'relu', optimizer: 'adam' },
  epochs: 15,
  bestEpoch: 15,
  stopReason: 'max_epochs',
  metrics: { train: { mse: 8.4662, mae: 2.2281, r2: 0.665 }, validation: { mse: 9.1931, mae: 2.481, r2: 0.68871 }, test: { mse: 17.562, mae: 3.4012, r2: 0.31572 } },
  baseline: { mse: 25.943, mae: 4.2831, r2: -0.011213, predicts: 14.4711 },
  warnings: [],
  seconds: 0.042,
};

const tables = (parts: SummaryPart[]) => parts.filter((p): p is { pre: string } => typeof p !== 'string').map((p) => p.pre.split('\n'));

/** Where each column of a table line starts (runs of 2+ spaces, or 1 before the last column, separate columns). */
function columnStarts(line: string, header: string): number[] {
  const starts = [0];
  for (let i = 1; i < header.length; i++) if (header[i] !== ' ' && header[i - 1] === ' ' && header[i - 2] === ' ') starts.push(i);
  return starts.filter((s) => s === 0 || (line[s - 1] === ' ' && line[s] !== ' '));
}

describe('formatNumber', () => {
  it('writes Russian numbers with a decimal comma and a real minus, English ones as before', () => {
    expect(formatNumber(0.79551, 'ru')).toBe('0,7955');
    expect(formatNumber(-0.011213, 'ru')).toBe('−0,01121');
    expect(formatNumber(0.003, 'ru')).toBe('0,003');
    expect(formatNumber(12, 'ru')).toBe('12');
    expect(formatNumber(0.79551, 'en')).toBe('0.7955');
    expect(formatNumber(-0.011213, 'en')).toBe('-0.01121');
  });
});

describe('summary in Russian', () => {
  const text = summaryText(classification, 'ru');
  const reg = summaryText(regression, 'ru');

  it('names the network with the proper names of its activation and optimizer', () => {
    expect(text).toContain('Сеть: 4-64-32-3, ReLU, Adam, шаг обучения 0,003\n');
    const sgd = summaryText({ ...classification, options: { ...classification.options, activation: 'sigmoid', optimizer: 'sgd', lr: 0.05 } }, 'ru');
    expect(sgd).toContain('Сеть: 4-64-32-3, сигмоида, SGD, шаг обучения 0,05\n');
  });

  it('uses Russian column headers and decimal commas in the tables', () => {
    const [metrics, perClass] = tables(summaryParts(classification, 'ru'));
    expect(metrics).toEqual([
      'часть        доля верных  macro-F1',
      'обучение     0,9929       0,9929',
      'валидация    0,9333       0,933',
      'тест         0,9667       0,9666',
      'базовая      0,3333       0,1667',
    ]);
    expect(perClass?.[0]).toBe('класс                     точность   полнота    F1         примеров');
    expect(perClass?.[1]).toBe('setosa                    1          1          1          8');
    // A long label is cut, so the columns stay where they are.
    expect(perClass?.[2]).toBe('a class label that is f…  0,875      0,875      0,875      8');
    const [regTable] = tables(summaryParts(regression, 'ru'));
    expect(regTable?.[0]).toBe('часть        MSE        MAE        R²');
    expect(regTable?.[4]).toBe('базовая      25,94      4,283      −0,01121');
    expect(reg).toContain('Базовая модель: всегда среднее по обучению 14,47 (на части «тест»).');
    expect(text).toContain('Время: 0,1384 с');
    // No number in the Russian texts keeps a decimal point.
    expect(text + reg).not.toMatch(/\d\.\d/);
  });

  it('offers the tables as pre blocks whose columns line up', () => {
    const parts = summaryParts(classification, 'ru');
    expect(parts.map((p) => typeof p)).toEqual(['string', 'object', 'string', 'string', 'object', 'string']);
    for (const table of tables(parts)) {
      const header = table[0] as string;
      const starts = columnStarts(header, header);
      expect(starts.length).toBeGreaterThanOrEqual(3);
      for (const line of table) expect(columnStarts(line, header), line).toEqual(starts);
      for (const line of table) expect(line).not.toMatch(/\s$/);
    }
    // Joined, the parts are the plain text the CLI prints.
    expect(parts.map((p) => (typeof p === 'string' ? p : p.pre)).join('')).toBe(text);
  });

  it('puts the right plural forms after every count', () => {
    const small: TrainResult = { ...classification, classes: ['a'], rows: 21, features: 1, inputs: ['x'], epochs: 21, options: { ...classification.options, patience: 1 } };
    const s = summaryText(small, 'ru');
    expect(s).toContain('Классификация «species» (1 класс)');
    expect(s).toContain('21 строка, 1 столбец-признак -> 1 вход;');
    expect(s).toContain('Остановлено после 21 эпохи: 1 эпоха без улучшения');
    const many = summaryText({ ...classification, rows: 22, features: 3, inputs: ['a', 'b', 'c', 'd', 'e'], epochs: 25, options: { ...classification.options, patience: 5 } }, 'ru');
    expect(many).toContain('22 строки, 3 столбца-признака -> 5 входов;');
    expect(many).toContain('Остановлено после 25 эпох: 5 эпох без улучшения');
  });

  it('writes the numbers of warnings the Russian way, with plural forms', () => {
    const warned: TrainResult = {
      ...classification,
      warnings: [trainMsg.warning('diverged', { epoch: 3, lr: 0.5 }), trainMsg.warning('time_budget', { epochs: 1, seconds: 45 })],
    };
    const ru = summaryText(warned, 'ru');
    expect(ru).toContain('- Ошибка стала бесконечной или NaN на эпохе 3 (скорее всего, слишком большой шаг обучения 0,5)');
    expect(ru).toContain('- Обучение остановлено после 1 эпохи: исчерпан бюджет времени 45 с;');
    const en = summaryText(warned, 'en');
    expect(en).toContain('(learning rate 0.5 is probably too high)');
    expect(en).toContain('- Training stopped after 1 epoch because it reached the time budget of 45 s;');
  });
});

describe('summary in English', () => {
  it('keeps its wording and the metric keys as headers', () => {
    const text = summaryText(classification, 'en');
    expect(text).toContain('Network: 4-64-32-3, ReLU, Adam lr 0.003\n');
    const [metrics, perClass] = tables(summaryParts(classification, 'en'));
    expect(metrics).toEqual([
      'part         accuracy   macro_f1',
      'train        0.9929     0.9929',
      'validation   0.9333     0.933',
      'test         0.9667     0.9666',
      'baseline     0.3333     0.1667',
    ]);
    expect(perClass?.[0]).toBe('class                     precision  recall     f1         support');
    const [reg] = tables(summaryParts(regression, 'en'));
    expect(reg?.[4]).toBe('baseline     25.94      4.283      -0.01121');
    expect(text).toContain('Baseline: always "setosa" (on the test part).');
  });
});

describe('tableLines', () => {
  it('pads each column to its widest cell plus a space, at least the minimum width', () => {
    expect(tableLines([['a', 'bb', 'c'], ['long cell', 'x', 'y']], [4])).toEqual(['a          bb  c', 'long cell  x   y']);
  });
});

describe('progressLine', () => {
  const p = { epoch: 1, epochs: 200, trainLoss: 0.69581, validationLoss: 0.45492, validationMetric: 0.86667, metric: 'accuracy' as const, etaSeconds: 2.2, elapsedSeconds: 0.1 };

  it('says the epoch, losses and accuracy in Russian with decimal commas', () => {
    expect(progressLine(p, 'ru')).toBe('эпоха 1/200  ошибка (обучение) 0,6958  ошибка (валидация) 0,4549  доля верных 0,8667  осталось ≤3 с');
    expect(progressLine({ ...p, metric: 'r2', validationMetric: -0.25 }, 'ru')).toContain('R² −0,25');
  });

  it('keeps the English line', () => {
    expect(progressLine(p, 'en')).toBe('epoch 1/200  train loss 0.6958  val loss 0.4549  accuracy 0.8667  ETA ≤3 s');
  });
});

describe('predictionText', () => {
  it('writes predictions and probabilities the language’s way', () => {
    expect(predictionText({ task: 'regression', prediction: -1.53 }, 'ru')).toBe('Предсказание: −1,53');
    const cls = { task: 'classification' as const, prediction: 'b', probabilities: [{ label: 'a', p: 0.25 }, { label: 'b', p: 0.75 }] };
    expect(predictionText(cls, 'ru')).toBe('Предсказание: b\nВероятности:\n  b: 0,75\n  a: 0,25');
    expect(predictionText(cls, 'en')).toBe('Prediction: b\nProbabilities:\n  b: 0.75\n  a: 0.25');
  });
});

describe('activationShortName', () => {
  it('takes the abbreviation or short name from the registry', () => {
    const ids = ['relu', 'tanh', 'leaky_relu', 'silu', 'softplus', 'hardtanh', 'sigmoid', 'binary_step'];
    expect(ids.map((id) => activationShortName(id, 'ru'))).toEqual(['ReLU', 'tanh', 'Leaky ReLU', 'SiLU', 'Softplus', 'HardTanh', 'сигмоида', 'единичная ступенька']);
    expect(ids.map((id) => activationShortName(id, 'en'))).toEqual(['ReLU', 'tanh', 'Leaky ReLU', 'SiLU', 'Softplus', 'HardTanh', 'Sigmoid', 'Binary step']);
  });
});
