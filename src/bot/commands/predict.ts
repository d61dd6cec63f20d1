/**
 * `/predict [values]`: asks the caller's last model (from `/train`, kept in the store) about one
 * row, e.g. `/predict 5.1,3.5,1.4,0.2`; class probabilities for a classifier. One forward pass
 * of a small network is microseconds, so it runs here rather than in the pool.
 */
import { TrainedModel } from '../../training/model.js';
import { predictionText } from '../../training/reply.js';
import { userKey } from '../../store/types.js';
import type { BotCommand } from '../command.js';
import { predictHowText, TRAIN_TEXT } from '../features/train-texts.js';

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
        en: 'the feature values in the order of the training columns, separated by commas',
        ru: 'значения признаков в порядке столбцов обучения, через запятую',
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
    const p = model.predictLine(values);
    // Class labels are user text (from the CSV): a plain span.
    await ctx.send([predictionText(p, ctx.lang)]);
  },
};
