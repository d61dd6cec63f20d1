import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { checkOptionValue, cliFlag, parseCli, typeOptionValue } from '../../src/options/parse-cli.js';
import type { OptionSpec } from '../../src/options/types.js';
import { PLOT_FROM_OPTION } from '../../src/render/option-specs.js';
import { SPELLS_TOP_K_OPTION } from '../../src/spells/option-specs.js';
import { TRAIN_OPTIMIZER_OPTION } from '../../src/training/option-specs.js';
import { userErrorCode } from '../error-code.js';

const d = { en: 'x', ru: 'x' };
const SPECS: OptionSpec[] = [
  { name: 'seed', type: 'integer', description: d },
  { name: 'lr', type: 'number', min: 0, max: 10, default: 0.003, description: d },
  { name: 'answer', type: 'string', description: d },
  { name: 'json', type: 'boolean', description: d },
  { name: 'derivative', type: 'boolean', default: true, description: d },
  { name: 'top_k', type: 'integer', description: d },
  { name: 'task', type: 'string', choices: [{ value: 'classification', label: d }, { value: 'regression', label: d }], description: d },
  { name: 'level', type: 'integer', choices: [{ value: 1, label: d }, { value: 2, label: d }], description: d },
  { name: 'title', type: 'string', max: 5, description: d },
  { name: 'data', type: 'attachment', description: d },
];

const parse = (...argv: string[]) => parseCli(argv, SPECS, { command: 'train' });

function errorOf(f: () => unknown): UserInputError {
  try {
    f();
  } catch (e) {
    if (isUserInputError(e)) return e;
    throw e;
  }
  throw new Error('expected a UserInputError');
}

describe('parseCli: syntax', () => {
  it('reads a negative number after an option as its value, and other tokens as positionals', () => {
    const { values, positionals } = parse('data.csv', '--seed', '-1', '--json', '-x^2', '-');
    expect(values.seed).toBe(-1);
    expect(values.json).toBe(true);
    expect(positionals).toEqual(['data.csv', '-x^2', '-']);
  });

  it('takes --name=value, including values that start with a minus or contain "="', () => {
    const { values } = parse('--answer=-20', '--lr=0.5');
    expect(values).toMatchObject({ answer: '-20', lr: 0.5 });
    expect(parse('--answer', 'a=b').values.answer).toBe('a=b');
    expect(parse('--answer=x=1').values.answer).toBe('x=1');
  });

  it('booleans: --flag is true, --no-flag is false, defaults fill the rest', () => {
    expect(parse().values).toEqual({ lr: 0.003, derivative: true });
    expect(parse('--no-derivative', '--json').values).toMatchObject({ derivative: false, json: true });
    expect(userErrorCode(() => parse('--json=yes'))).toBe('cli.flag_value');
  });

  it('dashes and underscores in names are the same option', () => {
    expect(parse('--top-k', '8').values.top_k).toBe(8);
    expect(parse('--top_k=9').values.top_k).toBe(9);
    expect(cliFlag({ name: 'top_k' })).toBe('--top-k');
  });

  it('everything after a bare -- is positional', () => {
    expect(parse('--', '--seed', '1').positionals).toEqual(['--seed', '1']);
  });

  it('names an unknown option in the chosen language', () => {
    const e = errorOf(() => parse('--wat'));
    expect(e.code).toBe('cli.unknown_option');
    expect(e.render('ru')).toBe('Неизвестный параметр «--wat». Справка: «gradbot train --help».');
    expect(errorOf(() => parse('--color=red')).render('en')).toBe('Unknown option "--color". Run "gradbot train --help" for usage.');
    // --no- works for booleans only; an attachment is never a flag
    expect(userErrorCode(() => parse('--no-seed'))).toBe('cli.unknown_option');
    expect(userErrorCode(() => parse('--data', 'x.csv'))).toBe('cli.unknown_option');
  });

  it('says which option lacks its value', () => {
    expect(userErrorCode(() => parse('--seed'))).toBe('cli.missing_value');
    const e = errorOf(() => parse('--seed', '--json'));
    expect(e.code).toBe('cli.missing_value');
    expect(e.render('en')).toContain('--seed=-1');
  });

  it('a required option that is absent is named', () => {
    const e = errorOf(() => parseCli([], [{ name: 'model', type: 'string', required: true, description: d }], { command: 'predict' }));
    expect(e.code).toBe('cli.missing_option');
    expect(e.render('ru')).toBe('Нужен параметр --model. Справка: «gradbot predict --help».');
  });
});

