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
// "May 29,1998": a comma with no space after it is still the year's
// "the first day of May, 2004", "the twenty-first day of …": the day as an ordinal word
const ORDINAL_DAYS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
] as const;
const ORDINAL_DAY = `(?:twenty|thirty)[-\\s]?(?:${ORDINAL_DAYS.slice(0, 9).join('|')})|thirtieth|${ORDINAL_DAYS.join('|')}`;
const DATE = `(?:${MONTH}\\s+(\\d{1,2})(?:,\\s*|\\s+)(\\d{4})|(?:(?:the|this)\\s+)?(\\d{1,2}|${ORDINAL_DAY})(?:st|nd|rd|th)?\\s+day\\s+of\\s+${MONTH}(?:,\\s*|\\s+)(\\d{4}))`;

/** "21", "first", "twenty-first", "thirtieth" → the day of the month it names. */
function dayNumber(day: string): number {
  if (/^\d+$/.test(day)) return Number(day);
  const word = day.toLowerCase().replace(/\s+/g, '-');
  if (word === 'thirtieth') return 30;
  const tens = /^(twenty|thirty)-?(.*)$/.exec(word);
  if (tens !== null) return (tens[1] === 'twenty' ? 20 : 30) + ORDINAL_DAYS.indexOf(tens[2] as 'first') + 1;
  return ORDINAL_DAYS.indexOf(word as 'first') + 1;
}

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
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(dayNumber(day)).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * @example parseDate('October 15, 2003') === '2003-10-15'
 * @example parseDate('this 18th day of August, 2003') === '2003-08-18'
 */
/** `text` with every date it states ("March 1, 2009", "the first day of March, 2009") blanked. */
export function withoutDates(text: string): string {
  return text.replace(new RegExp(DATE, 'gi'), ' ');
}

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

// The date by which an amendment names the instrument it amends: "The Plan (the "Plan"), dated as
// of August 18, 2003, … is hereby amended", "The Master Distribution Agreement …, dated July 1,
// 2000, by and between …", "The First Restated Master Distribution Plan …, effective July 1,
// 2004, as subsequently amended, … is hereby amended", "THIS AMENDMENT … amends that certain …
// Plan …, dated March 1, 2007, and amended on …", "The Sixth Amended and Restated Master
// Distribution Plan …, amended and restated as of June 3, 2002, is hereby amended".
const INSTRUMENT_DATE_RE = new RegExp(
  `\\b(?:made|dated|entered\\s+into|effective|restated)(?:\\s+effective)?(?:\\s+as\\s+of)?,?\\s+${DATE}`,
  'gi',
);
const SENTENCE_BOUNDARY_RE = /[a-z0-9)"\u201d]{2}[.:;]\s+(?=[A-Z"\u201c])/g;
const AMENDING_VERB_RE = /\bhereby\s+amended\b|\bamends\s+(?:that\s+certain|the)\b/i;

/**
 * The amended instrument's date, as the amendment's naming clause states it (the sentence whose
 * verb is "is hereby amended" / "amends"): the nearest instrument date before the verb, else the
 * first after it (the clause's own date — "hereby amended, effective …", "THIS AMENDMENT made
 * effective as of …" — is the amendment's, never the instrument's). Null where it states none.
 * @example amendedInstrumentDate(prose('The Agreement, dated July 1, 2000, … is hereby amended as follows:'))?.iso === '2000-07-01'
 */
export function amendedInstrumentDate(prose: ProseText): FoundDate | null {
  const verb = AMENDING_VERB_RE.exec(prose.text);
  if (verb === null) return null;
  const own: [number, number][] = [];
  for (const re of OWN_DATE_RES) {
    const m = re.exec(prose.text);
    if (m !== null) own.push([m.index, m.index + m[0].length]);
  }
  // the naming clause: from the sentence's start (at most 600 characters back) to its end
  const from = Math.max(0, verb.index - 600);
  const before = prose.text.slice(from, verb.index);
  let start = from;
  for (const b of before.matchAll(SENTENCE_BOUNDARY_RE)) start = from + b.index + b[0].length;
  const after = prose.text.slice(verb.index, verb.index + 600);
  const sentenceEnd = /[a-z0-9)]{2}[.:]\s+(?=[A-Z])/.exec(after);
  const end = verb.index + (sentenceEnd === null ? after.length : sentenceEnd.index + 3);
  let beforeVerb: FoundDate | null = null;
  let afterVerb: FoundDate | null = null;
  INSTRUMENT_DATE_RE.lastIndex = start;
  for (
    let m = INSTRUMENT_DATE_RE.exec(prose.text);
    m !== null && m.index < end;
    m = INSTRUMENT_DATE_RE.exec(prose.text)
  ) {
    if (own.some(([a, b]) => m!.index < b && m!.index + m![0].length > a)) continue;
    const iso = isoOf(m, 1);
    if (iso === null) continue;
    const found = { iso, line: prose.lineAt(m.index) };
    if (m.index < verb.index) beforeVerb = found;
    else if (afterVerb === null) afterVerb = found;
  }
  return latestRestatement(prose, start, end, own) ?? beforeVerb ?? afterVerb;
}

