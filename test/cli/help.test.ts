import { afterAll, describe, expect, it } from 'vitest';
import { CLI_COMMANDS, CLI_COMMANDS_BY_NAME } from '../../src/cli.js';
import { renderOptionsHelp } from '../../src/options/help.js';
import { SPELLS_OPTIONS } from '../../src/spells/option-specs.js';
import { TRAIN_OPTIONS } from '../../src/training/option-specs.js';
import { runCli as run } from './run-cli.js';

describe('the CLI command registry', () => {
  it('is a list whose modules name themselves; the map is derived from it', async () => {
    expect(CLI_COMMANDS.map((c) => c.id).slice(0, 8)).toEqual(['plot', 'graph', 'grad', 'act', 'train', 'predict', 'spells', 'quiz']);
    expect([...CLI_COMMANDS_BY_NAME.keys()]).toEqual(CLI_COMMANDS.map((c) => c.id));
    for (const entry of CLI_COMMANDS) {
      const { command } = await entry.load();
      expect(command.name).toBe(entry.id);
    }
  });
});

describe('gradbot <command> --help', () => {
  it('lists the options from the specs, with defaults, in English and Russian', async () => {
    const en = await run('train', '--help');
    expect(en.code).toBe(0);
    expect(en.out).toContain('Usage: gradbot train <file.csv>');
    expect(en.out).toMatch(/^Options:$/m);
    expect(en.out).toMatch(/^ {2}--hidden 32,16 +units per hidden layer.*\(default 64,32\)$/m);
    expect(en.out).toMatch(/^ {2}--weight-decay X +weight decay, L2 \(0 to 1\) \(default 0\.01\)$/m);
    expect(en.out).toMatch(/^ {2}--optimizer sgd\|momentum\|adam +/m);
    expect(en.out).toMatch(/^ {2}--lang ru\|en +language/m);
    const ru = await run('train', '--help', '--lang', 'ru');
    expect(ru.out).toMatch(/^Параметры:$/m);
    expect(ru.out).toContain('(по умолчанию 64,32)');
    // every training option appears exactly once
    const lines = en.out.slice(en.out.indexOf('\nOptions:\n')).split('\n');
    for (const o of TRAIN_OPTIONS) expect(lines.filter((l) => l.startsWith(`  --${o.name.replace(/_/g, '-')} `))).toHaveLength(1);
  });

  it('shows a boolean that defaults to true by its --no- form', async () => {
    const r = await run('plot', '--help');
    expect(r.out).toMatch(/^ {2}--no-derivative +draw f only/m);
    expect(r.out).toMatch(/^ {2}--from X +left end of the x range \(from -1000 to 1000\) \(default -5\)$/m);
  });

  it('renders chat-style help from the same specs', () => {
    const text = renderOptionsHelp(SPELLS_OPTIONS, 'ru', 'chat');
    expect(text.split('\n')[0]).toBe('Параметры:');
    expect(text).toMatch(/^ {2}dataset: dnd\|hp +список названий/m);
    expect(text).toMatch(/^ {2}count: N +сколько названий придумать \(от 1 до 100\) \(по умолчанию 10\)$/m);
    expect(renderOptionsHelp([], 'en')).toBe('');
  });
});

describe('options every command takes', () => {
  it('--lang with a bad or missing value is one clear error', async () => {
    const bad = await run('spells', '--lang', 'de', '--json');
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out)).toEqual({ error: { code: 'cli.bad_lang', message: 'Option --lang must be "ru" or "en", got "de".' } });
    const bare = await run('act', 'relu', '--at', '1', '--lang');
    expect(bare.code).toBe(2);
    expect(bare.err).toBe('gradbot act: Option --lang must be "ru" or "en", got "".');
  });

  it('a flag of another command is an unknown option here, in the chosen language', async () => {
    const r = await run('grad', 'x', 'x=1', '--seed', '3', '--lang=ru');
    expect(r.code).toBe(2);
    expect(r.err).toBe('gradbot grad: Неизвестный параметр «--seed». Справка: «gradbot grad --help».');
  });

  it('a value of the wrong type is named before anything runs', async () => {
    const r = await run('spells', '--count', '2.5', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toEqual({ code: 'args.bad_integer', message: 'Option «--count» expects a whole number, e.g. 1; got «2.5».' });
  });
});

describe('configuration errors', () => {
  const saved = process.env.GRADBOT_WORKER_MEMORY_MB;
  afterAll(() => {
    if (saved === undefined) delete process.env.GRADBOT_WORKER_MEMORY_MB;
    else process.env.GRADBOT_WORKER_MEMORY_MB = saved;
  });

  it('a bad variable is a user error (exit 2) naming it, not an internal error', async () => {
    process.env.GRADBOT_WORKER_MEMORY_MB = 'lots';
    const s = await run('spells', '--count', '1', '--steps', '1', '--json');
    delete process.env.GRADBOT_WORKER_MEMORY_MB;
    expect(s.code).toBe(2);
    const error = JSON.parse(s.out).error as { code: string; message: string };
    expect(error.code).toBe('config.invalid');
    expect(error.message).toMatch(/^Invalid configuration:\n- GRADBOT_WORKER_MEMORY_MB: /);
  });
});
