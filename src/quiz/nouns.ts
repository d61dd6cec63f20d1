/**
 * Every noun the quiz texts put after a number, with its plural forms in both languages
 * (CLDR categories through Intl.PluralRules: Russian one/few/many, English one/other).
 * A Russian entry is the noun in the case its sentence needs, so "по 21 признаку" and
 * "262 скрытых нейрона" are each one entry. The language test renders every entry with
 * 1, 2, 5, 11, 21, 22 and 111 and checks the generated texts against these forms.
 */
import type { PluralForms } from '../core/plural.js';

interface Noun {
  en: PluralForms;
  ru: PluralForms;
}

function noun(en: [string, string], ru: [string, string, string]): Noun {
  return { en: { one: en[0], other: en[1] }, ru: { one: ru[0], few: ru[1], many: ru[2], other: ru[1] } };
}

export const NOUNS = {
  /** "to 3 significant figures" / "(с точностью) до 3 значащих цифр" (genitive after «до»). */
  significant_figure: noun(['significant figure', 'significant figures'], ['значащая цифра', 'значащие цифры', 'значащих цифр']),
  significant_figure_gen: noun(['significant figure', 'significant figures'], ['значащей цифры', 'значащих цифр', 'значащих цифр']),
  /** "A mini-batch holds 8 samples" / "содержит 8 примеров". */
  sample: noun(['sample', 'samples'], ['пример', 'примера', 'примеров']),
  /** "the true labels of 3 independent samples" / "меткам 3 независимых примеров" (genitive). */
  independent_sample: noun(['independent sample', 'independent samples'], ['независимого примера', 'независимых примеров', 'независимых примеров']),
  /** "of 21 features each" / "по 21 признаку" (dative after distributive «по» for one, then accusative/genitive). */
  feature_each: noun(['feature', 'features'], ['признаку', 'признака', 'признаков']),
  /** "numbers" / "чисел": "32 numbers", "32 числа". */
  number: noun(['number', 'numbers'], ['число', 'числа', 'чисел']),
  /** "4 bytes" / "4 байта". */
  byte: noun(['byte', 'bytes'], ['байт', 'байта', 'байт']),
  /** "tells apart 3 classes" / "различает 3 класса" (accusative). */
  class: noun(['class', 'classes'], ['класс', 'класса', 'классов']),
  /** "with 3 classes" / "с 3 классами" (instrumental: one "классом", otherwise "классами"). */
  class_with: noun(['class', 'classes'], ['классом', 'классами', 'классами']),
  /** "maps 784 inputs" / "переводит 784 входа" (accusative). */
  input: noun(['input', 'inputs'], ['вход', 'входа', 'входов']),
  /** "to 262 hidden units" / "в 262 скрытых нейрона" (accusative). */
  hidden_unit: noun(['hidden unit', 'hidden units'], ['скрытый нейрон', 'скрытых нейрона', 'скрытых нейронов']),
  /** "to 10 outputs" / "в 10 выходов" (accusative). */
  output: noun(['output', 'outputs'], ['выход', 'выхода', 'выходов']),
  /** "235 weights" / "235 весов". */
  weight: noun(['weight', 'weights'], ['вес', 'веса', 'весов']),
  /** "10 biases" / "10 смещений". */
  bias: noun(['bias', 'biases'], ['смещение', 'смещения', 'смещений']),
  /** "246 parameters" / "246 параметров". */
  parameter: noun(['parameter', 'parameters'], ['параметр', 'параметра', 'параметров']),
  /** "used 3 times" / "используется 3 раза". */
  time: noun(['time', 'times'], ['раз', 'раза', 'раз']),
  /** "по 2 путям" (dative after «по»: по 1 пути, по 2 путям). */
  path: noun(['path', 'paths'], ['пути', 'путям', 'путям']),
  /** "along 2 paths". */
  path_en: noun(['path', 'paths'], ['путь', 'пути', 'путей']),
  /** "has 3 decimal places" / "3 знака после запятой". */
  decimal_place: noun(['decimal place', 'decimal places'], ['знак после запятой', 'знака после запятой', 'знаков после запятой']),
  /** "200 characters" / "200 символов". */
  character: noun(['character', 'characters'], ['символ', 'символа', 'символов']),
} satisfies Record<string, Noun>;

/** The id of a noun of the catalogue. */
export type NounId = keyof typeof NOUNS;