const RESTATED_ON_RE = new RegExp(`\\brestated(?:\\s+as\\s+of)?,?\\s+${DATE}`, 'gi');
const AND_DATE_RE = new RegExp(`^,?\\s+and\\s+(?:as\\s+of\\s+)?${DATE}`, 'i');

/**
 * A restated instrument is known by its latest restatement (seed 002: the Sixth Amended and
 * Restated Plan "amended and restated as of June 3, 2002", never its first date): "the Second
 * Restated Master Distribution Agreement … made as of the 18th day of August, 2003, as subsequently
 * amended, and as restated the 20th day of September, 2006 and the 4th day of May, 2010" is the
 * Agreement of May 4, 2010 — whether the clause names it before "is hereby amended" or after "This
 * Amendment … amends". The naming clause's [start, end), the amendment's own dates left out.
 */
function latestRestatement(
  prose: ProseText,
  start: number,
  end: number,
  own: readonly [number, number][],
): FoundDate | null {
  let latest: FoundDate | null = null;
  RESTATED_ON_RE.lastIndex = start;
  for (
    let m = RESTATED_ON_RE.exec(prose.text);
    m !== null && m.index < end;
    m = RESTATED_ON_RE.exec(prose.text)
  ) {
    if (own.some(([a, b]) => m!.index < b && m!.index + m![0].length > a)) continue;
    let iso = isoOf(m, 1);
    let at = m.index;
    // "… restated the 20th day of September, 2006 and the 4th day of May, 2010": the chain's last
    let rest = m.index + m[0].length;
    for (let more = AND_DATE_RE.exec(prose.text.slice(rest)); more !== null; ) {
      const next = isoOf(more, 1);
      if (next === null) break;
      iso = next;
      at = rest;
      rest += more[0].length;
      more = AND_DATE_RE.exec(prose.text.slice(rest));
    }
    if (iso !== null) latest = { iso, line: prose.lineAt(at) };
  }
  return latest;
}

const ADOPTED_AS_OF_RE = new RegExp(`\\badopted\\s+as\\s+of,?\\s+${DATE}`, 'gi');

/**
 * An amendment with no naming clause ("is hereby amended" / "amends"): the first instrument date
 * its text states that is not the amendment's own — "This AMENDMENT made as of the 24th day of
 * April 2023, … to the Distribution and Service Plan (the Plan) is adopted as of June 29, 2020":
 * the Plan's date is June 29, 2020, never the amendment's April 24, 2023. Null where it states none.
 * @example instrumentDateBesidesOwn(prose('This AMENDMENT made as of May 1, 2023 to the Plan is adopted as of June 29, 2020.'))?.iso === '2020-06-29'
 */
export function instrumentDateBesidesOwn(prose: ProseText): FoundDate | null {
  const own: [number, number][] = [];
  for (const re of OWN_DATE_RES) {
    const m = re.exec(prose.text);
    if (m !== null) own.push([m.index, m.index + m[0].length]);
  }
  const notOwn = (m: RegExpExecArray) => !own.some(([a, b]) => m.index < b && m.index + m[0].length > a);
  // a naming clause that states no date ("The Plan is hereby amended as follows: WHEREAS, effective
  // July 1, 2004, … was renamed"): a later sentence's date is no instrument's — only a "made as of"
  if (AMENDING_VERB_RE.test(prose.text)) {
    const m = MADE_AS_OF_RE.exec(prose.text);
    const iso = m !== null && notOwn(m) ? isoOf(m, 1) : null;
    return m !== null && iso !== null ? { iso, line: prose.lineAt(m.index) } : null;
  }
  let first: { index: number; found: FoundDate } | null = null;
  for (const re of [INSTRUMENT_DATE_RE, ADOPTED_AS_OF_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(prose.text); m !== null; m = re.exec(prose.text)) {
      if (!notOwn(m)) continue;
      const iso = isoOf(m, 1);
      if (iso === null) continue;
      if (first === null || m.index < first.index)
        first = { index: m.index, found: { iso, line: prose.lineAt(m.index) } };
      break;
    }
  }
  return first?.found ?? null;
}

