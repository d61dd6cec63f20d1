import { describe, expect, it } from 'vitest';
import { generateQuestion } from '../../src/quiz/generate.js';
import { pictureNeededLine, questionPlainText } from '../../src/quiz/reply.js';
import type { Question } from '../../src/quiz/types.js';

function find(topic: string, d: 1 | 2 | 3, test: (q: Question) => boolean): Question {
  for (let seed = 0; seed < 200; seed++) {
    const q = generateQuestion(topic, seed, d);
    if (test(q)) return q;
  }
  throw new Error(`no ${topic} question found`);
}

describe('a question that needs its picture says so where none is shown', () => {
  const graph = find('backprop', 2, () => true);
  const chart = find('activations', 3, (q) => q.signature.startsWith('chart|'));
  const plot = find('activations', 2, (q) => q.signature.startsWith('df|'));
  const none = find('sgd', 1, (q) => q.picture === undefined);

  it('the CLI without --image tells how to draw it', () => {
    expect(questionPlainText(graph, 'ru')).toContain('Для этого вопроса нужна картинка: граф вычислений со значениями прямого прохода. Запустите ту же команду с --image question.png, чтобы её нарисовать.');
    expect(questionPlainText(chart, 'en')).toContain('This question needs its picture: the chart of the unknown function. Run the same command with --image question.png to draw it.');
  });

  it('says nothing when the picture is shown, only illustrates, or does not exist', () => {
    expect(questionPlainText(graph, 'ru', { image: 'q.png' })).not.toContain('нужна картинка');
    expect(questionPlainText(graph, 'ru', { pictureShown: true })).not.toContain('нужна картинка');
    expect(pictureNeededLine(plot, 'en')).toBeUndefined();
    expect(pictureNeededLine(none, 'ru')).toBeUndefined();
    expect(questionPlainText(plot, 'en')).not.toContain('needs its picture');
  });

  it('a chat that answers in its own way gets the note without the --image advice', () => {
    expect(questionPlainText(graph, 'en', { answerHint: 'Reply with a number.' })).toContain('This question needs its picture: the computation graph with its forward values.\n');
    expect(pictureNeededLine(graph, 'ru', false)).toBe('Для этого вопроса нужна картинка: граф вычислений со значениями прямого прохода.');
  });
});
