/**
 * `gradbot predict --model model.json "v1,v2,..." [--json] [--lang ru|en]`: asks a model saved
 * by `gradbot train --save` about one row. A single forward pass is tiny, so it runs here
 * rather than in the worker pool.
 */
import { defineMessages } from '../core/errors.js';
import { stringValue } from '../options/parse-cli.js';
import type { OptionSpec } from '../options/types.js';
import { TrainedModel } from '../training/model.js';
import { trainMsg } from '../training/messages.js';
import { predictionText } from '../training/reply.js';
import { readUserFile } from './files.js';
import { badArgs, EXIT_OK, printJson, type CliCommand } from './shared.js';

const msg = defineMessages('predict', {
  need_model: {
    en: 'Give the model file: gradbot predict --model model.json "5.1,3.5,1.4,0.2".',
    ru: 'Укажите файл модели: gradbot predict --model model.json "5.1,3.5,1.4,0.2".',
  },
});

const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'model',
    type: 'string',
    example: 'model.json',
    description: { en: 'a model saved by "gradbot train --save"', ru: 'модель, сохранённая «gradbot train --save»' },
  },
];

/** Reads and checks a model file. */
export async function loadModelFile(path: string): Promise<TrainedModel> {
  const bytes = await readUserFile(path);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw trainMsg.error('bad_model', { detail: e instanceof Error ? e.message : 'not JSON' });
  }
  return TrainedModel.fromJSON(json);
}

export const command: CliCommand = {
  name: 'predict',
  summary: 'Predict one row with a model saved by "gradbot train --save".',
  usage: 'Usage: gradbot predict --model model.json "v1,v2,..." [--json] [--lang ru|en]\nValues in the order of the feature columns the model was trained on.',
  options: OPTIONS,
  async run({ values, positionals }, io, { lang, json }): Promise<number> {
    // A row may start with a negative number ("-0.5,0.3"): it is a positional all the same.
    const model = stringValue(values, 'model');
    if (model === undefined) throw msg.error('need_model');
    if (positionals.length !== 1) throw badArgs('predict', {
        en: 'Give exactly one row of values in quotes, e.g. "5.1,3.5,1.4,0.2"',
        ru: 'Укажите ровно одну строку значений в кавычках, например "5.1,3.5,1.4,0.2"',
      });
    const p = (await loadModelFile(model)).predictLine(positionals[0] as string);
    if (json) printJson(io, p);
    else io.out(predictionText(p, lang));
    return EXIT_OK;
  },
};
