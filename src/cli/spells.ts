/**
 * `gradbot spells`: invents spell names with a character-level network (issue 6).
 *
 *   spells [--dataset dnd|hp|<file>] [--count N] [--temperature T] [--top-k K] [--seed N] [--steps N] [--json]
 *   spells game [--seed N] [--json]
 *
 * Models are trained in this process (a couple of seconds) and cached under GRADBOT_DATA_DIR
 * (default ./data), so the second run answers at once.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { renderMessage, type Lang, type LocalizedMessage, type LocalizedText } from '../core/errors.js';
import { isBuiltinId, type NameDataset } from '../spells/datasets.js';
import { msg } from '../spells/messages.js';
import { SpellService } from '../spells/service.js';
import { datasetFromUpload, NAME_LIST_LIMITS } from '../spells/upload.js';
import { EXIT_OK, langOption, numberOption, parseCliArgs, printJson, badArgs, unexpectedArgument, type CliCommand, type CliIo } from './shared.js';

const OPTIONS = {
  dataset: { type: 'string' },
  count: { type: 'string' },
  temperature: { type: 'string' },
  'top-k': { type: 'string' },
  seed: { type: 'string' },
  steps: { type: 'string' },
  column: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
} as const;

const TEXT: Record<string, LocalizedText> = {
  losses: {
    en: 'Loss per character (nats): train {train}, dev {dev}; bigram baseline {bigram}, uniform guess {uniform}.',
    ru: 'Ошибка на символ (наты): обучение {train}, проверка {dev}; биграммы {bigram}, равномерное угадывание {uniform}.',
  },
  trained: { en: '{steps} training steps, {seconds} s.', ru: '{steps} шагов обучения, {seconds} с.' },
  copied: { en: 'copied', ru: 'копия' },
  near: { en: 'near', ru: 'почти копия' },
  new: { en: 'new', ru: 'новое' },
  list: { en: 'List {label}', ru: 'Список {label}' },
  answer: { en: 'Answer: list {label}. List {a} came from {ta}; list {b} from {tb}.', ru: 'Ответ: список {label}. Список {a} — от модели «{ta}», список {b} — «{tb}».' },
  examples: { en: 'Real examples of {title}: {names}', ru: 'Настоящие примеры ({title}): {names}' },
};

function t(key: string, lang: Lang, params: Record<string, string | number> = {}): string {
  const text = TEXT[key];
  return text ? renderMessage({ code: key, params, text }, lang) : key;
}

function intOption(name: string, value: string | undefined): number | undefined {
  const n = numberOption(name, value);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n)) {
    throw badArgs(
      'spells',
      { en: 'Option --{option} expects a whole number, got "{value}"', ru: 'Параметр --{option} ожидает целое число, а получено «{value}»' },
      { option: name, value: String(value) },
    );
  }
  return n;
}

/** `--dataset dnd|hp|<file>` as a dataset. */
async function loadDataset(service: SpellService, ref: string, column: string | undefined): Promise<NameDataset> {
  if (isBuiltinId(ref.trim().toLowerCase())) return service.dataset(ref);
  let size: number;
  try {
    const s = await stat(ref);
    if (!s.isFile()) throw new Error('not a file');
    size = s.size;
  } catch {
    // Neither a shipped list nor a file: say both.
    if (!/[./\\]/.test(ref)) throw msg.error('unknown_dataset', { name: ref });
    throw msg.error('file_not_found', { path: ref });
  }
  if (size > NAME_LIST_LIMITS.maxBytes) throw msg.error('file_too_large', { size, limit: NAME_LIST_LIMITS.maxBytes });
  const bytes = new Uint8Array(await readFile(ref));
  return datasetFromUpload(bytes, { filename: basename(ref), ...(column !== undefined ? { column } : {}) });
}

