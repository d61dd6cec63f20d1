import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as cli } from './run-cli.js';

const dataset = (name: string) => new URL(`../../assets/datasets/${name}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gradbot-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('gradbot train', () => {
  it('prints the JSON contract, saves the model and draws the pictures', async () => {
    // Separate test file: every 5th row of moons (both classes).
    const lines = readFileSync(dataset('moons.csv'), 'utf8').trim().split('\n');
    const testPath = join(dir, 'moons-test.csv');
    writeFileSync(testPath, [lines[0], ...lines.slice(1).filter((_, i) => i % 5 === 0)].join('\n'));
    const modelPath = join(dir, 'moons.json');
    const plots = join(dir, 'plots');
    const r = await cli('train', dataset('moons.csv'), '--test', testPath, '--target', 'label', '--task', 'classification',
      '--hidden', '16,16', '--epochs', '60', '--seed', '3', '--save', modelPath, '--plots', plots, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    for (const key of ['task', 'target', 'classes', 'rows', 'features', 'warnings', 'metrics', 'baseline', 'epochs', 'seconds']) {
      expect(doc).toHaveProperty(key);
    }
    expect(doc.task).toBe('classification');
    expect(doc.target).toBe('label');
    expect(doc.classes).toEqual(['0', '1']);
    expect(doc.rows).toBe(200);
    expect(doc.features).toBe(2);
    for (const part of ['train', 'validation', 'test']) {
      expect(Object.keys(doc.metrics[part]).sort()).toEqual(['accuracy', 'macro_f1']);
    }
    expect(doc.metrics.test.accuracy).toBeGreaterThan(doc.baseline.accuracy + 0.2);
    expect(doc.split.test).toBe(40);
    for (const w of doc.warnings) expect(Object.keys(w).sort()).toEqual(['code', 'message']);
    expect(JSON.parse(readFileSync(modelPath, 'utf8')).format).toBe('gradbot.model');
    for (const name of ['loss.png', 'confusion.png', 'boundary.png']) {
      const png = readFileSync(join(plots, name));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
  }, 60_000);

  it('prints progress to stderr and a readable summary in Russian', async () => {
    const r = await cli('train', dataset('friedman.csv'), '--epochs', '15', '--hidden', '8', '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/эпоха \d+\/15/);
    expect(r.out).toContain('Регрессия «y»');
    expect(r.err).toMatch(/ошибка \(обучение\) \d+,\d+/);
    expect(r.out).toMatch(/^часть +MSE +MAE +R²$/m);
    expect(r.out).toMatch(/^Сеть: 5-8-1, ReLU, Adam, шаг обучения 0,003$/m);
    expect(r.out).toContain('Базовая модель');
    // Russian numbers: decimal commas only.
    expect(r.out).not.toMatch(/\d\.\d/);
  }, 30_000);

  it('exits with 2 and a JSON error for bad input', async () => {
    const missing = await cli('train', join(dir, 'nope.csv'), '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).error.code).toBe('file.not_found');
    const hidden = await cli('train', dataset('iris.csv'), '--hidden', '3,x', '--json');
    expect(hidden.code).toBe(2);
    expect(JSON.parse(hidden.out)).toEqual({ error: { code: 'train.bad_hidden', message: expect.stringContaining('3,x') } });
    const lr = await cli('train', dataset('iris.csv'), '--lr', 'fast', '--json');
    expect(JSON.parse(lr.out).error.code).toBe('args.bad_number');
    const unknown = await cli('train', dataset('iris.csv'), '--color', 'red');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('gradbot train');
  });

  it('reports an error raised inside the worker the same way', async () => {
    // The file is read in the worker: a bad CSV fails there, after the options passed.
    const bad = join(dir, 'one-column.csv');
    writeFileSync(bad, 'only\n1\n2\n3\n');
    const r = await cli('train', bad, '--json', '--lang', 'ru');
    expect(r.code).toBe(2);
    const error = JSON.parse(r.out).error;
    expect(error.code).toMatch(/^csv\./);
    expect(error.message).toMatch(/[а-я]/);
  }, 30_000);
});
