/**
 * `gradbot predict --model model.json "v1,v2,..." [--json] [--lang ru|en]`: asks a model saved
 * by `gradbot train --save` about one row. A single forward pass is tiny, so it runs here
 * rather than in the worker pool.
 */
import { defineMessages, type Lang } from '../core/errors.js';
import { TrainedModel, type Prediction } from '../training/model.js';
import { trainMsg } from '../training/messages.js';
import { readUserFile } from './train.js';
import { badArgs, EXIT_OK, langOption, parseCliArgs, printJson, type CliCommand, type CliIo } from './shared.js';

const msg = defineMessages('predict', {
  need_model: {
    en: 'Give the model file: gradbot predict --model model.json "5.1,3.5,1.4,0.2".',
    ru: 'Укажите файл модели: gradbot predict --model model.json "5.1,3.5,1.4,0.2".',
  },
});

const WORDS = {
  prediction: { en: 'Prediction', ru: 'Предсказание' },
  probabilities: { en: 'Probabilities', ru: 'Вероятности' },
};

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

/** The prediction as readable lines. */
export function predictionText(p: Prediction, lang: Lang): string {
  const fmt = (x: number) => String(Number(x.toPrecision(4)));
  const lines = [`${WORDS.prediction[lang]}: ${typeof p.prediction === 'number' ? fmt(p.prediction) : p.prediction}`];
  if (p.probabilities) {
    lines.push(`${WORDS.probabilities[lang]}:`);
    for (const c of [...p.probabilities].sort((a, b) => b.p - a.p)) lines.push(`  ${c.label}: ${fmt(c.p)}`);
  }
  return lines.join('\n');
}

export const command: CliCommand = {
  name: 'predict',
  summary: 'Predict one row with a model saved by "gradbot train --save".',
  usage: 'Usage: gradbot predict --model model.json "v1,v2,..." [--json] [--lang ru|en]\nValues in the order of the feature columns the model was trained on.',
  async run(argv: string[], io: CliIo): Promise<number> {
    // A row may start with a negative number ("-0.5,0.3"): parseArgs would take it for an
    // option, so such arguments are set aside as the row (unless they are an option's value).
    const isRow = (a: string, i: number) => /^-\.?\d/.test(a) && !['--model', '--lang'].includes(argv[i - 1] ?? '');
    const rows = argv.filter(isRow);
    const { values, positionals: rest } = parseCliArgs('predict', argv.filter((a, i) => !isRow(a, i)), {
      model: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const positionals = [...rest, ...rows];
    const lang = langOption(values.lang);
    if (values.model === undefined) throw msg.error('need_model');
    if (positionals.length !== 1) throw badArgs('predict', {
        en: 'Give exactly one row of values in quotes, e.g. "5.1,3.5,1.4,0.2"',
        ru: 'Укажите ровно одну строку значений в кавычках, например "5.1,3.5,1.4,0.2"',
      });
    const model = await loadModelFile(values.model);
    const p = model.predictLine(positionals[0] as string);
    if (values.json) printJson(io, p);
    else io.out(predictionText(p, lang));
    return EXIT_OK;
  },
};
