/**
 * The target: which column to predict, and whether that is classification or regression.
 *
 * Choice of column: the `target` option (a name, case-insensitive, or a 1-based number);
 * otherwise a column named target/label/class/y (or Russian цель/метка/класс); otherwise the
 * last column, with a warning saying so.
 *
 * Choice of task (unless forced): text -> classification. Numbers -> classification when all
 * are whole and there are few distinct values: at most 10, or at most 20 when that is under 5%
 * of the rows (so 0/1, 1..5 ratings, iris coded 0/1/2 are classes, while 40 different ages in
 * 200 rows are a quantity); regression otherwise. Either way a numeric target gets a warning
 * naming the choice, because that guess can be wrong.
 */
import type { LocalizedMessage } from '../core/errors.js';
import { bestNumberStyle, compareLevels } from './columns.js';
import { msg } from './messages.js';
import { isInfinite, isMissing, parseNumber } from './values.js';

/** The task a model is trained for. */
export type Task = 'classification' | 'regression';

/** What the dataset predicts. */
export interface TargetInfo {
  name: string;
  kind: Task;
  /** Class labels in a fixed order (classification only); y holds these strings. */
  classes?: string[];
}

/** Column names that mean "this is what to predict". */
const TARGET_NAMES = ['target', 'label', 'class', 'y', 'цель', 'метка', 'класс'];

/** Picks the target column; returns its 0-based index and whether it was guessed. */
export function findTargetColumn(names: string[], target: string | number | undefined): { index: number; guessed: boolean } {
  if (typeof target === 'number') {
    if (!Number.isInteger(target) || target < 1 || target > names.length) {
      throw msg.error('target_index_out_of_range', { index: target, count: names.length });
    }
    return { index: target - 1, guessed: false };
  }
  if (target !== undefined && target.trim() !== '') {
    const wanted = target.trim().toLowerCase();
    const byName = names.findIndex((n) => n.toLowerCase() === wanted);
    if (byName >= 0) return { index: byName, guessed: false };
    // "3" from a command line is a column number when no column is called "3".
    if (/^\d+$/.test(wanted)) return findTargetColumn(names, Number(wanted));
    throw msg.error('target_not_found', { target, columns: names.join(', ') });
  }
  for (const candidate of TARGET_NAMES) {
    const i = names.findIndex((n) => n.trim().toLowerCase() === candidate);
    if (i >= 0) return { index: i, guessed: false };
  }
  return { index: names.length - 1, guessed: true };
}

/** The cleaned target: one value per row (undefined = missing) and the task. */
export interface TargetValues {
  info: TargetInfo;
  /** Class label strings (classification) or numbers (regression); undefined where missing. */
  values: Array<string | number | undefined>;
  warnings: LocalizedMessage[];
}

/** A stable label for a numeric class code: "1", "1.0" and " 1 " are the same class. */
function numericLabel(v: number): string {
  return String(v);
}

/** Reads the target cells and decides the task (see the module comment). */
export function readTarget(name: string, cells: string[], opts: { task?: Task; allowComma: boolean }): TargetValues {
  const present = cells.filter((c) => !isMissing(c) && !isInfinite(c));
  if (present.length === 0) throw msg.error('target_all_missing', { target: name });
  const { style, parsed } = bestNumberStyle(present, opts.allowComma);
  // A target must be entirely numeric to be read as numbers; one stray word makes it text.
  const numeric = parsed === present.length;
  const warnings: LocalizedMessage[] = [];
  if (!numeric) {
    if (opts.task === 'regression') {
      const example = present.find((c) => parseNumber(c, style) === undefined) ?? '';
      throw msg.error('target_not_numeric', { target: name, example });
    }
    const values = cells.map((c) => (isMissing(c) || isInfinite(c) ? undefined : c));
    return { info: { name, kind: 'classification', classes: classesOf(values) }, values, warnings };
  }
  const numbers = cells.map((c) => (isMissing(c) || isInfinite(c) ? undefined : parseNumber(c, style)));
  const finite = numbers.filter((v): v is number => v !== undefined && Number.isFinite(v));
  const distinct = new Set(finite).size;
  let task = opts.task;
  if (!task) {
    const whole = finite.every((v) => Number.isInteger(v));
    task = whole && (distinct <= 10 || (distinct <= 20 && distinct < 0.05 * finite.length)) ? 'classification' : 'regression';
    warnings.push(msg.warning(task === 'classification' ? 'task_classification_guess' : 'task_regression_guess', { target: name, distinct }));
  }
  if (task === 'regression') {
    const values = numbers.map((v) => (v !== undefined && Number.isFinite(v) ? v : undefined));
    return { info: { name, kind: 'regression' }, values, warnings };
  }
  const values = numbers.map((v) => (v !== undefined && Number.isFinite(v) ? numericLabel(v) : undefined));
  return { info: { name, kind: 'classification', classes: classesOf(values) }, values, warnings };
}

function classesOf(values: Array<string | number | undefined>): string[] {
  const set = new Set<string>();
  for (const v of values) if (typeof v === 'string') set.add(v);
  return [...set].sort(compareLevels);
}