describe('parseCli: typed values, choices and bounds', () => {
  it('numbers and integers', () => {
    expect(parse('--lr', '1e-2').values.lr).toBe(0.01);
    const nan = errorOf(() => parse('--lr', 'fast'));
    expect(nan.code).toBe('args.bad_number');
    expect(nan.render('ru')).toBe('Параметр «--lr» ожидает число, например 0; получено «fast».');
    expect(userErrorCode(() => parse('--lr', ' '))).toBe('args.bad_number');
    expect(userErrorCode(() => parse('--lr', 'Infinity'))).toBe('args.bad_number');
    expect(errorOf(() => parse('--seed', '1.5')).render('en')).toBe('Option «--seed» expects a whole number, e.g. 3; got «1.5».');
  });

  it('numbers are written as in the chat doors, except that a comma is no decimal point here', () => {
    expect(parse('--seed', '\u22125').values.seed).toBe(-5);
    expect(parse('--lr', '.5').values.lr).toBe(0.5);
    expect(parse('--seed', '2.0', '--top-k', '1e2').values).toMatchObject({ seed: 2, top_k: 100 });
    expect(userErrorCode(() => parse('--lr', '0,5'))).toBe('args.bad_number');
    expect(userErrorCode(() => parse('--lr', '0x10'))).toBe('args.bad_number');
    expect(typeOptionValue({ name: 'verbose', type: 'boolean', description: d }, 'да')).toBe(true);
    expect(errorOf(() => typeOptionValue({ name: 'verbose', type: 'boolean', description: d }, 'maybe')).render('en')).toBe(
      'Option «--verbose» expects yes or no (true/false, 1/0); got «maybe».',
    );
  });

  it('bounds are inclusive and named in the message', () => {
    expect(parse('--lr', '10').values.lr).toBe(10);
    const e = errorOf(() => parse('--lr', '11'));
    expect(e.code).toBe('args.out_of_range');
    expect(e.render('en')).toBe('Option «--lr» must be from 0 to 10; got 11.');
    expect(e.render('ru')).toBe('Параметр «--lr» должен быть от 0 до 10; получено 11.');
    expect(userErrorCode(() => parse('--lr', '-0.5'))).toBe('args.out_of_range');
    expect(errorOf(() => typeOptionValue({ ...SPECS[0]!, min: 0 }, '-3')).render('en')).toBe('Option «--seed» must be at least 0; got -3.');
    expect(errorOf(() => typeOptionValue({ ...SPECS[0]!, max: 9 }, '10')).code).toBe('args.too_large');
    const long = errorOf(() => parse('--title', 'abcdef'));
    expect(long.code).toBe('args.too_many_chars');
    expect(long.render('ru')).toBe('В параметре «--title» должно быть не больше 5 символов; получено 6.');
    expect(parse('--title', 'abcde').values.title).toBe('abcde');
  });

  it('choices: strings match case-insensitively and come back canonical; numbers by value', () => {
    expect(parse('--task', 'Regression').values.task).toBe('regression');
    const e = errorOf(() => parse('--task', 'clustering'));
    expect(e.code).toBe('args.bad_choice');
    expect(e.render('en')).toBe('Option «--task» must be one of: classification, regression; got «clustering».');
    expect(parse('--level', '2').values.level).toBe(2);
    expect(userErrorCode(() => parse('--level', '3'))).toBe('args.bad_choice');
  });

  it('checkLimits: false leaves choices and bounds to the feature, types are still checked', () => {
    const loose = (...argv: string[]) => parseCli(argv, SPECS, { command: 'train', checkLimits: false });
    expect(loose('--lr', '11', '--task', 'clustering').values).toMatchObject({ lr: 11, task: 'clustering' });
    expect(userErrorCode(() => loose('--lr', 'fast'))).toBe('args.bad_number');
  });

  it('applyDefaults: false keeps absent options absent', () => {
    expect(parseCli([], SPECS, { command: 'train', applyDefaults: false }).values).toEqual({});
  });

  it('works on the features\' own specs', () => {
    expect(checkOptionValue(TRAIN_OPTIMIZER_OPTION, 'ADAM')).toBe('adam');
    expect(userErrorCode(() => checkOptionValue(TRAIN_OPTIMIZER_OPTION, 'rmsprop'))).toBe('args.bad_choice');
    expect(typeOptionValue(PLOT_FROM_OPTION, '-1000')).toBe(-1000);
    expect(userErrorCode(() => typeOptionValue(PLOT_FROM_OPTION, '-1001'))).toBe('args.out_of_range');
    expect(userErrorCode(() => typeOptionValue(SPELLS_TOP_K_OPTION, '1001'))).toBe('args.out_of_range');
  });
});
