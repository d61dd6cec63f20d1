import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gradbot-cli-spells-'));
const saved = process.env.GRADBOT_DATA_DIR;
beforeAll(() => {
  process.env.GRADBOT_DATA_DIR = dir;
});
afterAll(() => {
  if (saved === undefined) delete process.env.GRADBOT_DATA_DIR;
  else process.env.GRADBOT_DATA_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});


describe('gradbot spells', () => {
  it('--json prints exactly {dataset, names: [{name, label}], nll, baseline_nll, steps, seconds}', async () => {
    const r = await run('spells', '--dataset', 'dnd', '--count', '4', '--temperature', '0.7', '--top-k', '8', '--seed', '5', '--steps', '80', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(['dataset', 'names', 'nll', 'baseline_nll', 'steps', 'seconds']);
    expect(j.dataset).toBe('dnd');
    expect(j.steps).toBe(80);
    const names = j.names as Array<Record<string, unknown>>;
    expect(names).toHaveLength(4);
    for (const n of names) {
      expect(Object.keys(n)).toEqual(['name', 'label']);
      expect(typeof n.name).toBe('string');
      expect(['copied', 'near', 'new']).toContain(n.label);
    }
    expect(Object.keys(j.nll as object)).toEqual(['train', 'dev']);
    expect(Object.keys(j.baseline_nll as object)).toEqual(['bigram', 'uniform']);
    expect(typeof j.seconds).toBe('number');
    // Same seed, same names (the model now comes from the cache).
    const again = JSON.parse((await run('spells', '--count', '4', '--temperature', '0.7', '--top-k', '8', '--seed', '5', '--steps', '80', '--json')).out) as typeof j;
    expect(again.names).toEqual(j.names);
  });

  it('trains on an uploaded .txt file and prints a table in Russian', async () => {
    const file = join(dir, 'class.txt');
    writeFileSync(file, Array.from({ length: 25 }, (_, i) => `огненный шар ${'абвгдеж'[i % 7]}${i}`).join('\n'));
    const r = await run('spells', '--dataset', file, '--count', '3', '--steps', '30', '--lang', 'ru');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Ваш список (class.txt)');
    expect(r.out).toMatch(/Ошибка на символ/);
  });

  it('bad input: exit code 2 and a JSON error naming the problem, in the chosen language', async () => {
    const t = await run('spells', '--temperature', '5', '--json');
    expect(t.code).toBe(2);
    expect((JSON.parse(t.out) as { error: { code: string } }).error.code).toBe('spells.bad_temperature');
    const d = await run('spells', '--dataset', 'lotr', '--lang', 'ru');
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/Неизвестный список/);
    const f = await run('spells', '--dataset', join(dir, 'missing.txt'), '--json');
    expect((JSON.parse(f.out) as { error: { code: string } }).error.code).toBe('spells.file_not_found');
    const few = join(dir, 'few.txt');
    writeFileSync(few, 'a\nb\n');
    expect((JSON.parse((await run('spells', '--dataset', few, '--json')).out) as { error: { code: string } }).error.code).toBe('spells.too_few_names');
  });

  it('game --json gives the two lists and which is which', async () => {
    const r = await run('spells', 'game', '--seed', '3', '--steps', '80', '--json');
    expect(r.code).toBe(0);
    const g = JSON.parse(r.out) as { lists: Array<{ label: string; names: string[] }>; answer: string; reveal: { sources: Record<string, { id: string }> } };
    expect(g.lists.map((l) => l.label)).toEqual(['A', 'B']);
    expect(g.lists.every((l) => l.names.length === 5)).toBe(true);
    expect(['A', 'B']).toContain(g.answer);
    expect(g.reveal.sources[g.answer]?.id).toBe('dnd');
    expect(new Set(Object.values(g.reveal.sources).map((s) => s.id))).toEqual(new Set(['dnd', 'hp']));
  });
});
