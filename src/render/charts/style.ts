/**
 * Shared look of the charts: sizes readable on a phone (the picture is shrunk to ~360 px
 * wide in a chat, so nothing smaller than 14 px at 800 px), colours that stay distinct for
 * colour-blind students, and helpers for titles and axes.
 */
import type { Lang } from '../../core/errors.js';

/** Default picture size (16:9). */
export const DEFAULT_WIDTH = 800;
export const DEFAULT_HEIGHT = 450;

/** Line colours, one per function (Tableau 10, distinct and dark enough on white). */
export const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'] as const;

/** Colour number i (wraps around). */
export function colour(i: number): string {
  return PALETTE[i % PALETTE.length] as string;
}

export const FONT_SIZES = { title: 20, subtitle: 16, tick: 14, axisTitle: 15, legend: 15 } as const;

/** Grid lines light, the zero lines dark: they are the axes. */
export const GRID_COLOUR = '#e3e3e3';
export const AXIS_COLOUR = '#333';
/** The frame of a plot whose axes run through zero inside it: lighter than an axis. */
export const EDGE_COLOUR = '#b5b5b5';

/** Texts of the charts in both languages. */
export const CHART_TEXT = {
  solidDashed: { en: 'solid: f(x), dashed: f′(x)', ru: 'сплошная: f(x), пунктир: f′(x)' },
  comparison: { en: 'Comparison', ru: 'Сравнение' },
  // The loss is «ошибка» as in the training texts (src/training/reply.ts), and the axis says
  // which function it is; accuracy is «доля верных ответов» («точность» is precision).
  lossAxis: { en: 'Loss', ru: 'Ошибка (функция потерь)' },
  lossTitle: { en: 'Training curves', ru: 'Кривые обучения' },
  epochAxis: { en: 'Epoch', ru: 'Эпоха' },
  trainLoss: { en: 'training loss', ru: 'ошибка (обучение)' },
  valLoss: { en: 'validation loss', ru: 'ошибка (валидация)' },
  accuracyAxis: { en: 'Accuracy', ru: 'Доля верных ответов' },
  trainAccuracy: { en: 'training accuracy', ru: 'доля верных (обучение)' },
  valAccuracy: { en: 'validation accuracy', ru: 'доля верных (валидация)' },
  logScale: { en: 'log scale', ru: 'логарифмическая шкала' },
  boundaryTitle: { en: 'Decision boundary', ru: 'Граница решений' },
  train: { en: 'train', ru: 'обучение' },
  test: { en: 'test', ru: 'тест' },
  confusionTitle: { en: 'Confusion matrix', ru: 'Матрица ошибок' },
  actual: { en: 'actual class', ru: 'истинный класс' },
  predicted: { en: 'predicted class', ru: 'предсказанный класс' },
} as const satisfies Record<string, Record<Lang, string>>;

/** A chart text in the given language. */
export function t(key: keyof typeof CHART_TEXT, lang: Lang): string {
  return CHART_TEXT[key][lang];
}
