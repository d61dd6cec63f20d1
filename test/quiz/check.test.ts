import { describe, expect, it } from 'vitest';
import { checkAnswer, giveUp, keyText } from '../../src/quiz/check.js';
import { scoreFor, PENALTY } from '../../src/quiz/score.js';
import { generateQuestion } from '../../src/quiz/generate.js';
import type { Question } from '../../src/quiz/types.js';
import { DEFAULT_TOLERANCE } from '../../src/quiz/tolerance.js';

/** A hand-made number question: key -20, one typical mistake at 20 (sign error). */
function numberQuestion(key: number, tolerance = DEFAULT_TOLERANCE): Question {
  return {
    id: 'gates:0:1',
    topic: 'gates',
    seed: 0,
    difficulty: 1,
    signature: 'test',
    text: { en: 'q', ru: 'в' },
    answer: { kind: 'number', value: key, tolerance },
    hints: [{ en: 'h1', ru: 'п1' }, { en: 'h2', ru: 'п2' }],
    solution: [{ text: { en: 's', ru: 'р' } }],
    mistakes: [{ tag: 'sign_error', value: -key, feedback: { en: 'Mind the sign.', ru: 'Следите за знаком.' } }],
  };
}

function chainQuestion(key: string, mistakes: Question['mistakes'] = []): Question {
  return {
    ...numberQuestion(1),
    id: 'chain:0:1',
    topic: 'chain',
    answer: { kind: 'expression', value: key, variables: ['x'], domain: { from: -2, to: 2 } },
    mistakes,
  };
}

describe('checkAnswer: numbers', () => {
  const q = numberQuestion(-20);

  it.each(['-20', '−20', '-20.1', '-19.85', '≈ -20.0', '-40/2', '-2e1', '-20,0'])('accepts %s within 1%', (a) => {
    expect(checkAnswer(q, a).correct).toBe(true);
  });

  it('rejects answers outside 1% and names the sign error', () => {
    expect(checkAnswer(q, '-20.3').correct).toBe(false);
    const r = checkAnswer(q, '20');
    expect(r).toMatchObject({ correct: false, score: 0, misconception: 'sign_error' });
    expect(r.feedback.ru).toBe('Следите за знаком.');
  });

  it('never lets an absolute floor swamp a small key; a key of 0 wants 0', () => {
    const zero = numberQuestion(0);
    expect(checkAnswer(zero, '0').correct).toBe(true);
    expect(checkAnswer(zero, '-0').correct).toBe(true);
    expect(checkAnswer(zero, '0.0004').correct).toBe(false);
    const small = numberQuestion(0.00046);
    expect(checkAnswer(small, '0').correct).toBe(false);
    expect(checkAnswer(small, '0.00046').correct).toBe(true);
    expect(checkAnswer(small, '4.6e-4').correct).toBe(true);
    expect(checkAnswer(small, '0.0005').correct).toBe(false);
  });

  it("applies the question's own tolerance: exact counts", () => {
    const count = numberQuestion(4685824, { relative: 0, absolute: 0 });
    expect(checkAnswer(count, '4685824').correct).toBe(true);
    expect(checkAnswer(count, '4 685 824').correct).toBe(true);
    expect(checkAnswer(count, '4,685,824').correct).toBe(true);
    expect(checkAnswer(count, '4685825').correct).toBe(false);
    expect(checkAnswer(count, '4685000').correct).toBe(false);
  });

  it('judges an update on its step: no step and a step the wrong way are wrong', () => {
    // w = -2.6, lr = 0.001, g = 2.4: the key -2.6024 is within 0.1% of the old weight
    const q = numberQuestion(-2.6024, { relative: 0.01, absolute: 1e-9, base: -2.6 });
    expect(checkAnswer(q, '-2.6024').correct).toBe(true);
    expect(checkAnswer(q, '-2,6024').correct).toBe(true);
    expect(checkAnswer(q, '-2.6').correct).toBe(false);
    expect(checkAnswer(q, '-2.5976').correct).toBe(false);
    expect(checkAnswer(q, '-2.602').correct).toBe(false);
  });

  it('reads "1,024" both ways and accepts it when either reading is the key', () => {
    expect(checkAnswer(numberQuestion(1024, { relative: 0, absolute: 0 }), '1,024').correct).toBe(true);
    expect(checkAnswer(numberQuestion(1.024), '1,024').correct).toBe(true);
    expect(checkAnswer(numberQuestion(1.5), '1,024').correct).toBe(false);
  });

  it('reports unreadable input with a specific message and no penalty flag', () => {
    const r = checkAnswer(q, 'twenty');
    expect(r.correct).toBe(false);
    expect(r.unreadable).toBe(true);
    expect(r.feedback.en).toContain('"twenty" is not a number');
    expect(r.feedback.ru).toContain('не число');
    expect(checkAnswer(q, '   ').feedback.en).toMatch(/empty/);
    expect(checkAnswer(q, '1'.repeat(500)).feedback.en).toMatch(/500 characters/);
  });
});

