import { describe, expect, it } from 'vitest';
import { looksNumbered, numberReadings, parseChoiceAnswer, parseNumberAnswer } from '../../src/quiz/parse-answer.js';

describe('parseNumberAnswer', () => {
  it.each([
    ['0.5', 0.5],
    ['1/2', 0.5],
    ['5e-1', 0.5],
    ['0,5', 0.5],
    ['-20', -20],
    ['≈ 0.50', 0.5],
    ['~0.5', 0.5],
    ['  +3 ', 3],
    ['−4', -4],
    ['-3/4', -0.75],
    ['.25', 0.25],
    ['1E3', 1000],
    ['= 7', 7],
    ['4 685 824', 4685824],
    ['4\u00a0685\u00a0824', 4685824],
    ['4,685,824', 4685824],
    ['1,234.5', 1234.5],
    ['-2,6024', -2.6024],
    ['0,125', 0.125],
    ['−0,5', -0.5],
    ['≈0,5e-2', 0.005],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumberAnswer(text)).toBeCloseTo(value, 12);
  });

  it.each(['', 'abc', '1/0', '1/2/3', '0,5,1', '2x', 'NaN', 'Infinity', '1..2', '0x10', '1,2,3', '01,234,567', '1,23,456', '≈', ','])('rejects %s', (text) => {
    expect(parseNumberAnswer(text)).toBeNull();
    expect(numberReadings(text)).toEqual([]);
  });

  it('reads an ambiguous "1,024" both as a decimal comma and as a thousands comma', () => {
    expect(numberReadings('1,024')).toEqual([1.024, 1024]);
    expect(numberReadings('-12,345')).toEqual([-12.345, -12345]);
    expect(parseNumberAnswer('1,024')).toBe(1.024);
    // a leading zero or a fourth digit leaves no doubt
    expect(numberReadings('0,125')).toEqual([0.125]);
    expect(numberReadings('1,0245')).toEqual([1.0245]);
    expect(numberReadings('1,024,000')).toEqual([1024000]);
  });
});

describe('parseChoiceAnswer', () => {
  const choices = [
    { en: 'Sigmoid', ru: 'Сигмоида' },
    { en: 'Tanh', ru: 'Гиперболический тангенс' },
    { en: 'ReLU', ru: 'ReLU' },
  ];

  it('accepts Latin and Cyrillic letters, with or without a bracket', () => {
    expect(parseChoiceAnswer('a', choices)).toBe(0);
    expect(parseChoiceAnswer('B', choices)).toBe(1);
    expect(parseChoiceAnswer('c)', choices)).toBe(2);
    expect(parseChoiceAnswer('б', choices)).toBe(1);
    expect(parseChoiceAnswer('В', choices)).toBe(2);
  });

  it('accepts the 1-based number', () => {
    expect(parseChoiceAnswer('1', choices)).toBe(0);
    expect(parseChoiceAnswer(' 3 ', choices)).toBe(2);
  });

  it('accepts the text in either language, case-insensitive', () => {
    expect(parseChoiceAnswer('relu', choices)).toBe(2);
    expect(parseChoiceAnswer('  сигмоида ', choices)).toBe(0);
    expect(parseChoiceAnswer('TANH', choices)).toBe(1);
  });

  it('reads a bare number as the position, whatever the labels say', () => {
    const samples = [
      { en: 'Sample 2', ru: 'Пример 2' },
      { en: 'Sample 1', ru: 'Пример 1' },
      { en: 'Sample 3', ru: 'Пример 3' },
    ];
    expect(parseChoiceAnswer('1', samples)).toBe(0);
    expect(parseChoiceAnswer('2', samples)).toBe(1);
    expect(parseChoiceAnswer('02', samples)).toBe(1);
    expect(parseChoiceAnswer('a', samples)).toBe(0);
    expect(parseChoiceAnswer('пример 3', samples)).toBe(2);
    expect(parseChoiceAnswer('4', samples)).toBeNull();
    // a letter is a position too, even when a choice's text is that letter
    expect(parseChoiceAnswer('b', [{ en: 'x', ru: 'x' }, { en: 'a', ru: 'а' }])).toBe(1);
  });

  it('tells which labels look like numbers', () => {
    expect(looksNumbered('Sample 2')).toBe(true);
    expect(looksNumbered('Класс 2')).toBe(true);
    expect(looksNumbered('3')).toBe(true);
    expect(looksNumbered('-0.5')).toBe(true);
    expect(looksNumbered('0,25 ')).toBe(true);
    expect(looksNumbered('Class "cat"')).toBe(false);
    expect(looksNumbered('ReLU6')).toBe(false);
    expect(looksNumbered('(0, 1)')).toBe(false);
    expect(looksNumbered('Yes, the result is 12×34')).toBe(false);
  });

  it('rejects letters and numbers out of range and unknown text', () => {
    expect(parseChoiceAnswer('d', choices)).toBeNull();
    expect(parseChoiceAnswer('г', choices)).toBeNull();
    expect(parseChoiceAnswer('4', choices)).toBeNull();
    expect(parseChoiceAnswer('0', choices)).toBeNull();
    expect(parseChoiceAnswer('gelu', choices)).toBeNull();
    expect(parseChoiceAnswer('', choices)).toBeNull();
  });
});

