/**
 * Backpropagation node by node, like the lecture's slides: each node's op, forward value,
 * gradient and the gate rule that moved the gradient (add distributes, mul swaps, copy adds,
 * max routes), then the gradient of every variable. Pure (graph + language -> text), so the
 * CLI and the chat's /grad say the same thing.
 */
import { formatTemplate, type Lang, type LocalizedText } from '../core/errors.js';
import { backwardSteps, exportGraph, type GraphNode, type Value } from '../core/scalar/index.js';

/**
 * Column headers and the gate rules in the lecture's words: add distributes, mul swaps the
 * multipliers, copy adds, max routes («сложение распределяет», «умножение меняет множители
 * местами», «копирование складывает», «максимум направляет»).
 */
const TEXT: Record<string, LocalizedText> = {
  header: { en: 'node  op                value        grad         backward rule', ru: 'узел  операция          значение     градиент     правило обратного прохода' },
  value: { en: 'value', ru: 'значение' },
  add: { en: 'add gate: distributes the gradient to both inputs', ru: 'сложение распределяет: каждый вход получает градиент целиком' },
  sub: { en: 'sub gate: passes the gradient, negated for the second input', ru: 'вычитание: первый вход получает градиент, второй — со знаком минус' },
  mul: { en: 'mul gate: swaps the multipliers', ru: 'умножение меняет множители местами: вход получает градиент, умноженный на другой вход' },
  max: { en: 'max gate: routes the gradient to the larger input', ru: 'максимум направляет градиент к большему входу' },
  min: { en: 'min gate: routes the gradient to the smaller input', ru: 'минимум направляет градиент к меньшему входу' },
  local: { en: '{op}: times the local derivative {local}', ru: '{op}: умножение на локальную производную {local}' },
  copy: { en: 'copy gate: used {uses} times, gradients add up', ru: 'копирование складывает: значение используется {uses} {uses|раз|раза|раз}, градиенты суммируются' },
  leaf: { en: 'input', ru: 'вход' },
  constant: { en: 'constant', ru: 'константа' },
};

/** Op names in Russian for the "local derivative" rule (English uses the op's own name). */
const OP_RU: Record<string, string> = {
  neg: 'смена знака',
  pow: 'степень',
  exp: 'экспонента',
  log: 'логарифм',
  sqrt: 'корень',
  abs: 'модуль',
  sin: 'синус',
  cos: 'косинус',
  div: 'деление',
  sigmoid: 'сигмоида',
};

function t(key: string, lang: Lang, params: Record<string, string | number> = {}): string {
  return formatTemplate(TEXT[key]?.[lang] ?? key, params);
}

/**
 * Numbers for people: up to 6 significant digits, no trailing zeros; Russian with a decimal
 * comma (2,71828), as every Russian text of the bot.
 */
export function formatGradNumber(x: number, lang: Lang = 'en'): string {
  if (!Number.isFinite(x)) return String(x);
  const s = String(Number(x.toPrecision(6)));
  return lang === 'ru' ? s.replace('.', ',') : s;
}
const fmt = formatGradNumber;

/** A number as a factor of a product: a negative one in brackets, 2 · (-3). */
function factor(x: number, lang: Lang): string {
  return x < 0 ? `(${fmt(x, lang)})` : fmt(x, lang);
}

/** The op column: the variable name, or the op with its input ids. */
function describe(node: GraphNode, lang: Lang): string {
  if (node.op === 'var') return `${node.label ?? '?'} (var)`;
  if (node.op === 'const') return node.label ?? fmt(node.value, lang);
  const inputs = node.inputs.map((i) => `#${i}`);
  if (node.param !== undefined) inputs.push(fmt(node.param, lang));
  return `${node.op}(${inputs.join(lang === 'ru' && node.param !== undefined && !Number.isInteger(node.param) ? '; ' : ', ')})`;
}

/** How a node is named in the ∂ notation: a variable by its name, any other node by its id. */
function nameOf(node: GraphNode): string {
  return node.op === 'var' && node.label !== undefined ? node.label : `#${node.id}`;
}

