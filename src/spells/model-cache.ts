/**
 * Trained models, cached per (list content, training settings) in memory and on disk, so the
 * second `/spells dnd` answers at once and a restart does not lose them.
 *
 * Files: `<dataDir>/spells/models/<key>.json` (see ./model-codec.ts). The data directory comes
 * from the caller, else the GRADBOT_DATA_DIR environment variable, else ./data/.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CharLmSettings } from '../core/charlm/train.js';
import { CHARLM_FORMAT, decodeModelJson, encodeModelJson, type CharLmPlain } from './model-codec.js';

/** The data directory: GRADBOT_DATA_DIR or ./data. */
export function defaultDataDir(): string {
  return resolve(process.env.GRADBOT_DATA_DIR ?? './data');
}

/** The cache key of a list (normalized names, in order) and fully resolved settings. */
export function modelKey(names: readonly string[], settings: CharLmSettings): string {
  const h = createHash('sha256');
  h.update(CHARLM_FORMAT).update('\n');
  // Settings in a fixed key order, so {a, b} and {b, a} give the same key.
  const ordered = Object.fromEntries(Object.entries(settings).sort(([a], [b]) => a.localeCompare(b)));
  h.update(JSON.stringify(ordered)).update('\n');
  for (const n of names) h.update(n.trim().toLowerCase()).update('\n');
  return h.digest('hex').slice(0, 32);
}

/** Memory + disk cache of trained models. */
export class ModelCache {
  readonly dir: string;
  private readonly memory = new Map<string, CharLmPlain>();
  private readonly maxInMemory: number;

  /** `dataDir` defaults to `defaultDataDir()`; at most `maxInMemory` models stay in memory. */
  constructor(dataDir: string = defaultDataDir(), maxInMemory = 16) {
    this.dir = join(dataDir, 'spells', 'models');
    this.maxInMemory = maxInMemory;
  }

  private file(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** The model of `key`, from memory or disk; undefined if never trained (or the file is bad). */
  get(key: string): CharLmPlain | undefined {
    const hit = this.memory.get(key);
    if (hit) {
      // Re-insert: Map keeps insertion order, so the oldest entry is the least recently used.
      this.memory.delete(key);
      this.memory.set(key, hit);
      return hit;
    }
    let text: string;
    try {
      text = readFileSync(this.file(key), 'utf8');
    } catch {
      return undefined;
    }
    const plain = decodeModelJson(text);
    if (plain) this.remember(key, plain);
    return plain;
  }

  /** Stores a model in memory and on disk (written to a temp file, then renamed: never half a file). */
  set(key: string, plain: CharLmPlain): void {
    this.remember(key, plain);
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.file(key)}.${process.pid}.tmp`;
      writeFileSync(tmp, encodeModelJson(plain));
      renameSync(tmp, this.file(key));
    } catch {
      // A read-only disk costs only the restart cache; the model is still served from memory.
    }
  }

  private remember(key: string, plain: CharLmPlain): void {
    this.memory.delete(key);
    this.memory.set(key, plain);
    while (this.memory.size > this.maxInMemory) {
      const oldest = this.memory.keys().next().value;
      if (oldest === undefined) break;
      this.memory.delete(oldest);
    }
  }
}
