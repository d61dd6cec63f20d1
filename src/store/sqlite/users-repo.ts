import type { UserKey, UsersRepo } from '../types.js';
import { type Db, orNull } from './sql-values.js';

/** Users: the display name is overwritten on every sight, so renames show up on leaderboards. */
export function sqliteUsers(db: Db): UsersRepo {
  const upsert = db.prepare<{ key: string; name: string; locale: string | null }>(
    `INSERT INTO users (user_key, name, locale) VALUES (@key, @name, @locale)
     ON CONFLICT (user_key) DO UPDATE SET name = excluded.name, locale = COALESCE(excluded.locale, users.locale)`,
  );
  const name = db.prepare<[string], string>('SELECT name FROM users WHERE user_key = ?').pluck();
  return {
    upsert(key: UserKey, displayName: string, locale?: string): void {
      upsert.run({ key, name: displayName, locale: orNull(locale) });
    },
    name(key: UserKey): string | undefined {
      return name.get(key);
    },
  };
}
