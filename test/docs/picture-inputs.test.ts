/**
 * The fixed inputs of `npm run pictures` (src/docs/): if the quiz generator or the training
 * defaults change under them, the README's pictures would silently show something else (a
 * different question, an answer marked ❌). These checks fail first.
 */
import { describe, expect, it } from 'vitest';
import { checkAnswer, generateQuestion } from '../../src/quiz/index.js';
import { renderPicture } from '../../src/render/render.js';
import { CHART_PICTURES, QUIZ_ID } from '../../src/docs/chart-pictures.js';
import { CONVERSATIONS } from '../../src/docs/class-conversation.js';
import type { PictureContext } from '../../src/docs/chart-pictures.js';

const question = generateQuestion(QUIZ_ID.topic, QUIZ_ID.seed, QUIZ_ID.difficulty);

/** A context for the pictures that need no pool and no training. */
const noPool: PictureContext = {
  pool: {
    run: () => Promise.reject(new Error('no pool in this test')),
    stats: () => ({ running: 0, queued: 0, threads: 0 }),
    close: () => Promise.resolve(),
  },
  lang: 'en',
  training: () => Promise.reject(new Error('no training in this test')),
};

describe('the README pictures\u2019 inputs', () => {
  it('ask the lecture\u2019s graph f = 1 + e^(w0 + w1\u00b7x) for \u2202f/\u2202w1', () => {
    expect(question.id).toBe('backprop:42:2');
    expect(question.graph?.full.expression).toBe('1 + exp(w0 + w1*x)');
    expect(question.graph?.values).toEqual({ w0: -3, w1: 1, x: 3 });
    expect(question.graph?.ask).toBe('w1');
    expect(question.answer).toMatchObject({ kind: 'number', value: 3 });
  });

  for (const talk of Object.values(CONVERSATIONS)) {
    describe(`the ${talk.lang} conversation`, () => {
      const answers = talk.steps.filter((s) => s.replyToQuestion === true);

      it('asks the question by its id and answers it correctly, so the bot marks it \u2705', () => {
        expect(talk.steps.map((s) => s.text)).toContain(`/quiz ${question.id}`);
        expect(answers).toHaveLength(1);
        const verdict = checkAnswer(question, answers[0]!.text);
        expect(verdict.correct).toBe(true);
        expect(verdict.score).toBe(1);
      });

      it('has two students who both write, and frames the question down to the answer\u2019s reply', () => {
        expect(new Set(talk.steps.map((s) => s.student))).toEqual(new Set(talk.students));
        expect(talk.students).toContain(talk.viewer);
        expect(talk.steps[talk.frame.from]?.text).toBe(`/quiz ${question.id}`);
        expect(talk.steps[talk.frame.through]).toBe(answers[0]);
      });
    });
  }

  it('draws the question and its solved graph as PNGs', async () => {
    for (const file of ['quiz-graph.png', 'quiz-solution.png']) {
      const picture = CHART_PICTURES.find((p) => p.file === file);
      expect(picture?.file).toBe(file);
      const request = await picture!.request(noPool);
      expect(request.kind).toBe('graph');
      const png = await renderPicture(request);
      // The PNG signature, then a picture wide enough to read.
      expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const width = new DataView(png.buffer, png.byteOffset).getUint32(16);
      expect(width).toBeGreaterThan(600);
    }
  });

  it('names each picture once', () => {
    const files = CHART_PICTURES.map((p) => p.file);
    expect(new Set(files).size).toBe(files.length);
    expect(files).toEqual(['activations.png', 'quiz-graph.png', 'quiz-solution.png', 'loss-curve.png', 'decision-boundary.png']);
  });
});