describe('checkAnswer: choices', () => {
  // find a generated choice question (softmax level 3: predicted class, or activations)
  const q = Array.from({ length: 40 }, (_, s) => generateQuestion('linear', s, 1)).find((x) => x.answer.kind === 'choice')!;
  const a = q.answer as Extract<Question['answer'], { kind: 'choice' }>;

  it('accepts the letter, the Cyrillic letter, the number and the text', () => {
    expect(checkAnswer(q, 'abc'[a.value]!).correct).toBe(true);
    expect(checkAnswer(q, 'абв'[a.value]!).correct).toBe(true);
    expect(checkAnswer(q, String(a.value + 1)).correct).toBe(true);
    expect(checkAnswer(q, a.choices[a.value]!.en.toUpperCase()).correct).toBe(true);
    expect(checkAnswer(q, a.choices[a.value]!.ru).correct).toBe(true);
  });

  it('gives the mistake of a wrong choice and asks for a valid choice otherwise', () => {
    const wrong = (a.value + 1) % a.choices.length;
    const r = checkAnswer(q, 'abc'[wrong]!);
    expect(r.correct).toBe(false);
    expect(r.misconception).toBe('shape_order');
    const bad = checkAnswer(q, 'z');
    expect(bad.unreadable).toBe(true);
    expect(bad.feedback.en).toContain('a/b/c');
  });
});

describe('checkAnswer: a bare number answering a choice is its position', () => {
  it('means the option in that place for every generated choice question', () => {
    const qs = [
      ...Array.from({ length: 40 }, (_, s) => generateQuestion('loss', s, 1)),
      ...Array.from({ length: 40 }, (_, s) => generateQuestion('softmax', s, 3)),
    ].filter((x) => x.answer.kind === 'choice');
    expect(qs.length).toBeGreaterThan(5);
    for (const q of qs) {
      const a = q.answer as Extract<Question['answer'], { kind: 'choice' }>;
      expect(checkAnswer(q, String(a.value + 1)).correct, q.id).toBe(true);
      expect(checkAnswer(q, 'абвг'[a.value]!).correct, q.id).toBe(true);
      const other = (a.value + 1) % a.choices.length;
      expect(checkAnswer(q, String(other + 1)).correct, q.id).toBe(false);
      // and no option reads like a number ("Sample 2", "Class 1" are gone)
      for (const c of a.choices) expect(`${c.en} ${c.ru}`).not.toMatch(/(?:^|\s)\d+$/);
    }
  });
});

describe('checkAnswer: expressions', () => {
  const q = chainQuestion('sigmoid(2*x + 1)*(1 - sigmoid(2*x + 1))*2', [
    { tag: 'forgot_inner_derivative', value: 'sigmoid(2*x + 1)*(1 - sigmoid(2*x + 1))', feedback: { en: 'inner', ru: 'внутренняя' } },
    { tag: 'outer_at_wrong_point', value: 'sigmoid(x)*(1 - sigmoid(x))*2', feedback: { en: 'point', ru: 'точка' } },
  ]);

  it('accepts any equivalent form', () => {
    expect(checkAnswer(q, '2*sigmoid(2x+1)*(1-sigmoid(2x+1))').correct).toBe(true);
    expect(checkAnswer(q, '2*exp(-(2*x+1))/(1+exp(-(2*x+1)))^2').correct).toBe(true);
    expect(checkAnswer(q, '2*(sigmoid(2*x+1) - sigmoid(2*x+1)^2)').correct).toBe(true);
  });

  it('names the typical mistakes', () => {
    expect(checkAnswer(q, 'sigmoid(2*x+1)*(1-sigmoid(2*x+1))').misconception).toBe('forgot_inner_derivative');
    expect(checkAnswer(q, '2*sigmoid(x)*(1-sigmoid(x))').misconception).toBe('outer_at_wrong_point');
    const other = checkAnswer(q, '2*sigmoid(2*x+1)');
    expect(other.correct).toBe(false);
    expect(other.misconception).toBeUndefined();
  });

  it('tells apart functions that agree at a few points only', () => {
    const sq = chainQuestion('2*x');
    expect(checkAnswer(sq, 'x^3 - x^3 + 2*x').correct).toBe(true);
    // equal at x = 0 and x = ±1 only
    expect(checkAnswer(sq, '2*x^3').correct).toBe(false);
  });

  it('rejects what the restricted parser rejects, with its message', () => {
    const r = checkAnswer(q, 'x = 2');
    expect(r.unreadable).toBe(true);
    expect(checkAnswer(q, 'foo(x)').feedback.en).toMatch(/Unknown function "foo"/);
    expect(checkAnswer(q, 'sigmoid(y)').feedback.en).toMatch(/uses y; only x/);
    expect(checkAnswer(q, 'log(x)').feedback.en).toMatch(/has (no real value|an infinite value) at x = /);
    expect(checkAnswer(q, 'x+'.repeat(150) + 'x').feedback.en).toMatch(/at most 200/);
  });
});

