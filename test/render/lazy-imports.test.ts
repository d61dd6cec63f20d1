/**
 * A fresh worker's first picture must not pay for code it does not use: render.ts loads each
 * kind's drawing code on demand, and only expression plots load the expression parser (mathjs,
 * seconds on a busy machine). Checked on the static import graph of the sources.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Packages reached from a source file by static (non-type) imports and re-exports. */
function staticPackages(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    // `import x from 'm'`, `import 'm'`, `export { x } from 'm'`; not `import type`, not import()
    const re = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm;
    for (const m of src.matchAll(re)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(resolve(ROOT, entry));
  return packages;
}

describe('lazy loading of the drawing code', () => {
  it('the parser module does import mathjs (so the checks below can fail)', () => {
    expect(staticPackages('src/core/scalar/parse.ts')).toContain('mathjs');
    expect(staticPackages('src/render/chart-renderer.ts')).toContain('chartjs-node-canvas');
  });

  it('render.ts and the render job load neither mathjs nor chart.js nor canvas up front', () => {
    for (const entry of ['src/render/render.ts', 'src/render/render-job.ts']) {
      const pkgs = staticPackages(entry);
      for (const heavy of ['mathjs', 'chartjs-node-canvas', 'chart.js', 'canvas']) expect(pkgs).not.toContain(heavy);
    }
  });

  it('chart modules that draw activations and loss curves do not reach mathjs', () => {
    for (const entry of ['src/render/charts/plot-data.ts', 'src/render/charts/function-chart.ts', 'src/render/charts/loss-chart.ts', 'src/render/graph/draw.ts']) {
      expect(staticPackages(entry)).not.toContain('mathjs');
    }
  });
});
