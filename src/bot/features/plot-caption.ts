/**
 * The caption of a `/plot` picture: for each activation its name, formula, derivative and
 * teaching note, all from the activation registry; for an expression in x, the expression as
 * typed (user text: a plain span, escaped by the door) and where its derivative comes from.
 */
import { ACTIVATIONS, findActivation } from '../../core/activations/index.js';
import type { Lang } from '../../core/errors.js';
import { b, code } from '../rich-text.js';
import type { RichText } from '../types.js';

const WORDS = {
  expression: { en: 'Expression in x', ru: 'Выражение от x' },
  derivativeByAutograd: {
    en: "f′(x) (dashed) is computed by backpropagation through the expression's graph.",
    ru: 'f′(x) (пунктир) вычислена обратным распространением по графу выражения.',
  },
  legend: { en: 'Solid line: f(x); dashed: f′(x).', ru: 'Сплошная линия — f(x), пунктир — f′(x).' },
  listTitle: { en: 'Activations /plot knows (id — name):', ru: 'Функции активации, которые знает /plot (id — название):' },
  listHint: {
    en: 'Any of them, an alias or an expression in x: /plot relu,gelu -3 3',
    ru: 'Любую из них, синоним или выражение от x: /plot relu,gelu -3 3',
  },
} as const;

/** The caption for the plotted items (in the order given). */
export function plotCaption(items: readonly string[], lang: Lang): RichText {
  const out: RichText = [];
  items.forEach((item, i) => {
    if (i > 0) out.push('\n\n');
    const act = findActivation(item);
    if (act) {
      out.push(b(act.name[lang]), '\n', code(act.formula.text), '\n', code(act.derivative.text), '\n', act.notes[lang]);
    } else {
      out.push(b(WORDS.expression[lang]), ': f(x) = ', item, '\n', WORDS.derivativeByAutograd[lang]);
    }
  });
  out.push('\n\n', WORDS.legend[lang]);
  return out;
}

/** `/plot list`: every activation id with its name. */
export function activationList(lang: Lang): RichText {
  const out: RichText = [b(WORDS.listTitle[lang])];
  for (const a of ACTIVATIONS) out.push('\n', code(a.id), ` — ${a.name[lang]}`);
  out.push('\n\n', WORDS.listHint[lang]);
  return out;
}
