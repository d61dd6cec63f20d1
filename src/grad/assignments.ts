/**
 * Variable values given on the command line as `name=value` after an expression
 * (`gradbot grad "x*w + b" x=2 w=-3 b=1`, `gradbot graph`, and the chat's /grad).
 */
import { defineMessages } from '../core/errors.js';
import { exprMessages, type Expression } from '../core/scalar/index.js';

const msg = defineMessages('values', {
  bad_assignment: {
    en: 'Expected name=value after the expression, got "{arg}". Example: x=-3.',
    ru: 'После выражения ожидается имя=значение, а получено «{arg}». Пример: x=-3.',
  },
  bad_number: {
    en: 'The value of "{name}" must be a finite number, got "{value}".',
    ru: 'Значение «{name}» должно быть конечным числом, а получено «{value}».',
  },
  duplicate: {
    en: 'Variable "{name}" is given twice. Give each value once.',
    ru: 'Переменная «{name}» задана дважды. Задайте каждое значение один раз.',
  },
});

/** Parses `name=value` arguments into numbers; a bad or repeated one is a UserInputError. */
export function parseAssignments(args: readonly string[]): Record<string, number> {
  // no prototype, so x=1 cannot collide with "__proto__" or "constructor"
  const values: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = arg.slice(0, eq).trim();
    const raw = arg.slice(eq + 1).trim();
    if (eq <= 0 || name === '') throw msg.error('bad_assignment', { arg });
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value)) throw msg.error('bad_number', { name, value: raw });
    if (Object.prototype.hasOwnProperty.call(values, name)) throw msg.error('duplicate', { name });
    values[name] = value;
  }
  return values;
}

/**
 * Rejects a value for a name the expression does not use: it is most likely a typo
 * (w=1 for w1). `e` and `pi` may be given to override the constants.
 */
export function rejectUnknownVariables(expr: Expression, values: Record<string, number>): void {
  for (const name of Object.keys(values)) {
    if (!expr.variables.includes(name) && name !== 'e' && name !== 'pi') {
      throw exprMessages.error('unknown_variable', { name, variables: expr.variables.join(', ') || '-' });
    }
  }
}
