import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { checkOptions, cleanArgs, coerceOption, MAX_ARGS_CHARS, parseTextOptions } from '../../src/options/parse-text.js';
import type { OptionSpec } from '../../src/options/types.js';

const d = (en: string) => ({ en, ru: en });

const PLOT: OptionSpec[] = [
  { name: 'functions', type: 'string', description: d('functions'), required: true, autocomplete: 'activations' },
  { name: 'from', type: 'number', description: d('left end'), default: -5 },
  { name: 'to', type: 'number', description: d('right end'), default: 5 },
];
const QUIZ: OptionSpec[] = [
  { name: 'topic', type: 'string', description: d('topic') },
  { name: 'difficulty', type: 'integer', description: d('difficulty'), min: 1, max: 3 },
  { name: 'id', type: 'string', description: d('question id') },
];
const SPELLS: OptionSpec[] = [
  { name: 'dataset', type: 'string', description: d('list'), choices: [{ value: 'dnd', label: { en: 'D&D', ru: 'D&D' } }, { value: 'hp', label: { en: 'Harry Potter', ru: 'Гарри Поттер' } }], default: 'dnd' },
  { name: 'count', type: 'integer', description: d('how many'), min: 1, max: 50, default: 10 },
  { name: 'temperature', type: 'number', description: d('temperature'), min: 0.1, max: 2, default: 0.8 },
];
const ROUND: OptionSpec[] = [
  { name: 'topic', type: 'string', description: d('topic') },
  { name: 'count', type: 'integer', description: d('questions'), min: 1, max: 20 },
  { name: 'seconds', type: 'integer', description: d('seconds'), min: 10, max: 300 },
];
const GRAD: OptionSpec[] = [
  { name: 'expression', type: 'string', description: d('expression'), required: true, rest: true },
  { name: 'values', type: 'string', description: d('values') },
];
const ANSWER: OptionSpec[] = [{ name: 'value', type: 'string', description: d('answer'), required: true, rest: true }];
const FLAGS: OptionSpec[] = [
  { name: 'verbose', type: 'boolean', description: d('verbose'), default: false },
  { name: 'file', type: 'attachment', description: d('a file') },
];

function errorOf(fn: () => unknown): UserInputError {
  try {
    fn();
  } catch (e) {
    if (isUserInputError(e)) return e;
    throw e;
  }
  throw new Error('expected a UserInputError');
}

describe('positional options', () => {
  it('reads /plot relu,gelu -3 3 in order', () => {
    expect(parseTextOptions('relu,gelu -3 3', PLOT)).toEqual({ functions: 'relu,gelu', from: -3, to: 3 });
  });
  it('fills defaults for the options left out', () => {
    expect(parseTextOptions('relu', PLOT)).toEqual({ functions: 'relu', from: -5, to: 5 });
  });
  it('reads /quiz backprop 2 and leaves id unset', () => {
    expect(parseTextOptions('backprop 2', QUIZ)).toEqual({ topic: 'backprop', difficulty: 2 });
  });
  it('reads /spells dnd 10 0.8 and the decimal comma 0,8', () => {
    expect(parseTextOptions('dnd 10 0.8', SPELLS)).toEqual({ dataset: 'dnd', count: 10, temperature: 0.8 });
    expect(parseTextOptions('hp 5 0,8', SPELLS)).toEqual({ dataset: 'hp', count: 5, temperature: 0.8 });
  });
  it('reads /round backprop 5 30', () => {
    expect(parseTextOptions('backprop 5 30', ROUND)).toEqual({ topic: 'backprop', count: 5, seconds: 30 });
  });
  it('reads the Unicode minus and scientific notation', () => {
    expect(parseTextOptions('relu \u22123 1e1', PLOT)).toEqual({ functions: 'relu', from: -3, to: 10 });
  });
  it('empty arguments give the defaults', () => {
    expect(parseTextOptions('', SPELLS)).toEqual({ dataset: 'dnd', count: 10, temperature: 0.8 });
    expect(parseTextOptions('   ', QUIZ)).toEqual({});
  });
});

