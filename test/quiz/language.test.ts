/**
 * Russian and English without mistakes: every counted noun agrees with its number (checked
 * against a Russian declension table kept here, independent of the code's forms), and no
 * English prose is left in a Russian text (names such as ReLU, SGD, Adam, variable names and
 * formulas aside). Covers the questions of every topic and level over several seeds (texts,
 * choices, hints, solutions, feedback), the quiz replies, and every defineMessages catalogue
 * under src/quiz and src/core rendered with counts 1, 2, 5, 11, 21, 22 and 111.
 */
import { describe, expect, it } from 'vitest';
import { formatTemplate, type Lang, type LocalizedText } from '../../src/core/errors.js';
import { ACTIVATIONS } from '../../src/core/activations/index.js';
import { activationMessages } from '../../src/core/activations/lookup.js';
import { exprMessages } from '../../src/core/scalar/expr-messages.js';
import { nnMessages } from '../../src/core/nn/messages.js';
import { quizMessages } from '../../src/quiz/messages.js';
import { NOUNS } from '../../src/quiz/nouns.js';
import { count, num } from '../../src/quiz/format.js';
import { generateQuestion, TOPICS } from '../../src/quiz/generate.js';
import { checkAnswer, giveUp } from '../../src/quiz/check.js';
import { questionPlainText, checkResultLine } from '../../src/quiz/reply.js';
import { TOPIC_IDS, type Question } from '../../src/quiz/types.js';

const COUNTS = [1, 2, 5, 11, 21, 22, 111];
/** Seeds per topic and level whose every text is read (9 topics × 3 levels × 40). */
export const LANGUAGE_SEEDS = 40;

/**
 * Russian nouns: singular nom, gen, dat, ins, prep; plural nom, gen, dat, ins, prep. A number
 * of category "one" takes a singular form, "few" the singular genitive (2 веса) or a plural
 * of an oblique case, "many" a plural genitive or oblique plural (5 весов, по 5 путям).
 */
const RU_NOUNS: string[][] = [
  ['вес', 'веса', 'весу', 'весом', 'весе', 'веса', 'весов', 'весам', 'весами', 'весах'],
  ['смещение', 'смещения', 'смещению', 'смещением', 'смещении', 'смещения', 'смещений', 'смещениям', 'смещениями', 'смещениях'],
  ['параметр', 'параметра', 'параметру', 'параметром', 'параметре', 'параметры', 'параметров', 'параметрам', 'параметрами', 'параметрах'],
  ['байт', 'байта', 'байту', 'байтом', 'байте', 'байты', 'байт', 'байтам', 'байтами', 'байтах'],
  ['пример', 'примера', 'примеру', 'примером', 'примере', 'примеры', 'примеров', 'примерам', 'примерами', 'примерах'],
  ['признак', 'признака', 'признаку', 'признаком', 'признаке', 'признаки', 'признаков', 'признакам', 'признаками', 'признаках'],
  ['число', 'числа', 'числу', 'числом', 'числе', 'числа', 'чисел', 'числам', 'числами', 'числах'],
  ['класс', 'класса', 'классу', 'классом', 'классе', 'классы', 'классов', 'классам', 'классами', 'классах'],
  ['вход', 'входа', 'входу', 'входом', 'входе', 'входы', 'входов', 'входам', 'входами', 'входах'],
  ['выход', 'выхода', 'выходу', 'выходом', 'выходе', 'выходы', 'выходов', 'выходам', 'выходами', 'выходах'],
  ['нейрон', 'нейрона', 'нейрону', 'нейроном', 'нейроне', 'нейроны', 'нейронов', 'нейронам', 'нейронами', 'нейронах'],
  ['раз', 'раза', 'разу', 'разом', 'разе', 'разы', 'раз', 'разам', 'разами', 'разах'],
  ['путь', 'пути', 'пути', 'путём', 'пути', 'пути', 'путей', 'путям', 'путями', 'путях'],
  ['символ', 'символа', 'символу', 'символом', 'символе', 'символы', 'символов', 'символам', 'символами', 'символах'],
  ['цифра', 'цифры', 'цифре', 'цифрой', 'цифре', 'цифры', 'цифр', 'цифрам', 'цифрами', 'цифрах'],
  ['знак', 'знака', 'знаку', 'знаком', 'знаке', 'знаки', 'знаков', 'знакам', 'знаками', 'знаках'],
  ['аргумент', 'аргумента', 'аргументу', 'аргументом', 'аргументе', 'аргументы', 'аргументов', 'аргументам', 'аргументами', 'аргументах'],
  ['строка', 'строки', 'строке', 'строкой', 'строке', 'строки', 'строк', 'строкам', 'строками', 'строках'],
  ['значение', 'значения', 'значению', 'значением', 'значении', 'значения', 'значений', 'значениям', 'значениями', 'значениях'],
  ['слой', 'слоя', 'слою', 'слоем', 'слое', 'слои', 'слоёв', 'слоям', 'слоями', 'слоях'],
  ['изображение', 'изображения', 'изображению', 'изображением', 'изображении', 'изображения', 'изображений', 'изображениям', 'изображениями', 'изображениях'],
  ['бит', 'бита', 'биту', 'битом', 'бите', 'биты', 'бит', 'битам', 'битами', 'битах'],
];