// SPEC §2.1: an amendment's date is its amending clause's — "is hereby amended, effective July
// 18, 2005", "is hereby amended, January 18, 2013", "is hereby amended, dated February 28,
// 2020", "is hereby amended, as of August 21, 2018" — never the date by which the clause names the amended Plan ("The Plan, effective July
// 1, 2004, … is hereby amended").
const AMENDING_CLAUSE_RE = new RegExp(
  `\\bhereby\\s+amended,?\\s+(?:(?:effective|dated)\\s+(?:as\\s+of\\s+)?|as\\s+of\\s+)?${DATE}`,
  'i',
);
// Virtus Amendment No. 17: "THIS AMENDMENT made effective as of the 21st day of November, 2019"
const AMENDMENT_MADE_RE = new RegExp(
  `\\bAMENDMENT\\s+(?:is\\s+)?made\\s+(?:effective\\s+)?as\\s+of\\s+${DATE}`,
  'i',
);

// "This Amendment dated as of September 24, 2012, amends the … Agreement … made as of …", "This
// Amendment, dated as of March 31, 2021, amends …", "This Amendment No. 4, dated and effective as
// of …": the amendment names its own date before it names what it amends; a later "effective …"
// in the same clause ("dated as of X, effective Y") is when it takes effect. LVIP's "This Amendment
// (the “Amendment”), effective as of the 1st day of October 2023" names itself in parentheses first.
const THIS_AMENDMENT_DATED_RE = new RegExp(
  `\\bThis\\s+Amendment(?:\\s+No\\.?\\s*\\[?\\d{1,3}\\]?)?(?:\\s*\\((?:the\\s+)?["\\u201c]?Amendment["\\u201d]?\\))?,?\\s+(?:is\\s+)?(?:(?:made(?:\\s+and\\s+entered\\s+into)?|dated|entered\\s+into)(?:\\s+and\\s+effective|\\s+effective)?|effective)(?:\\s+as\\s+of)?,?\\s+${DATE}(?:,?\\s+(?:and\\s+)?effective(?:\\s+as\\s+of|\\s+on)?,?\\s+${DATE})?`,
  'i',
);
// "This Amendment No. 1 to the First Amended and Restated Distribution Plan (Class P Shares) (the
// "Distribution Plan") previously adopted by the Board …, is effective July 1, 2005.": the clause
// names what it amends first and its own date at the end of the same sentence ("No. 1" is no end)
const THIS_AMENDMENT_IS_EFFECTIVE_RE = new RegExp(
  `\\bThis\\s+Amendment\\b(?:[^.]|\\.(?=\\s*\\d)){0,400}?,?\\s+is\\s+effective(?:\\s+as\\s+of|\\s+on)?,?\\s+${DATE}`,
  'i',
);
// JNL's "In Witness Whereof, the Trust and the Distributor have caused this Amendment to be executed,
// effective November 15, 2022.": the amendment's own date, in its closing sentence
const EXECUTED_EFFECTIVE_RE = new RegExp(
  `\\bcaused\\s+this\\s+Amendment\\s+to\\s+be\\s+executed,?\\s+(?:and\\s+)?effective(?:\\s+as\\s+of|\\s+on)?,?\\s+${DATE}`,
  'i',
);
/** Each regex that finds the amendment's own date, in the order SPEC §2.1 prefers them. */
const OWN_DATE_RES = [
  AMENDING_CLAUSE_RE,
  AMENDMENT_MADE_RE,
  THIS_AMENDMENT_DATED_RE,
  THIS_AMENDMENT_IS_EFFECTIVE_RE,
  EXECUTED_EFFECTIVE_RE,
];

/** The date the amending clause gives, or null when it gives none ("is hereby amended as follows"). */
export function amendingClauseDate(prose: ProseText): FoundDate | null {
  for (const re of OWN_DATE_RES) {
    const m = re.exec(prose.text);
    // "dated as of X, effective Y": the explicit effective date wins
    const iso = m ? ((m[7] !== undefined ? isoOf(m, 7) : null) ?? isoOf(m, 1)) : null;
    if (m && iso !== null) return { iso, line: prose.lineAt(m.index) };
  }
  return null;
}

