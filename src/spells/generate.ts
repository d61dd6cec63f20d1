/**
 * Sampling names from a trained model, labelled `copied` / `near` / `new` against the list it
 * learned from, and written with the list's capitals.
 */
import { sampleTokens } from '../core/charlm/sample.js';
import { decodeTokens } from '../core/charlm/vocab.js';
import { Rng, type Seed } from '../core/rng.js';
import { applyCaseStyle, type CaseStyle } from './case-style.js';
import { msg } from './messages.js';
import type { SpellModel } from './model-codec.js';
import type { NoveltyChecker, NoveltyLabel } from './novelty.js';

/** Limits of the sampling options. */
export const GENERATE_LIMITS = { maxCount: 100, minTemperature: 0.1, maxTemperature: 2, maxLength: 64 } as const;

/** How to sample. */
export interface GenerateOptions {
  /** Names to draw (1 to 100). */
  count: number;
  /** 0.1 to 2.0. */
  temperature: number;
  /** Keep the k most likely characters at each step; 0 or undefined: all. */
  topK?: number;
  /** Longest name in characters (1 to 64). */
  maxLength: number;
  seed: Seed;
}

/** Defaults of the sampling options. */
export const DEFAULT_GENERATE: GenerateOptions = { count: 10, temperature: 1, maxLength: 64, seed: 1 };

/** Checks user-given sampling options; throws UserInputError naming the bad one. */
export function resolveGenerateOptions(partial: Partial<GenerateOptions> = {}): GenerateOptions {
  const o: GenerateOptions = { ...DEFAULT_GENERATE, ...partial };
  const L = GENERATE_LIMITS;
  if (!Number.isInteger(o.count) || o.count < 1 || o.count > L.maxCount) throw msg.error('bad_count', { value: String(o.count), max: L.maxCount });
  if (!(o.temperature >= L.minTemperature && o.temperature <= L.maxTemperature)) throw msg.error('bad_temperature', { value: String(o.temperature) });
  if (o.topK !== undefined && (!Number.isInteger(o.topK) || o.topK < 0 || o.topK > 1000)) throw msg.error('bad_top_k', { value: String(o.topK), max: 1000 });
  if (!Number.isInteger(o.maxLength) || o.maxLength < 1 || o.maxLength > L.maxLength) throw msg.error('bad_max_length', { value: String(o.maxLength), max: L.maxLength });
  if (typeof o.seed === 'number' && !Number.isInteger(o.seed)) throw msg.error('bad_seed', { value: String(o.seed) });
  return o;
}

/** A generated name and how new it is. */
export interface LabelledName {
  name: string;
  label: NoveltyLabel;
  /** The real name it copies or nearly copies (lower case). */
  closest?: string;
}

/**
 * One sample in lower case with spaces tidied; may be '' when the model ends the name at once.
 */
export function drawName(model: SpellModel, rng: Rng, opts: Pick<GenerateOptions, 'temperature' | 'topK' | 'maxLength'>): string {
  const tokens = sampleTokens(model.mlp, rng, { temperature: opts.temperature, topK: opts.topK, maxLength: opts.maxLength });
  return decodeTokens(model.vocab, tokens).replace(/\s+/g, ' ').trim();
}

/** Draws `count` labelled names (empty draws are retried a few times, then skipped). */
export function generateNames(model: SpellModel, checker: NoveltyChecker, caseStyle: CaseStyle, opts: GenerateOptions): LabelledName[] {
  const rng = new Rng(opts.seed);
  const out: LabelledName[] = [];
  for (let attempts = 0; out.length < opts.count && attempts < opts.count * 5; attempts++) {
    const raw = drawName(model, rng, opts);
    if (raw === '') continue;
    const c = checker.check(raw);
    out.push({ name: applyCaseStyle(raw, caseStyle), label: c.label, ...(c.closest !== undefined ? { closest: c.closest } : {}) });
  }
  return out;
}
