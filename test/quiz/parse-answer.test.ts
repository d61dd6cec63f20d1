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
