/**
 * `/predict [values]`: asks the caller's last model (from `/train`, kept in the store) about one
 * row, e.g. `/predict 5.1,3.5,1.4,0.2`; class probabilities for a classifier. One forward pass
 * of a small network is microseconds, so it runs here rather than in the pool.
 */
import { TrainedModel } from '../../training/model.js';
import { predictionText } from '../../training/reply.js';
import { userKey } from '../../store/types.js';
import type { BotCommand } from '../command.js';
import { modelColumns, predictHowText, TRAIN_TEXT } from '../features/train-texts.js';

/**
 * Values typed with spaces between them (`/predict 5.1 3.5 1.4 0.2`, or the Russian
 * `/predict 5,1 3,5 1,4 0,2` with decimal commas) become a semicolon-separated row, which the
 * data module reads with commas as decimals. With commas in the line, only when the spaces give
 * exactly one value per column and no other separator is used, so `New York,2` stays as typed.
 */
export function predictRow(values: string, columns: number): string {
  const line = values.trim();
  if (/[;\t|]/.test(line) || line.includes('"')) return line;
  const bySpace = line.replace(/\s*,\s+|\s+,\s*/g, ',').split(/\s+/);
  if (bySpace.length < 2 || columns < 2) return line;
  // No comma at all: the spaces are the separators (and a wrong count is then counted right).
  if (!line.includes(',')) return bySpace.join(',');
  if (bySpace.length !== columns) return line;
  // Commas between the space-separated parts are decimal marks only if none split a value.
  const commaCells = line.split(',').length;
  return commaCells === columns ? line : bySpace.join(';');
}

export const command: BotCommand = {
  name: 'predict',
  description: {
    en: 'Ask your last trained model about a new example',
    ru: 'Спросить вашу последнюю обученную модель о новом примере',
  },
  options: [
    {
      name: 'values',
      type: 'string',
      rest: true,
      max: 4000,
      example: '5.1,3.5,1.4,0.2',
      description: {
        en: 'the feature values in the order of the training columns, separated by commas or spaces',
        ru: 'значения признаков в порядке столбцов обучения, через запятую или пробел',
      },
    },
  ],
  examples: ['/predict 5.1,3.5,1.4,0.2'],
  async run(ctx) {
    const saved = ctx.services.store.models.get(userKey(ctx.chat.door, ctx.user.id));
    if (!saved) {
      await ctx.send([TRAIN_TEXT.noModel[ctx.lang]]);
      return;
    }
    const model = TrainedModel.fromJSON(saved.model);
    const values = typeof ctx.options.values === 'string' ? ctx.options.values : '';
    if (values.trim() === '') {
      await ctx.send(predictHowText(model.toJSON(), ctx.lang));
      return;
    }
    // A wrong number of values or a bad number is the data module's own message, naming the columns.
    const p = model.predictLine(predictRow(values, modelColumns(model.toJSON()).length));
    // Class labels are user text (from the CSV): a plain span.
    await ctx.send([predictionText(p, ctx.lang)]);
  },
};
