/**
 * One line of a schedule read as a row: a portfolio name followed by the table's rates, read
 * from the right so names may contain digits ("AIM Opportunities II Fund"). A closing quote
 * mark after the last row ends the replacement schedule (Amendment "… replaced with the
 * following: "SCHEDULE A … 0.50%"").
 */

import { isFootnoteMarker, readRateToken, stripFootnoteSuffix } from './rateToken.js';

export interface RowReading {
  /** name as written, whitespace collapsed, footnote markers and dot leaders removed */
  readonly name: string;
  /** rates read from the right, in column order */
  readonly rates: readonly string[];
  /** true when a rate-like token is left over after `rates` were taken (too many rates) */
  readonly extraRate: boolean;
  /** true when the line ends with the closing quote mark of a replaced schedule */
  readonly closesQuote: boolean;
}

const CLOSING_QUOTE_RE = /["\u201d]+$/;

/** Strips the closing quote mark and reports whether there was one. */
export function stripClosingQuote(text: string): { text: string; closesQuote: boolean } {
  const t = text.trimEnd();
  if (!CLOSING_QUOTE_RE.test(t)) return { text: t, closesQuote: false };
  return { text: t.replace(CLOSING_QUOTE_RE, '').trimEnd(), closesQuote: true };
}

/**
 * Reads up to `columns` rates from the right of a line.
 * @example readRow('AIM Charter Fund 0.25% 0.25 % .50%"', 3) → { name: 'AIM Charter Fund', rates: ['0.25', '0.25', '0.50'], extraRate: false, closesQuote: true }
 */
const NONE_RE = /^(?:NONE|None)$/;

export function readRow(line: string, columns: number): RowReading {
  const { text, closesQuote } = stripClosingQuote(line);
  // tokens are taken from the right one at a time: rows are mostly padding between few words
  const rates: string[] = [];
  let end = text.length;
  let percentAfter = false;
  while (end > 0 && rates.length < columns) {
    while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
    if (end === 0) break;
    const start = text.lastIndexOf(' ', end - 1) + 1;
    const t = text.slice(start, end);
    if (t === '%' || isFootnoteMarker(t)) {
      percentAfter = t === '%';
      end = start;
      continue;
    }
    // "NONE" in a rate column (an AIM money market fund's asset-based sales charge): no charge,
    // 0.00 — as the cell reader reads it
    const r = NONE_RE.test(stripFootnoteSuffix(t)) ? { pct: '0.00' } : readRateToken(t);
    if (r === null) break;
    rates.unshift(r.pct);
    percentAfter = false;
    end = start;
  }
  const nameToks = text
    .slice(0, end)
    .split(' ')
    .filter((t) => t !== '');
  // A rate-looking token with "%" still left means the row has more rates than columns.
  let extraRate = false;
  let k = nameToks.length - 1;
  let percent = percentAfter;
  while (k >= 0 && (nameToks[k] === '%' || isFootnoteMarker(nameToks[k]!))) {
    if (nameToks[k] === '%') percent = true;
    k--;
  }
  const last = nameToks[k];
  if (last !== undefined && rates.length > 0) {
    const r = readRateToken(last);
    extraRate = r !== null && (r.hadPercentSign || percent);
  }
  return { name: cleanName(nameToks), rates, extraRate, closesQuote };
}

/** Portfolio name tokens → name: footnote markers and dot leaders dropped, spacing collapsed. */
export function cleanName(toks: readonly string[]): string {
  const kept = [...toks];
  while (kept.length > 0) {
    const t = kept[kept.length - 1]!;
    if (isFootnoteMarker(t) || /^\.{2,}$/.test(t)) kept.pop();
    else break;
  }
  if (kept.length > 0)
    kept[kept.length - 1] = stripFootnoteSuffix(kept[kept.length - 1]!).replace(/\.{2,}$/, '');
  return kept.join(' ').trim();
}
