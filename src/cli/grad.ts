/**
 * `gradbot grad "<expr>" name=value ... [--json] [--lang ru|en]`: the value of an expression
 * and its gradient with respect to every variable, by backpropagation through the graph.
 *
 * Without --json it prints the graph node by node like the lecture's slides (forward value,
 * gradient, and the gate rule that moved the gradient: src/grad/walkthrough.ts); with --json
 * exactly `{"value": number, "grad": {"<name>": number, ...}}`.
 *
 * Expressions and values start with a minus sign (`-log(x)`, `x=-3`): they are positionals,
 * as every token that does not start with `--` is (src/options/parse-cli.ts).
 */
import { defineMessages } from '../core/errors.js';
import { parseAssignments } from '../grad/assignments.js';
import { computeGradients } from '../grad/compute.js';
import { expressionLine, gradientLines, walkthroughTable } from '../grad/walkthrough.js';
import { EXIT_OK, printJson, type CliCommand } from './shared.js';

const msg = defineMessages('grad', {
  missing_expression: {
    en: 'Give an expression in quotes, e.g. gradbot grad "1 + exp(w0 + w1*x)" w0=1 w1=2 x=-1.',
    ru: 'Укажите выражение в кавычках, например gradbot grad "1 + exp(w0 + w1*x)" w0=1 w1=2 x=-1.',
  },
  not_finite: {
    en: '{what} is {value} at these values, which JSON cannot hold as a number (e.g. log(0), sqrt of a negative, exp of a huge number). Change the values, or run without --json to see the graph node by node.',
    ru: '{what_ru} при этих значениях равно {value}, а в JSON это не число (например, log(0), корень из отрицательного, exp от огромного числа). Измените значения или запустите без --json, чтобы увидеть граф по узлам.',
  },
});

export const command: CliCommand = {
  name: 'grad',
  summary: 'Value and gradient of an expression, with the graph node by node',
  usage: [
    'Usage: gradbot grad "<expr>" name=value ... [--json] [--lang ru|en]',
    '',
    'Functions: exp, log (ln), sqrt, abs, max, min, sin, cos and every activation (sigmoid, relu, ...).',
    'Example: gradbot grad "1 + exp(w0 + w1*x)" w0=1 w1=2 x=-1',
    '--json prints {"value": number, "grad": {"<name>": number, ...}}.',
  ].join('\n'),
  options: [],
  async run({ positionals }, io, { lang, json }): Promise<number> {
    const [expression, ...assignments] = positionals;
    if (expression === undefined) throw msg.error('missing_expression');
    const values = parseAssignments(assignments);
    const { output, value, grad } = computeGradients(expression, values);

    if (json) {
      // The contract is {"value": number, ...}: JSON.stringify would turn NaN and ±Infinity into null.
      if (!Number.isFinite(value)) {
        throw msg.error('not_finite', { what: 'The value', what_ru: 'Значение', value: String(value) });
      }
      for (const [name, g] of Object.entries(grad)) {
        if (!Number.isFinite(g)) throw msg.error('not_finite', { what: `d/d${name}`, what_ru: `d/d${name}`, value: String(g) });
      }
      printJson(io, { value, grad });
      return EXIT_OK;
    }
    io.out(expressionLine(expression, values));
    io.out(walkthroughTable(output, lang));
    io.out(gradientLines(value, grad, lang).join('\n'));
    return EXIT_OK;
  },
};
