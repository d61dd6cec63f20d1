/** The store stays behind its interfaces: only the SQLite adapter knows the database library. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const files = walk(SRC).map((p) => ({ path: relative(SRC, p).split(sep).join('/'), text: readFileSync(p, 'utf8') }));
const IMPORTS_SQLITE = /(?:from\s*|import\s*\(\s*|import\s*)['"]better-sqlite3['"]/;

describe('store boundary', () => {
  it('finds the adapter importing better-sqlite3', () => {
    const users = files.filter((f) => IMPORTS_SQLITE.test(f.text)).map((f) => f.path);
    expect(users).toContain('store/sqlite/open-store.ts');
  });

  it('nothing outside src/store/sqlite imports better-sqlite3', () => {
    const users = files.filter((f) => IMPORTS_SQLITE.test(f.text)).map((f) => f.path);
    expect(users.filter((p) => !p.startsWith('store/sqlite/'))).toEqual([]);
  });

  it('the store files outside the adapter import no database library', () => {
    const specs = files
      .filter((f) => f.path.startsWith('store/') && !f.path.startsWith('store/sqlite/'))
      .flatMap((f) => [...f.text.matchAll(/from\s*['"]([^'".][^'"]*)['"]/g)].map((m) => `${f.path} -> ${m[1]}`));
    expect(specs).toEqual(['store/chat-settings.ts -> zod']);
  });
});