describe('scoring (STACK-style)', () => {
  it('gives 1 for a first try and subtracts penalties for wrong tries and hints', () => {
    expect(scoreFor({ wrongTries: 0, hintsUsed: 0 })).toBe(1);
    expect(scoreFor({ wrongTries: 1, hintsUsed: 0 })).toBe(1 - PENALTY.wrongTry);
    expect(scoreFor({ wrongTries: 3, hintsUsed: 0 })).toBe(0.7);
    expect(scoreFor({ wrongTries: 1, hintsUsed: 2 })).toBe(0.5);
    expect(scoreFor({ wrongTries: 20, hintsUsed: 3 })).toBe(0);
    expect(scoreFor({ wrongTries: 0, hintsUsed: 0, gaveUp: true })).toBe(0);
  });

  it('is returned by checkAnswer: the score on a correct answer, 0 on a wrong one', () => {
    const q = numberQuestion(3);
    expect(checkAnswer(q, '3', { wrongTries: 2, hintsUsed: 1 })).toMatchObject({ correct: true, score: 0.6 });
    expect(checkAnswer(q, '3', { wrongTries: 2, hintsUsed: 1 }).feedback.en).toMatch(/0\.6/);
    expect(checkAnswer(q, '4', { wrongTries: 0, hintsUsed: 0 })).toMatchObject({ correct: false, score: 0 });
    expect(checkAnswer(q, '3', { wrongTries: 0, hintsUsed: 0, gaveUp: true }).score).toBe(0);
  });
});

describe('giveUp', () => {
  it('scores 0 and states the key in both languages', () => {
    expect(giveUp(numberQuestion(-0.25))).toEqual({ correct: false, score: 0, feedback: { en: 'The answer is −0.25.', ru: 'Ответ: −0,25.' } });
    expect(giveUp(numberQuestion(-2.6024)).feedback.en).toBe('The answer is −2.6024.');
    expect(giveUp(numberQuestion(4685824)).feedback.ru).toBe('Ответ: 4\u00a0685\u00a0824.');
    const q = Array.from({ length: 40 }, (_, s) => generateQuestion('loss', s, 2)).find((x) => x.answer.kind === 'choice')!;
    expect(giveUp(q).feedback.ru).toMatch(/^Ответ: [абв]\) Изображение (кошки|собаки|лягушки)\.$/);
  });
});

