/**
 * What the expression parser says when a formula cannot be used, in English and Russian.
 * Each message names what is wrong, where (1-based character position) and how to fix it.
 */
import { ACTIVATION_IDS } from '../activations/index.js';
import { defineMessages } from '../errors.js';

/** Functions the parser knows besides the activations (ln is another name for log). */
export const BUILTIN_FUNCTIONS = ['exp', 'log', 'ln', 'sqrt', 'abs', 'max', 'min', 'sin', 'cos'] as const;

// The list goes into the template itself: a parameter would be cut at 100 characters.
const allowed = `${BUILTIN_FUNCTIONS.join(', ')}; activations: ${ACTIVATION_IDS.join(', ')}`;
const allowedRu = `${BUILTIN_FUNCTIONS.join(', ')}; активации: ${ACTIVATION_IDS.join(', ')}`;

/** The longest expression accepted: enough for any lecture formula, bounded work per request. */
export const MAX_EXPRESSION_LENGTH = 500;

export const exprMessages = defineMessages('expr', {
  empty: {
    en: 'The expression is empty. Type a formula such as 1 + exp(w0 + w1*x).',
    ru: 'Выражение пустое. Введите формулу, например 1 + exp(w0 + w1*x).',
  },
  too_long: {
    en: 'The expression has {length} {length|character|characters}; the limit is {max}. Shorten it.',
    ru: 'В выражении {length} {length|символ|символа|символов}, а можно не больше {max}. Сократите его.',
  },
  syntax: {
    en: 'Syntax error at position {position}: {detail}. Check brackets and operators there.',
    ru: 'Синтаксическая ошибка в позиции {position}: {detail_ru}. Проверьте скобки и операторы в этом месте.',
  },
  unknown_function: {
    en: `Unknown function "{name}" at position {position}. Allowed: ${allowed}. For a product write {name}*(...).`,
    ru: `Неизвестная функция «{name}» в позиции {position}. Можно: ${allowedRu}. Для умножения пишите {name}*(...).`,
  },
  unknown_function_suggest: {
    en: `Unknown function "{name}" at position {position}. Did you mean {suggestions}? Allowed: ${allowed}.`,
    ru: `Неизвестная функция «{name}» в позиции {position}. Возможно, вы имели в виду {suggestions}? Можно: ${allowedRu}.`,
  },
  arity: {
    en: 'Function "{name}" at position {position} takes {expected}, got {got}.',
    ru: 'Функция «{name}» в позиции {position} принимает {expected_ru}, а передано {got}.',
  },
  function_without_call: {
    en: '"{name}" at position {position} is a function: write {name}(...) with its argument in brackets.',
    ru: '«{name}» в позиции {position} — это функция: напишите {name}(...) с аргументом в скобках.',
  },
  assignment: {
    en: 'Assignment "=" at position {position} is not allowed in an expression. Give values after it instead: x=2.',
    ru: 'Присваивание «=» в позиции {position} внутри выражения не допускается. Значения задайте отдельно: x=2.',
  },
  string: {
    en: 'Text in quotes at position {position} is not allowed: use numbers, variables and functions only.',
    ru: 'Текст в кавычках (позиция {position}) не допускается: только числа, переменные и функции.',
  },
  not_number: {
    en: '"{text}" at position {position} is not a number. Use numbers, variables and functions only.',
    ru: '«{text}» в позиции {position} — не число. Используйте только числа, переменные и функции.',
  },
  matrix: {
    en: 'Matrices, lists and objects ("{bracket}" at position {position}) are not allowed: the expression must be one number.',
    ru: 'Матрицы, списки и объекты («{bracket}» в позиции {position}) не допускаются: выражение должно давать одно число.',
  },
  factorial: {
    en: 'Factorial "!" at position {position} is not supported. Write the product out, e.g. 3*2*1.',
    ru: 'Факториал «!» в позиции {position} не поддерживается. Запишите произведение явно, например 3*2*1.',
  },
  comparison: {
    en: 'Comparison "{operator}" at position {position} is not allowed: the expression must give a number. Use max(a, b) or min(a, b).',
    ru: 'Сравнение «{operator}» в позиции {position} не допускается: выражение должно давать число. Используйте max(a, b) или min(a, b).',
  },
  operator: {
    en: 'Operator "{operator}" at position {position} is not supported. Allowed: + - * / ^ and brackets.',
    ru: 'Оператор «{operator}» в позиции {position} не поддерживается. Можно: + - * / ^ и скобки.',
  },
  unsupported: {
    en: 'Unsupported syntax at position {position}: {what}. Use numbers, variables, + - * / ^, brackets and functions.',
    ru: 'Неподдерживаемая конструкция в позиции {position}: {what_ru}. Используйте числа, переменные, + - * / ^, скобки и функции.',
  },
  missing_value: {
    en: 'No value for variable "{name}". Give it as {name}=<number>.',
    ru: 'Нет значения переменной «{name}». Задайте его так: {name}=<число>.',
  },
  bad_value: {
    en: 'The value of "{name}" must be a finite number, got {value}.',
    ru: 'Значение «{name}» должно быть конечным числом, а получено {value}.',
  },
  unknown_variable: {
    en: 'The expression has no variable "{name}". Its variables: {variables}.',
    ru: 'В выражении нет переменной «{name}». Его переменные: {variables}.',
  },
});

