/**
 * The spell service's model cache kept in the bot's store (`store.spellModels`) instead of
 * files under the data directory, so a restart (or another bot process on the same database)
 * does not retrain. Models are stored as the codec's JSON form (parameters as base64), and a
 * few stay decoded in memory.
 *
 * The composition root passes it to the service:
 * `new SpellService({ runner: poolRunner(pool), cache: new StoreSpellModelCache(store.spellModels) })`.
 */
import { ModelCache } from '../../spells/model-cache.js';
import { decodeModelJson, encodeModelJson, type CharLmPlain } from '../../spells/model-codec.js';
import type { SpellModelsRepo } from '../../store/types.js';

/** A ModelCache whose lasting copy is the store rather than the disk. */
export class StoreSpellModelCache extends ModelCache {
  private readonly recent = new Map<string, CharLmPlain>();

  constructor(
    private readonly repo: SpellModelsRepo,
    private readonly maxRecent = 16,
  ) {
    // The directory is never used: get/set below never touch the disk.
    super('.', maxRecent);
  }

  override get(key: string): CharLmPlain | undefined {
    const hit = this.recent.get(key);
    if (hit) {
      this.keep(key, hit);
      return hit;
    }
    const stored = this.repo.get(key);
    if (stored === undefined || stored === null) return undefined;
    // A row from an older format (or a damaged one) reads as a miss and is retrained.
    const plain = decodeModelJson(JSON.stringify(stored));
    if (plain) this.keep(key, plain);
    return plain;
  }

  override set(key: string, plain: CharLmPlain): void {
    this.keep(key, plain);
    this.repo.put(key, JSON.parse(encodeModelJson(plain)) as unknown);
  }

  private keep(key: string, plain: CharLmPlain): void {
    this.recent.delete(key);
    this.recent.set(key, plain);
    while (this.recent.size > this.maxRecent) {
      const oldest = this.recent.keys().next();
      if (oldest.done) break;
      this.recent.delete(oldest.value);
    }
  }
}
