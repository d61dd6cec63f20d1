/**
 * /guess through the bot: two lists of invented names and A/B buttons; the answer stays
 * server-side, each player's first press counts (✅ or ❌ with the reveal), a second press
 * by the same player scores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as guess } from '../../../src/bot/commands/guess.js';
import { createHarness, type As, type Harness, type Sent } from '../harness.js';
import { withClockRunning } from './train-helpers.js';

let h: Harness;
let alice: As;
let boris: As;

beforeAll(async () => {
  h = await createHarness({ commands: [guess] });
  alice = { user: h.user('u1', 'Alice', 'en'), chat: h.group('g1') };
  boris = { user: h.user('u2', 'Борис', 'ru'), chat: h.group('g1') };
});

afterAll(async () => {
  await h.close();
});

describe('/guess', () => {
  it('trains both generators once, behind a progress message', async () => {
    const r = await withClockRunning(h, h.command('/guess', alice));
    expect(r.sent).toHaveLength(2);
    const progress = r.sent[0] as Sent;
    expect(progress.versions[0]!.text.join('')).toContain('Training a generator on Dungeons & Dragons spells (SRD 5.1): 319 names.');
    expect(progress.versions[0]!.text.join('')).toContain('Training a generator on Harry Potter spells: ');
    expect(progress.text).toBe('The generator is trained.');
    expect(h.services.spells.trainings).toBe(2);
  });

  it('shows two lists with buttons and scores each player once, revealing the sources', async () => {
    await h.clock.advance(1000);
    // Models are cached now: nothing moves the clock while the command runs, so its seed is known.
    const seed = h.clock.now();
    const r = await h.command('/guess', alice);
    expect(r.sent).toHaveLength(1);
    const game = r.sent[0] as Sent;
    expect(game.text).toContain('Both lists were invented by neural networks. Which one learned from Dungeons & Dragons spells (SRD 5.1)?');
    expect(game.text).toMatch(/List A:\n( {2}.+\n){5}\nList B:\n( {2}.+\n){4} {2}.+$/);
    const labels = (game.message.buttons ?? []).flat().map((b) => b.label);
    expect(labels).toEqual(['List A', 'List B']);
    // The answer is nowhere in what the players see (buttons carry opaque ids only).
    for (const b of (game.message.buttons ?? []).flat()) expect(b.id).not.toMatch(/[AB]/);

    // The same seed and the same (now cached) models give the same game: the test knows the answer.
    const expected = await h.services.spells.whichListGame(seed);
    expect(game.text).toContain(expected.lists[0]!.names.join('\n  '));
    const right = expected.answer;
    const wrong = right === 'A' ? 'B' : 'A';

    // The group sees only the mark; the reveal goes to the player alone (it would spoil the game).
    const b = await h.press(`List ${wrong}`, boris);
    expect(b.sent.map((x) => [x.text, x.private === true])).toEqual([
      ['❌ Борис: На этот раз нет.', false],
      [expect.stringMatching(/^❌ На этот раз нет\. Список A — от модели «/), true],
    ]);
    expect(b.sent[1]!.text).toContain('настоящие: ');

    const a = await h.press(`List ${right}`, alice);
    expect(a.sent[0]!.text).toBe('✅ Alice: Right!');
    expect(a.sent[1]!.private).toBe(true);
    expect(a.sent[1]!.text.startsWith('✅ Right! List A came from ')).toBe(true);
    expect(a.sent[1]!.text).toContain('Harry Potter spells');
    const again = await h.press(`List ${wrong}`, alice);
    expect(again.text).toBe('You have already answered this one (✅). Start a new game with /guess.');
    expect(again.sent[0]?.private).toBe(true);

  });

  it('does not train again for the next game', async () => {
    const before = h.services.spells.trainings;
    await h.clock.advance(1000);
    const r = await h.command('/guess', boris);
    expect(r.sent).toHaveLength(1);
    expect(r.text).toContain('Оба списка придумали нейросети.');
    expect((r.sent[0]?.message.buttons ?? []).flat().map((x) => x.label)).toEqual(['Список A', 'Список B']);
    expect(h.services.spells.trainings).toBe(before);
  });
});
