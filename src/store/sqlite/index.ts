/** The SQLite adapter of the store: the only code that imports better-sqlite3. */
export { openStore, type OpenStoreOptions } from './open-store.js';
export { MIGRATIONS, LATEST_VERSION, type Migration } from './migrations.js';
export { migrate, schemaVersion } from './migrate.js';
