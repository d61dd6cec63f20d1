/**
 * `gradbot grad "<expr>" name=value ... [--json] [--lang ru|en]`: the value of an expression
 * and its gradient with respect to every variable, by backpropagation through the graph.
 *
 * Without --json it prints the graph node by node like the lecture's slides (forward value,
 * gradient, and the gate rule that moved the gradient); with --json exactly
 * `{"value": number, "grad": {"<name>": number, ...}}`.
 *
 * Arguments are split by hand rather than with parseArgs because expressions and values
 * start with a minus sign (`-log(x)`, `x=-3`) and must stay positionals.
 */
import { defineMessages, type Lang, type LocalizedText } from '../core/errors.js';
import { backwardSteps, exportGraph, parseExpression, type GraphNode } from '../core/scalar/index.js';
import { parseAssignments, rejectUnknownVariables } from './assignments.js';
import { EXIT_OK, unknownOption, langOption, printJson, type CliCommand, type CliIo } from './shared.js';

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

/** Column headers and rule explanations of the node-by-node table. */
const TEXT: Record<string, LocalizedText> = {
  header: { en: 'node  op                value        grad         backward rule', ru: 'узел  операция          значение     градиент     правило обратного хода' },
  value: { en: 'value', ru: 'значение' },
  add: { en: 'add gate: distributes the gradient to both inputs', ru: 'сложение: раздаёт градиент обоим входам' },
  sub: { en: 'sub gate: passes the gradient, negated for the second input', ru: 'вычитание: передаёт градиент, второму входу со знаком минус' },
  mul: { en: 'mul gate: swaps the multipliers', ru: 'умножение: меняет множители местами' },
  max: { en: 'max gate: routes the gradient to the larger input', ru: 'максимум: направляет градиент к большему входу' },
  min: { en: 'min gate: routes the gradient to the smaller input', ru: 'минимум: направляет градиент к меньшему входу' },
  local: { en: 'times the local derivative {local}', ru: 'умножение на локальную производную {local}' },
  copy: { en: 'copy gate: used {uses} times, gradients add up', ru: 'копирование: используется {uses} раз(а), градиенты складываются' },
  leaf: { en: 'input', ru: 'вход' },
  constant: { en: 'constant', ru: 'константа' },
};

function t(key: string, lang: Lang, params: Record<string, string> = {}): string {
  const text = TEXT[key]?.[lang] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => params[k] ?? whole);
}

/** Numbers for people: up to 6 significant digits, no trailing zeros. */
function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}

interface GradArgs {
  expression: string;
  values: Record<string, number>;
  json: boolean;
  lang: Lang;
}

function parseGradArgs(argv: string[]): GradArgs {
  const positionals: string[] = [];
  let json = false;
  let lang: Lang = 'en';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--lang') lang = langOption(argv[++i] ?? ''); // a bare --lang at the end is a mistake, not English
    else if (a.startsWith('--lang=')) lang = langOption(a.slice('--lang='.length));
    else if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('--')) throw unknownOption('grad', a);
    else positionals.push(a);
  }
  const [expression, ...assignments] = positionals;
  if (expression === undefined) throw msg.error('missing_expression');
  return { expression, values: parseAssignments(assignments), json, lang };
}

/** The op column: the variable name, or the op with its input ids. */
function describe(node: GraphNode): string {
  if (node.op === 'var') return `${node.label ?? '?'} (var)`;
  if (node.op === 'const') return node.label ?? fmt(node.value);
  const inputs = node.inputs.map((i) => `#${i}`);
  if (node.param !== undefined) inputs.push(fmt(node.param));
  return `${node.op}(${inputs.join(', ')})`;
}

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
  async run(argv: string[], io: CliIo): Promise<number> {
    const { expression, values, json, lang } = parseGradArgs(argv);
    const expr = parseExpression(expression);
    rejectUnknownVariables(expr, values);
    const { output, vars } = expr.build(values);
    output.backward();
    const grad: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const name of Object.keys(vars).sort()) grad[name] = vars[name]!.grad;

    if (json) {
      // The contract is {"value": number, ...}: JSON.stringify would turn NaN and ±Infinity into null.
      if (!Number.isFinite(output.data)) {
        throw msg.error('not_finite', { what: 'The value', what_ru: 'Значение', value: String(output.data) });
      }
      for (const [name, g] of Object.entries(grad)) {
        if (!Number.isFinite(g)) throw msg.error('not_finite', { what: `d/d${name}`, what_ru: `d/d${name}`, value: String(g) });
      }
      printJson(io, { value: output.data, grad });
      return EXIT_OK;
    }
    const at = Object.entries(values).map(([k, v]) => `${k}=${fmt(v)}`).join(', ');
    io.out(`f = ${expression}${at ? `   (${at})` : ''}`);
    io.out(renderTable(output, lang));
    const lines = [`${t('value', lang)}: ${fmt(output.data)}`];
    for (const [name, g] of Object.entries(grad)) lines.push(`d/d${name} = ${fmt(g)}`);
    io.out(lines.join('\n'));
    return EXIT_OK;
  },
};

/** The node-by-node table: id, op, forward value, gradient, and the rule that moved it. */
function renderTable(output: Parameters<typeof exportGraph>[0], lang: Lang): string {
  const graph = exportGraph(output);
  const steps = backwardSteps(output);
  const uses = new Map<number, number>();
  for (const s of steps) if (s.rule === 'copy') uses.set(s.node, s.sum?.length ?? 0);
  const localOf = new Map(steps.filter((s) => s.rule !== 'copy').map((s) => [s.node, s.contributions]));
  const rows = graph.nodes.map((node) => {
    const rules: string[] = [];
    if (node.op === 'const') rules.push(t('constant', lang));
    else if (node.inputs.length === 0) rules.push(t('leaf', lang));
    else if (TEXT[node.op]) rules.push(t(node.op, lang));
    else {
      const local = localOf.get(node.id)?.map((c) => fmt(c.local)).join(', ') ?? '';
      rules.push(`${node.op}: ${t('local', lang, { local })}`);
    }
    const n = uses.get(node.id);
    if (n !== undefined) rules.push(t('copy', lang, { uses: String(n) }));
    return [`#${node.id}`.padEnd(6), describe(node).padEnd(18), fmt(node.value).padEnd(13), fmt(node.grad).padEnd(13), rules.join('; ')].join('');
  });
  return [t('header', lang), ...rows].join('\n');
}
