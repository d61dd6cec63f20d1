/**
 * `/plot [functions] [from] [to]`: activations (ids, aliases) or expressions in x on one chart,
 * f solid and f′ dashed, drawn in the worker pool; the caption gives each activation's formula,
 * derivative and teaching note from the registry. `/plot list` lists the activations.
 */
import { renderInPool } from '../../render/in-pool.js';
import { PLOT_FROM_OPTION, PLOT_FUNCTIONS_OPTION, PLOT_TO_OPTION } from '../../render/option-specs.js';
import type { BotCommand } from '../command.js';
import { plotArgs } from '../features/plot-args.js';
import { activationList, plotCaption } from '../features/plot-caption.js';

/** Words that ask for the list instead of a chart (the registry's error message points to `/plot --list`). */
const LIST_WORDS = new Set(['list', '--list', 'список']);

export const command: BotCommand = {
  name: 'plot',
  description: {
    en: 'Plot activation functions or expressions in x with their derivatives',
    ru: 'График функций активации или выражений от x вместе с производными',
  },
  // The functions take the rest of the line, so `/plot x^2 - 1` and `/plot relu, gelu` reach the
  // handler whole; plotArgs peels the range off its end (`/plot relu,gelu -3 3`).
  options: [{ ...PLOT_FUNCTIONS_OPTION, rest: true }, PLOT_FROM_OPTION, PLOT_TO_OPTION],
  examples: ['/plot relu', '/plot relu,gelu -3 3', '/plot sigmoid,tanh', '/plot list'],
  async run(ctx) {
    const list = String(ctx.options.functions ?? '').trim();
    if (LIST_WORDS.has(list.toLowerCase())) {
      await ctx.send(activationList(ctx.lang));
      return;
    }
    const { items, from, to } = plotArgs(
      list,
      typeof ctx.options.from === 'number' ? ctx.options.from : undefined,
      typeof ctx.options.to === 'number' ? ctx.options.to : undefined,
    );
    await ctx.replier.typing?.();
    // Bad items (a typo, an expression that does not parse) come back from the worker as the
    // render module's or the parser's own UserInputError, rendered by the bot in the chat's language.
    const png = await renderInPool(ctx.services.pool, {
      kind: 'plot',
      items,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
      lang: ctx.lang,
    });
    await ctx.send({ text: plotCaption(items, ctx.lang), images: [{ png, name: 'plot.png', alt: items.join(', ') }] });
  },
};
