/**
 * Backpropagation node by node, like the lecture's slides: each node's op, forward value,
 * gradient and the gate rule that moved the gradient (add distributes, mul swaps, copy adds,
 * max routes), then the gradient of every variable. Pure (graph + language -> text), so the
 * CLI and the chat's /grad say the same thing.
 */
import type { Lang, LocalizedText } from '../core/errors.js';
import { backwardSteps, exportGraph, type GraphNode, type Value } from '../core/scalar/index.js';

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
export function formatGradNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(6)));
}
const fmt = formatGradNumber;

/** The op column: the variable name, or the op with its input ids. */
function describe(node: GraphNode): string {
  if (node.op === 'var') return `${node.label ?? '?'} (var)`;
  if (node.op === 'const') return node.label ?? fmt(node.value);
  const inputs = node.inputs.map((i) => `#${i}`);
  if (node.param !== undefined) inputs.push(fmt(node.param));
  return `${node.op}(${inputs.join(', ')})`;
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
}

/** Every node in topological order (inputs first, the output last) with its gate rule. */
export function walkthroughRows(output: Value, lang: Lang): WalkthroughRow[] {
  const graph = exportGraph(output);
  const steps = backwardSteps(output);
  const uses = new Map<number, number>();
  for (const s of steps) if (s.rule === 'copy') uses.set(s.node, s.sum?.length ?? 0);
  const localOf = new Map(steps.filter((s) => s.rule !== 'copy').map((s) => [s.node, s.contributions]));
  return graph.nodes.map((node) => {
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
    return { node: node.id, op: describe(node), value: node.value, grad: node.grad, rules };
  });
}

/** One row as a line of the table. */
export function walkthroughLine(row: WalkthroughRow): string {
  return [`#${row.node}`.padEnd(6), row.op.padEnd(18), fmt(row.value).padEnd(13), fmt(row.grad).padEnd(13), row.rules.join('; ')].join('');
}

/** The node-by-node table: a header, then id, op, forward value, gradient and rule per node. */
export function walkthroughTable(output: Value, lang: Lang): string {
  return [t('header', lang), ...walkthroughRows(output, lang).map(walkthroughLine)].join('\n');
}

/** `f = <expression>   (x=1, y=2)`: what was computed, at which values. */
export function expressionLine(expression: string, values: Record<string, number>): string {
  const at = Object.entries(values).map(([k, v]) => `${k}=${fmt(v)}`).join(', ');
  return `f = ${expression}${at ? `   (${at})` : ''}`;
}

/** `value: 3`, then `d/dx = 4` per variable. */
export function gradientLines(value: number, grad: Record<string, number>, lang: Lang): string[] {
  const lines = [`${t('value', lang)}: ${fmt(value)}`];
  for (const [name, g] of Object.entries(grad)) lines.push(`d/d${name} = ${fmt(g)}`);
  return lines;
}