// "is hereby amended, effective , 2003, as follows", "effective April ___, 2006", "effective as of
// [ ]", "is hereby amended, [          ], 2013,": the amending clause leaves its date blank (a
// draft or a form)
const BLANK_EFFECTIVE_RE = new RegExp(
  `\\beffective(?:\\s+as\\s+of|\\s+on)?\\s*(?:${MONTH}\\s*)?(?:_{2,}|\\[\\s*\\])?\\s*,\\s*\\d{4}\\b|\\beffective(?:\\s+as\\s+of|\\s+on)?\\s+(?:_{2,}|\\[\\s*\\])|\\bhereby\\s+amended,?\\s+(?:as\\s+of\\s+)?(?:${MONTH}\\s*)?(?:_{2,}|\\[\\s*\\])\\s*,?\\s*\\d{4}\\b`,
  'i',
);

/**
 * An "effective" clause whose date is left blank, as printed.
 * @example blankEffectiveDate(prose('is hereby amended, effective , 2003, as follows:'))?.text === 'effective , 2003'
 */
export function blankEffectiveDate(prose: ProseText): { line: number; text: string } | null {
  const m = BLANK_EFFECTIVE_RE.exec(prose.text);
  return m ? { line: prose.lineAt(m.index), text: m[0] } : null;
}

// "This Amendment, dated as of [September 25, 2012], amends …": a draft's date put in brackets,
// to be confirmed when it is signed
const BRACKETED_DATE_RE = new RegExp(`\\[\\s*${MONTH}\\s+\\d{1,2},?\\s*\\d{4}\\s*\\]`, 'i');

/**
 * A date printed in brackets, as a draft prints the date it proposes (SPEC §2.1: a placeholder,
 * no date the document takes effect).
 * @example bracketedDate(prose('This Amendment, dated as of [September 25, 2012], amends'))?.text === '[September 25, 2012]'
 */
export function bracketedDate(prose: ProseText): { line: number; text: string } | null {
  const m = BRACKETED_DATE_RE.exec(prose.text);
  return m ? { line: prose.lineAt(m.index), text: m[0] } : null;
}

/** "is hereby amended …" / "THIS AMENDMENT … amends": the body amends an instrument. */
export function hasAmendingClause(prose: ProseText): boolean {
  return (
    /\bhereby\s+amended\b|\bAMENDMENT\b[^.]{0,80}\bamends\b/i.test(prose.text) ||
    // LVIP's "1. Schedule A shall be deleted in its entirety and replaced with the amended Schedule A
    // attached below.", JNL's "Schedule A to the Agreement is hereby deleted and replaced in its
    // entirety with Schedule A dated …": the amendment's clause, though it says no "hereby amended"
    // (Invesco's "is hereby deleted in its entirety and replaced with the following:" under a title
    // that is its body's first sentence stays as it was read)
    /\b(?:Schedule|Appendix|Exhibit)\s+[A-Z](?:-\d{1,2})?\b[^.]{0,60}?\b(?:shall\s+be\s+deleted\s+(?:in\s+its\s+entirety\s+)?|is\s+hereby\s+deleted\s+)and\s+replaced\b/i.test(
      prose.text,
    )
  );
}

const RETROACTIVE_RE = new RegExp(`\\bretroactive\\s+to\\s+${DATE}`, 'i');

/** "the Plan is amended retroactive to September 24, 2007" (Virtus Amendment No. 17). */
export function retroactiveDate(prose: ProseText): FoundDate | null {
  const m = RETROACTIVE_RE.exec(prose.text);
  const iso = m ? isoOf(m, 1) : null;
  return m && iso !== null ? { iso, line: prose.lineAt(m.index) } : null;
}

