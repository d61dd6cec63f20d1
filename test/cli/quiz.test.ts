import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.js';
import { gradients } from '../../src/core/scalar/index.js';
import { TOPIC_IDS } from '../../src/quiz/types.js';
import { generateQuestion } from '../../src/quiz/generate.js';


describe('gradbot quiz --list', () => {
  it('lists the nine topics as text and as JSON', async () => {
    const text = await run('quiz', '--list');
    expect(text.code).toBe(0);
    for (const id of TOPIC_IDS) expect(text.out).toContain(id);
    const json = await run('quiz', '--list', '--json', '--lang', 'ru');
    const parsed = JSON.parse(json.out) as { topics: Array<{ id: string; title: string }> };
    expect(parsed.topics.map((t) => t.id)).toEqual([...TOPIC_IDS]);
    expect(parsed.topics[0]!.title).toMatch(/[а-я]/);
  });
});

describe('gradbot quiz <topic> --json', () => {
  it('prints the contract shape; backprop adds a graph that grad recomputes', async () => {
    const r = await run('quiz', 'backprop', '--seed', '42', '--difficulty', '3', '--json');
    expect(r.code).toBe(0);
    const q = JSON.parse(r.out) as {
      id: string; topic: string; seed: number; difficulty: number;
      question: { text: string }; answer: { kind: string; value: number; tolerance: { relative: number } };
      hints: string[]; solution: string[]; graph: { expression: string; values: Record<string, number>; ask: string };
    };
    expect(Object.keys(q)).toEqual(expect.arrayContaining(['id', 'topic', 'seed', 'difficulty', 'question', 'answer', 'hints', 'solution', 'graph']));
    expect(q).toMatchObject({ id: 'backprop:42:3', topic: 'backprop', seed: 42, difficulty: 3 });
    expect(q.answer.kind).toBe('number');
    expect(q.answer.tolerance.relative).toBe(0.01);
    expect(q.hints.length).toBeGreaterThanOrEqual(2);
    expect(typeof q.solution[0]).toBe('string');
    expect(gradients(q.graph.expression, q.graph.values).grad[q.graph.ask]).toBeCloseTo(q.answer.value, 9);
  });

  it('recomputes the backprop key from the JSON for many seeds (inputs and intermediate nodes)', async () => {
    const asks = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const r = await run('quiz', 'backprop', '--seed', String(seed), '--difficulty', '2', '--json');
      const q = JSON.parse(r.out) as { answer: { value: number }; graph: { expression: string; values: Record<string, number>; ask: string } };
      asks.add(q.graph.ask === 'u' ? 'u' : 'input');
      expect(gradients(q.graph.expression, q.graph.values).grad[q.graph.ask]).toBeCloseTo(q.answer.value, 9);
    }
    expect(asks).toEqual(new Set(['u', 'input']));
  });

  it('prints choices with letters in the chosen language; the same seed gives the same question', async () => {
    const seed = Array.from({ length: 40 }, (_, s) => s).find((s) => generateQuestion('softmax', s, 3).answer.kind === 'choice')!;
    const ru = JSON.parse((await run('quiz', 'softmax', '--seed', String(seed), '--difficulty', '3', '--lang', 'ru', '--json')).out) as { question: { text: string }; answer: { kind: string; value: string; choices: string[] } };
    expect(ru.answer.kind).toBe('choice');
    expect(ru.question.text).toMatch(/\nа\) /);
    expect(['а', 'б', 'в']).toContain(ru.answer.value);
    expect(ru.answer.choices[0]).toMatch(/Класс/);
    const again = JSON.parse((await run('quiz', 'softmax', '--seed', String(seed), '--difficulty', '3', '--lang', 'ru', '--json')).out) as unknown;
    expect(again).toEqual(ru);
  });

  it('prints the question as text with the check command to answer it', async () => {
    const r = await run('quiz', 'gates', '--seed', '3', '--difficulty', '1');
    expect(r.code).toBe(0);
    expect(r.out).toContain('gates:3:1');
    expect(r.out).toContain('gradbot quiz check gates --seed 3 --difficulty 1 --answer');
  });
});

