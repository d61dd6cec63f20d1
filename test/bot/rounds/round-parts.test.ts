import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../../src/bot/rich-text.js';
import { cost, countOf, formatDecimal, points } from '../../../src/bot/quiz-play/numbers.js';
import { solutionPictureSteps } from '../../../src/bot/quiz-play/pictures.js';
import { drawSeed, formatQuestionId, looksLikeId, parseQuestionId, pickTopic } from '../../../src/bot/quiz-play/question-id.js';
import { closedVersion } from '../../../src/bot/quiz-play/question-close.js';
import { roundBaseSeed, roundQuestion } from '../../../src/bot/rounds/round-manager.js';
import { pollHint, POLL_LIMITS } from '../../../src/bot/rounds/round-question.js';
import { scoreboard } from '../../../src/bot/rounds/scoreboard.js';
import { generateQuestion, type Question } from '../../../src/quiz/index.js';

describe('numbers in quiz texts', () => {
  it('writes points, counts and costs with Russian plural forms and decimal commas', () => {
    expect([1, 2, 5, 11, 21, 0].map((n) => points('ru', n))).toEqual(['1 балл', '2 балла', '5 баллов', '11 баллов', '21 балл', '0 баллов'].map((s) => s.replace(' ', '\u00a0')));
    expect(points('ru', 0.8)).toBe('0,8\u00a0балла');
    expect(cost('ru', 0.2)).toBe('−0,2\u00a0балла');
    expect(cost('en', 0.1)).toBe('−0.1\u00a0points');
    expect(points('en', 1)).toBe('1\u00a0point');
    expect([1, 2, 5, 22].map((n) => countOf('ru', n, 'question'))).toEqual(['1\u00a0вопрос', '2\u00a0вопроса', '5\u00a0вопросов', '22\u00a0вопроса']);
    expect([1, 21, 30].map((n) => countOf('ru', n, 'second'))).toEqual(['1\u00a0секунда', '21\u00a0секунда', '30\u00a0секунд']);
    expect(formatDecimal('ru', -1.25)).toBe('−1,25');
  });
});

describe('question ids', () => {
  it('reads topic:seed:difficulty (with or without id:) and names the bad part', () => {
    expect(parseQuestionId('id:backprop:17:2')).toEqual({ topic: 'backprop', seed: 17, difficulty: 2 });
    expect(formatQuestionId(parseQuestionId(' gates:0:3 '))).toBe('gates:0:3');
    expect(looksLikeId('backprop:17:2')).toBe(true);
    expect(looksLikeId('backprop')).toBe(false);
    expect(() => parseQuestionId('backprop:17')).toThrow('is not a question id');
    expect(() => parseQuestionId('backprop:17:9')).toThrow('Difficulty must be 1, 2 or 3, got "9".');
    expect(() => parseQuestionId('nope:17:2')).toThrow('Unknown quiz topic "nope"');
  });

  it('draws distinct seeds in range and picks topics only from the allowed ones', () => {
    const seeds = Array.from({ length: 200 }, () => drawSeed('local:g', 'local:u', 1000));
    expect(new Set(seeds).size).toBe(200);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s <= 0xffffffff).toBe(true);
    const topics = new Set(seeds.map((s) => pickTopic(s, ['gates', 'loss'])));
    expect([...topics].sort()).toEqual(['gates', 'loss']);
    expect(pickTopic(5, ['nonsense'])).toMatch(/^[a-z]+$/);
  });
});

