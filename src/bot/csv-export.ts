/**
 * The CSV of /export: every attempt in a chat. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) get a leading apostrophe (OWASP's advice
 * against CSV injection); cells are quoted as RFC 4180 says. A BOM leads the file so Excel
 * reads the Cyrillic names as UTF-8.
 */
import type { AttemptRecord } from '../store/types.js';

/** The header row, in this order. */
export const EXPORT_COLUMNS = ['user', 'topic', 'question_id', 'answer', 'correct', 'score', 'hints', 'time'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, made safe for spreadsheets and quoted when needed. */
export function csvCell(value: string | number | boolean): string {
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The whole file as text (with BOM, CRLF line ends as RFC 4180 asks). */
export function attemptsCsv(rows: readonly AttemptRecord[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [r.userName, r.topic, r.questionId, r.answer, r.correct, Math.round(r.score * 1e4) / 1e4, r.hintsUsed, new Date(r.at).toISOString()]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