/** English nouns: singular and plural. */
const EN_NOUNS: Array<[string, string]> = [
  ['weight', 'weights'], ['bias', 'biases'], ['parameter', 'parameters'], ['byte', 'bytes'], ['sample', 'samples'], ['feature', 'features'],
  ['number', 'numbers'], ['class', 'classes'], ['input', 'inputs'], ['output', 'outputs'], ['unit', 'units'], ['time', 'times'], ['path', 'paths'],
  ['character', 'characters'], ['figure', 'figures'], ['place', 'places'], ['argument', 'arguments'], ['row', 'rows'], ['value', 'values'],
  ['layer', 'layers'], ['target', 'targets'], ['image', 'images'], ['bit', 'bits'],
];

type Category = 'one' | 'few' | 'many';
const ruRules = new Intl.PluralRules('ru');

/** The forms a Russian noun may take after a number of this category, in any case. */
function allowedRu(paradigm: string[], c: Category): Set<string> {
  const [sNom, sGen, sDat, sIns, sPrep, , pGen, pDat, pIns, pPrep] = paradigm as [string, string, string, string, string, string, string, string, string, string];
  if (c === 'one') return new Set([sNom, sGen, sDat, sIns, sPrep]);
  if (c === 'few') return new Set([sGen, pGen, pDat, pIns, pPrep, paradigm[5]!]);
  return new Set([pGen, pDat, pIns, pPrep]);
}

const RU_FORMS = new Map<string, string[]>();
for (const p of RU_NOUNS) for (const f of p) RU_FORMS.set(f, p);
const EN_FORMS = new Map<string, [string, string]>();
for (const p of EN_NOUNS) for (const f of p) EN_FORMS.set(f, p);

const ADJECTIVE = /^[а-яё]+(ых|ого|ый|ий|ой|ым|ыми|их|ему|ому|ей|ая|ие|ые)$/;

/** Every "<whole number> [adjective] <known noun>" whose noun does not agree with the number. */
export function pluralErrors(text: string, lang: Lang): string[] {
  const errors: string[] = [];
  const re =
    lang === 'ru'
      ? /(?<![\p{L}\d.,_])(\d{1,3}(?:[\u00a0\u202f ]\d{3})+|\d+)(?![.,]\d)[\u00a0 ]+([а-яё]+)(?:[\u00a0 ]+([а-яё]+))?/giu
      : /(?<![\p{L}\d.,_])(\d{1,3}(?:,\d{3})+|\d+)(?![.,]\d)[\u00a0 ]+(?:(?:hidden|input|significant|decimal|independent|trainable)[\u00a0 ]+)?([a-z]+)/giu;
  for (const m of text.matchAll(re)) {
    const n = Number(m[1]!.replace(/[\u00a0\u202f ,]/g, ''));
    if (lang === 'ru') {
      const adjective = m[3] !== undefined && ADJECTIVE.test(m[2]!.toLowerCase());
      const word = (adjective ? m[3]! : m[2]!).toLowerCase();
      const paradigm = RU_FORMS.get(word);
      if (!paradigm) continue;
      const c = ruRules.select(n) as Category;
      if (!allowedRu(paradigm, c === ('other' as Category) ? 'few' : c).has(word)) errors.push(`${m[1]} ${adjective ? `${m[2]} ` : ''}${word}`);
    } else {
      const word = m[2]!.toLowerCase();
      const pair = EN_FORMS.get(word);
      if (!pair || pair[0] === pair[1]) continue;
      if ((n === 1) !== (word === pair[0])) errors.push(`${m[1]} ${word}`);
    }
  }
  return errors;
}

