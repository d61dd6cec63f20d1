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

/** Texts of the charts in both languages. */
export const CHART_TEXT = {
  solidDashed: { en: 'solid: f(x), dashed: f′(x)', ru: 'сплошная: f(x), пунктир: f′(x)' },
  comparison: { en: 'Comparison', ru: 'Сравнение' },
  loss: { en: 'Loss', ru: 'Потери' },
  lossTitle: { en: 'Training curves', ru: 'Кривые обучения' },
  epoch: { en: 'epoch', ru: 'эпоха' },
  trainLoss: { en: 'training loss', ru: 'потери на обучении' },
  valLoss: { en: 'validation loss', ru: 'потери на валидации' },
  accuracy: { en: 'accuracy', ru: 'точность' },
  trainAccuracy: { en: 'training accuracy', ru: 'точность на обучении' },
  valAccuracy: { en: 'validation accuracy', ru: 'точность на валидации' },
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
