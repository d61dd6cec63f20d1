/**
 * `/grad [expression] [values]`, e.g. `/grad 1 + exp(w0 + w1*x) x=-1 w0=1 w1=2`: the
 * computation graph with values and gradients (drawn in the pool), the gradient of every
 * variable (from the core), and ◀ ▶ buttons that step through backpropagation one node at a
 * time, each press editing the same message with the picture after K steps and what the step
 * did (its gate rule in the walkthrough's words).
 */
import { defineMessages } from '../../core/errors.js';
import { backwardSteps, exportGraph, MAX_EXPRESSION_LENGTH } from '../../core/scalar/index.js';
import { computeGradients } from '../../grad/compute.js';
import { expressionLine, gradientLines } from '../../grad/walkthrough.js';
import { renderInPool } from '../../render/in-pool.js';
import type { ActionContext, BaseContext, BotCommand, JsonValue } from '../command.js';
import { howToStep, idTags, nextStep, splitGradInput, stepView } from '../features/grad-steps.js';
import type { Button, OutMessage } from '../types.js';

export const gradMessages = defineMessages('grad_bot', {
  not_finite: {
    en: 'At these values {what} is not a finite number ({value}): a log of 0, a division by 0 or an overflow. Choose other values of the variables.',
    ru: 'При этих значениях {what} — не конечное число ({value}): логарифм нуля, деление на 0 или переполнение. Выберите другие значения переменных.',
  },
});

/** ∞, −∞ or "NaN" for a number that is not finite. */
function notFinite(x: number): string {
  return Number.isNaN(x) ? 'NaN' : x > 0 ? '∞' : '−∞';
}

/** What a ◀ ▶ button keeps server-side: the problem and the position it leads to. */
interface StepData {
  e: string;
  v: Record<string, number>;
  k: number;
}

function stepButtons(ctx: BaseContext, data: Omit<StepData, 'k'>, k: number, n: number): Button[][] {
  const to = (dir: -1 | 1): JsonValue => ({ e: data.e, v: { ...data.v }, k: nextStep(k, n, dir) });
  return [
    [
      { id: ctx.action('step', to(-1)), label: '◀' },
      { id: ctx.action('step', to(1)), label: '▶' },
    ],
  ];
}

function asStepData(data: JsonValue): StepData | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const { e, v, k } = data;
  if (typeof e !== 'string' || typeof k !== 'number' || typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const values: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [name, x] of Object.entries(v)) if (typeof x === 'number') values[name] = x;
  return { e, v: values, k };
}

async function stepPress(ctx: ActionContext, raw: JsonValue): Promise<void> {
  const data = asStepData(raw);
  if (!data) return;
  const { output } = computeGradients(data.e, data.v);
  const view = stepView(output, data.k, ctx.lang);
  const png = await renderInPool(ctx.services.pool, { kind: 'graph', graph: view.graph, options: view.picture, lang: ctx.lang });
  const msg: OutMessage = {
    // The expression and the variable names are user text: plain spans.
    text: [expressionLine(data.e, data.v), '\n\n', ...view.text],
    images: [{ png, name: `grad-step-${view.k}.png`, alt: `${view.k}/${view.n}` }],
    buttons: stepButtons(ctx, data, view.k, view.n),
  };
  if (ctx.message) await ctx.edit(ctx.message, msg);
  else await ctx.send(msg);
}

export const command: BotCommand = {
  name: 'grad',
  description: {
    en: 'Gradient of an expression by backpropagation, with the graph step by step',
    ru: 'Градиент выражения обратным распространением, с графом по шагам',
  },
  options: [
    {
      name: 'expression',
      type: 'string',
      required: true,
      rest: true,
      max: MAX_EXPRESSION_LENGTH,
      example: '1 + exp(w0 + w1*x)',
      description: {
        en: 'a formula: numbers, variables, + - * / ^, exp, log, sqrt, abs, max, min, sin, cos and every activation',
        ru: 'формула: числа, переменные, + - * / ^, exp, log, sqrt, abs, max, min, sin, cos и любые функции активации',
      },
    },
    {
      name: 'values',
      type: 'string',
      max: 1000,
      example: 'x=-1 w0=1 w1=2',
      description: {
        en: 'the value of every variable as name=value, separated by spaces',
        ru: 'значение каждой переменной в виде имя=значение через пробел',
      },
    },
  ],
  examples: ['/grad 1 + exp(w0 + w1*x) x=-1 w0=1 w1=2', '/grad x*y + max(x, y) x=3 y=-2', '/grad sigmoid(w*x + b) w=2 x=-1 b=0.5'],
  actions: { step: stepPress },
  async run(ctx) {
    const { expression, values } = splitGradInput(
      String(ctx.options.expression ?? ''),
      typeof ctx.options.values === 'string' ? ctx.options.values : undefined,
    );
    // A bad formula is the parser's own message (what, at which position, what is allowed).
    const r = computeGradients(expression, values);
    // Infinity or NaN teach nothing (and read as English words): say why and what to change.
    if (!Number.isFinite(r.value)) {
      throw gradMessages.error('not_finite', { what: 'f', value: notFinite(r.value) });
    }
    for (const [name, g] of Object.entries(r.grad)) {
      if (!Number.isFinite(g)) throw gradMessages.error('not_finite', { what: `∂f/∂${name}`, value: notFinite(g) });
    }
    const n = backwardSteps(r.output).length;
    const graph = exportGraph(r.output);
    await ctx.replier.typing?.();
    const png = await renderInPool(ctx.services.pool, { kind: 'graph', graph, options: { nodeTags: idTags(graph) }, lang: ctx.lang });
    await ctx.send({
      text: [expressionLine(expression, values), '\n\n', gradientLines(r.value, r.grad, ctx.lang).join('\n'), '\n\n', howToStep(ctx.lang)],
      images: [{ png, name: 'grad.png', alt: expression }],
      buttons: stepButtons(ctx, { e: expression, v: values }, n, n),
    });
  },
};
