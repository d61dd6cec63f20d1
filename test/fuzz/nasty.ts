/**
 * Seeded nasty input for the fuzz tests: the strings students (and their cats) really type, and
 * the ones attackers try. `nastyString(rng)` draws one; `commandLine(rng, commands)` builds a
 * whole message from them: a command with nasty arguments or named options, an unknown
 * command, `/answer` with a nasty answer, or plain text.
 */
import type { Rng } from '../../src/core/rng.js';
import type { CommandDefinition } from '../../src/bot/types.js';

const nested = (n: number) => `${'('.repeat(n)}x${')'.repeat(n)}`;

/** Fixed nasty strings (each is also a building block of random ones). */
export const NASTY: readonly string[] = [
  '',
  ' ',
  '\t\t',
  '\n\n\n',
  'a'.repeat(10_000),
  'x'.repeat(4096),
  '\u0000\u0001\u0002\u001b[31mred\u001b[0m\u007f',
  '\u202eevil\u202c reversed \u200f\u200e',
  'a\u200bb\u200cc\u200dd\ufeff',
  '🧠🔥💯👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301 Z̵̡̛͚a̸̰͐l̶̠̈g̷̣̈o̵̖͝',
  '\ud800 lone surrogate \udfff',
  '@everyone',
  '@here <@123456789012345678> <@&987654321098765432> <#111>',
  '**bold** __under__ _it_ ~~strike~~ `code` ```pre``` ||spoiler||',
  '[click](http://127.0.0.1/evil) <http://127.0.0.1/x>',
  '<b>bold</b><script>alert(1)</script><img src=x onerror=alert(1)>',
  '&lt;b&gt; &amp;amp; &#0; &#x110000;',
  "'; DROP TABLE attempts; --",
  '" OR 1=1 --',
  "Robert'); DELETE FROM users WHERE ('1'='1",
  '../../etc/passwd',
  'id:../../etc',
  'id:backprop:99999999999:7',
  'id:backprop:-1:2',
  'id:backprop:17:2',
  '1e308',
  '1e309',
  '-1e309',
  '9'.repeat(400),
  '-0',
  'NaN',
  'Infinity',
  '0x1F',
  '0b101',
  '1_000_000',
  '1,5',
  '１２３',
  '٣.١٤',
  nested(2000),
  nested(300),
  `x${'^x'.repeat(500)}`,
  `${'-'.repeat(1000)}1`,
  'exp(exp(exp(exp(exp(x)))))',
  'x/0',
  '0/0',
  'log(-1)',
  'sqrt(-x)',
  'relu,'.repeat(200),
  'relu -1e308 1e308',
  'relu 5 5',
  'relu 3 -3',
  'x=1 x=2 x=3',
  '=1',
  'w0=',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty:1',
  '__proto__:{"admin":true}',
  '{"a":1}',
  '[1,2,3]',
  '${7*7}',
  '{{7*7}}',
  '%s%s%s%n',
  '{name}',
  'null',
  'undefined',
  'true',
  'topic:',
  ':',
  '::::',
  'a:b:c:d:e',
  '/quiz',
  '//quiz',
  '/quiz@gradbot_test_bot',
  '\\',
  '"unclosed',
  "'unclosed",
  '«ёлки»',
  'Привет, бот!',
  'обратное распространение',
  'ЖЖЖЖ'.repeat(300),
];

/** One nasty string: a fixed one, a mix of two, or random characters. */
export function nastyString(rng: Rng): string {
  const r = rng.next();
  if (r < 0.6) return rng.choice(NASTY);
  if (r < 0.8) return `${rng.choice(NASTY)} ${rng.choice(NASTY)}`;
  const len = rng.int(1, 60);
  let s = '';
  for (let i = 0; i < len; i++) {
    const k = rng.next();
    // ASCII, control characters, Cyrillic, symbols, and astral-plane characters.
    const code = k < 0.5 ? rng.int(32, 126) : k < 0.6 ? rng.int(0, 31) : k < 0.8 ? rng.int(0x400, 0x4ff) : k < 0.95 ? rng.int(0x2000, 0x2bff) : rng.int(0x1f300, 0x1faff);
    s += String.fromCodePoint(code);
  }
  return s;
}

/** Values /lang would accept: the fuzz must not switch a chat's language by chance. */
const LANG_VALUES = new Set(['ru', 'en']);

/** A whole message: what the fuzz posts as a command, an option value or an answer. */
export function commandLine(rng: Rng, commands: readonly CommandDefinition[], o: { private: boolean }): string {
  const r = rng.next();
  const cmd = rng.choice(commands);
  let line: string;
  if (r < 0.4) {
    line = `/${cmd.name} ${nastyString(rng)}`;
  } else if (r < 0.6 && cmd.options.length > 0) {
    const opt = rng.choice(cmd.options);
    line = `/${cmd.name} ${opt.name}:${nastyString(rng)}`;
  } else if (r < 0.7) {
    // An unknown command made of nasty characters.
    line = `/${nastyString(rng).replace(/\s/g, '').slice(0, 40) || 'x'}`;
  } else if (r < 0.85) {
    line = `/answer ${nastyString(rng)}`;
  } else if (o.private) {
    line = nastyString(rng);
  } else {
    line = `/${cmd.name} ${nastyString(rng)} ${nastyString(rng)}`;
  }
  // A round would keep talking into later cases, and /lang en|ru would change the chat's language.
  const words = line.trim().split(/\s+/);
  if (words[0] === '/lang' && words.slice(1).some((w) => LANG_VALUES.has(w.replace(/^[^:]*:/, '').toLowerCase()))) return '/lang ??';
  if (words[0] === '/round' && words.length === 1) return '/round ??';
  return line;
}
