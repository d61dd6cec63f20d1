/**
 * Finds the delimiter: comma, semicolon, tab or pipe. A CSV's records all have the same number
 * of fields, so the right delimiter is the one that splits the first records into equal,
 * largest counts. Quotes are respected ("a;b" inside quotes is one field). Excel's `sep=;`
 * first line, when present, decides and is removed.
 */

/** The delimiters we recognise, in order of preference when the evidence ties. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
/** One of the recognised delimiters. */
export type Delimiter = (typeof DELIMITERS)[number];

/** The detected delimiter and the text with any `sep=` line removed. */
export interface DelimiterGuess {
  delimiter: Delimiter;
  /** True when an Excel `sep=` line named the delimiter. */
  fromSepLine: boolean;
  /** The text to parse (the `sep=` line removed). */
  text: string;
  /** How many physical lines were removed from the top (to keep line numbers right). */
  linesRemoved: number;
}

const SAMPLE_RECORDS = 30;

/**
 * Field counts of the first records for one delimiter, honouring quotes (RFC 4180: a quote
 * opens only at the start of a field; `""` inside quotes is a literal quote). Blank records
 * are skipped.
 */
export function sampleFieldCounts(text: string, delimiter: string, maxRecords = SAMPLE_RECORDS): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let blank = true;
  const end = Math.min(text.length, 256 * 1024);
  for (let i = 0; i < end && counts.length < maxRecords; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      blank = false;
      atFieldStart = false;
    } else if (ch === delimiter) {
      fields++;
      blank = false;
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (!blank) counts.push(fields);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields = 1;
      blank = true;
      atFieldStart = true;
    } else if (ch === ' ' && atFieldStart) {
      // spaces before an opening quote are trimmed by the parser as well
    } else {
      if (ch !== ' ' && ch !== '\t') blank = false;
      atFieldStart = false;
    }
  }
  if (!blank && counts.length < maxRecords) counts.push(fields);
  return counts;
}

/**
 * How well a delimiter explains the sample: the most common field count (at least 2) and how
 * many records have it. The mode, not the first record, so a title line above the header
 * ("Sales report") does not hide the table's shape.
 */
function score(counts: number[]): { agree: number; fields: number } {
  const freq = new Map<number, number>();
  for (const c of counts) if (c >= 2) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = { agree: 0, fields: 1 };
  for (const [fields, agree] of freq) {
    if (agree > best.agree || (agree === best.agree && fields > best.fields)) best = { agree, fields };
  }
  return best;
}

/** Detects the delimiter of decoded CSV text (see the module comment). */
export function detectDelimiter(text: string): DelimiterGuess {
  const sep = /^[ \t]*"?sep=(.)"?[ \t]*(\r\n|\r|\n|$)/i.exec(text);
  if (sep) {
    const named = sep[1] as string;
    const delimiter = (DELIMITERS as readonly string[]).includes(named) ? (named as Delimiter) : undefined;
    if (delimiter) return { delimiter, fromSepLine: true, text: text.slice(sep[0].length), linesRemoved: 1 };
  }
  let best: { delimiter: Delimiter; agree: number; fields: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const s = score(sampleFieldCounts(text, delimiter));
    if (s.agree === 0) continue;
    // More agreeing records wins; then more fields (a semicolon file with decimal commas has
    // as many agreeing records for ';' but the commas make ragged counts, so ';' wins anyway).
    if (!best || s.agree > best.agree || (s.agree === best.agree && s.fields > best.fields)) {
      best = { delimiter, ...s };
    }
  }
  // No delimiter splits anything: a one-column file; the comma is as good as any.
  return { delimiter: best?.delimiter ?? ',', fromSepLine: false, text, linesRemoved: 0 };
}
