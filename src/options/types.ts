/**
 * Options are data. One `OptionSpec` list per command feeds everything that reads or shows
 * options: CLI flag parsing, the bot's text arguments (`/plot relu,gelu -3 3`), Discord's
 * slash-command JSON, Telegram's command list, the local chat's suggestions and every help
 * text. Nothing here knows about a door or a terminal.
 */
import type { LocalizedText } from '../core/errors.js';

/** The value types an option can have (Discord's option types map onto these). */
export type OptionType = 'string' | 'integer' | 'number' | 'boolean' | 'attachment';

/** One allowed value of an option, with its label in both languages. */
export interface OptionChoice {
  value: string | number;
  label: LocalizedText;
}

/**
 * Where suggestions for a string option come from; answered from memory (Discord's
 * autocomplete must answer within 3 s and cannot go through the worker pool).
 */
export type AutocompleteSource = 'activations' | 'topics' | 'datasets';

/** One option of a command. */
export interface OptionSpec {
  /** lower_snake or lower-kebab, at most 32 characters (Discord's limit); the CLI flag is `--name`. */
  name: string;
  type: OptionType;
  description: LocalizedText;
  required?: boolean;
  /** Offered values; a string/number option with choices accepts only these. */
  choices?: readonly OptionChoice[];
  /** Bounds for integer/number options (inclusive), and for string lengths. */
  min?: number;
  max?: number;
  /** Filled in when the option is absent (not for required options). */
  default?: string | number | boolean;
  autocomplete?: AutocompleteSource;
  /**
   * Text doors: a positional option that takes the rest of the line (e.g. /grad's expression
   * with spaces until the first `name=value`, /answer's value). At most one per command, last.
   */
  rest?: boolean;
  /** Text doors and the CLI: also accepted as `name=value` / `--name value` (default true). */
  named?: boolean;
  /** Shown in help as an example value, e.g. `relu,gelu`. */
  example?: string;
}

/** What a command's options parse to. Attachments are resolved by the door, not parsed. */
export type OptionValue = string | number | boolean;
export type ParsedOptions = Record<string, OptionValue | undefined>;