describe('checkAnswer: details a broken rule would change', () => {
  it('trims the answer and takes at most 200 characters, saying how many were given', () => {
    const q = numberQuestion(1);
    expect(checkAnswer(q, '  1  ').correct).toBe(true);
    expect(checkAnswer(q, '0'.repeat(199) + '1').correct).toBe(true);
    const long = checkAnswer(q, '0'.repeat(200) + '1');
    expect(long).toMatchObject({ correct: false, score: 0, unreadable: true });
    expect(long.feedback).toEqual({
      en: 'The answer is 201 characters long; at most 200 are accepted.',
      ru: 'В ответе 201 символ, а допускается не больше 200 символов.',
    });
    expect(checkAnswer(q, '').feedback).toEqual({ en: 'The answer is empty. Type a number, a letter or an expression.', ru: 'Ответ пуст. Введите число, букву или выражение.' });
    expect(checkAnswer(q, ' \t ').unreadable).toBe(true);
  });

  it('a wrong answer that matches no mistake gets the general feedback and no tag', () => {
    expect(Object.keys(checkAnswer(numberQuestion(-20), '7'))).toEqual(['correct', 'score', 'feedback']);
    expect(Object.keys(checkAnswer(numberQuestion(-20), '20'))).toEqual(['correct', 'score', 'feedback', 'misconception']);
    expect(checkAnswer(numberQuestion(-20), '7')).toEqual({
      correct: false,
      score: 0,
      feedback: { en: 'Not quite. Check your steps, or ask for a hint.', ru: 'Не совсем. Проверьте шаги или попросите подсказку.' },
    });
  });

  it('a correct answer after tries and hints states the score in each language', () => {
    expect(checkAnswer(numberQuestion(3), '3')).toEqual({ correct: true, score: 1, feedback: { en: 'Correct!', ru: 'Верно!' } });
    expect(checkAnswer(numberQuestion(3), '3', { wrongTries: 2, hintsUsed: 1 }).feedback).toEqual({
      en: 'Correct! Score 0.6 (hints and earlier tries cost points).',
      ru: 'Верно! Балл 0,6 (подсказки и прошлые попытки снижают балл).',
    });
  });

  it('names a mistake met by the second reading of "1,024", and only number mistakes in number questions', () => {
    const q: Question = {
      ...numberQuestion(7),
      mistakes: [
        { tag: 'off_by_factor', value: '1024', feedback: { en: 'text', ru: 'текст' } },
        { tag: 'bits_not_bytes', value: 1024, feedback: { en: 'bits', ru: 'биты' } },
      ],
    };
    expect(checkAnswer(q, '1,024')).toMatchObject({ correct: false, misconception: 'bits_not_bytes' });
    const textOnly: Question = { ...numberQuestion(7), mistakes: [{ tag: 'off_by_factor', value: '1024', feedback: { en: 'text', ru: 'текст' } }] };
    expect(checkAnswer(textOnly, '1024').misconception).toBeUndefined();
  });

  it('lets a programming error through instead of calling it unreadable', () => {
    const broken = { ...numberQuestion(1), answer: { kind: 'number', value: 1 } } as unknown as Question;
    expect(() => checkAnswer(broken, '1')).toThrow(TypeError);
    // the very error, not a TypeError from treating it as a student's mistake
    const failing = numberQuestion(1);
    Object.defineProperty(failing, 'mistakes', { get: () => { throw new RangeError('mistakes unavailable'); } });
    expect(() => checkAnswer(failing, '2')).toThrow(RangeError);
  });

  it('asks for a valid choice with the letters and the count of this question', () => {
    const q: Question = {
      ...numberQuestion(0),
      answer: { kind: 'choice', value: 1, choices: [{ en: 'Sigmoid', ru: 'Сигмоида' }, { en: 'Tanh', ru: 'Гиперболический тангенс' }, { en: 'ReLU', ru: 'ReLU' }] },
      mistakes: [{ tag: 'wrong_property', value: 2, feedback: { en: 'no', ru: 'нет' } }],
    };
    const r = checkAnswer(q, 'z');
    expect(r.feedback.en).toBe('"z" is not one of the choices. Answer with a letter (a/b/c, а/б/в), a number from 1 to 3 (the position in the list) or the text of a choice.');
    expect(r.feedback.ru).toContain('(a/b/c, а/б/в), номером от 1 до 3');
    expect(checkAnswer(q, 'c')).toMatchObject({ correct: false, misconception: 'wrong_property', feedback: { en: 'no', ru: 'нет' } });
    expect(checkAnswer(q, 'a')).toEqual({ correct: false, score: 0, feedback: { en: 'Not quite. Check your steps, or ask for a hint.', ru: 'Не совсем. Проверьте шаги или попросите подсказку.' } });
    expect(checkAnswer(q, 'б) гиперболический тангенс').correct).toBe(true);
    expect(keyText(q)).toEqual({ en: 'b) Tanh', ru: 'б) Гиперболический тангенс' });
  });

  it('expressions: only expression mistakes are compared, and the key text is the expression', () => {
    const q = chainQuestion('2*x', [
      { tag: 'sign_error', value: 2, feedback: { en: 'number', ru: 'число' } },
      { tag: 'forgot_inner_derivative', value: 'x', feedback: { en: 'inner', ru: 'внутренняя' } },
    ]);
    expect(checkAnswer(q, '2')).toMatchObject({ correct: false });
    expect(checkAnswer(q, '2').misconception).toBeUndefined();
    expect(checkAnswer(q, 'x').misconception).toBe('forgot_inner_derivative');
    expect(keyText(q)).toEqual({ en: '2*x', ru: '2*x' });
    expect(giveUp(q).feedback).toEqual({ en: 'The answer is 2*x.', ru: 'Ответ: 2*x.' });
    expect(checkAnswer(q, 'x*2 + 0').correct).toBe(true);
    expect(checkAnswer(q, 'sqrt(x)').feedback.ru).toMatch(/^При x = −[0-9,]+ у выражения нет вещественного значения/);
  });
});