/** Latin words allowed in Russian prose: names of methods, functions, formats and CLI words. */
const ALLOWED = new Set([
  'ReLU', 'SGD', 'Adam', 'adam', 'sgd', 'momentum', 'softmax', 'Softmax', 'float32', 'float64', 'seed', 'Seed', 'NaN', 'Infinity', 'BCE', 'MLP',
  'PyTorch', 'MobileNet', 'MobileNetV3', 'BERT', 'GPT', 'YOLOv4', 'EfficientNet', 'LeCun', 'normal', 'Unicode', 'escape',
  'gradbot', 'quiz', 'check', 'grad', 'act', 'plot', 'list', 'image', 'png', 'question', 'difficulty', 'answer', 'hidden',
  'he', 'xavier', 'mse', 'bce_logits', 'softmax_ce', 'id', 'W_H', 'W_O', 'n_in', 'n_out', 'argmax', 'exp', 'log', 'ln', 'max', 'min', 'sin', 'cos',
  'sqrt', 'abs', 'sigmoid', 'tanh', 'relu', 'erf', 'sech', 'backprop', 'gates', 'activations', 'chain', 'loss', 'linear', 'memory', 'e^a', 'e^x',
]);
for (const a of ACTIVATIONS) {
  for (const s of [a.id, ...a.aliases, a.name.ru, a.formula.text, a.derivative.text, a.range]) for (const w of s.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []) ALLOWED.add(w);
}

