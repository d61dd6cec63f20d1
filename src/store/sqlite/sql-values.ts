/** Conversions between JS values and what SQLite stores (it has no booleans and no undefined). */

export type Db = import('better-sqlite3').Database;

export function toBit(b: boolean): 0 | 1 {
  return b ? 1 : 0;
}

export function fromBit(n: number): boolean {
  return n === 1;
}

/** `undefined` becomes NULL (better-sqlite3 refuses undefined for a named parameter). */
export function orNull<T>(v: T | undefined): T | null {
  return v === undefined ? null : v;
}

/** JSON for a column; refuses values JSON cannot hold rather than storing "undefined". */
export function toJson(value: unknown, what: string): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`${what} cannot be stored as JSON (got ${typeof value})`);
  return json;
}
