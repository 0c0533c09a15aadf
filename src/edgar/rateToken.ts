/**
 * Rates as schedules write them: "0.25%", ".25%", "0.25 %", "0.25", "1.00%", with footnote
 * markers ("0.25%*", "0.25%(1)") — normalized to percent strings with two or more decimals
 * (SPEC §2.1, §3).
 */

import { normalizeRatePct } from '../money/rate.js';

const RATE_RE = /^(\d{1,3}(?:\.\d{1,6})?|\.\d{1,6})(%?)$/;
const FOOTNOTE_SUFFIX_RE = /(?:\*+|\(\d{1,2}\)|\([a-z]\))$/;
const FOOTNOTE_TOKEN_RE = /^(?:\*+|\(\d{1,2}\)|\([a-z]\))$/;

export interface RateToken {
  readonly pct: string;
  readonly hadPercentSign: boolean;
}

/** A standalone footnote marker: "*", "**", "(1)", "(a)". */
export function isFootnoteMarker(tok: string): boolean {
  return FOOTNOTE_TOKEN_RE.test(tok);
}

/** Removes a footnote marker glued to the end of a word or rate: "Fund*" → "Fund". */
export function stripFootnoteSuffix(tok: string): string {
  return tok.replace(FOOTNOTE_SUFFIX_RE, '');
}

// memo of tokens already read: a pure function's results, so sharing them changes nothing
const seen = new Map<string, RateToken | null>();

/**
 * @example readRateToken('.25%') → { pct: '0.25', hadPercentSign: true }
 * @example readRateToken('Fund') → null
 */
export function readRateToken(tok: string): RateToken | null {
  const known = seen.get(tok);
  if (known !== undefined) return known;
  const m = RATE_RE.exec(stripFootnoteSuffix(tok));
  const read = m ? { pct: normalizeRatePct(m[1]!), hadPercentSign: m[2] === '%' } : null;
  // schedules repeat a handful of rates thousands of times; bounded so memory stays flat
  if (seen.size < 4096) seen.set(tok, read);
  return read;
}

/** "0.75" → "0.75%"; the renderer's spelling of a rate. */
export function formatRateCell(pct: string): string {
  return `${pct}%`;
}
