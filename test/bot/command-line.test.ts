import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/bot/autocomplete.js';
import { splitCommandLine } from '../../src/bot/command-line.js';
import { command as leaderboard } from '../../src/bot/commands/leaderboard.js';
import type { OptionSpec } from '../../src/options/types.js';

describe('splitCommandLine', () => {
  it('splits name and arguments, lower-cases the name, drops @botname', () => {
    expect(splitCommandLine('/quiz backprop 2')).toEqual({ command: 'quiz', args: 'backprop 2' });
    expect(splitCommandLine('  /Quiz@GradBot   id:backprop:17:2 ', 'gradbot')).toEqual({ command: 'quiz', args: 'id:backprop:17:2' });
    expect(splitCommandLine('/help')).toEqual({ command: 'help', args: '' });
  });
  it('is not a command: plain text, a slash alone, a path, another bot', () => {
    expect(splitCommandLine('hello /quiz')).toBe(undefined);
    expect(splitCommandLine('/')).toBe(undefined);
    expect(splitCommandLine('/usr/bin')).toBe(undefined);
    expect(splitCommandLine('/quiz@otherbot x', 'gradbot')).toBe(undefined);
  });
});

describe('autocomplete', () => {
  const fns: OptionSpec = { name: 'functions', type: 'string', description: { en: 'f', ru: 'f' }, autocomplete: 'activations' };
  it('completes the last item of a comma list of activations', () => {
    const s = suggest(fns, 'relu,gel', 'en');
    expect(s.map((x) => x.value)).toContain('relu,gelu');
    expect(s.every((x) => x.value.startsWith('relu,'))).toBe(true);
  });
  it('offers at most 25 suggestions', () => {
    expect(suggest(fns, '', 'en').length).toBeLessThanOrEqual(25);
    expect(suggest(fns, '', 'en').length).toBeGreaterThan(10);
  });
  it('offers the choices with their labels in the language', () => {
    const period = leaderboard.options[0] as OptionSpec;
    expect(suggest(period, '', 'ru')).toEqual([
      { value: 'week', label: 'Неделя' },
      { value: 'all', label: 'Всё время' },
    ]);
    expect(suggest(period, 'al', 'en')).toEqual([{ value: 'all', label: 'All time' }]);
  });
  it('topics and datasets come from their registries', () => {
    const topic: OptionSpec = { name: 'topic', type: 'string', description: { en: 't', ru: 't' }, autocomplete: 'topics' };
    expect(suggest(topic, 'back', 'en')).toEqual([{ value: 'backprop', label: 'backprop' }]);
    const ds: OptionSpec = { name: 'dataset', type: 'string', description: { en: 'd', ru: 'd' }, autocomplete: 'datasets' };
    expect(suggest(ds, 'h', 'ru').map((x) => x.value)).toEqual(['hp']);
  });
});