describe('skipping an optional option of another kind', () => {
  it('/spells 20: the count, with the default dataset', () => {
    expect(parseTextOptions('20', SPELLS)).toEqual({ dataset: 'dnd', count: 20, temperature: 0.8 });
  });
  it('a number out of range is not skipped: it is an error of that option', () => {
    expect(errorOf(() => parseTextOptions('hp 99', SPELLS)).code).toBe('args.out_of_range');
    expect(errorOf(() => parseTextOptions('99', SPELLS)).params.option).toBe('count');
  });
  it('a value is never skipped into a rest option (typos stay errors)', () => {
    const specs: OptionSpec[] = [
      { name: 'setting', type: 'string', description: d('setting'), choices: [{ value: 'topics', label: d('Topics') }] },
      { name: 'value', type: 'string', description: d('value'), rest: true },
    ];
    expect(errorOf(() => parseTextOptions('colour red', specs)).code).toBe('args.bad_choice');
    expect(parseTextOptions('topics a, b', specs)).toEqual({ setting: 'topics', value: 'a, b' });
  });
  it('a word for a number that no later option takes is an error of the first', () => {
    const e = errorOf(() => parseTextOptions('relu abc', PLOT));
    expect(e.params.option).toBe('from');
  });
});

describe('named options', () => {
  it('id:backprop:17:2 is the option id with the value backprop:17:2', () => {
    expect(parseTextOptions('id:backprop:17:2', QUIZ)).toEqual({ id: 'backprop:17:2' });
  });
  it('a bare backprop:17:2 is positional (the first option), not a name', () => {
    expect(parseTextOptions('backprop:17:2', QUIZ)).toEqual({ topic: 'backprop:17:2' });
  });
  it('name=value works too, in any order, and positionals fill the rest', () => {
    expect(parseTextOptions('difficulty=3 gates', QUIZ)).toEqual({ topic: 'gates', difficulty: 3 });
    expect(parseTextOptions('to:2 relu from=-1', PLOT)).toEqual({ functions: 'relu', from: -1, to: 2 });
  });
  it('option names are case-insensitive', () => {
    expect(parseTextOptions('Difficulty:1', QUIZ)).toEqual({ difficulty: 1 });
  });
  it('a quoted named value keeps its spaces', () => {
    expect(parseTextOptions('topic:"back prop"', QUIZ)).toEqual({ topic: 'back prop' });
  });
  it('an option given twice is an error naming it', () => {
    const e = errorOf(() => parseTextOptions('topic:a topic=b', QUIZ));
    expect(e.code).toBe('args.duplicate');
    expect(e.render('en')).toBe('Option «topic» is given twice.');
    expect(e.render('ru')).toBe('Параметр «topic» задан дважды.');
  });
  it('named: false options are only positional', () => {
    const specs: OptionSpec[] = [{ name: 'x', type: 'string', description: d('x'), named: false }];
    expect(parseTextOptions('x:1', specs)).toEqual({ x: 'x:1' });
  });
});

describe('quotes and rest', () => {
  it('quotes group words: «…», "…", \'…\', “…”', () => {
    expect(parseTextOptions('"back prop" 2', QUIZ)).toEqual({ topic: 'back prop', difficulty: 2 });
    expect(parseTextOptions('«обратное распространение» 1', QUIZ)).toEqual({ topic: 'обратное распространение', difficulty: 1 });
    expect(parseTextOptions('“a b” 1', QUIZ)).toEqual({ topic: 'a b', difficulty: 1 });
    expect(parseTextOptions("'a b' 3", QUIZ)).toEqual({ topic: 'a b', difficulty: 3 });
  });
  it('an apostrophe inside a word is a letter', () => {
    expect(parseTextOptions("O'Neil 2", QUIZ)).toEqual({ topic: "O'Neil", difficulty: 2 });
  });
  it('an unclosed quote is an error that says which quote to add', () => {
    const e = errorOf(() => parseTextOptions('"backprop 2', QUIZ));
    expect(e.code).toBe('args.unclosed_quote');
    expect(e.render('en')).toBe('The quote before «backprop 2» is not closed: add the closing ".');
    expect(e.render('ru')).toBe('Кавычка перед «backprop 2» не закрыта: добавьте закрывающую ".');
  });
  it('rest takes the remaining text as typed', () => {
    expect(parseTextOptions('  1 + exp(w0 +   w1*x) ', ANSWER)).toEqual({ value: '1 + exp(w0 +   w1*x)' });
    expect(parseTextOptions('0,25', ANSWER)).toEqual({ value: '0,25' });
  });
  it('a rest option stops at the first word=value when options follow (grad)', () => {
    expect(parseTextOptions('1 + exp(w0 + w1*x) x=-1 w0=1 w1=2', GRAD)).toEqual({ expression: '1 + exp(w0 + w1*x)', values: 'x=-1 w0=1 w1=2' });
  });
  it('a rest option stops at a named option of the command', () => {
    expect(parseTextOptions('a*b values:a=1,b=2', GRAD)).toEqual({ expression: 'a*b', values: 'a=1,b=2' });
  });
  it('a last rest option keeps word=value inside it', () => {
    expect(parseTextOptions('x=3', ANSWER)).toEqual({ value: 'x=3' });
  });
  it('a rest wholly in quotes loses the quotes', () => {
    expect(parseTextOptions('"a b"', ANSWER)).toEqual({ value: 'a b' });
  });
});

