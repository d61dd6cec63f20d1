/**
 * What `/train`, `/predict` and `/cancel` say around the training itself: how to attach a
 * file on each door, the queue, cancellation, how to ask the model. The training's own texts
 * (progress line, summary, prediction) come from the training reply module, as in the CLI.
 */
import type { Lang } from '../../core/errors.js';
import { countOf } from '../../core/plural.js';
import type { SavedModel } from '../../training/model.js';
import { code } from '../rich-text.js';
import type { DoorId, RichText } from '../types.js';
import { SAMPLE_DATASETS } from './sample-datasets.js';
import { fmt4, num4, say, sayRich, sizeText } from './say.js';

const JOB_NAMES: Record<string, { en: string; ru: string }> = {
  train: { en: 'training', ru: 'обучение' },
  spells: { en: 'spell generator training', ru: 'обучение генератора заклинаний' },
};

/** The name of a job kind for messages ("training"). */
export function jobKindName(kind: string, lang: Lang): string {
  return JOB_NAMES[kind]?.[lang] ?? kind;
}

const ATTACH_HOW: Record<DoorId, { en: string; ru: string }> = {
  local: {
    en: 'Attach the CSV file with the 📎 button and send /train in the same message.',
    ru: 'Прикрепите CSV-файл кнопкой 📎 и отправьте /train в том же сообщении.',
  },
  telegram: {
    en: 'Send the CSV file as a document with /train in its caption, or reply to a CSV file with /train.',
    ru: 'Отправьте CSV-файл документом с подписью /train или ответьте на сообщение с CSV-файлом командой /train.',
  },
  discord: {
    en: 'Type /train and choose the CSV file in its "data" option.',
    ru: 'Наберите /train и выберите CSV-файл в параметре «data».',
  },
};

export const TRAIN_TEXT = {
  needFile: {
    en: '/train learns from a CSV file: a header row, then one row per example; one column is the target (by default target/label/class/y, else the last one). Files up to {limit}.',
    ru: '/train обучается на CSV-файле: строка заголовков, затем по строке на пример; один столбец — целевой (по умолчанию target/label/class/y, иначе последний). Файлы до {limit}.',
  },
  samples: {
    en: 'No file at hand? Try a sample data set:',
    ru: 'Нет файла под рукой? Попробуйте учебный набор данных:',
  },
  alreadyRunning: {
    en: 'Your {job} is still running. Wait for it to finish, or stop it with /cancel, then start a new one.',
    ru: 'Ваше {job} ещё идёт. Дождитесь конца или остановите его командой /cancel, а потом запускайте новое.',
  },
  queued: {
    en: 'Waiting for a free worker: place {position} in the queue.',
    ru: 'Жду свободного исполнителя: место в очереди — {position}.',
  },
  starting: { en: 'Training on {file}…', ru: 'Обучаю на {file}…' },
  cancelButton: { en: '✖ Cancel', ru: '✖ Отменить' },
  cancelled: { en: 'Training cancelled.', ru: 'Обучение отменено.' },
  // The reason is a whole sentence (the data's diagnosis), so it follows a full stop.
  failed: { en: 'Training stopped. {reason}', ru: 'Обучение остановлено. {reason}' },
  internal: {
    en: 'An internal error (not your data). Try again; if it repeats, tell the teacher.',
    ru: 'Внутренняя ошибка (дело не в ваших данных). Попробуйте ещё раз; если повторится, сообщите преподавателю.',
  },
  done: {
    en: 'Done: {epochs} in {seconds} s. The model is saved for /predict.',
    ru: 'Готово: {epochs} за {seconds} с. Модель сохранена для /predict.',
  },
  notYours: {
    en: 'Only the person who started this training can cancel it.',
    ru: 'Отменить это обучение может только тот, кто его запустил.',
  },
  predictHow: {
    en: 'Ask the model about a new example: the values of {columns} in this order, separated by commas, e.g.',
    ru: 'Спросите модель о новом примере: значения {columns} в этом порядке через запятую, например',
  },
  noModel: {
    en: 'You have no trained model yet. Train one with /train and a CSV file (or /train iris on the sample data), then ask it with /predict 5.1,3.5,1.4,0.2.',
    ru: 'У вас ещё нет обученной модели. Обучите её командой /train с CSV-файлом (или /train iris на учебных данных), а потом спрашивайте: /predict 5.1,3.5,1.4,0.2.',
  },
} as const;

const EPOCH_FORMS = {
  en: { one: 'epoch', other: 'epochs' },
  ru: { one: 'эпоха', few: 'эпохи', many: 'эпох', other: 'эпохи' },
} as const;

/** "Done: 12 epochs in 0.8 s…" (plural forms through Intl.PluralRules). */
export function doneText(epochs: number, seconds: number, lang: Lang): string {
  return say(lang, TRAIN_TEXT.done, { epochs: countOf(lang, epochs, EPOCH_FORMS[lang]), seconds: num4(seconds, lang) });
}

/** No file attached: what /train needs, how to attach one on this door, and the samples. */
export function needFileText(door: DoorId, lang: Lang, limitBytes: number): RichText {
  const out: RichText = [say(lang, TRAIN_TEXT.needFile, { limit: sizeText(limitBytes, lang) }), '\n\n', ATTACH_HOW[door][lang], '\n\n', TRAIN_TEXT.samples[lang]];
  for (const s of SAMPLE_DATASETS) out.push('\n', code(`/train ${s.id}`), ` — ${s.about[lang]}`);
  return out;
}

/** The feature columns of a saved model, in the order /predict takes them. */
export function modelColumns(model: SavedModel): string[] {
  return model.preprocessor.columns.map((c) => c.name);
}

/**
 * An example /predict line for a model: each column's training mean (numbers) or fill level
 * (categories), so the student can edit real-looking values.
 */
export function examplePredictLine(model: SavedModel): string {
  return model.preprocessor.columns.map((c) => (c.kind === 'numeric' ? fmt4(c.mean) : c.fill)).join(',');
}

/** "Ask the model: the values of a, b, c in this order, e.g. /predict 5.8,3.1,3.8,1.2". Column names are user text: plain spans. */
export function predictHowText(model: SavedModel, lang: Lang): RichText {
  // The example holds category levels from the CSV: a plain span, never a code span.
  return [...sayRich(lang, TRAIN_TEXT.predictHow, { columns: modelColumns(model).join(', ') }), ' ', `/predict ${examplePredictLine(model)}`];
}
