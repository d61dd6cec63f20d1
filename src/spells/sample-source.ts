/**
 * What a sampling job gets: a trained model and the list it learned from, as plain data
 * (structured clone keeps the Float32Array), and how the worker turns that back into a model,
 * a novelty checker and a game source.
 *
 * The model travels with every job. Measured on the shipped D&D list (6 430 parameters,
 * 26 KB; 319 names, 4 KB of text): cloning such a payload takes about 0.05 ms, decoding the
 * model 0.03 ms and building the novelty checker 0.06 ms, while drawing 10 labelled names
 * takes about 5 ms; a whole pooled request costs about 0.8 ms more than an inline one. A
 * per-worker cache of decoded models would save a fiftieth of a job, so there is none: a job
 * depends on nothing but its payload.
 */
import type { NameDataset } from './datasets.js';
import type { GameSource } from './game.js';
import { drawName } from './generate.js';
import { applyCaseStyle } from './case-style.js';
import { fromPlain, type CharLmPlain, type SpellModel } from './model-codec.js';
import { NoveltyChecker } from './novelty.js';

/** A trained model and its list as plain data: the input of the sampling jobs. */
export interface SampleSource {
  model: CharLmPlain;
  /** The list: names (novelty labels), capitals (display), id and title (games). */
  dataset: NameDataset;
}

/** The source of a list and its model, with only the fields a job needs (no upload warnings). */
export function sampleSource(ds: NameDataset, model: CharLmPlain): SampleSource {
  return { model, dataset: { id: ds.id, title: ds.title, names: ds.names, caseStyle: ds.caseStyle } };
}

/** A decoded source: the model ready to sample from and the checker of its list. */
export interface OpenedSource {
  dataset: NameDataset;
  model: SpellModel;
  checker: NoveltyChecker;
}

/** Decodes a source (in the worker, or in this thread for the CLI). */
export function openSource(src: SampleSource): OpenedSource {
  return { dataset: src.dataset, model: fromPlain(src.model), checker: new NoveltyChecker(src.dataset.names) };
}

/**
 * A game source from a list and its model: draws at temperature 1 (the model's own
 * distribution), shown with the list's capitals; an empty draw is labelled `copied` so the
 * games skip it.
 */
export function gameSourceOf(ds: NameDataset, model: SpellModel, checker: NoveltyChecker): GameSource {
  return {
    id: ds.id,
    title: ds.title,
    realNames: ds.names,
    draw: (rng) => {
      const raw = drawName(model, rng, { temperature: 1, maxLength: 40 });
      return { name: applyCaseStyle(raw, ds.caseStyle), label: raw === '' ? 'copied' : checker.label(raw) };
    },
  };
}
