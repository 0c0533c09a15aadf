/**
 * Dates an exhibit states (SPEC §2.1 "Dates"): "effective March 31, 2006", "dated as of August
 * 18, 2003", "made as of this 18th day of August, 2003", "Amended and restated … as of June 3,
 * 2002", and the "Dated: October 15, 2003" line.
 */

import { isIsoDate } from '../calendar/isoDate.js';
import type { ProseText } from './proseText.js';

export interface FoundDate {
  readonly iso: string;
  /** 1-based line the date was read from */
  readonly line: number;
}

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
// "March 31, 2006" | "the 18th day of August, 2003"
const DATE = `(?:${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})|(?:(?:the|this)\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+day\\s+of\\s+${MONTH},?\\s+(\\d{4}))`;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function isoOf(m: RegExpExecArray, base: number): string | null {
  const monthWord = m[base] ?? m[base + 4];
  const day = m[base + 1] ?? m[base + 3];
  const year = m[base + 2] ?? m[base + 5];
  if (monthWord === undefined || day === undefined || year === undefined) return null;
  const month = MONTH_NUMBERS[monthWord.slice(0, 3).toLowerCase()];
  if (month === undefined) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * @example parseDate('October 15, 2003') === '2003-10-15'
 * @example parseDate('this 18th day of August, 2003') === '2003-08-18'
 */
export function parseDate(text: string): string | null {
  const m = new RegExp(`^\\s*${DATE}`, 'i').exec(text);
  return m ? isoOf(m, 1) : null;
}

/** "March 31, 2006": how the renderer writes a date. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${MONTH_NAMES[Number(m) - 1]} ${Number(d)}, ${y}`;
}

const EFFECTIVE_RE = /\beffective\b/gi;
const EFFECTIVE_NEAR_RE = new RegExp(`^effective(?:\\s+as\\s+of|\\s+on|\\s+from)?,?\\s+${DATE}`, 'i');
// "shall become effective with respect to the Shares of each Portfolio on August 18, 2003"
const EFFECTIVE_FAR_RE = new RegExp(`^effective\\b[^.;]{0,90}?\\b(?:on|as of)\\s+${DATE}`, 'i');

/** Every "effective [as of|on] DATE" in the body, in order. */
export function effectiveDates(prose: ProseText): FoundDate[] {
  const out: FoundDate[] = [];
  for (let m = EFFECTIVE_RE.exec(prose.text); m !== null; m = EFFECTIVE_RE.exec(prose.text)) {
    const window = prose.text.slice(m.index, m.index + 160);
    const d = EFFECTIVE_NEAR_RE.exec(window) ?? EFFECTIVE_FAR_RE.exec(window);
    const iso = d ? isoOf(d, 1) : null;
    if (iso !== null) out.push({ iso, line: prose.lineAt(m.index) });
  }
  return out;
}

const RESTATED_RE = /\bamended\s+and\s+restated\b/gi;
const AS_OF_RE = new RegExp(`\\bas\\s+of\\s+${DATE}`, 'gi');

/** Dates of "Amended and restated … as of …" clauses (Sixth A&R Plan: 1997 … 2002-06-03). */
export function restatedAsOfDates(prose: ProseText): FoundDate[] {
  const out: FoundDate[] = [];
  for (let m = RESTATED_RE.exec(prose.text); m !== null; m = RESTATED_RE.exec(prose.text)) {
    let window = prose.text.slice(m.index, m.index + 400);
    const sentenceEnd = /[a-z0-9]{2}\.\s+(?=[A-Z])/.exec(window);
    if (sentenceEnd) window = window.slice(0, sentenceEnd.index + 3);
    AS_OF_RE.lastIndex = 0;
    for (let d = AS_OF_RE.exec(window); d !== null; d = AS_OF_RE.exec(window)) {
      const iso = isoOf(d, 1);
      if (iso !== null) out.push({ iso, line: prose.lineAt(m.index + d.index) });
    }
  }
  return out;
}

const MADE_AS_OF_RE = new RegExp(`\\b(?:made|dated|entered\\s+into)\\s+as\\s+of\\s+${DATE}`, 'i');

/** The first "dated as of" / "made as of" date: the instrument's date. */
export function madeAsOfDate(prose: ProseText): FoundDate | null {
  const m = MADE_AS_OF_RE.exec(prose.text);
  const iso = m ? isoOf(m, 1) : null;
  return m && iso !== null ? { iso, line: prose.lineAt(m.index) } : null;
}

// "Dated: March 31, 2006", or "Dated as of March 31, 2006" alone on its line — not the body's
// "… dated as of July 23, 1998, pursuant to Rule 12b-1".
const DATED_LINE_RE = new RegExp(`^(?:Dated|DATED)(?:\\s+as\\s+of)?\\s*:\\s*${DATE}`, 'i');
const DATED_ALONE_RE = new RegExp(`^(?:Dated|DATED)(?:\\s+as\\s+of)?\\s+${DATE}\\.?$`, 'i');

/** The "Dated: March 31, 2006" line. */
export function datedLine(trimmed: string): string | null {
  if (!/^(?:Dated|DATED)\b/.test(trimmed)) return null;
  const m = DATED_LINE_RE.exec(trimmed) ?? DATED_ALONE_RE.exec(trimmed);
  return m ? isoOf(m, 1) : null;
}
