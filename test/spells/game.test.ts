import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/core/errors.js';
import type { Rng } from '../../src/core/rng.js';
import { makeSpotFakeGame, makeWhichListGame, scoreSpotFake, scoreWhichList, type GameSource } from '../../src/spells/game.js';
import { SpellService } from '../../src/spells/service.js';

/** A source whose "model" draws made-up names from a pool, with labels given by the pool. */
function fakeSource(id: string, real: string[], pool: Array<[string, 'copied' | 'near' | 'new']>): GameSource {
  return {
    id,
    title: { en: id.toUpperCase(), ru: id.toUpperCase() },
    realNames: real,
    draw: (rng: Rng) => {
      const [name, label] = rng.choice(pool);
      return { name, label };
    },
  };
}

const dnd = fakeSource(
  'dnd',
  ['Fire Bolt', 'Wish', 'Aid', 'Light', 'Sleep'],
  [['Fire Bolt', 'copied'], ['Fire Bold', 'near'], ...['Hold Mouse', 'Barking Sphere', 'Acid Sword', 'Mage Hand Grip', 'Cone Of Soup', 'Wall Of Wish'].map((n) => [n, 'new'] as [string, 'new'])],
);
const hp = fakeSource(
  'hp',
  ['Accio', 'Lumos', 'Nox', 'Obliviate'],
  [['Accio', 'copied'], ...['Lumio', 'Flipendum', 'Expecto Pat', 'Wingardia', 'Reparo Duo', 'Stupefo'].map((n) => [n, 'new'] as [string, 'new'])],
);

describe('which list is which?', () => {
  it('gives two lists of five new, distinct names, one per source, and the answer is the D&D list', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const g = makeWhichListGame(dnd, hp, seed);
      expect(g.lists.map((l) => l.label)).toEqual(['A', 'B']);
      const target = g.lists.find((l) => l.label === g.answer)?.names ?? [];
      const other = g.lists.find((l) => l.label !== g.answer)?.names ?? [];
      expect(target).toHaveLength(5);
      expect(other).toHaveLength(5);
      expect(new Set(target).size).toBe(5);
      for (const n of target) expect(['Hold Mouse', 'Barking Sphere', 'Acid Sword', 'Mage Hand Grip', 'Cone Of Soup', 'Wall Of Wish']).toContain(n);
      expect(other).not.toContain('Accio');
      expect(g.reveal.sources[g.answer].id).toBe('dnd');
      for (const ex of g.reveal.examples[g.answer]) expect(dnd.realNames).toContain(ex);
      expect(g.question.ru).toMatch(/[а-я]/);
    }
  });

  it('is seeded, and both orders occur', () => {
    expect(makeWhichListGame(dnd, hp, 9)).toEqual(makeWhichListGame(dnd, hp, 9));
    const answers = new Set(Array.from({ length: 20 }, (_, i) => makeWhichListGame(dnd, hp, i).answer));
    expect(answers).toEqual(new Set(['A', 'B']));
  });

  it('scores a vote like a quiz question', () => {
    const g = makeWhichListGame(dnd, hp, 1);
    const wrong = g.answer === 'A' ? 'B' : 'A';
    const right = scoreWhichList(g, g.answer.toLowerCase());
    expect(right).toMatchObject({ correct: true, score: 1, points: 1, max: 1 });
    expect(right.feedback.en).toContain(g.reveal.examples.A[0] as string);
    expect(right.feedback.ru).toMatch(/Верно/);
    expect(scoreWhichList(g, wrong)).toMatchObject({ correct: false, score: 0, points: 0, max: 1 });
    let err: unknown;
    try {
      scoreWhichList(g, 'C');
    } catch (e) {
      err = e;
    }
    expect(isUserInputError(err) && err.code).toBe('spells.game_choice');
  });
});

describe('spot the fake', () => {
  it('mixes real and new generated names; the answer lists exactly the generated ones', () => {
    const g = makeSpotFakeGame(dnd, 4, 4, 4);
    expect(g.items).toHaveLength(8);
    expect(g.items.map((i) => i.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const it of g.items) {
      const isFake = g.fakes.includes(it.n);
      expect(dnd.realNames.includes(it.name)).toBe(!isFake);
    }
    expect(g.fakes).toHaveLength(4);
    expect(makeSpotFakeGame(dnd, 4)).toEqual(g);
  });

  it('scores one point per name classified right', () => {
    const g = makeSpotFakeGame(dnd, 7);
    const real = g.items.map((i) => i.n).filter((n) => !g.fakes.includes(n));
    expect(scoreSpotFake(g, g.fakes)).toMatchObject({ correct: true, score: 1, points: 8, max: 8, hits: 4, falseAlarms: 0, missed: 0 });
    expect(scoreSpotFake(g, [])).toMatchObject({ correct: false, score: 0.5, points: 4, missed: 4 });
    const some = scoreSpotFake(g, [...g.fakes.slice(1), real[0] as number]);
    expect(some).toMatchObject({ score: 0.75, points: 6, hits: 3, falseAlarms: 1, missed: 1 });
    expect(some.feedback.en).toContain('6 of 8');
    expect(() => scoreSpotFake(g, [9])).toThrow(/1 to 8/);
  });
});

describe('games on trained models', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradbot-game-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the service builds both games from the D&D and Harry Potter models', async () => {
    const s = new SpellService({ dataDir: dir });
    const settings = s.settings({ steps: 200 });
    // Warm the cache with short training so the games below do not train for long.
    const dndModel = (await s.model(s.dataset('dnd'), settings)).model;
    const hpModel = (await s.model(s.dataset('hp'), settings)).model;
    const g = makeWhichListGame(s.gameSource(s.dataset('dnd'), dndModel), s.gameSource(s.dataset('hp'), hpModel), 11);
    expect(g.lists.every((l) => l.names.length === 5)).toBe(true);
    const f = makeSpotFakeGame(s.gameSource(s.dataset('hp'), hpModel), 3);
    expect(f.fakes.length).toBeGreaterThan(0);
    expect(f.items.length).toBe(f.fakes.length + 4);
  });
});
