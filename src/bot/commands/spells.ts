/**
 * `/spells [dataset] [count] [temperature]`: names invented by a character-level network
 * trained on a list (D&D or Harry Potter spells, or an attached list of the class's own),
 * each labelled copied / near / new. Models are trained in the pool once and cached; a list
 * that needs training shows a progress message meanwhile.
 */
import { renderMessage } from '../../core/errors.js';
import type { NameDataset } from '../../spells/datasets.js';
import { msg as spellsMsg } from '../../spells/messages.js';
import { SPELLS_COUNT_OPTION, SPELLS_DATASET_OPTION, SPELLS_TEMPERATURE_OPTION } from '../../spells/option-specs.js';
import { spellNameLines, spellStatsLines } from '../../spells/reply.js';
import { datasetFromUpload, NAME_LIST_LIMITS } from '../../spells/upload.js';
import type { BotCommand, CommandContext } from '../command.js';
import { downloadChecked, uploadLimit } from '../features/attachments.js';
import { CANCEL_ACTION, cancelPress } from '../features/cancel-button.js';
import { withSpellTraining } from '../features/spell-training.js';
import type { RichText } from '../types.js';

/** The list to learn from: an attached file (size checked before download) or a shipped list. */
async function datasetOf(ctx: CommandContext): Promise<{ ds: NameDataset; notes: string[] }> {
  const file = ctx.attachments[0];
  if (!file) return { ds: ctx.services.spells.dataset(String(ctx.options.dataset ?? 'dnd')), notes: [] };
  const bytes = await downloadChecked(file, uploadLimit(ctx, NAME_LIST_LIMITS.maxBytes), (size, limit) =>
    spellsMsg.error('file_too_large', { size, limit }),
  );
  const ds = datasetFromUpload(bytes, { filename: file.name });
  return { ds, notes: ds.warnings.map((w) => renderMessage(w, ctx.lang)) };
}

export const command: BotCommand = {
  name: 'spells',
  description: {
    en: 'Invent spell names with a small neural network',
    ru: 'Придумать названия заклинаний небольшой нейросетью',
  },
  options: [
    SPELLS_DATASET_OPTION,
    SPELLS_COUNT_OPTION,
    SPELLS_TEMPERATURE_OPTION,
    {
      name: 'names',
      type: 'attachment',
      description: {
        en: `your own list instead: a .txt with one name per line or a .csv (${NAME_LIST_LIMITS.minNames} to ${NAME_LIST_LIMITS.maxNames} names)`,
        ru: `или свой список: .txt с одним названием в строке или .csv (от ${NAME_LIST_LIMITS.minNames} до ${NAME_LIST_LIMITS.maxNames} названий)`,
      },
    },
  ],
  examples: ['/spells dnd 10 0.8', '/spells hp 5 1.2'],
  actions: { [CANCEL_ACTION]: cancelPress },
  async run(ctx) {
    const { ds, notes } = await datasetOf(ctx);
    const gen = {
      ...(typeof ctx.options.count === 'number' ? { count: ctx.options.count } : {}),
      ...(typeof ctx.options.temperature === 'number' ? { temperature: ctx.options.temperature } : {}),
      // A new draw each time; the same seed would give the same names.
      seed: ctx.services.now(),
    };
    const result = await withSpellTraining(ctx, [ds], (hooks) => ctx.services.spells.spells(ds, gen, {}, hooks));
    if (!result) return;
    // Names (and an uploaded list's title, which carries its file name) are user text: plain spans.
    const text: RichText = [ds.title[ctx.lang], '\n\n', spellNameLines(result, ctx.lang).join('\n'), '\n\n', spellStatsLines(result, ctx.lang).join('\n')];
    for (const note of notes) text.push('\n', note);
    await ctx.send(text);
  },
};
