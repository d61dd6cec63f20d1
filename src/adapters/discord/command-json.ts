/**
 * The bot's command definitions as Discord application-command JSON (what
 * `npm run deploy-commands` PUTs): names and descriptions with Russian localisations, options
 * with their types, choices, bounds and `required`, and Manage Server for admin commands.
 */
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { CommandDefinition } from '../../bot/types.js';
import type { OptionSpec, OptionType } from '../../options/types.js';

const TYPES: Record<OptionType, ApplicationCommandOptionType> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  number: ApplicationCommandOptionType.Number,
  boolean: ApplicationCommandOptionType.Boolean,
  attachment: ApplicationCommandOptionType.Attachment,
};

/** Discord's limits: descriptions 1–100 characters, choice names 1–100, at most 25 choices. */
const cut = (s: string, max = 100): string => (Array.from(s).length <= max ? s : Array.from(s).slice(0, max - 1).join('') + '…');

/** Option names: lower case, 1–32 of letters, digits, `-` and `_`. */
function optionName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '_').slice(0, 32);
}

export interface DiscordOptionJson {
  type: ApplicationCommandOptionType;
  name: string;
  description: string;
  description_localizations: { ru: string };
  required: boolean;
  choices?: Array<{ name: string; name_localizations: { ru: string }; value: string | number }>;
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  autocomplete?: boolean;
}

export interface DiscordCommandJson {
  name: string;
  type: 1;
  description: string;
  description_localizations: { ru: string };
  options: DiscordOptionJson[];
  default_member_permissions?: string;
  /** 0 guild, 1 bot DM: every command works in both (admin ones are refused in DMs by the handler). */
  contexts: number[];
}

function optionJson(o: OptionSpec): DiscordOptionJson {
  const out: DiscordOptionJson = {
    type: TYPES[o.type],
    name: optionName(o.name),
    description: cut(o.description.en),
    description_localizations: { ru: cut(o.description.ru) },
    required: o.required === true,
  };
  if (o.choices && o.choices.length > 0 && o.choices.length <= 25 && (o.type === 'string' || o.type === 'integer' || o.type === 'number')) {
    out.choices = o.choices.map((c) => ({ name: cut(c.label.en), name_localizations: { ru: cut(c.label.ru) }, value: c.value }));
  } else if (o.autocomplete && o.type === 'string') {
    out.autocomplete = true;
  }
  if (o.type === 'integer' || o.type === 'number') {
    if (o.min !== undefined) out.min_value = o.min;
    if (o.max !== undefined) out.max_value = o.max;
  } else if (o.type === 'string') {
    if (o.min !== undefined) out.min_length = Math.max(0, Math.min(6000, o.min));
    if (o.max !== undefined) out.max_length = Math.max(1, Math.min(6000, o.max));
  }
  return out;
}

/** One definition as Discord JSON. Required options come first (Discord rejects them after optional ones). */
export function commandJson(def: CommandDefinition): DiscordCommandJson {
  const options = [...def.options].sort((a, b) => Number(b.required === true) - Number(a.required === true)).map(optionJson);
  const out: DiscordCommandJson = {
    name: def.name,
    type: 1,
    description: cut(def.description.en),
    description_localizations: { ru: cut(def.description.ru) },
    options,
    contexts: [0, 1],
  };
  if (def.adminOnly) out.default_member_permissions = String(PermissionFlagsBits.ManageGuild);
  return out;
}

/** Every listed command (hidden ones, such as /start, stay out of Discord's menu). */
export function commandsJson(defs: readonly CommandDefinition[]): DiscordCommandJson[] {
  return defs.filter((d) => !d.hidden).map(commandJson);
}
