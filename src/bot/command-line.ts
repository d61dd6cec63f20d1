/**
 * Splits a text door's message into a command and its argument string: `/quiz@gradbot
 * backprop 2` → `{ command: 'quiz', args: 'backprop 2' }`. Text doors (local, Telegram) call it;
 * the bot parses `args` with the command's options.
 */

/** A command line, or undefined when the text is not a command (or is for another bot). */
export function splitCommandLine(text: string, botUsername?: string): { command: string; args: string } | undefined {
  const m = /^\s*\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?=\s|$)/.exec(text);
  if (!m) return undefined;
  const mention = m[2];
  if (mention !== undefined && botUsername !== undefined && mention.toLowerCase() !== botUsername.toLowerCase()) return undefined;
  return { command: (m[1] as string).toLowerCase(), args: text.slice(m[0].length).trim() };
}
