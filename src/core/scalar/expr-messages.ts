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
    en: 'The expression has {length} characters; the limit is {max}. Shorten it.',
    ru: 'В выражении {length} символов, а можно не больше {max}. Сократите его.',
  },
  syntax: {
    en: 'Syntax error at position {position}: {detail}. Check brackets and operators there.',
    ru: 'Синтаксическая ошибка в позиции {position}: {detail}. Проверьте скобки и операторы в этом месте.',
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
    ru: 'Функция «{name}» в позиции {position} принимает {expected_ru}, а получено {got}.',
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
    ru: 'Неподдерживаемая конструкция в позиции {position}: {what}. Используйте числа, переменные, + - * / ^, скобки и функции.',
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