describe('gradbot quiz check', () => {
  it('checks the key as correct with score 1, and a wrong answer with feedback', async () => {
    const q = generateQuestion('backprop', 7, 2);
    const key = String(q.answer.value);
    const ok = await run('quiz', 'check', 'backprop', '--seed', '7', '--answer', key, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({ correct: true, score: 1, feedback: 'Correct!' });
    const wrong = JSON.parse((await run('quiz', 'check', 'backprop', '--seed', '7', `--answer=${Number(key) + 100}`, '--json', '--lang', 'ru')).out) as { correct: boolean; score: number; feedback: string };
    expect(wrong).toMatchObject({ correct: false, score: 0 });
    expect(wrong.feedback).toMatch(/[а-я]/);
  });

  it('accepts answers that start with a minus and applies --tries / --hints penalties', async () => {
    const q = Array.from({ length: 50 }, (_, s) => generateQuestion('gates', s, 1)).find((x) => (x.answer.value as number) < 0)!;
    const r = await run('quiz', 'check', 'gates', '--seed', String(q.seed), '--difficulty', '1', '--answer', String(q.answer.value), '--tries', '1', '--hints', '1', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ correct: true, score: 0.7 });
  });

  it('checks chain answers as expressions', async () => {
    const q = generateQuestion('chain', 3, 2);
    const r = await run('quiz', 'check', 'chain', '--seed', '3', '--answer', `(${q.answer.value as string}) + 0*x`, '--json');
    expect(JSON.parse(r.out)).toMatchObject({ correct: true, score: 1 });
  });

  it('reports bad input as a user error (exit 2), never a stack trace', async () => {
    const unknown = await run('quiz', 'backpropp', '--json');
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.out)).toMatchObject({ error: { code: 'quiz.unknown_topic' } });
    const diff = await run('quiz', 'gates', '--difficulty', '5');
    expect(diff.code).toBe(2);
    expect(diff.err).toMatch(/Difficulty must be 1, 2 or 3/);
    const noSeed = await run('quiz', 'check', 'gates', '--answer', '1');
    expect(noSeed.err).toMatch(/--seed/);
    const noAnswer = await run('quiz', 'check', 'gates', '--seed', '1');
    expect(noAnswer.err).toMatch(/--answer/);
    const notNumber = await run('quiz', 'check', 'gates', '--seed', '1', '--answer', 'abc', '--json');
    expect(notNumber.code).toBe(2);
    expect(JSON.parse(notNumber.out)).toMatchObject({ error: { code: 'quiz.unreadable_answer', message: expect.stringContaining('"abc" is not a number') } });
    const badExpr = await run('quiz', 'check', 'chain', '--seed', '1', '--answer', 'foo(x)', '--lang', 'ru');
    expect(badExpr.code).toBe(2);
    expect(badExpr.err).toMatch(/Неизвестная функция «foo»/);
    const badSeed = await run('quiz', 'gates', '--seed', 'x1', '--lang', 'ru');
    expect(badSeed.err).toMatch(/Seed должен быть целым/);
    const noTopic = await run('quiz');
    expect(noTopic.err).toMatch(/Give a topic/);
    for (const r of [unknown, diff, noSeed, noAnswer, badSeed, noTopic]) expect(r.err + r.out).not.toMatch(/\n\s+at /);
  });

  it('--image on a question without a picture is a clear user error', async () => {
    const q = Array.from({ length: 20 }, (_, s) => generateQuestion('sgd', s, 1)).find((x) => !x.picture)!;
    const r = await run('quiz', 'sgd', '--seed', String(q.seed), '--difficulty', '1', '--image', '/tmp/never-written.png');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no picture/);
  });
});

describe('gradbot quiz --image', () => {
  it('draws the backprop graph to a PNG with the render module', async () => {
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'quiz-'));
    try {
      const path = join(dir, 'q.png');
      const r = await run('quiz', 'backprop', '--seed', '1', '--image', path, '--json');
      expect(r.code).toBe(0);
      const bytes = await readFile(path);
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('draws the anonymous chart of a "which function is this?" question', async () => {
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const q = Array.from({ length: 60 }, (_, s) => generateQuestion('activations', s, 3)).find((x) => x.signature.startsWith('chart|'))!;
    const dir = await mkdtemp(join(tmpdir(), 'quiz-'));
    try {
      const path = join(dir, 'chart.png');
      const r = await run('quiz', 'activations', '--seed', String(q.seed), '--difficulty', '3', '--image', path, '--json');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).question.picture).toMatchObject({ kind: 'plot', anonymous: true });
      const bytes = await readFile(path);
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
