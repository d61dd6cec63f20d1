/**
 * `gradbot graph "<expr>" name=value ... [--step K] --out file.png`: the computation graph
 * of an expression with forward values (green) and gradients (red), as on the slides.
 * With --step K, the picture after K steps of the backward pass (unknown gradients are "?").
 */
import { defineMessages } from '../core/errors.js';
import { backwardSteps, exportGraphAfterSteps, parseExpression } from '../core/scalar/index.js';
import { parseAssignments, rejectUnknownVariables } from '../grad/assignments.js';
import { booleanValue, stringValue } from '../options/parse-cli.js';
import type { OptionSpec } from '../options/types.js';
import { stepPictureOptions } from '../render/graph/steps.js';
import { renderPicture } from '../render/render.js';
import type { GraphPictureOptions } from '../render/types.js';
import { writeUserFile } from './files.js';
import { EXIT_OK, printJson, type CliCommand } from './shared.js';

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

const OPTIONS: readonly OptionSpec[] = [
  {
    // Text, not an integer: the check below names the graph's own number of steps.
    name: 'step',
    type: 'string',
    example: 'K',
    description: { en: 'draw the graph after K backward steps (0 = only the output gradient is known)', ru: 'нарисовать граф после K шагов обратного хода (0 — известен только градиент выхода)' },
  },
  { name: 'values', type: 'boolean', default: true, description: { en: 'hide the forward values', ru: 'не показывать значения прямого хода' } },
  { name: 'grads', type: 'boolean', default: true, description: { en: 'hide the gradients', ru: 'не показывать градиенты' } },
  { name: 'out', type: 'string', example: 'file.png', description: { en: 'the PNG file to write', ru: 'PNG-файл, куда сохранить картинку' } },
];

export const command: CliCommand = {
  name: 'graph',
  summary: 'Draw the computation graph of an expression with values and gradients to a PNG',
  usage: [
    'Usage: gradbot graph "<expr>" name=value ... [--step K] [--no-values] [--no-grads] [--lang ru|en] --out file.png',
    '',
    'Example: gradbot graph "1 / (1 + exp(-(w0*x0 + w1*x1 + w2)))" w0=2 x0=-1 w1=-3 x1=-2 w2=-3 --out neuron.png',
    '--step K draws the graph after K backward steps (0 = only the output gradient is known).',
  ].join('\n'),
  options: OPTIONS,
  async run(args, io, { lang, json }): Promise<number> {
    const [expression, ...assignments] = args.positionals;
    if (expression === undefined || expression.trim() === '') throw msg.error('missing_expression');
    const out = stringValue(args.values, 'out');
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
    const step = stringValue(args.values, 'step');
    if (step !== undefined) {
      const raw = step;
      k = Number(raw);
      if (raw.trim() === '' || !Number.isInteger(k) || k < 0 || k > steps.length) {
        throw msg.error('bad_step', { max: steps.length, value: raw });
      }
    }
    const graph = exportGraphAfterSteps(output, k);
    if (step !== undefined) options = stepPictureOptions(graph, steps, k, lang);
    if (!booleanValue(args.values, 'values')) options.showValues = false;
    if (!booleanValue(args.values, 'grads')) options.showGrads = false;

    await writeUserFile(out, await renderPicture({ kind: 'graph', graph, options, lang }));
    if (json) printJson(io, { files: [out], nodes: graph.nodes.length, steps: steps.length, step: k });
    else io.out(out);
    return EXIT_OK;
  },
};
