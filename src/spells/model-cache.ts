/**
 * Trained models, cached per (list content, training settings) in memory and on disk, so the
 * second `/spells dnd` answers at once and a restart does not lose them.
 *
 * Files: `<dataDir>/spells/models/<key>.json` (see ./model-codec.ts). The data directory comes
 * from the caller (the configuration's GRADBOT_DATA_DIR, read once in src/config.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CharLmSettings } from '../core/charlm/train.js';
import { CHARLM_FORMAT, decodeModelJson, encodeModelJson, type CharLmPlain } from './model-codec.js';

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

/** What the spell service needs of a model cache (the bot keeps its models in the store). */
export interface SpellModelCache {
  /** The model of `key`, or undefined if it was never trained (or cannot be read). */
  get(key: string): CharLmPlain | undefined;
  /** Keeps a trained model. */
  set(key: string, plain: CharLmPlain): void;
}

/** Memory + disk cache of trained models. */
export class ModelCache implements SpellModelCache {
  readonly dir: string;
  private readonly memory = new Map<string, CharLmPlain>();
  private readonly maxInMemory: number;

  /** Models are kept under `dataDir`; at most `maxInMemory` of them stay in memory. */
  constructor(dataDir: string, maxInMemory = 16) {
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
