/**
 * `gradbot graph "<expr>" name=value ... [--step K] --out file.png`: the computation graph
 * of an expression with forward values (green) and gradients (red), as on the slides.
 * With --step K, the picture after K steps of the backward pass (unknown gradients are "?").
 */
import { defineMessages, type Lang } from '../core/errors.js';
import { backwardSteps, exportGraphAfterSteps, parseExpression } from '../core/scalar/index.js';
import { parseAssignments, rejectUnknownVariables } from './assignments.js';
import { stepPictureOptions } from '../render/graph/steps.js';
import { renderPicture } from '../render/render.js';
import type { GraphPictureOptions } from '../render/types.js';
import { parseHandArgs, writeOutput } from './plot.js';
import { EXIT_OK, langOption, printJson, type CliCommand, type CliIo } from './shared.js';

const msg = defineMessages('graph', {
  missing_expression: {
    en: 'Give an expression in quotes, e.g. gradbot graph "x*w + b" x=2 w=-3 b=1 --out g.png.',
    ru: 'Укажите выражение в кавычках, например gradbot graph "x*w + b" x=2 w=-3 b=1 --out g.png.',
  },
  missing_out: {
    en: 'Give the output file with --out, e.g. --out graph.png.',
    ru: 'Укажите файл для картинки через --out, например --out graph.png.',
  },
  missing_value: {
    en: 'No value for {names}. Give one after the expression, e.g. {example}=1.',
    ru: 'Нет значения для {names}. Задайте его после выражения, например {example}=1.',
  },
  bad_step: {
    en: 'Option --step expects a whole number from 0 to {max} (the backward pass of this graph has {max} steps), got "{value}".',
    ru: 'Параметр --step ожидает целое число от 0 до {max} (в обратном проходе этого графа {max} шагов), а получено «{value}».',
  },
});

export const command: CliCommand = {
  name: 'graph',
  summary: 'Draw the computation graph of an expression with values and gradients to a PNG',
  usage: [
    'Usage: gradbot graph "<expr>" name=value ... [--step K] [--no-values] [--no-grads] [--lang ru|en] --out file.png',
    '',
    'Example: gradbot graph "1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))" w0=2 x0=-1 w1=-3 x1=-2 w2=-3 --out neuron.png',
    '--step K draws the graph after K backward steps (0 = only the output gradient is known).',
  ].join('\n'),
  async run(argv: string[], io: CliIo): Promise<number> {
    const args = parseHandArgs('graph', argv, ['step', 'lang', 'out'], ['no-values', 'no-grads', 'json']);
    const lang: Lang = langOption(args.values.lang);
    const [expression, ...assignments] = args.positionals;
    if (expression === undefined || expression.trim() === '') throw msg.error('missing_expression');
    const out = args.values.out;
    if (out === undefined || out === '') throw msg.error('missing_out');

    const values = parseAssignments(assignments);
    const expr = parseExpression(expression);
    rejectUnknownVariables(expr, values);
    const missing = expr.variables.filter((v) => !(v in values));
    if (missing.length > 0) throw msg.error('missing_value', { names: missing.join(', '), example: missing[0]! });

    const { output } = expr.build(values);
    const steps = backwardSteps(output);
    let k = steps.length;
    let options: GraphPictureOptions = {};
    if (args.values.step !== undefined) {
      const raw = args.values.step;
      k = Number(raw);
      if (raw.trim() === '' || !Number.isInteger(k) || k < 0 || k > steps.length) {
        throw msg.error('bad_step', { max: steps.length, value: raw });
      }
    }
    const graph = exportGraphAfterSteps(output, k);
    if (args.values.step !== undefined) options = stepPictureOptions(graph, steps, k, lang);
    if (args.flags.has('no-values')) options.showValues = false;
    if (args.flags.has('no-grads')) options.showGrads = false;

    await writeOutput(out, await renderPicture({ kind: 'graph', graph, options, lang }));
    if (args.flags.has('json')) printJson(io, { files: [out], nodes: graph.nodes.length, steps: steps.length, step: k });
    else io.out(out);
    return EXIT_OK;
  },
};