/** One node of the walkthrough, as data (a chat can show one per ◀ ▶ step). */
export interface WalkthroughRow {
  node: number;
  /** `x (var)`, `3`, `mul(#0, #1)`. */
  op: string;
  value: number;
  grad: number;
  /** The backward rules that apply at this node, in the chat's language. */
  rules: string[];
  /**
   * What the node sends to each input, as on the lecture's slides: the upstream gradient times
   * the local derivative, `→ x: ∂f/∂#2 · ∂#2/∂x = 1 · 3 = 3` (constants get nothing worth showing).
   */
  sends: string[];
}

/** Every node in topological order (inputs first, the output last) with its gate rule. */
export function walkthroughRows(output: Value, lang: Lang): WalkthroughRow[] {
  const graph = exportGraph(output);
  const steps = backwardSteps(output);
  const uses = new Map<number, number>();
  for (const s of steps) if (s.rule === 'copy') uses.set(s.node, s.sum?.length ?? 0);
  const stepOf = new Map(steps.filter((s) => s.rule !== 'copy').map((s) => [s.node, s]));
  return graph.nodes.map((node) => {
    const rules: string[] = [];
    const step = stepOf.get(node.id);
    if (node.op === 'const') rules.push(t('constant', lang));
    else if (node.inputs.length === 0) rules.push(t('leaf', lang));
    else if (TEXT[node.op]) rules.push(t(node.op, lang));
    else {
      const local = step?.contributions.map((c) => fmt(c.local, lang)).join(lang === 'ru' ? '; ' : ', ') ?? '';
      rules.push(t('local', lang, { op: lang === 'ru' ? (OP_RU[node.op] ?? node.op) : node.op, local }));
    }
    const n = uses.get(node.id);
    if (n !== undefined) rules.push(t('copy', lang, { uses: n }));
    const self = nameOf(node);
    const sends = (step?.contributions ?? [])
      .filter((c) => graph.nodes[c.input]!.op !== 'const')
      .map((c) => {
        const input = nameOf(graph.nodes[c.input]!);
        return `→ ${input}: ∂f/∂${self} · ∂${self}/∂${input} = ${factor(step!.upstream, lang)} · ${factor(c.local, lang)} = ${fmt(c.added, lang)}`;
      });
    return { node: node.id, op: describe(node, lang), value: node.value, grad: node.grad, rules, sends };
  });
}

/** Where a row's "sends" lines start: under the rule column. */
const SENDS_INDENT = ' '.repeat(6);

/** One row as a line of the table (numbers in the language's style), then what it sends to each input. */
export function walkthroughLine(row: WalkthroughRow, lang: Lang = 'en'): string {
  const line = [`#${row.node}`.padEnd(6), row.op.padEnd(18), fmt(row.value, lang).padEnd(13), fmt(row.grad, lang).padEnd(13), row.rules.join('; ')].join('');
  return [line, ...row.sends.map((s) => `${SENDS_INDENT}${s}`)].join('\n');
}

/** The node-by-node table: a header, then id, op, forward value, gradient and rule per node. */
export function walkthroughTable(output: Value, lang: Lang): string {
  return [t('header', lang), ...walkthroughRows(output, lang).map((row) => walkthroughLine(row, lang))].join('\n');
}

/** `f = <expression>   (x=1, y=2)`: what was computed, at which values (as they are typed). */
export function expressionLine(expression: string, values: Record<string, number>): string {
  const at = Object.entries(values).map(([k, v]) => `${k}=${fmt(v)}`).join(', ');
  return `f = ${expression}${at ? `   (${at})` : ''}`;
}

/** `value: 3`, then `d/dx = 4` per variable (Russian: `∂f/∂x = 4`, as on the slides). */
export function gradientLines(value: number, grad: Record<string, number>, lang: Lang): string[] {
  const lines = [`${t('value', lang)}: ${fmt(value, lang)}`];
  for (const [name, g] of Object.entries(grad)) lines.push(lang === 'ru' ? `∂f/∂${name} = ${fmt(g, lang)}` : `d/d${name} = ${fmt(g)}`);
  return lines;
}
