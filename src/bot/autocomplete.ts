/**
 * Suggestions for string options, answered from memory (Discord's autocomplete must answer
 * within 3 s, at most 25 choices, and cannot go through the worker pool).
 */
import type { Lang } from '../core/errors.js';
import { ACTIVATIONS } from '../core/activations/index.js';
import type { AutocompleteSource, OptionSpec } from '../options/types.js';
import { TOPIC_IDS } from '../quiz/types.js';
import { BUILTIN_DATASETS } from '../spells/datasets.js';

/** One suggestion: the value to fill in and what to show. */
export interface Suggestion {
  value: string;
  label: string;
}

/** Discord's limit, which every door follows. */
export const MAX_SUGGESTIONS = 25;

function sourceItems(source: AutocompleteSource, lang: Lang): Suggestion[] {
  switch (source) {
    case 'activations':
      return ACTIVATIONS.map((a) => ({ value: a.id, label: `${a.id} — ${a.name[lang]}` }));
    case 'topics':
      return TOPIC_IDS.map((id) => ({ value: id, label: id }));
    case 'datasets':
      return Object.entries(BUILTIN_DATASETS).map(([id, d]) => ({ value: id, label: `${id} — ${d.title[lang]}` }));
  }
}

/**
 * Suggestions for what the user typed so far. For a comma list (`/plot relu,ge`), the last item
 * is completed and the earlier ones kept.
 */
export function suggest(spec: OptionSpec, typed: string, lang: Lang): Suggestion[] {
  const items: Suggestion[] = spec.choices
    ? spec.choices.map((c) => ({ value: String(c.value), label: c.label[lang] }))
    : spec.autocomplete
      ? sourceItems(spec.autocomplete, lang)
      : [];
  const comma = spec.autocomplete === 'activations' ? typed.lastIndexOf(',') : -1;
  const head = comma >= 0 ? typed.slice(0, comma + 1) : '';
  const needle = typed.slice(comma + 1).trim().toLowerCase();
  const starts = items.filter((s) => s.value.toLowerCase().startsWith(needle) || s.label.toLowerCase().startsWith(needle));
  const contains = items.filter((s) => !starts.includes(s) && s.label.toLowerCase().includes(needle));
  return [...starts, ...contains].slice(0, MAX_SUGGESTIONS).map((s) => ({ value: head + s.value, label: head + s.label }));
}
