/** Shared setup for the store tests: a fresh store with a group chat and three students. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AttemptInput, openStore, type Store } from '../../src/store/index.js';

export const GROUP = 'local:group-1';
export const OTHER = 'local:group-2';
export const ANNA = 'local:anna';
export const BORIS = 'local:boris';
export const VERA = 'local:vera';

/** 2024-03-10T12:00:00Z. */
export const NOW = Date.UTC(2024, 2, 10, 12);
export const DAY = 86_400_000;

/** An in-memory store with two group chats and three users. */
export function seededStore(): Store {
  const store = openStore(':memory:');
  store.chats.ensure(GROUP, 'group');
  store.chats.ensure(OTHER, 'group');
  store.users.upsert(ANNA, 'Анна');
  store.users.upsert(BORIS, 'Boris');
  store.users.upsert(VERA, 'Вера');
  return store;
}

/** A correct, counted attempt at NOW unless overridden. */
export function attempt(over: Partial<AttemptInput> = {}): AttemptInput {
  return {
    chat: GROUP,
    user: ANNA,
    questionId: 'backprop:17:2',
    topic: 'backprop',
    answer: '0.5',
    correct: true,
    score: 1,
    hintsUsed: 0,
    counted: true,
    at: NOW,
    ...over,
  };
}

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `gradbot-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
