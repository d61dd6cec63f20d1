/**
 * The chat page: plain HTML, CSS and JavaScript in assets/local-chat/ (no build step). It is
 * read relative to this module, and assets/ sits beside both src/ and dist/, so the same path
 * works under tsx (src/adapters/local/) and after `npm run build` (dist/adapters/local/), and
 * the Docker image already copies assets/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The page's files: name -> content type and bytes. */
export interface PageFiles {
  readonly files: ReadonlyMap<string, { type: string; body: Buffer }>;
}

const PAGE_DIR = new URL('../../../assets/local-chat/', import.meta.url);

const FILES: ReadonlyArray<[string, string]> = [
  ['index.html', 'text/html; charset=utf-8'],
  ['app.js', 'text/javascript; charset=utf-8'],
  ['style.css', 'text/css; charset=utf-8'],
];

/** Reads the page once at start; a missing file stops the start with its path. */
export function loadPage(dir: URL = PAGE_DIR): PageFiles {
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const [name, type] of FILES) {
    const url = new URL(name, dir);
    try {
      files.set(name, { type, body: readFileSync(url) });
    } catch {
      throw new Error(`The local chat page is missing: ${fileURLToPath(url)} (assets/local-chat/ must sit next to src/ or dist/).`);
    }
  }
  return { files };
}
