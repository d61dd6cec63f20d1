/**
 * The sample data sets shipped in assets/datasets/, so a class can try `/train iris` before
 * anyone has a CSV of their own.
 */
import { readFile } from 'node:fs/promises';
import type { LocalizedText } from '../../core/errors.js';

/** One shipped CSV. */
export interface SampleDataset {
  id: string;
  file: string;
  about: LocalizedText;
}

/** The shipped data sets, in the order the help lists them. */
export const SAMPLE_DATASETS: readonly SampleDataset[] = Object.freeze([
  {
    id: 'iris',
    file: 'iris.csv',
    about: { en: '150 irises, 4 measurements, 3 species (classification)', ru: '150 ирисов, 4 измерения, 3 вида (классификация)' },
  },
  {
    id: 'moons',
    file: 'moons.csv',
    about: { en: 'two interleaved half-moons in the plane (classification, with a decision boundary)', ru: 'два вложенных полумесяца на плоскости (классификация, с границей решений)' },
  },
  {
    id: 'friedman',
    file: 'friedman.csv',
    about: { en: "Friedman's benchmark, 5 inputs (regression)", ru: 'задача Фридмана, 5 входов (регрессия)' },
  },
]);

/** assets/datasets/ relative to this module: the same from src/bot/features (tsx) and dist/bot/features. */
const ASSETS = new URL('../../../assets/datasets/', import.meta.url);

/** The sample with this id (any case), if there is one. */
export function findSample(id: string): SampleDataset | undefined {
  const key = id.trim().toLowerCase();
  return SAMPLE_DATASETS.find((s) => s.id === key);
}

/** The bytes of a shipped sample. */
export async function readSample(sample: SampleDataset): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(sample.file, ASSETS)));
}