// Lines that date a schedule filed on its own: "Dated: March 29, 1993, as amended on August 30,
// 2002 and on November 14, 2003.", "Dated: April 30, 2010, As Amended August 17, 2018",
// "Effective: December 8, 2005" / "Amended and Restated: July 28, 2006", "(Amended & Restated
// as of February 27, 2015)", "Dated March 6, 2014".
// "Date: June 12, 2009" (Neuberger Berman) too, with its colon: "Date of …" is prose.
// "Adopted as of: December 13, 2023" (Virtus) with its colon, where a "Dated:" line would stand.
const DATE_LINE_RE =
  /^\(?\s*(?:Dated|DATED|Effective|EFFECTIVE|Amended\s+(?:and|&)\s+Restated)\b|^(?:Date|DATE|(?:Adopted|ADOPTED)(?:\s+(?:as|AS)\s+(?:of|OF))?)\s*:/;
const DATE_G = new RegExp(DATE, 'gi');
const DATED_LINE_RE = /^(?:dated|date\s*:|adopted(?:\s+as\s+of)?\s*:)/i;
// a blank where the day or month goes: "Dated:        , 2002", "__________, 2003", "August __, 2009", "[ ]"
const PLACEHOLDER_RE = /_{2,}|\[\s*\]|:\s*,\s*\d{4}|\b[A-Z][a-z]+\s+,\s*\d{4}|^\S+\s*:?\s*$/;

// the end of a schedule's date aside wrapped onto its own line, nothing else on it: "(as amended on
// June 18, 2015 with respect to the Orinda Income Opportunities Fund;" / "effective as of June 28,
// 2015)" (Advisors Series Trust) — the date the schedule takes effect
const EFFECTIVE_LINE_END_RE = /^effective\s+(?:as\s+of\s+)?[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}\s*\)?\.?$/;

export interface DateLine {
  /** every date on the line, in order */
  readonly dates: readonly FoundDate[];
  /** the line has a blank where a date goes */
  readonly placeholder: boolean;
  /** a "Dated:" line and its kin ("Date:", "Adopted as of:"): the date the document was signed or adopted */
  readonly dated: boolean;
  /** a footnote marker glued to a date's year ("As of May 1, 20201": 2020 and footnote 1), as printed */
  readonly markedYear: string | null;
  /** the dates end in a blank one ("as revised March 15, 1999 and ________, 2000"): the latest is not filled in */
  readonly blankAfterDates: boolean;
  readonly line: number;
  readonly text: string;
}

/**
 * A line that dates the document, with the dates it states.
 * @example dateLine('Dated:   March 29, 1993, as amended on August 30, 2002 and on November 14, 2003.', 9)?.dates.map((d) => d.iso)
 *   → ['1993-03-29', '2002-08-30', '2003-11-14']
 */
export function dateLine(trimmed: string, no: number): DateLine | null {
  if (!DATE_LINE_RE.test(trimmed) && !isScheduleDateLine(trimmed) && !EFFECTIVE_LINE_END_RE.test(trimmed))
    return null;
  const text = trimmed.replace(/\s+,/g, ',').replace(/\s+/g, ' ');
  const dates: FoundDate[] = [];
  let markedYear: string | null = null;
  // where the last date printed ends (a blank one may follow it)
  let lastEnd = -1;
  DATE_G.lastIndex = 0;
  for (let m = DATE_G.exec(text); m !== null; m = DATE_G.exec(text)) {
    lastEnd = m.index + m[0].length;
    const iso = isoOf(m, 1);
    if (iso === null) continue;
    dates.push({ iso, line: no });
    const marker = FOOTNOTE_AFTER_YEAR_RE.exec(text.slice(m.index + m[0].length));
    if (marker !== null && markedYear === null) markedYear = m[0] + marker[0];
  }
  const placeholder = dates.length === 0 && PLACEHOLDER_RE.test(text);
  if (dates.length === 0 && !placeholder) return null;
  const blankAfterDates = lastEnd >= 0 && BLANK_LAST_DATE_RE.test(text.slice(lastEnd));
  return {
    dates,
    placeholder,
    dated: DATED_LINE_RE.test(trimmed),
    markedYear,
    blankAfterDates,
    line: no,
    text: trimmed,
  };
}