describe('types, bounds and choices', () => {
  it('integers: a fraction is an error naming the option, the value and an example', () => {
    const e = errorOf(() => parseTextOptions('backprop 2.5', QUIZ));
    expect(e.code).toBe('args.bad_integer');
    expect(e.render('en')).toBe('Option «difficulty» expects a whole number, e.g. 1; got «2.5».');
    expect(e.render('ru')).toBe('Параметр «difficulty» ожидает целое число, например 1; получено «2.5».');
  });
  it('integers: out of range names the bounds', () => {
    const e = errorOf(() => parseTextOptions('backprop 7', QUIZ));
    expect(e.code).toBe('args.out_of_range');
    expect(e.render('en')).toBe('Option «difficulty» must be from 1 to 3; got 7.');
    expect(e.render('ru')).toBe('Параметр «difficulty» должен быть от 1 до 3; получено 7.');
  });
  it('numbers: words, hex, Infinity and thousands separators are refused', () => {
    for (const bad of ['abc', '0x10', 'Infinity', 'NaN', '1,000,000', '1.2.3', '--3']) {
      const e = errorOf(() => parseTextOptions(`relu ${bad}`, PLOT));
      expect(e.code).toBe('args.bad_number');
    }
  });
  it('numbers below a minimum or above a maximum', () => {
    expect(errorOf(() => coerceOption({ name: 'lr', type: 'number', description: d('lr'), min: 0 }, '-1')).render('en')).toBe('Option «lr» must be at least 0; got -1.');
    expect(errorOf(() => coerceOption({ name: 'lr', type: 'number', description: d('lr'), max: 1 }, '2')).render('ru')).toBe('Параметр «lr» должен быть не больше 1; получено 2.');
  });
  it('choices match values and labels case-insensitively and give the value', () => {
    expect(parseTextOptions('HP', SPELLS).dataset).toBe('hp');
    expect(parseTextOptions('"гарри поттер"', SPELLS).dataset).toBe('hp');
    const e = errorOf(() => parseTextOptions('lotr', SPELLS));
    expect(e.code).toBe('args.bad_choice');
    expect(e.render('en')).toBe('Option «dataset» must be one of: dnd, hp; got «lotr».');
  });
  it('booleans in both languages', () => {
    for (const [v, want] of [['true', true], ['да', true], ['1', true], ['yes', true], ['false', false], ['нет', false], ['0', false], ['OFF', false]] as const) {
      expect(parseTextOptions(v, FLAGS)).toEqual({ verbose: want });
    }
    expect(errorOf(() => parseTextOptions('maybe', FLAGS)).render('en')).toBe('Option «verbose» expects yes or no (true/false, 1/0); got «maybe».');
  });
  it('attachment options take no text', () => {
    const e = errorOf(() => parseTextOptions('true file:x.csv', FLAGS));
    expect(e.code).toBe('args.unexpected');
  });
  it('a missing required option is named with its description', () => {
    const e = errorOf(() => parseTextOptions('', PLOT));
    expect(e.code).toBe('args.missing');
    expect(e.render('en')).toBe('Option «functions» is required (functions).');
  });
  it('too many arguments names the first extra one', () => {
    const e = errorOf(() => parseTextOptions('backprop 2 x:1:1 extra', QUIZ));
    expect(e.code).toBe('args.unexpected');
    expect(e.render('en')).toBe('Unexpected argument «extra»: all the options are already given.');
  });
  it('string length bounds', () => {
    const spec: OptionSpec = { name: 'name', type: 'string', description: d('name'), min: 2, max: 5 };
    expect(coerceOption(spec, 'abc')).toBe('abc');
    expect(errorOf(() => coerceOption(spec, 'abcdef')).render('en')).toBe('Option «name» must have 2 to 5 characters; got 6.');
  });
});

