import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ACTIVATION_IDS } from '../../src/core/activations/index.js';
import { runCli } from './run-cli.js';
import { pngSize } from '../render/png.js';

const dir = mkdtempSync(join(tmpdir(), 'gradbot-plot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli('plot', ...argv);

describe('gradbot plot', () => {
  it('writes an 800x450 PNG of one activation', async () => {
    const file = join(dir, 'relu.png');
    const r = await run('relu', '--out', file);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(file);
    expect(pngSize(readFileSync(file))).toEqual({ width: 800, height: 450 });
  });

  it('plots a list with commas inside brackets, a range with negative ends, in Russian', async () => {
    const file = join(dir, 'cmp.png');
    const r = await run('max(x, 0),gelu,-x^2', '--from', '-2', '--to=2.5', '--no-derivative', '--lang', 'ru', '--out', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(pngSize(readFileSync(file)).width).toBe(800);
  });

  it('glues an unquoted expression back together', async () => {
    const file = join(dir, 'cubic.png');
    const r = await run('x^3', '-', '2*x', '--out', file);
    expect(r.code).toBe(0);
  });

  it('--all writes one <id>.png per activation', async () => {
    const out = join(dir, 'all');
    const r = await run('--all', '--out', out, '--width', '320', '--height', '200', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).files).toHaveLength(ACTIVATION_IDS.length);
    expect(readdirSync(out).sort()).toEqual(ACTIVATION_IDS.map((id) => `${id}.png`).sort());
    expect(pngSize(readFileSync(join(out, 'relu.png')))).toEqual({ width: 320, height: 200 });
  }, 60_000);

  it('explains bad input in one line with exit code 2', async () => {
    const unknown = await run('rleu', '--out', join(dir, 'x.png'));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('relu');
    expect(unknown.err.split('\n')).toHaveLength(1);

    const inverted = await run('relu', '--from', '5', '--to', '-5', '--out', join(dir, 'x.png'));
    expect(inverted.code).toBe(2);
    expect(inverted.err).toContain('--from');

    const wide = await run('relu', '--from', '-2000', '--out', join(dir, 'x.png'), '--json');
    expect(wide.code).toBe(2);
    expect(JSON.parse(wide.out).error.code).toBe('render.range_too_wide');

    const many = await run(Array.from({ length: 10_000 }, () => 'relu').join(','), '--out', join(dir, 'x.png'), '--json');
    expect(JSON.parse(many.out).error.code).toBe('render.too_many_functions');

    expect((await run('relu')).code).toBe(2);
    expect((await run('--out', join(dir, 'x.png'))).code).toBe(2);
    expect((await run('relu', '--bogus', '--out', join(dir, 'x.png'))).code).toBe(2);
    const ru = await run('relu', '--from', 'abc', '--lang', 'ru', '--out', join(dir, 'x.png'));
    expect(ru.err).toContain('ожидает число');
    expect(readdirSync(dir)).not.toContain('x.png');
  });
});
