/**
 * The value rules both parsers share (src/options/values.ts): the CLI and the chat doors give
 * the same error, with the same code and texts, for the same bad value; only the way the option
 * is named (`--top-k` / `top_k`) and the decimal comma differ.
 */
import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { parseCli } from '../../src/options/parse-cli.js';
import { argsMessages, parseTextOptions } from '../../src/options/parse-text.js';
import type { OptionSpec } from '../../src/options/types.js';
import { readNumber, TEXT_VALUE_RULES, typeValue, VALUE_TEXTS } from '../../src/options/values.js';

const d = { en: 'x', ru: 'x' };
const TOP_K: OptionSpec = { name: 'top_k', type: 'integer', min: 0, max: 1000, description: d };
const LR: OptionSpec = { name: 'lr', type: 'number', description: d };
const PERIOD: OptionSpec = {
  name: 'period',
  type: 'integer',
  choices: [
    { value: 7, label: { en: 'week', ru: 'неделя' } },
    { value: 0, label: { en: 'all', ru: 'всё' } },
  ],
  description: d,
};

function errorOf(f: () => unknown): UserInputError {
  try {
    f();
  } catch (e) {
    if (isUserInputError(e)) return e;
    throw e;
  }
  throw new Error('expected a UserInputError');
}

const cli = (spec: OptionSpec, value: string) => parseCli([`--${spec.name}`, value], [spec], { command: 'x' }).values[spec.name];
const text = (spec: OptionSpec, value: string) => parseTextOptions(`${spec.name}:${value}`, [spec])[spec.name];

describe('one set of value rules and messages for both parsers', () => {
  it.each([
    ['2.5', 'args.bad_integer'],
    ['abc', 'args.bad_integer'],
    ['1001', 'args.out_of_range'],
    ['-1', 'args.out_of_range'],
    ['9007199254740993', 'args.bad_integer'],
  ])('%s for an integer from 0 to 1000 is %s on both doors', (value, code) => {
    const a = errorOf(() => cli(TOP_K, value));
    const b = errorOf(() => text(TOP_K, value));
    expect([a.code, b.code]).toEqual([code, code]);
    expect(a.text).toEqual(b.text);
    expect(a.params.option).toBe('--top-k');
    expect(b.params.option).toBe('top_k');
    expect({ ...a.params, option: 'top_k' }).toEqual(b.params);
  });

  it('names the option, the value and the expected form, in both languages', () => {
    const e = errorOf(() => cli(TOP_K, 'abc'));
    expect(e.render('en')).toBe('Option «--top-k» expects a whole number, e.g. 0; got «abc».');
    expect(e.render('ru')).toBe('Параметр «--top-k» ожидает целое число, например 0; получено «abc».');
    expect(errorOf(() => text(LR, 'fast')).render('ru')).toBe('Параметр «lr» ожидает число, например 0.5; получено «fast».');
  });

  it('the chat doors take a decimal comma; the CLI, where a comma separates list items, does not', () => {
    expect(text(LR, '0,8')).toBe(0.8);
    expect(errorOf(() => cli(LR, '0,8')).code).toBe('args.bad_number');
    for (const [raw, want] of [['\u22122', -2], ['.5', 0.5], ['1e-3', 0.001], ['+4', 4]] as const) {
      expect(cli(LR, raw)).toBe(want);
      expect(text(LR, raw)).toBe(want);
    }
    expect(readNumber('1e999', false)).toBe(Infinity);
    expect(errorOf(() => cli(LR, '1e999')).code).toBe('args.bad_number');
    expect(readNumber('0x10', true)).toBeUndefined();
    expect(readNumber('1 000', true)).toBeUndefined();
  });

  it('a whole number is an integer however it is written', () => {
    expect(cli(TOP_K, '2.0')).toBe(2);
    expect(text(TOP_K, '2,0')).toBe(2);
    expect(cli(TOP_K, '1e2')).toBe(100);
  });

  it('choices by value or by label, on both doors', () => {
    expect(cli(PERIOD, 'неделя')).toBe(7);
    expect(text(PERIOD, 'Week')).toBe(7);
    expect(cli(PERIOD, '0')).toBe(0);
    const e = errorOf(() => cli(PERIOD, '30'));
    expect(e.code).toBe('args.bad_choice');
    expect(e.render('en')).toBe('Option «--period» must be one of: 7, 0; got «30».');
  });

  it('string lengths: Russian plural forms of the bound', () => {
    const spec = (min: number | undefined, max: number | undefined): OptionSpec => ({
      name: 'title',
      type: 'string',
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      description: d,
    });
    const ru = (s: OptionSpec, v: string) => errorOf(() => typeValue(s, v, TEXT_VALUE_RULES)).render('ru');
    expect(ru(spec(undefined, 1), 'ab')).toBe('В параметре «title» должно быть не больше 1 символа; получено 2.');
    expect(ru(spec(undefined, 21), 'a'.repeat(22))).toBe('В параметре «title» должно быть не больше 21 символа; получено 22.');
    expect(ru(spec(3, undefined), 'ab')).toBe('В параметре «title» должно быть не меньше 3 символов; получено 2.');
    expect(ru(spec(2, 5), 'abcdef')).toBe('В параметре «title» должно быть от 2 до 5 символов; получено 6.');
    expect(errorOf(() => typeValue(spec(3, undefined), 'ab', TEXT_VALUE_RULES)).render('en')).toBe('Option «title» must have at least 3 characters; got 2.');
    expect(typeValue(spec(2, 5), '  abc  ', TEXT_VALUE_RULES)).toBe('abc');
  });

  it('the chat catalogue holds the shared value texts once, beside its syntax errors', () => {
    expect(argsMessages.texts.bad_integer).toBe(VALUE_TEXTS.bad_integer);
    expect(argsMessages.error('bad_choice').code).toBe('args.bad_choice');
    expect(argsMessages.error('unclosed_quote').code).toBe('args.unclosed_quote');
  });
});