describe('structured options (Discord) get the same checks', () => {
  it('typed values pass, defaults are filled in', () => {
    expect(checkOptions({ dataset: 'hp', count: 3 }, SPELLS)).toEqual({ dataset: 'hp', count: 3, temperature: 0.8 });
  });
  it('a wrong type, a bound and an unknown name are refused', () => {
    expect(errorOf(() => checkOptions({ count: 2.5 }, SPELLS)).code).toBe('args.bad_integer');
    expect(errorOf(() => checkOptions({ count: 99 }, SPELLS)).code).toBe('args.out_of_range');
    expect(errorOf(() => checkOptions({ dataset: 5 }, SPELLS)).code).toBe('args.bad_string');
    const e = errorOf(() => checkOptions({ colour: 'red' }, SPELLS));
    expect(e.render('en')).toBe('Unknown option «colour». Options: dataset, count, temperature.');
  });
});

describe('hostile input', () => {
  it('10,000 characters are refused quickly with the limit named', () => {
    const t0 = performance.now();
    const e = errorOf(() => parseTextOptions('a'.repeat(10_000), ANSWER));
    expect(performance.now() - t0).toBeLessThan(100);
    expect(e.code).toBe('args.too_long');
    expect(e.render('en')).toBe(`The arguments are too long: 10000 characters, at most ${MAX_ARGS_CHARS}.`);
  });
  it('a long quoted value in an error message is cut to 100 characters', () => {
    const e = errorOf(() => parseTextOptions(`relu ${'9'.repeat(300)}x`, PLOT));
    expect(e.code).toBe('args.bad_number');
    expect(e.render('en').length).toBeLessThan(200);
    expect(e.render('en')).toContain('…');
  });
  it('many tokens parse in linear time', () => {
    const t0 = performance.now();
    const e = errorOf(() => parseTextOptions('a '.repeat(2000), QUIZ));
    expect(e.code).toBe('args.unexpected');
    expect(performance.now() - t0).toBeLessThan(200);
  });
  it('control characters and direction marks are dropped', () => {
    expect(cleanArgs('a\u0000b\u0007c\u200fd\u202ee\uFEFF')).toBe('abcde');
    expect(parseTextOptions('\u200Fbackprop \u200E2\u0000', QUIZ)).toEqual({ topic: 'backprop', difficulty: 2 });
    expect(parseTextOptions('id:\u202Ebackprop:17:2', QUIZ)).toEqual({ id: 'backprop:17:2' });
  });
  it('emoji (with joiners) and RTL letters survive as values', () => {
    expect(parseTextOptions('👩‍💻 1', QUIZ)).toEqual({ topic: '👩‍💻', difficulty: 1 });
    expect(parseTextOptions('שלום 3', QUIZ)).toEqual({ topic: 'שלום', difficulty: 3 });
  });
  it('@everyone is plain text: it is a value, and an error quotes it as data', () => {
    expect(parseTextOptions('@everyone', QUIZ)).toEqual({ topic: '@everyone' });
    const e = errorOf(() => parseTextOptions('relu @everyone', PLOT));
    expect(e.code).toBe('args.bad_number');
    expect(e.params.value).toBe('@everyone');
  });
  it('quotes everywhere do not crash the parser', () => {
    expect(errorOf(() => parseTextOptions('"""', QUIZ)).code).toBe('args.unclosed_quote');
    expect(parseTextOptions('"" 1', QUIZ)).toEqual({ difficulty: 1 });
    expect(parseTextOptions(`'"' 1`, QUIZ)).toEqual({ topic: '"', difficulty: 1 });
    expect(errorOf(() => parseTextOptions('id:"', QUIZ)).code).toBe('args.unclosed_quote');
  });
  it('tabs and new lines separate tokens', () => {
    expect(parseTextOptions('backprop\t2\nid:x', QUIZ)).toEqual({ topic: 'backprop', difficulty: 2, id: 'x' });
  });
});
