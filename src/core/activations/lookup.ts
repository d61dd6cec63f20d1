/**
 * Finding an activation by what a student typed: an id, an alias, any case, with spaces or
 * dashes instead of underscores ("Leaky-ReLU", "leaky relu", "LeakyReLU" all find leaky_relu),
 * Russian names included. An unknown name is a UserInputError with "did you mean" suggestions.
 */
import { defineMessages, UserInputError } from '../errors.js';
import { ACTIVATIONS } from './registry.js';
import type { Activation } from './types.js';

/** The registry's messages (codes `activation.*`). */
export const activationMessages = defineMessages('activation', {
  unknown: {
    en: 'Unknown activation "{name}". Did you mean: {suggestions}? See the full list with /plot --list or gradbot act --list.',
    ru: 'Неизвестная функция активации «{name}». Возможно, вы имели в виду: {suggestions}? Полный список: /plot --list или gradbot act --list.',
  },
  unknown_no_match: {
    en: 'Unknown activation "{name}". Use an id such as relu, sigmoid or tanh; see the full list with /plot --list or gradbot act --list.',
    ru: 'Неизвестная функция активации «{name}». Укажите id, например relu, sigmoid или tanh; полный список: /plot --list или gradbot act --list.',
  },
});

/**
 * The canonical form of a name: trimmed, lower-case, ё as е, and runs of spaces, dashes or
 * underscores as one underscore.
 */
export function normalizeActivationName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\-_]+/g, '_');
}

/** The same with the underscores dropped, so "LeakyReLU" and "hard_tanh" also match. */
function compact(normalized: string): string {
  return normalized.replace(/_/g, '');
}

/** name (normalised and compact forms) -> entry. Ids are entered first so they always win. */
const INDEX: ReadonlyMap<string, Activation> = (() => {
  const map = new Map<string, Activation>();
  const put = (name: string, a: Activation) => {
    const n = normalizeActivationName(name);
    for (const key of [n, compact(n)]) if (!map.has(key)) map.set(key, a);
  };
  for (const a of ACTIVATIONS) put(a.id, a);
  for (const a of ACTIVATIONS) for (const alias of a.aliases) put(alias, a);
  return map;
})();

/** The entry for an id or alias, or undefined. Case-insensitive; accepts `-` or space for `_`. */
export function findActivation(idOrAlias: string): Activation | undefined {
  const n = normalizeActivationName(idOrAlias);
  if (n === '') return undefined;
  return INDEX.get(n) ?? INDEX.get(compact(n));
}

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
 * letters ("tahn" is one step from "tanh"): the optimal-string-alignment variant of
 * Damerau–Levenshtein, which catches the typos people actually make.
 */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    rows.push(row);
  }
  const d = (i: number, j: number) => rows[i]?.[j] ?? Infinity;
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d(i - 2, j - 2) + 1);
      rows[i]![j] = best;
    }
  }
  return d(a.length, b.length);
}

/**
 * Up to `limit` ids whose id or alias is close to `name`: within an edit distance of about a
 * third of the name's length, or containing it / contained in it. Closest first.
 */
export function suggestActivations(name: string, limit = 3): string[] {
  const n = compact(normalizeActivationName(name));
  if (n === '') return [];
  const best = new Map<string, number>();
  for (const [key, a] of INDEX) {
    const typo = editDistance(n, key);
    // a fragment such as "leak" or "sigm" is a strong hint even though many letters are missing
    const fragment = n.length >= 3 && (key.includes(n) || n.includes(key));
    const allowed = Math.max(1, Math.floor(Math.max(n.length, key.length) / 3));
    if (typo > allowed && !fragment) continue;
    const d = fragment ? Math.min(typo, 1.5) : typo;
    if (d < (best.get(a.id) ?? Infinity)) best.set(a.id, d);
  }
  return [...best.entries()]
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([id]) => id);
}

/**
 * The entry for an id or alias. Throws a UserInputError with code `activation.unknown` that
 * suggests close names and says where to see the list.
 */
export function getActivation(idOrAlias: string): Activation {
  const found = findActivation(idOrAlias);
  if (found) return found;
  const suggestions = suggestActivations(idOrAlias);
  if (suggestions.length > 0) throw activationMessages.error('unknown', { name: idOrAlias.trim(), suggestions: suggestions.join(', ') });
  // Same code either way (callers match on it); only the wording differs.
  return failWithoutSuggestions(idOrAlias);
}

function failWithoutSuggestions(name: string): never {
  throw new UserInputError('activation.unknown', activationMessages.texts.unknown_no_match, { name: name.trim() });
}