/**
 * mathjs's own syntax errors ("Parenthesis ) expected") in both languages, so a Russian
 * student reads the parser's complaint in Russian. A message this table does not know is
 * kept in English and described in Russian in general words.
 */
const MATHJS_SYNTAX: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Unexpected end of expression$/, () => 'выражение обрывается раньше времени'],
  [/^Value expected$/, () => 'здесь ожидается число, переменная или скобка'],
  [/^Parenthesis \) expected$/, () => 'не хватает закрывающей скобки )'],
  [/^Parenthesis \] expected$/, () => 'не хватает закрывающей скобки ]'],
  [/^End of matrix \] expected$/, () => 'не хватает закрывающей скобки ]'],
  [/^Unexpected operator (.+)$/, (m) => `лишний оператор «${m[1]}»`],
  [/^Unexpected part "(.*)"$/, (m) => `непонятный фрагмент «${m[1]}»`],
  [/^Syntax error in part "(.*)"$/, (m) => `ошибка в фрагменте «${m[1]}»`],
  [/^Digit expected, got "(.*)"$/, (m) => `ожидается цифра, а стоит «${m[1]}»`],
  [/^End of string (.) expected$/, (m) => `не закрыта кавычка ${m[1]}`],
  [/^Property name expected after (dot|optional chain)$/, () => 'после точки ожидается имя'],
  [/^Invalid left hand side of assignment operator =$/, () => 'слева от «=» стоит не имя'],
  [/^False part of conditional expression expected$/, () => 'в условном выражении не хватает части после «:»'],
  [/^The true-expression of a conditional operator may not be empty$/, () => 'в условном выражении пустая часть после «?»'],
  [/^Invalid unicode character (.*)$/, (m) => `недопустимый символ Unicode ${m[1]}`],
  [/^Bad escape character (.*)$/, (m) => `недопустимая escape-последовательность ${m[1]}`],
  [/^Column dimensions mismatch (.*)$/, (m) => `у строк матрицы разная длина ${m[1]}`],
  [/^Symbol or string expected as object key$/, () => 'ключом объекта должно быть имя или строка'],
  [/^Colon : expected after object key$/, () => 'после ключа объекта ожидается двоеточие'],
  [/^Comma , or bracket \} expected after object value$/, () => 'после значения в объекте ожидается запятая или }'],
  [/^Cannot assign to optional chain$/, () => 'нельзя присваивать значение необязательной цепочке'],
];

/** A mathjs syntax error's detail (without "(char N)") in English and Russian. */
export function syntaxDetail(detail: string): { detail: string; detail_ru: string } {
  for (const [pattern, ru] of MATHJS_SYNTAX) {
    const m = pattern.exec(detail);
    if (m) return { detail, detail_ru: ru(m) };
  }
  return { detail, detail_ru: 'запись не удалось разобрать' };
}
