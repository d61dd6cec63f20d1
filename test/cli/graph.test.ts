import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { pngSize } from '../render/png.js';

const dir = mkdtempSync(join(tmpdir(), 'gradbot-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli('graph', ...argv);

describe('gradbot graph', () => {
  it('draws the graph with values and gradients to a PNG', async () => {
    const file = join(dir, 'g.png');
    const r = await run('x*w + b', 'x=2', 'w=-3', 'b=1', '--out', file);
    expect(r).toMatchObject({ code: 0, err: '', out: file });
    const { width, height } = pngSize(readFileSync(file));
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(200);
  });

  it('draws the picture after K backward steps', async () => {
    const file = join(dir, 'step.png');
    const r = await run('-log(x) * y', 'x=0.5', 'y=2', '--step', '1', '--lang', 'ru', '--out', file, '--json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.out);
    expect(info.step).toBe(1);
    expect(info.steps).toBeGreaterThan(1);
    // Step 1 and the full picture differ: the gradients not yet known are drawn as "?".
    const full = join(dir, 'full.png');
    await run('-log(x) * y', 'x=0.5', 'y=2', '--lang', 'ru', '--out', full);
    expect(readFileSync(file).equals(readFileSync(full))).toBe(false);
  });

  it('explains bad input with exit code 2', async () => {
    const out = join(dir, 'bad.png');
    const step = await run('x*w', 'x=1', 'w=2', '--step', '99', '--out', out, '--json');
    expect(step.code).toBe(2);
    expect(JSON.parse(step.out).error.code).toBe('graph.bad_step');
    const missing = await run('x*w', 'x=1', '--out', out, '--json');
    expect(JSON.parse(missing.out).error.code).toBe('graph.missing_value');
    const typo = await run('x*w', 'x=1', 'q=2', 'w=1', '--out', out, '--json');
    expect(JSON.parse(typo.out).error.code).toBe('expr.unknown_variable');
    expect((await run('x*w', 'x=1', 'w=2')).code).toBe(2);
    expect((await run('--out', out)).code).toBe(2);
    const syntax = await run('x*(w', 'x=1', 'w=2', '--out', out);
    expect(syntax.code).toBe(2);
    expect(syntax.err).toMatch(/position/);
  });
});
