/**
 * The introduction /start and /help show: what the bot does, examples to try (taken from the
 * commands' own examples, so only commands that exist are suggested) and the command list.
 */
import type { Lang } from '../core/errors.js';
import { commandList } from './help-text.js';
import { t } from './i18n.js';
import { code } from './rich-text.js';
import type { CommandDefinition, RichText } from './types.js';

/** Commands whose first example makes a good first try, in this order. */
const SHOWCASE = ['quiz', 'grad', 'plot', 'train', 'spells', 'round'];

/** The introduction in the language. */
export function intro(lang: Lang, commands: readonly CommandDefinition[]): RichText {
  const out: RichText = [t(lang, 'intro'), '\n\n'];
  const examples = SHOWCASE.flatMap((name) => {
    const ex = commands.find((c) => c.name === name)?.examples?.[0];
    return ex ? [ex] : [];
  });
  if (examples.length > 0) {
    out.push(t(lang, 'try_these'), '\n');
    for (const e of examples) out.push('• ', code(e), '\n');
    out.push('\n');
  }
  out.push(...commandList(commands, lang));
  return out;
}
