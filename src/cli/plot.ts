/**
 * `gradbot plot <id|expr>[,<id|expr>...] [--from A --to B] [--no-derivative] [--lang ru|en] --out file.png`
 * `gradbot plot --all --out DIR`: one PNG per registry activation, named `<id>.png`.
 *
 * Options are split by hand (as in `grad`): expressions and range ends start with a minus
 * sign (`-x^2`, `--from -3`), which node:util's parseArgs would take for options.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ACTIVATION_IDS } from '../core/activations/index.js';
import { defineMessages, type Lang } from '../core/errors.js';
import { splitItems } from '../render/charts/plot-data.js';
import { renderPicture } from '../render/render.js';
import { EXIT_OK, missingOptionValue, unknownOption, langOption, numberOption, printJson, type CliCommand, type CliIo } from './shared.js';

const msg = defineMessages('plot', {
  missing_out: {
    en: 'Give the output with --out, e.g. --out relu.png (with --all: a directory).',
    ru: 'Укажите, куда сохранить, через --out, например --out relu.png (с --all — папку).',
  },
  missing_functions: {
    en: 'Give functions to plot, e.g. gradbot plot relu,gelu --out cmp.png, or --all --out DIR.',
    ru: 'Укажите функции, например gradbot plot relu,gelu --out cmp.png, или --all --out ПАПКА.',
  },
  all_with_functions: {
    en: '--all draws every activation; do not list functions with it.',
    ru: '--all рисует все активации; не перечисляйте функции вместе с ним.',
  },
  write_failed: {
    en: 'Could not write "{path}": {detail}.',
    ru: 'Не удалось записать «{path}»: {detail}.',
  },
});

/** Parsed command line: options with values, flags, and positionals. */
export interface HandArgs {
  values: Record<string, string>;
  flags: Set<string>;
  positionals: string[];
}

/**
 * Splits argv: `--name value` / `--name=value` for the listed value options, bare `--flag`
 * for the listed flags; everything else (including `-x^2`) is a positional.
 */
export function parseHandArgs(command: string, argv: readonly string[], valueOptions: readonly string[], flags: readonly string[]): HandArgs {
  const out: HandArgs = { values: {}, flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (valueOptions.includes(name)) {
      const v = eq < 0 ? argv[++i] : a.slice(eq + 1);
      if (v === undefined) throw missingOptionValue(command, `--${name}`);
      out.values[name] = v;
    } else if (flags.includes(name) && eq < 0) {
      out.flags.add(name);
    } else {
      throw unknownOption(command, a);
    }
  }
  return out;
}

/** Writes bytes, turning file-system errors into a UserInputError naming the path. */
export async function writeOutput(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw msg.error('write_failed', { path, detail });
  }
}

export const command: CliCommand = {
  name: 'plot',
  summary: 'Draw activations or expressions in x (f solid, f′ dashed) to a PNG',
  usage: [
    'Usage: gradbot plot <id|expr>[,<id|expr>...] [--from A --to B] [--no-derivative] [--lang ru|en] --out file.png',
    '       gradbot plot --all --out DIR        (one <id>.png per activation)',
    '',
    'Examples: gradbot plot relu --out relu.png',
    '          gradbot plot relu,gelu,silu --no-derivative --out cmp.png',
    '          gradbot plot "x^3 - 2*x" --from -3 --to 3 --out cubic.png',
    'Default range [-5, 5]; ends within [-1000, 1000]. Commas inside brackets, max(x, 0), do not split.',
    '--json prints {"files": [...]} instead of one line per file.',
  ].join('\n'),
  async run(argv: string[], io: CliIo): Promise<number> {
    const args = parseHandArgs('plot', argv, ['from', 'to', 'lang', 'out', 'width', 'height'], ['all', 'no-derivative', 'derivative', 'json']);
    const lang: Lang = langOption(args.values.lang);
    const out = args.values.out;
    if (out === undefined || out === '') throw msg.error('missing_out');
    const base = {
      lang,
      derivative: !args.flags.has('no-derivative'),
      ...(args.values.from !== undefined ? { from: numberOption('from', args.values.from)! } : {}),
      ...(args.values.to !== undefined ? { to: numberOption('to', args.values.to)! } : {}),
      ...(args.values.width !== undefined ? { width: numberOption('width', args.values.width)! } : {}),
      ...(args.values.height !== undefined ? { height: numberOption('height', args.values.height)! } : {}),
    };
    const written: string[] = [];
    if (args.flags.has('all')) {
      if (args.positionals.length > 0) throw msg.error('all_with_functions');
      await mkdir(out, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
        throw msg.error('write_failed', { path: out, detail: e.code ?? e.message });
      });
      for (const id of ACTIVATION_IDS) {
        const path = join(out, `${id}.png`);
        await writeOutput(path, await renderPicture({ kind: 'plot', items: [id], ...base }));
        written.push(path);
      }
    } else {
      // An unquoted expression arrives in pieces (x^3 - 2*x): glue them back with spaces.
      const list = args.positionals.join(' ').trim();
      if (list === '') throw msg.error('missing_functions');
      await writeOutput(out, await renderPicture({ kind: 'plot', items: splitItems(list), ...base }));
      written.push(out);
    }
    if (args.flags.has('json')) printJson(io, { files: written });
    else io.out(written.join('\n'));
    return EXIT_OK;
  },
};