// A fee schedule's own date, the whole line: "As of May 1, 2011", "(as of May 1, 2011)", "Amended
// as of May 1, 2011", "As amended May 1, 2011", "Last amended: May 1, 2011", "Revised: May 1, 2011",
// "AMENDED AND RESTATED FEBRUARY 5, 2020" (Legg Mason, under its appendix title), "Current as of
// December 2, 2015" (Victory, under its rows), "Date last updated: March 1, 2019" (Voya)
// …and Wells Fargo's "Approved by the Board of Trustees: March 26, 1999, as amended February 4, 2003."
// under its Appendix A (its "Most recent annual approval date" is a continuance, no date of it)
// …and Brown Advisory's "As adopted by the Board of Trustees: May 2, 2012" over "As amended by the
// Board of Trustees: September 24, 2015" under its Schedule A
// …and Van Eck's "Exhibit A last amended on September 26, 2013" under its rows
const SCHEDULE_DATE_PREFIX_RE =
  /^\(?\s*(?:(?:as\s+(?:adopted|amended)\s+by|approved\s+by)\s+the\s+board(?:\s+of\s+(?:trustees|directors))?|(?:current\s+)?as\s+of|(?:(?:exhibit|schedule|appendix)\s+[A-Z]\s+(?=last\s))?(?:date\s+)?(?:last\s+)?(?:amended(?:\s+(?:and|&)\s+restated)?|revised|updated)(?:\s+(?:as\s+of|on|through|effective))?|as\s+(?:amended|revised|updated)(?:\s+(?:as\s+of|on|through|effective))?)\s*:?\s*/i;
// "… to add X Fund and Y Fund.", "… to reflect …": what a schedule's last amendment did, after its date
const AMENDED_TO_RE = /^\s+to\s+(?:add|reflect|remove|delete|change|include)\b.*$/i;
// a footnote marker printed against the year ("As of September 23, 2020¹" rendered "20201"): one
// digit or mark, then no more digits
const FOOTNOTE_AFTER_YEAR_RE = /^(?:\d|[\u00b9\u00b2\u00b3\u2074-\u2079*\u2020])(?!\d)/;
// what may stand between and after its dates: "May 1, 2011 and June 1, 2012", "…, 2011)."
// …and "March 26, 1999, as amended February 4, 2003"
const BETWEEN_DATES_RE = /^[\s,;.)]*(?:(?:and|&|as\s+amended)(?:\s+(?:on|as\s+of))?[\s,;.)]*)?$/i;
// a chain of dates whose last one is left blank: "…, March 15, 1999 and __________, 2000)", or the
// blank at the end of a line that wraps its year onto the next ("… and ___________," / "2000)")
const BLANK_LAST_DATE_RE =
  /^[\s,;]*(?:and|&)\s+(?:on\s+|as\s+of\s+)?(?:_{2,}|\[\s*\])\s*,?\s*(?:\d{4}\s*\)?\.?)?\s*$/i;

/**
 * A line that is nothing but a fee schedule's date (its prefix, then dates, then at most a closing
 * parenthesis): such a line dates a schedule filed on its own, and is no row of its list.
 * @example isScheduleDateLine('(as of May 1, 2011)') === true
 * @example isScheduleDateLine('As of the date of this Plan, each Fund shall pay') === false
 */
export function isScheduleDateLine(trimmed: string): boolean {
  const prefix = SCHEDULE_DATE_PREFIX_RE.exec(trimmed);
  if (prefix === null) return false;
  const rest = trimmed.slice(prefix[0].length).replace(/\s+,/g, ',').replace(/\s+/g, ' ');
  const dates = new RegExp(DATE, 'gi');
  let at = 0;
  let seen = 0;
  for (let m = dates.exec(rest); m !== null; m = dates.exec(rest)) {
    if (!BETWEEN_DATES_RE.test(rest.slice(at, m.index))) return false;
    at = m.index + m[0].length;
    seen++;
  }
  if (seen === 0) return PLACEHOLDER_RE.test(rest) && /\d{4}|_{2,}|\[\s*\]/.test(rest);
  // Voya "Date last amended: December 5, 2016 to add Voya Global Corporate Leaders® 100 Fund …":
  // what the last amendment did, after its date
  const after = rest.slice(at).replace(AMENDED_TO_RE, '');
  return BETWEEN_DATES_RE.test(after.replace(FOOTNOTE_AFTER_YEAR_RE, '')) || BLANK_LAST_DATE_RE.test(after);
}

const MONTH_YEAR_RE = new RegExp(`^${MONTH}\\s+(\\d{4})$`, 'i');

/** "July 2013" alone on its line (Pioneer Appendix A): a month, no day → "2013-07". */
export function monthYearLine(trimmed: string): string | null {
  const m = MONTH_YEAR_RE.exec(trimmed);
  if (!m) return null;
  const month = MONTH_NUMBERS[m[1]!.slice(0, 3).toLowerCase()];
  return month === undefined ? null : `${m[2]}-${String(month).padStart(2, '0')}`;
}
