/**
 * A trained character model as plain data: what crosses the worker boundary (structured
 * clone keeps the Float32Array) and what the cache writes to disk (JSON, with the parameters
 * as base64 of their little-endian float32 bytes: 4 bytes each instead of ~20 characters).
 */
import type { CharLmMetrics, CharLmSettings, TrainedCharLm } from '../core/charlm/train.js';
import { charMlpFromParams, parameterCount, type CharMlp, type CharMlpShape } from '../core/charlm/model.js';
import { vocabFromChars, type Vocab } from '../core/charlm/vocab.js';

/** Format tag; bump when the layout of `params` changes so old cache files are ignored. */
export const CHARLM_FORMAT = 'gradbot-charlm/1';

/** A trained model as plain data. */
export interface CharLmPlain {
  format: typeof CHARLM_FORMAT;
  settings: CharLmSettings;
  /** `chars[0]` is the boundary (''), see src/core/charlm/vocab.ts. */
  chars: string[];
  shape: CharMlpShape;
  params: Float32Array;
  metrics: CharLmMetrics;
  /** Sizes of the train/dev split (names). */
  split: { train: number; dev: number };
  /** Wall time of the training, in seconds. */
  trainSeconds: number;
}

/** A model ready to sample from. */
export interface SpellModel {
  plain: CharLmPlain;
  vocab: Vocab;
  mlp: CharMlp;
}

/** Plain data of a freshly trained model. */
export function toPlain(t: TrainedCharLm, trainSeconds: number): CharLmPlain {
  const params = t.model.params instanceof Float32Array ? t.model.params : Float32Array.from(t.model.params);
  return {
    format: CHARLM_FORMAT,
    settings: t.settings,
    chars: [...t.vocab.chars],
    shape: t.model.shape,
    params,
    metrics: t.metrics,
    split: { train: t.trainNames.length, dev: t.devNames.length },
    trainSeconds,
  };
}

/** Rebuilds the model objects from plain data. */
export function fromPlain(plain: CharLmPlain): SpellModel {
  return { plain, vocab: vocabFromChars(plain.chars), mlp: charMlpFromParams(plain.shape, plain.params) };
}

/** JSON text for the disk cache. */
export function encodeModelJson(plain: CharLmPlain): string {
  const bytes = Buffer.from(plain.params.buffer, plain.params.byteOffset, plain.params.byteLength);
  return JSON.stringify({ ...plain, params: bytes.toString('base64') });
}

/** Reads a cache file back; undefined when it is not a valid model of the current format. */
export function decodeModelJson(text: string): CharLmPlain | undefined {
  try {
    const o = JSON.parse(text) as Omit<CharLmPlain, 'params'> & { params: string };
    if (o.format !== CHARLM_FORMAT || typeof o.params !== 'string' || !Array.isArray(o.chars)) return undefined;
    const bytes = Buffer.from(o.params, 'base64');
    // Copy into a fresh, aligned buffer: a Buffer may share a pool at any byte offset.
    const params = new Float32Array(bytes.byteLength / 4);
    new Uint8Array(params.buffer).set(bytes);
    if (params.length !== parameterCount(o.shape) || o.chars.length !== o.shape.vocabSize) return undefined;
    return { ...o, params };
  } catch {
    return undefined;
  }
}