describe('parseNumberAnswer: every form it reads, and what it refuses', () => {
  it.each([
    ['5.', 5],
    ['+.5', 0.5],
    ['1e+2', 100],
    ['1E-2', 0.01],
    ['1 000', 1000],
    ['\u20133', -3],
    ['\u22123', -3],
    ['≃0.5', 0.5],
    ['≅0.5', 0.5],
    ['==2', 2],
    ['~≈1', 1],
    ['3/-4', -0.75],
    ['1/2e1', 0.05],
    ['12,345,678.9', 12345678.9],
    ['+1,234,567', 1234567],
    ['-1,234,567', -1234567],
    ['1234,567', 1234.567],
    ['2,5e3', 2500],
    [',5', 0.5],
    ['-,5', -0.5],
    ['2,5E-1', 0.25],
    ['1000,000', 1000],
  ])('reads %s as %d', (text, value) => {
    expect(numberReadings(text)).toEqual([value]);
  });

  it.each(['-', '+', '.', 'e5', '1e', '1.2.3', '1e2.5', '1,5/2', '/2', '1/', '1e400', '-1e400', '1e400/1e400', '1,234,5678', 'a1', '1a', '2 x', '1,2.5'])('refuses %s', (text) => {
    expect(numberReadings(text)).toEqual([]);
    expect(parseNumberAnswer(text)).toBeNull();
  });

  it('reads the ambiguous forms twice, signs included', () => {
    expect(numberReadings('+1,024')).toEqual([1.024, 1024]);
    expect(numberReadings('999,999')).toEqual([999.999, 999999]);
    expect(numberReadings('−1,024')).toEqual([-1.024, -1024]);
    expect(numberReadings('≈ 1,000')).toEqual([1, 1000]);
  });
});

