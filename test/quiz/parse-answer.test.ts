import { describe, expect, it } from 'vitest';
import { parseChoiceAnswer, parseNumberAnswer } from '../../src/quiz/parse-answer.js';

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
  ])('reads %s as %d', (text, value) => {
    expect(parseNumberAnswer(text)).toBeCloseTo(value, 12);
  });

  it.each(['', 'abc', '1/0', '1/2/3', '0,5,1', '2x', 'NaN', 'Infinity', '1..2', '0x10'])('rejects %s', (text) => {
    expect(parseNumberAnswer(text)).toBeNull();
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

  it('reads a bare number as the label of numbered, shuffled choices ("Sample 1")', () => {
    const samples = [
      { en: 'Sample 2', ru: 'Пример 2' },
      { en: 'Sample 1', ru: 'Пример 1' },
      { en: 'Sample 3', ru: 'Пример 3' },
    ];
    expect(parseChoiceAnswer('1', samples)).toBe(1);
    expect(parseChoiceAnswer('2', samples)).toBe(0);
    expect(parseChoiceAnswer('a', samples)).toBe(0);
    expect(parseChoiceAnswer('пример 3', samples)).toBe(2);
    expect(parseChoiceAnswer('4', samples)).toBeNull();
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