async function runGame(service: SpellService, seed: number, steps: number | undefined, json: boolean, lang: Lang, io: CliIo): Promise<number> {
  const game = await service.whichListGame(seed, steps !== undefined ? { steps } : {});
  if (json) {
    printJson(io, game);
    return EXIT_OK;
  }
  const lines = [game.question[lang], ''];
  for (const l of game.lists) lines.push(`${t('list', lang, { label: l.label })}:`, ...l.names.map((n) => `  ${n}`), '');
  const s = game.reveal.sources;
  lines.push(t('answer', lang, { label: game.answer, a: 'A', ta: s.A.title[lang], b: 'B', tb: s.B.title[lang] }));
  for (const k of ['A', 'B'] as const) lines.push(t('examples', lang, { title: s[k].title[lang], names: game.reveal.examples[k].join(', ') }));
  io.out(lines.join('\n'));
  return EXIT_OK;
}

export const command: CliCommand = {
  name: 'spells',
  summary: 'Invent spell names with a character-level network; play "which list is which?"',
  usage: [
    'Usage: gradbot spells [--dataset dnd|hp|<file>] [--count N] [--temperature T] [--top-k K] [--seed N] [--steps N] [--json]',
    '       gradbot spells game [--seed N] [--steps N] [--json]',
    '',
    '  --dataset      dnd (D&D SRD spells, default), hp (Harry Potter spells), or a .txt file with one',
    '                 name per line / a .csv file (20 to 20,000 names, at most 64 characters each)',
    '  --column       CSV only: the column with the names (header name or 1-based number)',
    '  --count        names to invent (1-100, default 10)',
    '  --temperature  0.1-2.0 (default 1): low copies more, high invents wilder names',
    '  --top-k        draw only from the k most likely characters (default: all)',
    '  --seed         seed of the drawn names and of the game (default 1); the model itself is',
    '                 always trained with seed 42 so it can be cached',
    '  --steps        training steps (default 1500, at most 10000)',
    '  --json         one JSON document: {dataset, names: [{name, label}], nll: {train, dev},',
    '                 baseline_nll: {bigram, uniform}, steps, seconds}',
    '  --lang ru|en   language of the text output and of errors',
    '',
    'Labels: copied = a real name (ignoring case); near = 1 edit from a real name (2 for names',
    'longer than 7 characters); new = anything else. Models are cached in $GRADBOT_DATA_DIR (./data).',
  ].join('\n'),
  async run(argv: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCliArgs('spells', argv, OPTIONS);
    const lang = langOption(values.lang);
    const json = values.json === true;
    const seed = intOption('seed', values.seed) ?? 1;
    const service = new SpellService();
    if (positionals[0] === 'game') {
      if (positionals.length > 1) throw unexpectedArgument('spells', positionals[1]!);
      return runGame(service, seed, intOption('steps', values.steps), json, lang, io);
    }
    if (positionals.length > 0) throw unexpectedArgument('spells', positionals[0]!);
    const ds = await loadDataset(service, values.dataset ?? 'dnd', values.column);
    // Warnings (e.g. a guessed encoding) go to stderr so --json output stays one document.
    for (const w of 'warnings' in ds ? (ds.warnings as LocalizedMessage[]) : []) io.err(`gradbot spells: ${renderMessage(w, lang)}`);
    const topK = intOption('top-k', values['top-k']);
    const count = intOption('count', values.count);
    const temperature = numberOption('temperature', values.temperature);
    const steps = intOption('steps', values.steps);
    const result = await service.spells(
      ds,
      {
        seed,
        ...(count !== undefined ? { count } : {}),
        ...(temperature !== undefined ? { temperature } : {}),
        ...(topK !== undefined ? { topK } : {}),
      },
      steps !== undefined ? { steps } : {},
    );
    if (json) {
      printJson(io, result);
      return EXIT_OK;
    }
    const width = Math.max(...result.names.map((n) => Array.from(n.name).length), 4);
    io.out(
      [
        ds.title[lang],
        '',
        ...result.names.map((n) => `  ${n.name.padEnd(width)}  ${t(n.label, lang)}`),
        '',
        t('losses', lang, { ...result.nll, ...result.baseline_nll }),
        t('trained', lang, { steps: result.steps, seconds: result.seconds }),
      ].join('\n'),
    );
    return EXIT_OK;
  },
};