describe('parseChoiceAnswer: positions, letters and labelled letters', () => {
  const four = [
    { en: 'Sigmoid', ru: 'Сигмоида' },
    { en: 'Tanh', ru: 'Гиперболический тангенс' },
    { en: 'ReLU', ru: 'ReLU' },
    { en: 'GELU', ru: 'GELU' },
  ];

  it('takes every position and letter up to the number of choices', () => {
    expect(['1', '2', '3', '4'].map((s) => parseChoiceAnswer(s, four))).toEqual([0, 1, 2, 3]);
    expect(['a', 'b', 'c', 'd'].map((s) => parseChoiceAnswer(s, four))).toEqual([0, 1, 2, 3]);
    expect(['а', 'б', 'в', 'г'].map((s) => parseChoiceAnswer(s, four))).toEqual([0, 1, 2, 3]);
    expect(['0', '5', 'e', 'д', '-1'].map((s) => parseChoiceAnswer(s, four))).toEqual([null, null, null, null, null]);
  });

  it('ignores case, spaces and a closing dot or bracket', () => {
    expect(parseChoiceAnswer('B.', four)).toBe(1);
    expect(parseChoiceAnswer('b).', four)).toBe(1);
    expect(parseChoiceAnswer('  Г) ', four)).toBe(3);
    expect(parseChoiceAnswer('гиперболический   тангенс', four)).toBe(1);
    expect(parseChoiceAnswer('gelu.', four)).toBe(3);
  });

  it('a letter with a text must name one choice', () => {
    expect(parseChoiceAnswer('b) Tanh', four)).toBe(1);
    expect(parseChoiceAnswer('б) гиперболический тангенс', four)).toBe(1);
    expect(parseChoiceAnswer('b) ReLU', four)).toBeNull();
    expect(parseChoiceAnswer('e) ReLU', four)).toBeNull();
    expect(parseChoiceAnswer('d) gelu', four)).toBe(3);
  });

  it('matches the choice text with a Unicode minus as typed with a hyphen', () => {
    expect(parseChoiceAnswer('(-1, 1)', [{ en: '(0, 1)', ru: '(0; 1)' }, { en: '(\u22121, 1)', ru: '(\u22121; 1)' }])).toBe(1);
    expect(parseChoiceAnswer('(0; 1)', [{ en: '(0, 1)', ru: '(0; 1)' }, { en: '(\u22121, 1)', ru: '(\u22121; 1)' }])).toBe(0);
  });

  it('looksNumbered: a trailing number, signed or decimal, after a space or alone', () => {
    expect(looksNumbered('  12  ')).toBe(true);
    expect(looksNumbered('x +3')).toBe(true);
    expect(looksNumbered('Class 1.5')).toBe(true);
    expect(looksNumbered('x12')).toBe(false);
    expect(looksNumbered('12 x')).toBe(false);
    expect(looksNumbered('')).toBe(false);
  });
});

describe('parse-answer: the edges mutation testing found', () => {
  it('long exponents and long decimals in every form', () => {
    expect(numberReadings('1e10')).toEqual([1e10]);
    expect(numberReadings('2.5e-12')).toEqual([2.5e-12]);
    expect(numberReadings('2,5e10')).toEqual([2.5e10]);
    expect(numberReadings('1,234.56')).toEqual([1234.56]);
  });

  it('a sign of approximation only at the start, a decimal comma only in a plain number', () => {
    for (const s of ['1=2', '1~2', '2≈', '1/2,5', '3/4,0']) expect(numberReadings(s), s).toEqual([]);
  });

  it('letters e, f and д, е for the fifth and sixth choices', () => {
    const six = ['A', 'B', 'C', 'D', 'E', 'F'].map((x) => ({ en: `Option ${x}x`, ru: `Вариант ${x}x` }));
    expect(['e', 'f', 'д', 'е'].map((s) => parseChoiceAnswer(s, six))).toEqual([4, 5, 4, 5]);
  });

  it('spaces inside a choice text matter; a labelled letter needs the letter first', () => {
    const four = [
      { en: 'Sigmoid', ru: 'Сигмоида' },
      { en: 'Tanh', ru: 'Гиперболический тангенс' },
      { en: 'ReLU', ru: 'ReLU' },
      { en: '3 apples', ru: '3 яблока' },
    ];
    expect(parseChoiceAnswer('гиперболическийтангенс', four)).toBeNull();
    expect(parseChoiceAnswer('xb) tanh', four)).toBeNull();
    expect(parseChoiceAnswer('b)tanh', four)).toBe(1);
    expect(parseChoiceAnswer('3 apples', four)).toBe(3);
    expect(parseChoiceAnswer('3 яблока', four)).toBe(3);
  });
});
