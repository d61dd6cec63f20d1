/**
 * `gradbot act <id|alias> --at x1,x2,... [--json] [--lang ru|en]`: an activation and its
 * derivative at the given points, straight from the registry.
 * `gradbot act --list [--json] [--lang ru|en]`: every activation with its aliases and formulas.
 *
 * The text of `act <id> --at ...` also gives the range, the properties and the teaching notes.
 *
 * JSON shapes (a contract for scripts; `range`, `properties` and `notes` were added later):
 *   act relu --at -1,0,2 --json  ->  {"id": "relu", "x": [...], "f": [...], "df": [...]}
 *   act --list --json            ->  [{"id", "aliases", "name": {"en", "ru"}, "formula", "derivative",
 *                                      "range", "properties", "notes": {"en", "ru"}}]
 */
import { ACTIVATIONS, getActivation, type Activation, type ActivationProperties } from '../core/activations/index.js';
import { defineMessages, type Lang, type LocalizedText } from '../core/errors.js';
import type { OptionSpec } from '../options/types.js';
import { stringValue, booleanValue } from '../options/parse-cli.js';
import { EXIT_OK, printJson, type CliCommand, type CliIo } from './shared.js';

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

const TEXT = {
  id: { en: 'id', ru: 'id' },
  name: { en: 'name', ru: 'название' },
  aliases: { en: 'aliases', ru: 'синонимы' },
  formula: { en: 'formula', ru: 'формула' },
  derivative: { en: 'derivative', ru: 'производная' },
  range: { en: 'range', ru: 'область значений' },
  properties: { en: 'properties', ru: 'свойства' },
  notes: { en: 'notes', ru: 'заметки' },
  yes: { en: 'yes', ru: 'да' },
  no: { en: 'no', ru: 'нет' },
} satisfies Record<string, LocalizedText>;

/** The registry's yes/no properties, named for people, in the order they are printed. */
const PROPERTY_NAMES: Record<keyof Omit<ActivationProperties, 'saturation'>, LocalizedText> = {
  monotonic: { en: 'monotonic', ru: 'монотонная' },
  zeroCentred: { en: 'zero-centred', ru: 'центрирована в нуле' },
  bounded: { en: 'bounded', ru: 'ограниченная' },
  saturating: { en: 'saturating', ru: 'насыщается' },
  smooth: { en: 'smooth', ru: 'гладкая' },
};

const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'at',
    type: 'string',
    example: 'x1,x2,...',
    description: { en: `points, comma-separated (at most ${MAX_POINTS})`, ru: `точки через запятую (не больше ${MAX_POINTS})` },
  },
  { name: 'list', type: 'boolean', description: { en: 'list every activation', ru: 'список всех функций активации' } },
];

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

/** The teaching facts of an entry: range, properties (with which sides saturate) and notes. */
function facts(a: Activation) {
  return { range: a.range, properties: { ...a.properties }, notes: { en: a.notes.en, ru: a.notes.ru } };
}

/** The --list entry shape. */
function listEntry(a: Activation) {
  return { id: a.id, aliases: [...a.aliases], name: { en: a.name.en, ru: a.name.ru }, formula: a.formula.text, derivative: a.derivative.text, ...facts(a) };
}

/** "monotonic: yes, zero-centred: no, ..." in the chat's language. */
function propertiesLine(p: ActivationProperties, lang: Lang): string {
  return (Object.keys(PROPERTY_NAMES) as Array<keyof typeof PROPERTY_NAMES>)
    .map((k) => `${PROPERTY_NAMES[k][lang]}: ${(p[k] ? TEXT.yes : TEXT.no)[lang]}`)
    .join(', ');
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
      `  ${TEXT.range[lang]}: ${a.range}`,
      `  ${TEXT.properties[lang]}: ${propertiesLine(a.properties, lang)}`,
      `  ${TEXT.notes[lang]}: ${a.notes[lang]}`,
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
  options: OPTIONS,
  async run({ values, positionals }, io, { lang, json }): Promise<number> {
    // Several words form one name, so `gradbot act leaky relu --at 1` works without quotes.
    const name = positionals.join(' ').trim();
    const at = stringValue(values, 'at');
    if (booleanValue(values, 'list')) {
      if (name !== '') throw msg.error('list_and_name', { name });
      printList(io, json, lang);
      return EXIT_OK;
    }
    if (name === '') throw msg.error('missing_name');
    const activation = getActivation(name);
    if (at === undefined) throw msg.error('missing_at', { id: activation.id });
    printValues(io, activation, parsePoints(at), json, lang);
    return EXIT_OK;
  },
};
