/**
 * Splits a typed message into a command and its arguments, as Telegram clients send them:
 * `/plot relu,gelu -3 3`, also `/plot@gradbot ...` (a group's command menu adds the bot's name).
 */

/** A command line: the name (lower case, without `/` and `@bot`) and the rest of the text. */
export interface CommandLine {
  command: string;
  args: string;
}

/** The command in `text`, or undefined when the text is not a command (does not start with `/`). */
export function parseCommandLine(text: string): CommandLine | undefined {
  const t = text.trim();
  if (!t.startsWith('/')) return undefined;
  const m = /^\/([^\s@]*)(?:@\S*)?(?:\s+([\s\S]*))?$/.exec(t);
  if (!m) return undefined;
  return { command: (m[1] ?? '').toLowerCase(), args: (m[2] ?? '').trim() };
}
