/**
 * `/grad`'s ◀ ▶ stepping: backpropagation one step at a time (the core's `backwardSteps`), the
 * picture after K steps (`exportGraphAfterSteps` + the renderer's step mode) and what the step
 * did, naming its gate rule with the walkthrough's own words (src/grad/walkthrough.ts, the
 * same the CLI prints). Numbers come from the core.
 */
import type { Lang } from '../../core/errors.js';
import { backwardSteps, exportGraph, exportGraphAfterSteps, type BackwardStep, type GraphExport, type GraphNode, type Value } from '../../core/scalar/index.js';
import { parseAssignments } from '../../grad/assignments.js';
import { formatGradNumber as fmt, walkthroughRows, type WalkthroughRow } from '../../grad/walkthrough.js';
import { stepPictureOptions } from '../../render/index.js';
import type { GraphPictureOptions, NodeTag } from '../../render/types.js';
import type { RichText } from '../types.js';
import { b } from '../rich-text.js';
import { say } from './say.js';

/** `name=value` at the start of a token: where the expression ends when values were typed without a separate option. */
const FIRST_ASSIGNMENT = /(^|\s)[\p{L}_][\p{L}\p{N}_]*\s*=(?!=)/u;

/**
 * The expression and the `name=value` pairs from the command's two options. Text doors already
 * split them at the first `name=value`; this also accepts `x = -1` with spaces, values separated
 * by commas or semicolons, decimal commas (`x=0,5`) and the Unicode minus.
 */
export function splitGradInput(expression: string, values: string | undefined): { expression: string; values: Record<string, number> } {
  let expr = expression;
  let rest = values ?? '';
  const m = values === undefined ? FIRST_ASSIGNMENT.exec(expression) : null;
  if (m) {
    const at = m.index + (m[1] ?? '').length;
    expr = expression.slice(0, at);
    rest = expression.slice(at);
  }
  const tokens = rest
    .replace(/\s*=\s*/g, '=')
    .split(/[\s;]+|,(?=[\p{L}_][\p{L}\p{N}_]*=)/u)
    .map((s) => s.trim().replace(/,$/, ''))
    .filter((s) => s !== '')
    .map((tok) => {
      const eq = tok.indexOf('=');
      if (eq < 0) return tok;
      const v = tok.slice(eq + 1).replace(/\u2212/g, '-');
      return `${tok.slice(0, eq)}=${/^[+-]?\d*,\d+$/.test(v) ? v.replace(',', '.') : v}`;
    });
  return { expression: expr.trim(), values: parseAssignments(tokens) };
}

/** Where the stepping is: K steps of N done (K = N is the full result). */
export interface StepView {
  k: number;
  n: number;
  graph: GraphExport;
  picture: GraphPictureOptions;
  text: RichText;
}

const TEXT = {
  start: {
    en: 'Step 0 of {n}: backpropagation starts at the output, whose gradient with respect to itself is 1.',
    ru: 'Шаг 0 из {n}: обратное распространение начинается с выхода: его градиент по самому себе равен 1.',
  },
  step: { en: 'Step {k} of {n}: ', ru: 'Шаг {k} из {n}: ' },
  upstream: { en: 'upstream gradient {g}', ru: 'градиент сверху {g}' },
  sum: { en: 'its gradient is the sum of what each use sent back: {sum}', ru: 'его градиент — сумма того, что вернуло каждое использование: {sum}' },
  done: { en: 'All gradients are known.', ru: 'Все градиенты найдены.' },
  howTo: { en: '◀ ▶ step through backpropagation one node at a time.', ru: '◀ ▶ — пройти обратное распространение по одному узлу.' },
} as const;

/** A number as the chat writes it, with the language's decimal mark (0,25), as the walkthrough does. */
function num(x: number, lang: Lang): string {
  return fmt(x, lang);
}

/** A factor of a product: a negative one in brackets, 2 × (-3). */
function factor(x: number, lang: Lang): string {
  return x < 0 ? `(${num(x, lang)})` : num(x, lang);
}

/** A term after the first of a sum: `+ 2`, `- 3`. */
function term(x: number, lang: Lang): string {
  return x < 0 ? `- ${num(-x, lang)}` : `+ ${num(x, lang)}`;
}

/** How a node is named in the step texts: variables by name, the rest by id as tagged on the picture. */
function nameOf(node: GraphNode | undefined, id: number): string {
  return node?.op === 'var' && node.label !== undefined ? node.label : `#${id}`;
}

/** Tags `#id` above every operation node, so "#4" in a step text can be found on the picture. */
export function idTags(graph: GraphExport): NodeTag[] {
  return graph.nodes.filter((n) => n.op !== 'var' && n.op !== 'const').map((n) => ({ node: n.id, text: `#${n.id}` }));
}

/** The gate rule of a step, in the walkthrough's words. */
function ruleOf(step: BackwardStep, row: WalkthroughRow | undefined): string {
  if (!row) return step.rule;
  // A copy step's rule is the node's last one ("gradients add up"); an op step's is its first.
  return (step.rule === 'copy' ? row.rules[row.rules.length - 1] : row.rules[0]) ?? step.rule;
}

/** What step k (1-based) did, with its numbers. */
function stepText(step: BackwardStep, k: number, n: number, graph: GraphExport, rows: readonly WalkthroughRow[], lang: Lang): RichText {
  const node = graph.nodes[step.node];
  const row = rows[step.node];
  const head = `${say(lang, TEXT.step, { k, n })}${nameOf(node, step.node)}${row && node?.op !== 'var' ? ` = ${row.op}` : ''}`;
  const out: RichText = [head, ' — ', b(ruleOf(step, row)), '\n'];
  if (step.rule === 'copy') {
    const parts = (step.sum ?? []).map((s, i) => (i === 0 ? num(s.grad, lang) : term(s.grad, lang)));
    const total = (step.sum ?? []).reduce((a, s) => a + s.grad, 0);
    out.push(say(lang, TEXT.sum, { sum: `${parts.join(' ')} = ${num(total, lang)}` }));
  } else {
    out.push(say(lang, TEXT.upstream, { g: num(step.upstream, lang) }));
    for (const c of step.contributions) {
      out.push('\n', `  → ${nameOf(graph.nodes[c.input], c.input)}: ${factor(step.upstream, lang)} × ${factor(c.local, lang)} = ${num(c.added, lang)}`);
    }
  }
  return out;
}

/** The picture options and text after `k` steps of the backward pass of `output`. */
export function stepView(output: Value, k: number, lang: Lang): StepView {
  const steps = backwardSteps(output);
  const n = steps.length;
  const done = Math.max(0, Math.min(Math.floor(k), n));
  const graph = exportGraphAfterSteps(output, done);
  const picture: GraphPictureOptions = { ...stepPictureOptions(graph, steps, done, lang), nodeTags: idTags(graph) };
  const rows = walkthroughRows(output, lang);
  const step = steps[done - 1];
  const text: RichText = step ? stepText(step, done, n, exportGraph(output), rows, lang) : [say(lang, TEXT.start, { n })];
  if (done === n && n > 0) text.push('\n', TEXT.done[lang]);
  return { k: done, n, graph, picture, text };
}

/** The hint under the first picture. */
export function howToStep(lang: Lang): string {
  return TEXT.howTo[lang];
}

/** The next position when ◀ (−1) or ▶ (+1) is pressed at `k` of `n`: it wraps around, 0..n. */
export function nextStep(k: number, n: number, dir: -1 | 1): number {
  const m = n + 1;
  return (((k + dir) % m) + m) % m;
}
