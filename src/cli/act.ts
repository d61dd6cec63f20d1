/**
 * `gradbot act <id|alias> --at x1,x2,... [--json] [--lang ru|en]`: an activation and its
 * derivative at the given points, straight from the registry.
 * `gradbot act --list [--json] [--lang ru|en]`: every activation with its aliases and formulas.
 *
 * JSON shapes (a contract for scripts):
 *   act relu --at -1,0,2 --json  ->  {"id": "relu", "x": [...], "f": [...], "df": [...]}
 *   act --list --json            ->  [{"id", "aliases", "name": {"en", "ru"}, "formula", "derivative"}]
 */
import { ACTIVATIONS, getActivation, type Activation } from '../core/activations/index.js';
import { defineMessages, type Lang, type LocalizedText } from '../core/errors.js';
import { EXIT_OK, langOption, parseCliArgs, printJson, type CliCommand, type CliIo } from './shared.js';

/** More points than anyone reads; keeps a typo like --at 1e9 copies from printing forever. */
export const MAX_POINTS = 1000;

const msg = defineMessages('act', {
  missing_name: {
    en: 'Name an activation, e.g. gradbot act relu --at -1,0,2, or list them all with gradbot act --list.',
    ru: 'Укажите функцию активации, например gradbot act relu --at -1,0,2, или посмотрите список: gradbot act --list.',
  },
  missing_at: {
    en: 'Give the points with --at, e.g. gradbot act {id} --at -2,0,1.5.',
    ru: 'Укажите точки через --at, например gradbot act {id} --at -2,0,1.5.',
  },
  bad_point: {
    en: 'Point {index} of --at is "{value}", not a finite number. Give comma-separated numbers, e.g. --at -2,0,1.5.',
    ru: 'Точка {index} в --at — «{value}», это не конечное число. Перечислите числа через запятую, например --at -2,0,1.5.',
  },
  too_many_points: {
    en: '--at has {count} points; at most {max} are allowed.',
    ru: 'В --at {count} точек; допускается не больше {max}.',
  },
  list_and_name: {
    en: 'Use either --list or an activation name ("{name}"), not both.',
    ru: 'Укажите либо --list, либо имя функции («{name}»), но не оба сразу.',
  },
});

const TEXT: Record<'id' | 'name' | 'aliases' | 'formula' | 'derivative', LocalizedText> = {
  id: { en: 'id', ru: 'id' },
  name: { en: 'name', ru: 'название' },
  aliases: { en: 'aliases', ru: 'синонимы' },
  formula: { en: 'formula', ru: 'формула' },
  derivative: { en: 'derivative', ru: 'производная' },
};

/** Parses "-2, 0,1.5" into numbers; names the first bad entry (1-based) if any. */
export function parsePoints(spec: string): number[] {
  const parts = spec.split(',');
  if (parts.length > MAX_POINTS) throw msg.error('too_many_points', { count: parts.length, max: MAX_POINTS });
  return parts.map((raw, i) => {
    const s = raw.trim();
    const x = Number(s);
    if (s === '' || !Number.isFinite(x)) throw msg.error('bad_point', { index: i + 1, value: s });
    return x;
  });
}

/**
 * `--at -2,0` would make parseArgs read "-2,0" as an option; glue the value on
 * (`--at=-2,0`) so negative points work without the `=` form.
 */
function glueAtValue(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    if (a === '--at' && next !== undefined && !next.startsWith('--')) {
      out.push(`--at=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** Numbers for people: up to 8 significant digits, no trailing zeros. */
function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(8)));
}

/** Left-aligned columns separated by two spaces. */
function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length))).join('  '))
    .join('\n');
}

/** The --list entry shape. */
function listEntry(a: Activation) {
  return { id: a.id, aliases: [...a.aliases], name: { en: a.name.en, ru: a.name.ru }, formula: a.formula.text, derivative: a.derivative.text };
}

function printList(io: CliIo, json: boolean, lang: Lang): void {
  if (json) {
    printJson(io, ACTIVATIONS.map(listEntry));
    return;
  }
  const head = [TEXT.id[lang], TEXT.name[lang], TEXT.formula[lang], TEXT.aliases[lang]];
  const rows = ACTIVATIONS.map((a) => [a.id, a.name[lang], a.formula.text, a.aliases.join(', ')]);
  io.out(table([head, ...rows]));
}

function printValues(io: CliIo, a: Activation, xs: number[], json: boolean, lang: Lang): void {
  const f = xs.map((x) => a.f(x));
  const df = xs.map((x) => a.df(x));
  if (json) {
    printJson(io, { id: a.id, x: xs, f, df });
    return;
  }
  const rows = xs.map((x, i) => [fmt(x), fmt(f[i]!), fmt(df[i]!)]);
  io.out(
    [
      `${a.id}: ${a.name[lang]}`,
      `  ${TEXT.formula[lang]}: ${a.formula.text}`,
      `  ${TEXT.derivative[lang]}: ${a.derivative.text}`,
      '',
      table([['x', 'f(x)', "f'(x)"], ...rows]),
    ].join('\n'),
  );
}

export const command: CliCommand = {
  name: 'act',
  summary: 'An activation function and its derivative at given points, or the list of all activations.',
  usage: [
    'Usage:',
    '  gradbot act <id|alias> --at x1,x2,... [--json] [--lang ru|en]',
    '  gradbot act --list [--json] [--lang ru|en]',
    '',
    'Examples:',
    '  gradbot act relu --at -1,0,2 --json',
    '  gradbot act "leaky relu" --at -2,0.5',
    '  gradbot act --list --lang ru',
  ].join('\n'),
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCliArgs('act', glueAtValue(argv), {
      at: { type: 'string' },
      list: { type: 'boolean' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const lang = langOption(values.lang);
    const json = values.json === true;
    // Several words form one name, so `gradbot act leaky relu --at 1` works without quotes.
    const name = positionals.join(' ').trim();
    if (values.list === true) {
      if (name !== '') throw msg.error('list_and_name', { name });
      printList(io, json, lang);
      return EXIT_OK;
    }
    if (name === '') throw msg.error('missing_name');
    const activation = getActivation(name);
    if (values.at === undefined) throw msg.error('missing_at', { id: activation.id });
    printValues(io, activation, parsePoints(values.at), json, lang);
    return EXIT_OK;
  },
};
