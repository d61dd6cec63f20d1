/**
 * The worker-pool job "charlm-game": builds a guessing game (which list is which, spot the
 * fake) from trained models. Drawing the fake names is sampling, and a game may draw hundreds
 * of candidates before it has enough new ones, so it runs in the pool like `charlm-sample`.
 * The game comes back as the plain data ./game.ts makes; the same seed and models give the
 * same game here and in the CLI's thread.
 */
import type { Seed } from '../core/rng.js';
import { makeSpotFakeGame, makeWhichListGame, type GameSource, type SpotFakeGame, type WhichListGame } from './game.js';
import { gameSourceOf, openSource, type SampleSource } from './sample-source.js';

/** Which game, its seed, and the models with their lists. */
export type CharLmGameJobPayload =
  /** `target` is the list players must find (the D&D one). */
  | { game: 'which_list'; seed: Seed; target: SampleSource; other: SampleSource }
  | { game: 'spot_fake'; seed: Seed; source: SampleSource };

/** The game (its `kind` tells which). */
export type CharLmGameJobResult = WhichListGame | SpotFakeGame;

function gameSource(src: SampleSource): GameSource {
  const { dataset, model, checker } = openSource(src);
  return gameSourceOf(dataset, model, checker);
}

/** Builds the game (runs in a worker, or inline in the CLI). */
export function handle(payload: CharLmGameJobPayload): CharLmGameJobResult {
  if (payload.game === 'which_list') return makeWhichListGame(gameSource(payload.target), gameSource(payload.other), payload.seed);
  return makeSpotFakeGame(gameSource(payload.source), payload.seed);
}
