/**
 * `gradbot spells`: invents spell names with a character-level network (issue 6).
 *
 *   spells [--dataset dnd|hp|<file>] [--count N] [--temperature T] [--top-k K] [--seed N] [--steps N] [--json]
 *   spells game [--seed N] [--json]
 *
 * Models are trained in this process (a couple of seconds) and cached under the configured
 * data directory (GRADBOT_DATA_DIR, default ./data), so the second run answers at once.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadConfig } from '../config.js';
import { renderMessage, type Lang, type LocalizedMessage } from '../core/errors.js';
import { numberValue, stringValue, unexpectedArgument } from '../options/parse-cli.js';
import type { OptionSpec } from '../options/types.js';
import { isBuiltinId, type NameDataset } from '../spells/datasets.js';
import { msg } from '../spells/messages.js';
import { SPELLS_OPTIONS, SPELLS_STEPS_OPTION } from '../spells/option-specs.js';
import { spellsText, whichListGameText } from '../spells/reply.js';
import { SpellService } from '../spells/service.js';
import { datasetFromUpload, NAME_LIST_LIMITS } from '../spells/upload.js';
import { EXIT_OK, printJson, type CliCommand, type CliIo } from './shared.js';

/** On the command line the dataset may also be a file, so its choices are not enforced here. */
const CLI_DATASET: OptionSpec = {
  name: 'dataset',
  type: 'string',
  default: 'dnd',
  example: 'dnd|hp|<file>',
  description: {
    en: 'dnd (D&D SRD spells), hp (Harry Potter spells), or a .txt file with one name per line / a .csv file (20 to 20,000 names, at most 64 characters each)',
    ru: 'dnd (заклинания D&D SRD), hp (заклинания из «Гарри Поттера») или файл .txt с одним названием в строке / файл .csv (от 20 до 20 000 названий, не длиннее 64 символов)',
  },
};

const OPTIONS: readonly OptionSpec[] = [
  ...SPELLS_OPTIONS.map((o) => (o.name === 'dataset' ? CLI_DATASET : o)),
  SPELLS_STEPS_OPTION,
  {
    name: 'column',
    type: 'string',
    description: { en: 'CSV only: the column with the names (header name or 1-based number)', ru: 'только для CSV: столбец с названиями (заголовок или номер с 1)' },
  },
];

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
  if (json) printJson(io, game);
  else io.out(whichListGameText(game, lang));
  return EXIT_OK;
}

export const command: CliCommand = {
  name: 'spells',
  summary: 'Invent spell names with a character-level network; play "which list is which?"',
  usage: [
    'Usage: gradbot spells [--dataset dnd|hp|<file>] [--count N] [--temperature T] [--top-k K] [--seed N] [--steps N] [--json]',
    '       gradbot spells game [--seed N] [--steps N] [--json]',
    '',
    '--json prints one document: {dataset, names: [{name, label}], nll: {train, dev},',
    'baseline_nll: {bigram, uniform}, steps, seconds}.',
    'Labels: copied = a real name (ignoring case); near = 1 edit from a real name (2 for names',
    'longer than 7 characters); new = anything else. Models are cached in $GRADBOT_DATA_DIR (./data).',
  ].join('\n'),
  options: OPTIONS,
  async run({ values, positionals }, io, { lang, json }): Promise<number> {
    const seed = numberValue(values, 'seed') ?? 1;
    const steps = numberValue(values, 'steps');
    const service = new SpellService({ dataDir: loadConfig().dataDir });
    if (positionals[0] === 'game') {
      if (positionals.length > 1) throw unexpectedArgument('spells', positionals[1]!);
      return runGame(service, seed, steps, json, lang, io);
    }
    if (positionals.length > 0) throw unexpectedArgument('spells', positionals[0]!);
    const ds = await loadDataset(service, stringValue(values, 'dataset') ?? 'dnd', stringValue(values, 'column'));
    // Warnings (e.g. a guessed encoding) go to stderr so --json output stays one document.
    for (const w of 'warnings' in ds ? (ds.warnings as LocalizedMessage[]) : []) io.err(`gradbot spells: ${renderMessage(w, lang)}`);
    const topK = numberValue(values, 'top_k');
    const count = numberValue(values, 'count');
    const temperature = numberValue(values, 'temperature');
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
    if (json) printJson(io, result);
    else io.out(spellsText(result, ds.title, lang));
    return EXIT_OK;
  },
};
