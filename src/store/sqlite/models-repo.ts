import type { ModelsRepo, SpellModelsRepo, UserKey } from '../types.js';
import { type Db, toJson } from './sql-values.js';

interface ModelRow {
  model: string;
  target: string;
  task: string;
  at: number;
}

/** The last trained model per user, as JSON (a new one replaces the old). */
export function sqliteModels(db: Db): ModelsRepo {
  const put = db.prepare<[string, string, string, number, string]>(
    `INSERT INTO models (user_key, target, task, trained_at, model) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_key) DO UPDATE SET
       target = excluded.target, task = excluded.task, trained_at = excluded.trained_at, model = excluded.model`,
  );
  const get = db.prepare<[string], ModelRow>('SELECT model, target, task, trained_at AS at FROM models WHERE user_key = ?');
  return {
    put(user: UserKey, model: unknown, meta: { target: string; task: string; at: number }): void {
      put.run(user, meta.target, meta.task, Math.round(meta.at), toJson(model, 'the model'));
    },
    get(user: UserKey) {
      const r = get.get(user);
      if (r === undefined) return undefined;
      return { model: JSON.parse(r.model) as unknown, target: r.target, task: r.task, at: r.at };
    },
  };
}

/** Spell generators by cache key, so a restart does not retrain them. */
export function sqliteSpellModels(db: Db): SpellModelsRepo {
  const get = db.prepare<[string], string>('SELECT model FROM spell_models WHERE cache_key = ?').pluck();
  const put = db.prepare<[string, string]>(
    `INSERT INTO spell_models (cache_key, model) VALUES (?, ?) ON CONFLICT (cache_key) DO UPDATE SET model = excluded.model`,
  );
  return {
    get(key: string): unknown {
      const json = get.get(key);
      return json === undefined ? undefined : (JSON.parse(json) as unknown);
    },
    put(key: string, model: unknown): void {
      put.run(key, toJson(model, 'the spell model'));
    },
  };
}
