/**
 * Step mode of the graph picture: which gradients are known after the first k steps of the
 * backward pass (from the core's `backwardSteps`), and which node to highlight, so a worked
 * solution can be shown node by node.
 */
import type { Lang } from '../../core/errors.js';
import type { BackwardStep, GraphExport } from '../../core/scalar/graph-types.js';
import type { GraphPictureOptions } from '../types.js';

const CAPTION = {
  en: 'After {k} of {n} backward steps',
  ru: 'После {k} из {n} шагов обратного прохода',
} as const;

/**
 * Picture options for "after k steps": the output's gradient (1) and every gradient that
 * has received a contribution so far are shown, the rest are "?"; the node whose step ran
 * last is highlighted. k is clamped to [0, steps.length].
 */
export function stepPictureOptions(graph: GraphExport, steps: readonly BackwardStep[], k: number, lang: Lang = 'en'): GraphPictureOptions {
  const done = Math.max(0, Math.min(Math.floor(k), steps.length));
  const known = new Set<number>([graph.output]);
  for (const step of steps.slice(0, done)) for (const c of step.contributions) known.add(c.input);
  const last = steps[done - 1];
  const options: GraphPictureOptions = {
    knownGrads: [...known].sort((a, b) => a - b),
    caption: CAPTION[lang].replace('{k}', String(done)).replace('{n}', String(steps.length)),
  };
  if (last) options.highlight = last.node;
  return options;
}
