import { describe, expect, it } from 'vitest';
import {
  defineMessages,
  formatTemplate,
  isUserInputError,
  MAX_QUOTED_CHARS,
  UserInputError,
} from '../../src/core/errors.js';

const msg = defineMessages('demo', {
  bad_column: { en: 'Column "{name}" on line {line} is empty.', ru: 'Столбец «{name}» в строке {line} пуст.' },
});

describe('localized errors', () => {
  it('build coded errors that render in both languages', () => {
    const e = msg.error('bad_column', { name: 'age', line: 3 });
    expect(e).toBeInstanceOf(UserInputError);
    expect(e.name).toBe('UserInputError');
    expect(e.code).toBe('demo.bad_column');
    expect(e.message).toBe('Column "age" on line 3 is empty.');
    expect(e.render('ru')).toBe('Столбец «age» в строке 3 пуст.');
  });

  it('survive a trip through plain data (a worker boundary)', () => {
    const e = msg.error('bad_column', { name: 'x', line: 1 });
    const back = UserInputError.fromPlain(structuredClone(e.toPlain()));
    expect(back.render('ru')).toBe(e.render('ru'));
    expect(isUserInputError(back)).toBe(true);
    expect(isUserInputError(new Error('x'))).toBe(false);
  });

  it('never quote more than 100 characters of user data', () => {
    const long = 'x'.repeat(5000);
    const out = formatTemplate('[{v}]', { v: long });
    expect(Array.from(out).length).toBe(MAX_QUOTED_CHARS + 2);
    expect(out.endsWith('…]')).toBe(true);
  });

  it('formats numbers compactly and leaves unknown placeholders', () => {
    expect(formatTemplate('{a} {b} {c}', { a: 3, b: 0.1 + 0.2 })).toBe('3 0.3 {c}');
  });

  it('warnings are plain data with the same code scheme', () => {
    const w = msg.warning('bad_column', { name: 'y', line: 2 });
    expect(w).toEqual({ code: 'demo.bad_column', params: { name: 'y', line: 2 }, text: msg.texts.bad_column });
  });
});
