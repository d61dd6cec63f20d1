/**
 * The store: repository interfaces (types.ts) and the SQLite adapter that implements them.
 * Callers import from here; only ./sqlite/ knows the database library.
 */
export * from './types.js';
export { StoreError, type StoreErrorCode } from './store-error.js';
export { defaultChatSettings, parseChatSettings } from './chat-settings.js';
export { openStore, type OpenStoreOptions } from './sqlite/index.js';
