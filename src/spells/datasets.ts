/**
 * The name lists a model can be trained on: the two shipped lists (assets/spells/, see
 * SOURCES.md there for origin and licence) and lists a class uploads (./upload.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LocalizedText } from '../core/errors.js';
import { detectCaseStyle, type CaseStyle } from './case-style.js';

/** Ids of the shipped lists. */
export type BuiltinId = 'dnd' | 'hp';

/** A list of names ready for training. */
export interface NameDataset {
  /** "dnd", "hp", or "upload:<file name>". */
  id: string;
  title: LocalizedText;
  /** The names as written in the source (display case), without duplicates. */
  names: string[];
  /** How the source writes capitals; samples are shown the same way. */
  caseStyle: CaseStyle;
}

interface BuiltinInfo {
  file: string;
  title: LocalizedText;
}

/** The shipped lists. */
export const BUILTIN_DATASETS: Readonly<Record<BuiltinId, BuiltinInfo>> = {
  dnd: {
    file: 'dnd_srd_spells.txt',
    title: { en: 'Dungeons & Dragons spells (SRD 5.1)', ru: 'Заклинания Dungeons & Dragons (SRD 5.1)' },
  },
  hp: {
    file: 'harry_potter_spells.txt',
    title: { en: 'Harry Potter spells', ru: 'Заклинания из «Гарри Поттера»' },
  },
};

/** True for "dnd" and "hp". */
export function isBuiltinId(s: string): s is BuiltinId {
  return Object.prototype.hasOwnProperty.call(BUILTIN_DATASETS, s);
}

/** assets/spells/ relative to this module: works from src/spells (tsx) and dist/spells (built). */
const ASSETS = new URL('../../assets/spells/', import.meta.url);

const loaded = new Map<BuiltinId, NameDataset>();

/** A shipped list (read once, then kept). */
export function builtinDataset(id: BuiltinId): NameDataset {
  let ds = loaded.get(id);
  if (!ds) {
    const info = BUILTIN_DATASETS[id];
    const names = readFileSync(new URL(info.file, ASSETS), 'utf8')
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    ds = { id, title: info.title, names, caseStyle: detectCaseStyle(names) };
    loaded.set(id, ds);
  }
  return ds;
}

/** A short stable fingerprint of a list's content (normalized names, order kept). */
export function datasetHash(names: readonly string[]): string {
  const h = createHash('sha256');
  for (const n of names) h.update(n.trim().toLowerCase()).update('\n');
  return h.digest('hex').slice(0, 16);
}
