/**
 * The command definitions as plain JSON: what `gradbot commands --json` prints, and what the
 * Discord deploy script and the docs read, so every place lists the same commands and options.
 *
 * Shape (kept exactly; keys in this order):
 * `[{"name", "description": {"en", "ru"}, "options": [{"name", "type", "required",
 * "description": {"en", "ru"}, "choices"?: [{"name": {"en", "ru"}, "value"}]}]}]`.
 * `type` is the option schema's type (string, integer, number, boolean, attachment); a choice's
 * `name` is its label in both languages and `value` what the command receives.
 */
import type { LocalizedText } from '../core/errors.js';
import type { OptionSpec } from '../options/types.js';
import type { CommandDefinition } from './types.js';

export interface OptionJson {
  name: string;
  type: OptionSpec['type'];
  required: boolean;
  description: LocalizedText;
  choices?: Array<{ name: LocalizedText; value: string | number }>;
}

export interface CommandJson {
  name: string;
  description: LocalizedText;
  options: OptionJson[];
}

const text = (t: LocalizedText): LocalizedText => ({ en: t.en, ru: t.ru });

/** One option as JSON. */
export function optionJson(o: OptionSpec): OptionJson {
  const out: OptionJson = { name: o.name, type: o.type, required: o.required === true, description: text(o.description) };
  if (o.choices && o.choices.length > 0) out.choices = o.choices.map((c) => ({ name: text(c.label), value: c.value }));
  return out;
}

/** Every definition as JSON, in the registry's order (hidden ones included). */
export function commandsJson(defs: readonly CommandDefinition[]): CommandJson[] {
  return defs.map((d) => ({ name: d.name, description: text(d.description), options: d.options.map(optionJson) }));
}
