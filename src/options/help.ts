/**
 * Help texts of a command's options, rendered from its OptionSpec list in Russian or
 * English: the CLI's `--help` uses the `cli` style (`--hidden 32,16`), the chat doors' /help
 * the `chat` style (`hidden: 32,16`). Nothing here is typed by hand per command.
 */
import type { Lang, LocalizedText } from '../core/errors.js';
import { cliFlag } from './parse-cli.js';
import type { OptionSpec } from './types.js';

/** `cli`: flags as `--name VALUE`; `chat`: options as `name: VALUE`. */
export type HelpStyle = 'cli' | 'chat';

const WORDS = {
  heading: { en: 'Options:', ru: 'Параметры:' },
  default: { en: 'default', ru: 'по умолчанию' },
  required: { en: 'required', ru: 'обязательный' },
  integer: { en: 'N', ru: 'N' },
  number: { en: 'X', ru: 'X' },
  string: { en: 'TEXT', ru: 'ТЕКСТ' },
  attachment: { en: 'FILE', ru: 'ФАЙЛ' },
} satisfies Record<string, LocalizedText>;

/** At most this many choices are spelled out in the value placeholder (`sgd|momentum|adam`). */
const MAX_INLINE_CHOICES = 4;

/** The value placeholder: the example, a short list of choices, or the type (N, X, TEXT). */
function placeholder(spec: OptionSpec, lang: Lang): string {
  if (spec.example !== undefined) return spec.example;
  if (spec.choices && spec.choices.length > 0 && spec.choices.length <= MAX_INLINE_CHOICES) return spec.choices.map((c) => String(c.value)).join('|');
  if (spec.type === 'boolean') return '';
  return WORDS[spec.type][lang];
}

/** How the option is written: `--top-k N`, `--no-derivative`, `dataset: dnd|hp`. */
export function optionUsage(spec: OptionSpec, lang: Lang, style: HelpStyle = 'cli'): string {
  const value = placeholder(spec, lang);
  if (style === 'chat') return value === '' ? spec.name : `${spec.name}: ${value}`;
  if (spec.type === 'boolean') return spec.default === true ? `--no-${cliFlag(spec).slice(2)}` : cliFlag(spec);
  return value === '' ? cliFlag(spec) : `${cliFlag(spec)} ${value}`;
}

/** The description with the default (or "required") after it. */
export function optionDescription(spec: OptionSpec, lang: Lang): string {
  const notes: string[] = [];
  if (spec.required) notes.push(WORDS.required[lang]);
  // A boolean that defaults to true is shown as its --no- form, so its default goes unsaid.
  else if (spec.default !== undefined && spec.type !== 'boolean') notes.push(`${WORDS.default[lang]} ${String(spec.default)}`);
  return notes.length > 0 ? `${spec.description[lang]} (${notes.join('; ')})` : spec.description[lang];
}

/**
 * The options as aligned lines under a heading ("Options:" / "Параметры:"); an empty string
 * for a command without options.
 */
export function renderOptionsHelp(specs: readonly OptionSpec[], lang: Lang, style: HelpStyle = 'cli'): string {
  if (specs.length === 0) return '';
  const rows = specs.map((s) => [optionUsage(s, lang, style), optionDescription(s, lang)] as const);
  const width = Math.max(...rows.map(([u]) => Array.from(u).length));
  const lines = rows.map(([u, d]) => `  ${u}${' '.repeat(width - Array.from(u).length)}  ${d}`);
  return [WORDS.heading[lang], ...lines].join('\n');
}