describe('round questions', () => {
  it('are a pure function of the round seed and index', () => {
    const base = roundBaseSeed('local:g', 1, 1000);
    const params = { topic: null, allowedTopics: ['gates', 'chain'], difficulty: 2 as const };
    const a = [0, 1, 2, 3].map((i) => roundQuestion(base, params, i).id);
    const b = [0, 1, 2, 3].map((i) => roundQuestion(base, params, i).id);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(4);
    for (const id of a) expect(id).toMatch(/^(gates|chain):\d+:2$/);
    expect(roundBaseSeed('local:g', 2, 1000)).not.toBe(base);
  });

  it('fit a Telegram quiz poll: question ≤ 300, options ≤ 100, explanation ≤ 200 without line breaks', () => {
    const q = generateQuestion('sgd', 17, 2);
    if (q.answer.kind !== 'choice') throw new Error('sgd:17:2 is a choice question');
    const long: Question = {
      ...q,
      text: { en: 'x'.repeat(500), ru: 'ы'.repeat(500) },
      answer: { ...q.answer, choices: q.answer.choices.map((c, i) => ({ en: `${i} ${'o'.repeat(150)}`, ru: `${i} ${'о'.repeat(150)}` })) },
      solution: [{ text: { en: 'line one\nline two\n' + 'e'.repeat(300), ru: 'строка\n' + 'е'.repeat(300) } }],
    };
    const hint = pollHint(long, 'ru', ['x1', 'x2', 'x3', 'x4'].slice(0, q.answer.choices.length), 30)!;
    expect(hint.question.length).toBe(POLL_LIMITS.question);
    for (const o of hint.options) expect(o.length).toBeLessThanOrEqual(POLL_LIMITS.option);
    expect(hint.explanation!.length).toBe(POLL_LIMITS.explanation);
    expect(hint.explanation).not.toContain('\n');
    expect(hint.correctIndex).toBe(q.answer.value);
    expect(pollHint(generateQuestion('gates', 17, 1), 'en', [], 30)).toBe(undefined);
  });
});

describe('scoreboards', () => {
  it('share places on ties, use medals, and sum up the rest', () => {
    const rows = [
      { user: 'u1', name: 'Аня', score: 3, correct: 3 },
      { user: 'u2', name: 'Борис', score: 2, correct: 2 },
      { user: 'u3', name: 'Вера', score: 2, correct: 2 },
      { user: 'u4', name: 'Гоша', score: 1, correct: 1 },
      { user: 'u5', name: 'Дина', score: 0, correct: 0 },
      { user: 'u6', name: 'Егор', score: 0, correct: 0 },
    ];
    expect(toPlainText(scoreboard(rows, 'ru', 4, true))).toBe(
      [
        '🥇 Аня — 3\u00a0балла (3\u00a0верных ответа)',
        '🥈 Борис — 2\u00a0балла (2\u00a0верных ответа)',
        '🥈 Вера — 2\u00a0балла (2\u00a0верных ответа)',
        '4. Гоша — 1\u00a0балл (1\u00a0верный ответ)',
        '…и ещё 2\u00a0человека',
      ].join('\n'),
    );
    expect(toPlainText(scoreboard(rows.slice(0, 1), 'en', 5, false))).toBe('🥇 Аня — 3\u00a0points');
    // nobody gets a medal for 0 points
    expect(toPlainText(scoreboard(rows.slice(3), 'ru', 5, false))).toBe(
      ['🥇 Гоша — 1\u00a0балл', '2. Дина — 0\u00a0баллов', '2. Егор — 0\u00a0баллов'].join('\n'),
    );
    expect(toPlainText(scoreboard(rows.slice(4, 5), 'en', 5, false))).toBe('1. Дина — 0\u00a0points');
  });
});

describe('closing a question message', () => {
  it('keeps text and picture, drops the buttons, and edits only the picture when the text was split off', () => {
    const img = { png: new Uint8Array([1]), name: 'q.png' };
    const short = closedVersion({ text: ['Q?'], images: [img], buttons: [[{ id: 'a1', label: 'a' }]] }, 'Done', 1024);
    expect(short).toEqual({ text: ['Q?', '\n\n', { bold: 'Done' }], images: [img], buttons: [] });
    const long = closedVersion({ text: ['x'.repeat(2000)], images: [img], buttons: [[{ id: 'a1', label: 'a' }]] }, 'Done', 1024);
    expect(long.text).toEqual([{ bold: 'Done' }]);
  });

  it('shows at most three solution pictures, evenly spread, always the last', () => {
    const q = generateQuestion('backprop', 17, 3);
    const withPictures = q.solution.flatMap((s, i) => (s.picture ? [i] : []));
    const picked = solutionPictureSteps(q);
    expect(picked).toHaveLength(3);
    expect(picked.at(-1)).toBe(withPictures.at(-1));
    expect(picked.every((i) => withPictures.includes(i))).toBe(true);
    expect(new Set(picked).size).toBe(3);
    expect(solutionPictureSteps(generateQuestion('gates', 17, 1))).toEqual([]);
  });
});
