import { describe, expect, it } from 'vitest';
import { backwardSteps, exportGraphAfterSteps, parseExpression } from '../../../src/core/scalar/index.js';
import { stepPictureOptions } from '../../../src/render/graph/steps.js';

describe('stepPictureOptions', () => {
  const { output } = parseExpression('x*w + b').build({ x: 2, w: -3, b: 1 });
  const steps = backwardSteps(output);

  it('knows only the output gradient before any step', () => {
    const g = exportGraphAfterSteps(output, 0);
    const o = stepPictureOptions(g, steps, 0);
    expect(o.knownGrads).toEqual([g.output]);
    expect(o.highlight).toBeUndefined();
    expect(o.caption).toBe(`After 0 of ${steps.length} backward steps`);
  });

  it('adds the inputs of each step and highlights the node just processed', () => {
    const g = exportGraphAfterSteps(output, 1);
    const o = stepPictureOptions(g, steps, 1, 'ru');
    const first = steps[0]!;
    expect(o.highlight).toBe(first.node);
    expect(o.knownGrads).toEqual([...new Set([g.output, ...first.contributions.map((c) => c.input)])].sort((a, b) => a - b));
    expect(o.caption).toContain('шагов');
  });

  it('knows every gradient after the last step', () => {
    const g = exportGraphAfterSteps(output, steps.length);
    expect(stepPictureOptions(g, steps, steps.length).knownGrads).toHaveLength(g.nodes.length);
  });
});
