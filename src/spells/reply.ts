/**
 * What the spell generator says, in Russian or English: the invented names with their
 * labels and the model's losses, and the lines of the "which list is which?" game. Pure
 * (result + language -> text), so the CLI and every chat door say the same thing.
 */
import { renderMessage, type Lang, type LocalizedText } from '../core/errors.js';
import type { WhichListGame } from './game.js';
import type { NoveltyLabel } from './novelty.js';
import type { SpellsResult } from './service.js';

const TEXT = {
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
} satisfies Record<string, LocalizedText>;

function t(key: keyof typeof TEXT, lang: Lang, params: Record<string, string | number> = {}): string {
  return renderMessage({ code: key, params, text: TEXT[key] }, lang);
}

/** "copied" / "near" / "new" in the chat's language. */
export function spellLabel(label: NoveltyLabel, lang: Lang): string {
  return t(label, lang);
}

/** The names, one per line with its label in a column, without the title and the losses. */
export function spellNameLines(result: Pick<SpellsResult, 'names'>, lang: Lang): string[] {
  const width = Math.max(...result.names.map((n) => Array.from(n.name).length), 4);
  return result.names.map((n) => `  ${n.name.padEnd(width)}  ${spellLabel(n.label, lang)}`);
}

/** The losses line and the training line. */
export function spellStatsLines(result: SpellsResult, lang: Lang): string[] {
  return [t('losses', lang, { ...result.nll, ...result.baseline_nll }), t('trained', lang, { steps: result.steps, seconds: result.seconds })];
}

/** The whole answer to `/spells`: the list's title, the labelled names, the losses. */
export function spellsText(result: SpellsResult, title: LocalizedText, lang: Lang): string {
  return [title[lang], '', ...spellNameLines(result, lang), '', ...spellStatsLines(result, lang)].join('\n');
}

/** The game's question and its two lists (what players see before they answer). */
export function whichListQuestionLines(game: WhichListGame, lang: Lang): string[] {
  const lines = [game.question[lang], ''];
  for (const l of game.lists) lines.push(`${t('list', lang, { label: l.label })}:`, ...l.names.map((n) => `  ${n}`), '');
  return lines;
}

/** The reveal: which list came from which model, with real examples of both. */
export function whichListRevealLines(game: WhichListGame, lang: Lang): string[] {
  const s = game.reveal.sources;
  const lines = [t('answer', lang, { label: game.answer, a: 'A', ta: s.A.title[lang], b: 'B', tb: s.B.title[lang] })];
  for (const k of ['A', 'B'] as const) lines.push(t('examples', lang, { title: s[k].title[lang], names: game.reveal.examples[k].join(', ') }));
  return lines;
}

/** Question, lists and reveal at once (the CLI prints the whole game). */
export function whichListGameText(game: WhichListGame, lang: Lang): string {
  return [...whichListQuestionLines(game, lang), ...whichListRevealLines(game, lang)].join('\n');
}
