import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/shared.js';
import { isUserInputError } from '../../src/core/errors.js';
import { userErrorCode } from '../error-code.js';

const OPTIONS = { seed: { type: 'string' }, json: { type: 'boolean' } } as const;

describe('parseCliArgs', () => {
  it('reads a negative number after a string option as its value', () => {
    const { values, positionals } = parseCliArgs('train', ['data.csv', '--seed', '-1', '--json'], OPTIONS);
    expect(values.seed).toBe('-1');
    expect(values.json).toBe(true);
    expect(positionals).toEqual(['data.csv']);
  });

  it('names an unknown option in the chosen language', () => {
    expect(userErrorCode(() => parseCliArgs('train', ['--wat'], OPTIONS))).toBe('cli.unknown_option');
    try {
      parseCliArgs('train', ['--wat'], OPTIONS);
    } catch (e) {
      expect(isUserInputError(e) && e.render('ru')).toBe('Неизвестный параметр «--wat». Справка: «gradbot train --help».');
    }
  });

  it('says which option lacks its value', () => {
    expect(userErrorCode(() => parseCliArgs('train', ['--seed'], OPTIONS))).toBe('cli.missing_value');
    expect(userErrorCode(() => parseCliArgs('train', ['--seed', '--json'], OPTIONS))).toBe('cli.missing_value');
  });
});
