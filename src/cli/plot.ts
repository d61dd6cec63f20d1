/**
 * `gradbot plot <id|expr>[,<id|expr>...] [--from A --to B] [--no-derivative] [--lang ru|en] --out file.png`
 * `gradbot plot --all --out DIR`: one PNG per registry activation, named `<id>.png`.
 *
 * Expressions and range ends start with a minus sign (`-x^2`, `--from -3`): the parser takes
 * them as positionals and values (src/options/parse-cli.ts).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ACTIVATION_IDS } from '../core/activations/index.js';
import { defineMessages } from '../core/errors.js';
import { booleanValue, numberValue, stringValue } from '../options/parse-cli.js';
import type { OptionSpec } from '../options/types.js';
import { splitItems } from '../render/charts/plot-data.js';
import { PLOT_FROM_OPTION, PLOT_TO_OPTION } from '../render/option-specs.js';
import { renderPicture } from '../render/render.js';
import { fileMsg, writeUserFile } from './files.js';
import { EXIT_OK, printJson, type CliCommand } from './shared.js';

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
});

const OPTIONS: readonly OptionSpec[] = [
  PLOT_FROM_OPTION,
  PLOT_TO_OPTION,
  { name: 'derivative', type: 'boolean', default: true, description: { en: "draw f only, without f′ dashed", ru: 'рисовать только f, без пунктира f′' } },
  { name: 'all', type: 'boolean', description: { en: 'one <id>.png per activation into the --out directory', ru: 'по картинке <id>.png на каждую активацию в папку --out' } },
  { name: 'out', type: 'string', example: 'file.png', description: { en: 'the PNG file to write (with --all: a directory)', ru: 'PNG-файл, куда сохранить (с --all — папка)' } },
  { name: 'width', type: 'integer', description: { en: 'picture width in pixels (default 800)', ru: 'ширина картинки в пикселях (по умолчанию 800)' } },
  { name: 'height', type: 'integer', description: { en: 'picture height in pixels (default 450)', ru: 'высота картинки в пикселях (по умолчанию 450)' } },
];

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
  options: OPTIONS,
  async run({ values, positionals }, io, { lang, json }): Promise<number> {
    const out = stringValue(values, 'out');
    if (out === undefined || out === '') throw msg.error('missing_out');
    const from = numberValue(values, 'from');
    const to = numberValue(values, 'to');
    const width = numberValue(values, 'width');
    const height = numberValue(values, 'height');
    const base = {
      lang,
      derivative: booleanValue(values, 'derivative'),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      ...(width !== undefined ? { width } : {}),
      ...(height !== undefined ? { height } : {}),
    };
    const written: string[] = [];
    if (booleanValue(values, 'all')) {
      if (positionals.length > 0) throw msg.error('all_with_functions');
      await mkdir(out, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
        throw fileMsg.error('cannot_write', { path: out, detail: e.code ?? e.message });
      });
      for (const id of ACTIVATION_IDS) {
        const path = join(out, `${id}.png`);
        await writeUserFile(path, await renderPicture({ kind: 'plot', items: [id], ...base }));
        written.push(path);
      }
    } else {
      // An unquoted expression arrives in pieces (x^3 - 2*x): glue them back with spaces.
      const list = positionals.join(' ').trim();
      if (list === '') throw msg.error('missing_functions');
      await writeUserFile(out, await renderPicture({ kind: 'plot', items: splitItems(list), ...base }));
      written.push(out);
    }
    if (json) printJson(io, { files: written });
    else io.out(written.join('\n'));
    return EXIT_OK;
  },
};
