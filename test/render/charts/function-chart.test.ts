import { createCanvas, loadImage } from 'canvas';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, getActivation } from '../../../src/core/activations/index.js';
import { functionChartConfig, plotSubtitle, plotTitle, tickLabel, wrapFormula, ZERO_AXES_PLUGIN, zeroAxesPlugin } from '../../../src/render/charts/function-chart.js';
import { parseExpression } from '../../../src/core/scalar/index.js';
import { buildPlotData } from '../../../src/render/charts/plot-data.js';
import { PALETTE } from '../../../src/render/charts/style.js';
import { renderPicture } from '../../../src/render/render.js';

describe('functionChartConfig', () => {
  it('draws f solid and f′ dashed in one colour, from the sampled data', () => {
    const data = buildPlotData(['relu']);
    const cfg = functionChartConfig(data);
    const [f, df] = cfg.data.datasets;
    expect(cfg.data.datasets).toHaveLength(2);
    expect(f!.borderDash).toEqual([]);
    expect(df!.borderDash!.length).toBeGreaterThan(0);
    expect(f!.borderColor).toBe(df!.borderColor);
    expect(f!.data).toBe(data.series[0]!.points);
    // Gaps must stay gaps: chart.js would otherwise join the points across a jump.
    expect(f!.spanGaps).toBe(false);
    expect(df!.spanGaps).toBe(false);
    // Points are not marked, except a value stranded between two gaps.
    expect(f!.pointRadius).toBe(0);
    const tie = functionChartConfig(buildPlotData(['max(x, 0)'], { from: -1, to: 1, samples: 21, parse: parseExpression }));
    const dfTie = tie.data.datasets[1]!;
    const dots = (dfTie.pointRadius as number[]).flatMap((r, i) => (r > 0 ? [dfTie.data[i]] : []));
    expect(dots).toEqual([{ x: 0, y: 0.5 }]);
  });

  it('titles with the name and formula in the chat language', () => {
    const relu = getActivation('relu');
    for (const lang of ['en', 'ru'] as const) {
      const data = buildPlotData(['relu'], { lang });
      expect(plotTitle(data)).toEqual([relu.name[lang]]);
      expect(plotSubtitle(data, true)[0]).toBe(relu.formula.text);
      expect(plotSubtitle(data, true)[1]).toContain(lang === 'ru' ? 'пунктир' : 'dashed');
    }
    expect(plotTitle(buildPlotData(['x^3 - 2*x'], { parse: parseExpression }))[0]).toBe('f(x) = x^3 - 2*x');
  });

  it('writes the decimals of a formula with a comma on a Russian chart', () => {
    const leaky = getActivation('leaky_relu');
    expect(plotSubtitle(buildPlotData(['leaky_relu'], { lang: 'ru' }), true)[0]).toBe('f(x) = x (x > 0); 0,01·x (x ≤ 0)');
    expect(plotSubtitle(buildPlotData(['leaky_relu'], { lang: 'en' }), true)[0]).toBe(leaky.formula.text);
  });

  it('wraps a long piecewise formula between its cases', () => {
    const long = 'f(x) = 1 (x > 2); x − x²/4 (0 ≤ x ≤ 2); x + x²/4 (−2 ≤ x < 0); −1 (x < −2)';
    const lines = wrapFormula(long, 50);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('; ')).toBe(long);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
  });

  it('gives compared functions distinct colours and a legend', () => {
    const cfg = functionChartConfig(buildPlotData(['relu', 'gelu', 'silu'], { derivative: false }));
    const colours = cfg.data.datasets.map((d) => d.borderColor);
    expect(new Set(colours).size).toBe(3);
    expect(colours).toEqual(PALETTE.slice(0, 3));
    expect(cfg.options?.plugins?.legend?.display).toBe(true);
    expect(cfg.data.datasets.map((d) => d.label)).toEqual(['relu(x)', 'gelu(x)', 'silu(x)']);
  });

  it('draws the axes through zero but keeps the tick numbers at the edges', () => {
    const data = buildPlotData(['tanh'], { from: -3, to: 4 });
    const cfg = functionChartConfig(data);
    const scales = cfg.options!.scales!;
    expect(scales.x!.min).toBe(-3);
    expect(scales.x!.max).toBe(4);
    expect(scales.y!.min).toBe(data.yRange[0]);
    // Numbers along the left and bottom edges, where no curve runs through them.
    expect(scales.x!.position).toBe('bottom');
    expect(scales.y!.position).toBe('left');
    const zero = (c: typeof cfg) => (c.options!.plugins as Record<string, unknown>)[ZERO_AXES_PLUGIN];
    expect(cfg.plugins).toEqual([zeroAxesPlugin]);
    expect(zero(cfg)).toEqual({ horizontal: true, vertical: true });
    // Zero off-screen: no line through it.
    expect(zero(functionChartConfig(buildPlotData(['tanh'], { from: 1, to: 4 })))).toEqual({ horizontal: true, vertical: false });
  });

  it('on the picture, no tick number sits beside the x = 0 line (the curves cross there)', async () => {
    const png = await renderPicture({ kind: 'plot', items: ['relu'], lang: 'ru' });
    const img = await loadImage(Buffer.from(png));
    const ctx = createCanvas(img.width, img.height).getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    const dark = (x: number, y: number) => {
      const i = (y * img.width + x) * 4;
      return px[i]! < 120 && px[i + 1]! < 120 && px[i + 2]! < 120;
    };
    const count = (xs: number[], ys: number[]) => xs.reduce((n, x) => n + ys.filter((y) => dark(x, y)).length, 0);
    const cols = Array.from({ length: img.width }, (_, x) => x);
    const rows = Array.from({ length: img.height }, (_, y) => y);
    // The axes are the darkest column and row of the plot.
    const zeroX = cols.slice(200, 600).reduce((best, x) => (count([x], rows) > count([best], rows) ? x : best), 200);
    // The plot's rows: the longest unbroken run of the vertical axis (the title above is text).
    let plotRows: number[] = [];
    let run: number[] = [];
    for (const y of rows) {
      run = dark(zeroX, y) ? [...run, y] : [];
      if (run.length > plotRows.length) plotRows = run;
    }
    const zeroY = plotRows.reduce((best, y) => (count(cols, [y]) > count(cols, [best]) ? y : best), plotRows[0]!);
    expect(plotRows.length).toBeGreaterThan(150);
    const beside = Array.from({ length: 26 }, (_, i) => zeroX - 30 + i);
    const awayFromZeroY = plotRows.filter((y) => Math.abs(y - zeroY) > 6);
    expect(count(beside, awayFromZeroY)).toBe(0);
    // The y numbers are at the left edge instead.
    expect(count(cols.slice(0, 50), plotRows)).toBeGreaterThan(50);
  });

  it('formats ticks without float noise, in Russian with a decimal comma and a real minus', () => {
    expect(tickLabel(0.30000000000000004)).toBe('0.3');
    expect(tickLabel(-2)).toBe('-2');
    expect(tickLabel(0.30000000000000004, 'ru')).toBe('0,3');
    expect(tickLabel(-2.5, 'ru')).toBe('−2,5');
    const cfg = functionChartConfig(buildPlotData(['tanh'], { lang: 'ru' }));
    const callback = cfg.options!.scales!.y!.ticks!.callback as (v: number | string) => string;
    expect(callback(-0.5)).toBe('−0,5');
    expect(cfg.options!.locale).toBe('ru-RU');
  });
});