/** Latin words of a Russian text that are neither names nor formula symbols (two letters or fewer). */
export function englishIn(ru: string, extra: ReadonlySet<string> = new Set()): string[] {
  // b_j, W_H, n_out: formula symbols
  return (ru.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((w) => w.length > 2 && !w.includes('_') && !ALLOWED.has(w) && !extra.has(w));
}

/** Every text a question shows, with the names its own formulas use. */
function questionTexts(q: Question): { texts: LocalizedText[]; names: Set<string> } {
  const texts: LocalizedText[] = [q.text, ...q.hints, ...q.solution.map((s) => s.text), ...q.mistakes.map((m) => m.feedback), giveUp(q).feedback];
  if (q.answer.kind === 'choice') texts.push(...q.answer.choices);
  texts.push({ en: questionPlainText(q, 'en'), ru: questionPlainText(q, 'ru') });
  const formulas = [q.signature, q.graph?.full.expression ?? '', q.answer.kind === 'expression' ? q.answer.value : ''];
  const names = new Set(formulas.flatMap((f) => f.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []));
  return { texts, names };
}

describe('counted nouns agree with their numbers', () => {
  it('the noun catalogue gives 1 вес, 2 веса, 5 весов, 21 вес; 262 скрытых нейрона; 4 байта', () => {
    const weights = COUNTS.map((n) => count(n, 'weight', 'ru'));
    expect(weights).toEqual(['1 вес', '2 веса', '5 весов', '11 весов', '21 вес', '22 веса', '111 весов'].map((s) => s.replace(' ', '\u00a0')));
    expect(COUNTS.map((n) => count(n, 'weight', 'en'))).toEqual(['1 weight', '2 weights', '5 weights', '11 weights', '21 weights', '22 weights', '111 weights'].map((s) => s.replace(' ', '\u00a0')));
    expect(count(262, 'hidden_unit', 'ru')).toBe('262\u00a0скрытых нейрона');
    expect(count(1, 'output', 'ru')).toBe('1\u00a0выход');
    expect(count(4, 'byte', 'ru')).toBe('4\u00a0байта');
    expect(count(4685824, 'parameter', 'ru')).toBe('4\u00a0685\u00a0824\u00a0параметра');
    expect(count(4685824, 'parameter', 'en')).toBe('4,685,824\u00a0parameters');
  });

  /** The case each catalogue noun stands in (the sentence decides it); "by" is distributive «по». */
  const CASES: Record<keyof typeof NOUNS, 'nom' | 'gen' | 'dat' | 'ins' | 'by'> = {
    significant_figure: 'nom', significant_figure_gen: 'gen', sample: 'nom', independent_sample: 'gen', feature_each: 'by', number: 'nom', byte: 'nom',
    class: 'nom', class_with: 'ins', input: 'nom', hidden_unit: 'nom', output: 'nom', weight: 'nom', bias: 'nom', parameter: 'nom', time: 'nom',
    path: 'dat', path_en: 'nom', decimal_place: 'nom', character: 'nom',
  };
  /** The form a noun of this paradigm takes after n in this case. */
  function expectedRu(paradigm: string[], n: number, kase: (typeof CASES)[keyof typeof CASES]): string {
    const c = ruRules.select(n);
    const [sNom, sGen, sDat, sIns, , , pGen, pDat, pIns] = paradigm as [string, string, string, string, string, string, string, string, string];
    const table = { nom: [sNom, sGen, pGen], gen: [sGen, pGen, pGen], dat: [sDat, pDat, pDat], ins: [sIns, pIns, pIns], by: [sDat, sGen, pGen] }[kase];
    return c === 'one' ? table[0]! : c === 'few' ? table[1]! : table[2]!;
  }

  it.each(Object.keys(NOUNS))('catalogue noun %s with 1, 2, 5, 11, 21, 22, 111', (id) => {
    const noun = id as keyof typeof NOUNS;
    for (const n of COUNTS) {
      const ru = count(n, noun, 'ru');
      const words = ru.split('\u00a0').slice(1).join(' ').split(' ');
      const head = words.find((w) => RU_FORMS.has(w));
      expect(head, ru).toMatch(/^[а-яё]+$/);
      expect(head, ru).toBe(expectedRu(RU_FORMS.get(head!)!, n, CASES[noun]));
      expect(pluralErrors(ru, 'ru'), ru).toEqual([]);
      const en = count(n, noun, 'en');
      const enHead = en.split('\u00a0')[1]!.split(' ').at(-1)!;
      expect(EN_FORMS.get(enHead)?.[n === 1 ? 0 : 1], en).toBe(enHead);
    }
  });

  it('the checker itself catches wrong forms', () => {
    expect(pluralErrors('всего 21 весов и 5 веса', 'ru')).toEqual(['21 весов', '5 веса']);
    expect(pluralErrors('261 скрытых нейронов, 25 скрытых нейрона', 'ru')).toEqual(['261 скрытых нейронов', '25 скрытых нейрона']);
    expect(pluralErrors('1 inputs, 2 output', 'en')).toEqual(['1 inputs', '2 output']);
    expect(pluralErrors('по 21 признаку, 0,5 веса, 2 веса', 'ru')).toEqual([]);
    expect(englishIn('Вес w = 2, the weight после шага SGD')).toEqual(['the', 'weight']);
  });
});

describe('every question text, in both languages', () => {
  it.each(TOPIC_IDS)('%s: plural forms, numbers in each language\'s style, no English prose in Russian', (topic) => {
    let texts = 0;
    for (const d of [1, 2, 3] as const) {
      for (let seed = 0; seed < LANGUAGE_SEEDS; seed++) {
        const q = generateQuestion(topic, seed, d);
        const { texts: all, names } = questionTexts(q);
        for (const text of all) {
          texts++;
          expect(pluralErrors(text.en, 'en'), `${q.id}: ${text.en}`).toEqual([]);
          expect(pluralErrors(text.ru, 'ru'), `${q.id}: ${text.ru}`).toEqual([]);
          expect(englishIn(text.ru, names), `${q.id}: ${text.ru}`).toEqual([]);
          // one decimal separator per language: no decimal point in Russian prose, no decimal comma in English
          expect(text.ru.replace(/\b(?:gradbot|question)\S*/g, ''), `${q.id}: ${text.ru}`).not.toMatch(/\d\.\d/);
          expect(text.en, `${q.id}: ${text.en}`).not.toMatch(/\d,\d(?!\d\d)/);
          // the lecture's terms
          expect(text.ru).not.toMatch(/обратный ход|прямые значения|вычислительн/i);
        }
      }
    }
    expect(texts).toBeGreaterThan(LANGUAGE_SEEDS * 3 * 5);
  });

  it('topic titles', () => {
    for (const id of TOPIC_IDS) {
      const title = TOPICS[id].title;
      expect(englishIn(title.ru), title.ru).toEqual([]);
      expect(title.ru).toMatch(/^[А-ЯЁ]/);
      expect(title.en).toMatch(/^[A-Z]/);
    }
  });

  it('the feedback on answers, in the reply line', () => {
    const q = generateQuestion('gates', 1, 1);
    for (const state of [{ wrongTries: 0, hintsUsed: 0 }, { wrongTries: 2, hintsUsed: 1 }]) {
      const r = checkAnswer(q, String(q.answer.value), state);
      expect(englishIn(r.feedback.ru)).toEqual([]);
      expect(checkResultLine(r, 'ru')).toMatch(/^Верно!/);
    }
    expect(checkAnswer(q, String(q.answer.value), { wrongTries: 2, hintsUsed: 1 }).feedback.ru).toContain('Балл 0,6');
    expect(checkResultLine(checkAnswer(q, '12345'), 'ru')).toMatch(/\(балл 0\)$/);
  });
});

type Catalogue = { texts: Record<string, LocalizedText> };
const CATALOGUES: Array<[string, Catalogue]> = [
  ['quiz', quizMessages],
  ['expr', exprMessages],
  ['nn', nnMessages],
  ['activation', activationMessages],
];

describe('every message catalogue under src/quiz and src/core', () => {
  it.each(CATALOGUES)('%s: rendered with 1, 2, 5, 11, 21, 22, 111 in both languages', (_, catalogue) => {
    for (const [key, text] of Object.entries(catalogue.texts)) {
      const placeholders = new Set([...`${text.en} ${text.ru}`.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/g)].map((m) => m[1]!));
      for (const n of COUNTS) {
        const params = Object.fromEntries([...placeholders].map((p) => [p, n]));
        const en = formatTemplate(text.en, params);
        const ru = formatTemplate(text.ru, params);
        expect(pluralErrors(en, 'en'), `${key}: ${en}`).toEqual([]);
        expect(pluralErrors(ru, 'ru'), `${key}: ${ru}`).toEqual([]);
        expect(englishIn(ru), `${key}: ${ru}`).toEqual([]);
        expect(ru, key).not.toMatch(/\{\w+/);
        expect(ru, key).toMatch(/[а-яё]/i);
      }
    }
  });

  it('mathjs syntax errors reach a Russian student in Russian', async () => {
    const { parseExpression } = await import('../../src/core/scalar/parse.js');
    for (const source of ['1 +', '(1 + 2', 'x y ] z', '2..3', '1 + * 2', '[1, 2', '"abc', 'x.', 'sin(x']) {
      let ru = '';
      try {
        parseExpression(source);
      } catch (e) {
        ru = (e as { render(lang: Lang): string }).render('ru');
      }
      expect(ru, source).toMatch(/^[А-ЯЁ]/);
      expect(englishIn(ru), `${source}: ${ru}`).toEqual([]);
    }
  });

  it('numbers in messages follow the language: 4 294 967 295 / 4,294,967,295', () => {
    expect(quizMessages.error('bad_seed', { value: 'x' }).render('ru')).toContain('4 294 967 295');
    expect(quizMessages.error('bad_seed', { value: 'x' }).render('en')).toContain('4,294,967,295');
    const e = quizMessages.error('expression_not_finite', { x: num(-1.5, 'en'), x_ru: num(-1.5, 'ru'), what_en: 'no real value', what_ru: 'нет вещественного значения' });
    expect(e.render('ru')).toBe('При x = −1,5 у выражения нет вещественного значения; запишите его так, чтобы оно было определено при всех вещественных x.');
  });
});
