/**
 * A cell whose text the filing wraps onto a second line (an HTML exhibit's table cell, or a list
 * laid out one cell per line): "Portfolio – Investor" / "Class Shares", "Portfolio" / "– Investor
 * Class Shares", "AIM GROWTH" / "SERIES", "Invesco Small Cap Growth" / "Fund". The second line
 * is no item of its own; read alone it would be a portfolio the document does not list.
 * Stacked cells ("Class C" / "Class R", "0.25" / "0.75") are items each, and never joined.
 */

import type { EdgarLine } from './edgarText.js';
import { isAllCaps } from './lineShapes.js';
import { scheduleItem } from './scheduleItem.js';

// the last word of a name, wrapped onto its own line
const NAME_TAIL_RE = /^(?:Fund|Funds|Portfolio|Series|Trust)\*{0,2}["\u201d]?$/;
const REGISTRANT_TAIL_RE = /^(?:FUNDS|TRUST|SERIES|GROUP|INC\.?|CORPORATION)$/;
const TITLE_WORD_RE = /\b(?:SCHEDULE|APPENDIX|EXHIBIT|PLAN|AGREEMENT|TO|OF|CLASS|SHARES)\b/;
const NAME_END_RE = /\b(?:Fund|Funds|Series|Portfolio|Trust|FUND|FUNDS|SERIES|PORTFOLIO|TRUST)$/;

/**
 * The line `next` continues the cell `prev` (both trimmed, one cell each).
 * @example continuesCell('Portfolio – Investor', 'Class Shares') === true
 * @example continuesCell('Invesco Small Cap Fund', 'Invesco Mid Cap Fund') === false
 */
export function continuesCell(prev: string, next: string): boolean {
  const before = scheduleItem(prev);
  const after = scheduleItem(next);
  const joined = scheduleItem(`${prev} ${next}`);
  // "Portfolio – Investor" / "Class Shares", "Portfolio" / "– Investor Class Shares", "Portfolio –" / "Investor Class Shares"
  if (
    joined.kind === 'classLabel' &&
    before.kind !== 'classLabel' &&
    ((after.kind !== 'classLabel' && after.kind !== 'class') || /[-\u2013\u2014]$/.test(prev))
  )
    return true;
  // "AIM GROWTH" / "SERIES": a Registrant heading wrapped before its last word
  if (
    REGISTRANT_TAIL_RE.test(next) &&
    isAllCaps(prev) &&
    before.kind === 'name' &&
    !TITLE_WORD_RE.test(prev) &&
    joined.kind === 'registrant'
  )
    return true;
  // "Invesco Small Cap Growth" / "Fund"
  return (
    NAME_TAIL_RE.test(next) &&
    before.kind === 'name' &&
    !NAME_END_RE.test(prev) &&
    /[a-z]/.test(prev) &&
    /[A-Za-z0-9]$/.test(prev)
  );
}

/**
 * The lines [from, to) with each wrapped cell on one line: a continuation line's text joins the
 * line above it and the continuation becomes blank, so line numbers and indices stay as filed.
 */
export function joinWrappedCells(
  lines: readonly EdgarLine[],
  from: number,
  to: number,
): readonly EdgarLine[] {
  let out: EdgarLine[] | null = null;
  for (let i = Math.max(1, from + 1); i < Math.min(to, lines.length); i++) {
    const prev = (out ?? lines)[i - 1]!;
    const l = lines[i]!;
    if (prev.trimmed === '' || l.trimmed === '' || / {3,}/.test(prev.trimmed) || / {3,}/.test(l.trimmed))
      continue;
    if (l.opensTable || l.closesTable || l.pageBreak) continue;
    if (!continuesCell(prev.trimmed, l.trimmed)) continue;
    out ??= [...lines];
    const trimmed = `${prev.trimmed} ${l.trimmed}`;
    out[i - 1] = { ...prev, text: `${' '.repeat(prev.indent)}${trimmed}`, trimmed };
    out[i] = { ...l, text: '', trimmed: '', indent: 0 };
  }
  return out ?? lines;
}