describe('anonymous activation charts', () => {
  /** Every text of a config except the sampled points (numbers only). */
  function texts(cfg: ReturnType<typeof functionChartConfig>): string {
    const json = JSON.stringify({ ...cfg, data: { datasets: cfg.data.datasets.map(({ data: _points, ...rest }) => rest) } });
    // chart.js's own words (chart and axis types) are not about the function
    return json.replace(/"type":"line(ar)?"/g, '');
  }

  it.each(ACTIVATIONS.map((a) => a.id))('%s: no name, id, alias or formula anywhere in the config', (id) => {
    const act = getActivation(id);
    for (const lang of ['en', 'ru'] as const) {
      for (const derivative of [true, false]) {
        const cfg = functionChartConfig(buildPlotData([id], { anonymous: true, lang, derivative }));
        const all = texts(cfg).toLowerCase();
        // the non-anonymous config does name it, so the check below is not vacuous
        expect(texts(functionChartConfig(buildPlotData([id], { lang }))).toLowerCase()).toContain(act.name[lang].toLowerCase());
        for (const leak of [act.id, act.name.en, act.name.ru, act.formula.text, act.derivative.text, ...act.aliases.filter((a) => a.length > 2)]) {
          expect(all).not.toContain(leak.toLowerCase().replace(/"/g, '\\"'));
        }
        expect(plotTitle(buildPlotData([id], { anonymous: true, lang }))).toEqual(['f(x) = ?']);
        expect(cfg.data.datasets.map((d) => d.label)).toEqual(derivative ? ['f(x)', 'f′(x)'] : ['f(x)']);
      }
    }
  });

  it('the subtitle only says which line is f and which f′', () => {
    const data = buildPlotData(['sigmoid'], { anonymous: true, lang: 'ru' });
    expect(plotSubtitle(data, true)).toEqual(['сплошная: f(x), пунктир: f′(x)']);
  });

  it('several anonymous functions are f, g, h', () => {
    const cfg = functionChartConfig(buildPlotData(['relu', 'tanh', 'gelu'], { anonymous: true, derivative: false }));
    expect(cfg.data.datasets.map((d) => d.label)).toEqual(['f(x)', 'g(x)', 'h(x)']);
    expect(cfg.options?.plugins?.title?.text).toEqual(['f(x) = ?, g(x) = ?, h(x) = ?']);
  });
});
