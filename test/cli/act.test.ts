import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.js';
import { ACTIVATIONS, getActivation } from '../../src/core/activations/index.js';


describe('gradbot act <id> --at ... --json', () => {
  it('prints exactly {"id", "x", "f", "df"} computed by the registry', async () => {
    const r = await run('act', 'sigmoid', '--at', '-2,0,1.5', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const parsed = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['id', 'x', 'f', 'df']);
    const s = getActivation('sigmoid');
    expect(parsed).toEqual({ id: 'sigmoid', x: [-2, 0, 1.5], f: [-2, 0, 1.5].map(s.f), df: [-2, 0, 1.5].map(s.df) });
  });

  it('resolves aliases to the canonical id and accepts negative points after --at', async () => {
    const r = await run('act', 'Leaky-ReLU', '--at', '-1,0,2', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ id: 'leaky_relu', x: [-1, 0, 2], f: [-0.01, 0, 2], df: [0.01, 0.01, 1] });
    const eq = await run('act', 'swish', '--at=-1', '--json');
    expect((JSON.parse(eq.out) as { id: string }).id).toBe('silu');
  });

  it('joins several words into one name', async () => {
    const r = await run('act', 'leaky', 'relu', '--at', '1', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { id: string }).id).toBe('leaky_relu');
  });
});

describe('gradbot act, text mode', () => {
  it('prints the name, formulas and a table of x, f, f\'', async () => {
    const r = await run('act', 'relu', '--at', '-1,2');
    expect(r.code).toBe(0);
    expect(r.out).toContain('relu: Rectified linear unit (ReLU)');
    expect(r.out).toContain('f(x) = max(0, x)');
    expect(r.out).toMatch(/x\s+f\(x\)\s+f'\(x\)/);
    expect(r.out).toMatch(/^2\s+2\s+1$/m);
    const ru = await run('act', 'relu', '--at', '1', '--lang', 'ru');
    expect(ru.out).toContain('Выпрямитель (ReLU)');
    expect(ru.out).toContain('производная');
  });

  it('gives the range, the yes/no properties and the teaching notes of the entry', async () => {
    const relu = getActivation('relu');
    const r = await run('act', 'relu', '--at', '1');
    expect(r.out).toContain(`range: ${relu.range}`);
    expect(r.out).toContain('properties: monotonic: yes, zero-centred: no, bounded: no, saturating: yes, smooth: no');
    expect(r.out).toContain(`notes: ${relu.notes.en}`);
    const ru = await run('act', 'tanh', '--at', '1', '--lang', 'ru');
    expect(ru.out).toContain('ограниченная: да');
    expect(ru.out).toContain(`заметки: ${getActivation('tanh').notes.ru}`);
  });
});

describe('gradbot act --list', () => {
  it('--json lists every entry with id, aliases, names and plain-text formulas', async () => {
    const r = await run('act', '--list', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Record<string, unknown>[];
    expect(list).toHaveLength(ACTIVATIONS.length);
    expect(list.map((e) => e['id'])).toEqual(ACTIVATIONS.map((a) => a.id));
    for (const e of list) expect(Object.keys(e)).toEqual(['id', 'aliases', 'name', 'formula', 'derivative', 'range', 'properties', 'notes']);
    const silu = list.find((e) => e['id'] === 'silu')!;
    expect(silu['aliases']).toContain('swish');
    expect(silu['name']).toEqual({ en: 'Sigmoid linear unit (SiLU, Swish)', ru: getActivation('silu').name.ru });
    expect(silu['formula']).toBe(getActivation('silu').formula.text);
    expect(silu['derivative']).toBe(getActivation('silu').derivative.text);
    // the teaching facts come straight from the registry entry
    const relu = list.find((e) => e['id'] === 'relu')!;
    expect(relu['range']).toBe('[0, ∞)');
    expect(relu['properties']).toEqual({ ...getActivation('relu').properties });
    expect(relu['properties']).toMatchObject({ monotonic: true, bounded: false, saturating: true });
    expect(relu['notes']).toEqual({ en: getActivation('relu').notes.en, ru: getActivation('relu').notes.ru });
    expect((relu['notes'] as { en: string }).en.length).toBeGreaterThan(20);
  });

  it('prints a table in the chosen language', async () => {
    const en = await run('act', '--list');
    expect(en.code).toBe(0);
    expect(en.out.split('\n')).toHaveLength(ACTIVATIONS.length + 1);
    expect(en.out).toContain('Hyperbolic tangent');
    const ru = await run('act', '--list', '--lang', 'ru');
    expect(ru.out).toContain('Гиперболический тангенс');
  });
});

describe('gradbot act, bad input', () => {
  it('unknown activation: exit 2, one line on stderr with suggestions', async () => {
    const r = await run('act', 'sigmod', '--at', '1');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toContain('sigmoid');
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('with --json the error is {"error": {"code", "message"}} on stdout', async () => {
    const r = await run('act', 'sigmod', '--at', '1', '--json');
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    const parsed = JSON.parse(r.out) as { error: { code: string; message: string } };
    expect(Object.keys(parsed)).toEqual(['error']);
    expect(Object.keys(parsed.error)).toEqual(['code', 'message']);
    expect(parsed.error.code).toBe('activation.unknown');
    expect(parsed.error.message).toContain('gradbot act --list');
  });

  it.each([
    [['relu', '--at', '1,abc'], 'act.bad_point', 'abc'],
    [['relu', '--at', '1,,2'], 'act.bad_point', 'Point 2'],
    [['relu', '--at', 'Infinity'], 'act.bad_point', 'Infinity'],
    [['relu'], 'act.missing_at', '--at'],
    [[], 'act.missing_name', '--list'],
    [['relu', '--list'], 'act.list_and_name', 'relu'],
    [['relu', '--at', '1', '--wat'], 'cli.unknown_option', 'wat'],
    [['relu', '--at', '1', '--lang', 'de'], 'cli.bad_lang', 'de'],
  ])('%j -> %s', async (args, code, fragment) => {
    const r = await run('act', ...args, '--json');
    expect(r.code).toBe(2);
    const parsed = JSON.parse(r.out) as { error: { code: string; message: string } };
    expect(parsed.error.code).toBe(code);
    expect(parsed.error.message).toContain(fragment);
  });

  it('refuses more than 1000 points', async () => {
    const r = await run('act', 'relu', '--at', Array.from({ length: 1001 }, (_, i) => String(i)).join(','), '--json');
    expect(r.code).toBe(2);
    expect((JSON.parse(r.out) as { error: { code: string } }).error.code).toBe('act.too_many_points');
  });

  it('renders errors in Russian with --lang ru', async () => {
    const r = await run('act', 'relu', '--at', 'x', '--lang', 'ru');
    expect(r.code).toBe(2);
    expect(r.err).toContain('не конечное число');
  });
});
