/**
 * Help texts built from the command definitions: the command list, and one command's usage
 * with its options, so a command's help can never drift from what it parses.
 */
import type { Lang } from '../core/errors.js';
import { renderOptionsHelp } from '../options/help.js';
import { t } from './i18n.js';
import { b, code, pre } from './rich-text.js';
import type { CommandDefinition, RichText } from './types.js';

/** `/plot <functions> [from] [to]`. */
export function usageLine(def: CommandDefinition): string {
  const parts = def.options.map((o) => (o.type === 'attachment' ? `(${o.name})` : o.required ? `<${o.name}>` : `[${o.name}]`));
  return [`/${def.name}`, ...parts].join(' ');
}

/** One command's help: description, usage, options, examples. */
export function commandHelp(def: CommandDefinition, lang: Lang): RichText {
  const out: RichText = [b(`/${def.name}`), ` — ${def.description[lang]}\n`];
  if (def.adminOnly) out.push(t(lang, 'admin_note'), '\n');
  out.push('\n', t(lang, 'usage'), ' ', code(usageLine(def)), '\n');
  if (def.options.length > 0) {
    // The option schema's own renderer (shared with the CLI's --help), in its chat style.
    out.push('\n', pre(renderOptionsHelp(def.options, lang, 'chat')), '\n');
    if (def.options.some((o) => o.type !== 'attachment')) out.push(t(lang, 'named_note'), '\n');
  }
  if (def.examples && def.examples.length > 0) {
    out.push('\n', t(lang, 'examples'), '\n');
    for (const e of def.examples) out.push('• ', code(e), '\n');
  }
  return out;
}

/** The list of visible commands with their descriptions. */
export function commandList(defs: readonly CommandDefinition[], lang: Lang): RichText {
  const out: RichText = [t(lang, 'commands_header'), '\n'];
  for (const d of defs) if (!d.hidden) out.push(code(`/${d.name}`), ` — ${d.description[lang]}\n`);
  out.push('\n', t(lang, 'help_more'));
  return out;
}
