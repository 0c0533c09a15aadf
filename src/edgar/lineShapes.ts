/**
 * What a line of an exhibit looks like: a schedule heading ("SCHEDULE A-1", "APPENDIX A"), a
 * group heading in capitals ("AIM EQUITY FUNDS", "INVESCO BOND FUNDS, INC."), the "PORTFOLIOS"
 * label, body prose, or a line that ends a schedule ("All other terms and provisions …").
 */

import { isClassLabel, withoutContinued } from './shareClasses.js';

export interface ScheduleHeading {
  /** "Schedule A", "Schedule A-1", "Appendix A" */
  readonly name: string;
  /** the heading opens with a quote mark: the schedule is quoted inside an amendment */
  readonly quoted: boolean;
  /** the heading line goes on with "TO …" (the instrument's title follows) */
  readonly continuesWithTo: boolean;
}

// Upper-case SCHEDULE/APPENDIX, or any case when alone on the line; "Schedule A-1 of the
// Agreement is hereby deleted" (Amendment No. 2) is prose, not a heading.
// Calvert's "AMENDED SCHEDULE A to MASTER DISTRIBUTION PLAN FOR CLASS A SHARES1": "AMENDED" before
// it, and "to" in lower case before a title in capitals.
// First Investors' "AMENDED AND RESTATED SCHEDULE A / TO THE CLASS A DISTRIBUTION PLAN": the same,
// restated
// Aston Funds' 'SCHEDULE “A”': the letter in quotes, the same heading
// Guinness Atkinson Funds' "Schedule A to the Guinness Atkinson Funds" (its plan's title on the next
// line): mixed case, "to the" and a name in title case — not "Schedule A to the Agreement is amended …",
// whose words after "to the" are a sentence's
const SCHEDULE_HEADING_RE =
  /^(["\u201c]?)\s*(?:AMENDED\s+(?:AND\s+RESTATED\s+)?)?(SCHEDULE|APPENDIX|Schedule|Appendix)\s+(?:["\u201c](?=[A-Z]["\u201d]))?([A-Z](?:-\d{1,2})?)(?:(?<=["\u201c][A-Z])["\u201d])?\s*(\(continued\)|\(CONTINUED\)|TO\b.*|to\s+[^a-z]+|to\s+the\s+[A-Z].*)?$/;

export function scheduleHeading(trimmed: string): ScheduleHeading | null {
  const m = SCHEDULE_HEADING_RE.exec(trimmed);
  if (!m) return null;
  const keyword = m[2]!;
  const rest = m[4] ?? '';
  // "SCHEDULE A to the Plan is hereby amended as follows:": a sentence after "to the", in any case
  if (/^to\s+the\s/.test(rest) && !namedAfterToThe(rest)) return null;
  if (keyword !== keyword.toUpperCase() && rest !== '' && !namedAfterToThe(rest)) return null;
  if (rest.startsWith('TO') && /[a-z]/.test(rest)) return null;
  const name = `${keyword.charAt(0).toUpperCase()}${keyword.slice(1).toLowerCase()} ${m[3]}`;
  return { name, quoted: m[1] !== '', continuesWithTo: /^to\b/i.test(rest) };
}

/** "to the Guinness Atkinson Funds": a name in title case after "to the", no sentence. */
function namedAfterToThe(rest: string): boolean {
  const m = /^to\s+the\s+([A-Z].*)$/.exec(rest);
  if (!m) return false;
  const name = m[1]!.trim();
  if (/[.,;:]$/.test(name)) return false;
  return name.split(/\s+/).every((w) => /^[A-Z0-9&(\u201c"]/.test(w) || SMALL_WORDS.has(w));
}

const SMALL_WORDS = new Set([
  'and',
  'of',
  'the',
  'for',
  'de',
  'or',
  'to',
  'in',
  'a',
  'an',
  'on',
  'at',
  'with',
]);

/** Letters are all capitals (and there are some). */
export function isAllCaps(text: string): boolean {
  return /[A-Z]{2}/.test(text) && !/[a-z]/.test(text);
}

/**
 * Body text rather than a name: a sentence (ends in . , ; :), starts in lower case, or has
 * several lower-case words that are not the small words of fund names.
 * @example isProse('All other terms and provisions of the Plan not amended herein shall remain in') === true
 * @example isProse('AIM Global Science and Technology Fund') === false
 */
export function isProse(trimmed: string): boolean {
  if (isAllCaps(trimmed)) return false;
  if (proseByItsWords(trimmed)) return true;
  // a long line no sentence mark or lower-case word shows to be text is prose by its length —
  // but a portfolio's name all the same where it ends as one ("… Allocation Fund"): names of over
  // 90 characters are printed in HTML schedules, and a name read as prose ended the list there
  return trimmed.length > 90 && !FUND_NAME_END_RE.test(trimmed);
}

/**
 * A line over 90 characters that only its length makes prose: no sentence mark, no lower-case
 * word beyond a name's small ones — what a list's reader cannot tell from a long name.
 * @example proseOnlyByLength('Invesco Global Tactical Asset Allocation and Balanced-Risk Commodity Strategy Fund (Series II)') === true
 */
export function proseOnlyByLength(trimmed: string): boolean {
  return !isAllCaps(trimmed) && trimmed.length > 90 && !proseByItsWords(trimmed);
}

const FUND_NAME_END_RE =
  /\b(?:Fund|Funds|Portfolio|Portfolios|Trust|Series|Account|Fund\s+I{1,3}|Fund\s+IV)["\u201d]?$/;

function proseByItsWords(trimmed: string): boolean {
  if (/^[a-z]/.test(trimmed)) return true;
  if (/[,;:]$/.test(trimmed)) return true;
  if (/[a-z)]{2}\.$/.test(trimmed) && !/\b(?:Inc|Co|Corp|Ltd|Jr|Sr)\.$/.test(trimmed)) return true;
  let lower = 0;
  for (const w of trimmed.split(/\s+/)) {
    const bare = w.replace(/^[("'\u201c]+/, '');
    if (/^[a-z]/.test(bare) && !SMALL_WORDS.has(bare.replace(/[^a-z]/g, ''))) lower++;
    if (lower >= 2) return true;
  }
  return false;
}

/**
 * "PORTFOLIO", "PORTFOLIOS", "Portfolio - Class K Shares", "PORTFOLIOS:", "PORTFOLIO (CLASS A SHARES)",
 * Guinness Atkinson's "Participating Funds"
 */
export function portfolioLabel(trimmed: string): { classes: string | null } | null {
  const m =
    /^(?:PARTICIPATING\s+|Participating\s+)?(?:PORTFOLIOS?|Portfolios?|FUNDS?|Funds?|SERIES|Series)\s*(?:[-\u2013\u2014:]\s*(.*)|\((.*)\))?$/.exec(
      trimmed,
    );
  if (!m) return null;
  const rest = (m[1] ?? m[2] ?? '').trim();
  if (rest === '') return { classes: null };
  return isClassLabel(rest) ? { classes: rest } : null;
}

/** A parenthesised line: "(CLASS R SHARES)", "(DISTRIBUTION AND SERVICE FEES)". */
export function isParenthesised(trimmed: string): boolean {
  return /^\(.*\)["\u201d]?$/.test(trimmed) && !/^\(\d{1,2}\)\s/.test(trimmed);
}

// Lines after which a schedule is over: the amendment's closing clause, signatures, the date
// line, an Exhibit (Agreement Exhibit A: allocation rules, not portfolios), "[Signature Page
// follows]" (Victory, under its Schedule I).
const END_RE =
  /^(?:All other terms|IN WITNESS|In witness|Dated\s*:|Date\s*:|By\s*:|Attest\s*:|Name\s*:|Title\s*:|\/s\/|EXHIBIT\s+\S+$|Exhibit\s+\S+$|W I T N E S S|\[\s*(?:Signature|SIGNATURE)\s+(?:Pages?|PAGES?|pages?)\s+(?:Follows?|FOLLOWS?|follows?)\.?\s*\]$)/;

export function endsSchedule(trimmed: string): boolean {
  return END_RE.test(trimmed);
}

/** A capitals group heading: the Registrant of the rows below it (SPEC §2.1). */
export function isGroupHeading(heading: string): boolean {
  // a heading repeated after a page break: "AIM EQUITY FUNDS (continued)"
  const trimmed = withoutContinued(heading);
  if (!isAllCaps(trimmed)) return false;
  if (/^[(\u201c"*]/.test(trimmed)) return false;
  if (/\d+(?:\.\d+)?\s*%/.test(trimmed)) return false;
  if (/^(?:SCHEDULE|APPENDIX|EXHIBIT|TO|OF|PORTFOLIOS?)\b/.test(trimmed)) return false;
  return !isClassLabel(trimmed);
}

/** A group heading as the Registrant's name: "(continued)" and a trailing colon dropped. */
export function groupName(trimmed: string): string {
  return withoutContinued(trimmed).replace(/:$/, '').replace(/\s+/g, ' ').trim();
}

// An exhibit's designation in a registration statement's exhibit list (Form N-1A Item 28): "m(4)(b)",
// "(e)(1)(b)", "99.m(2)(b)", "m.4.q", "m (11)" — after "EXHIBIT", or alone on the first line.
const DESIGNATION = String.raw`(?:99\.?\s?)?\(?[a-z]{1,2}\)?(?:\s?\(\d{1,2}\)|\.\d{1,2})(?:\s?\([a-z0-9]{1,4}\)|\.[a-z0-9]{1,4})*`;
const BARE_DESIGNATION_RE = new RegExp(`^(${DESIGNATION})$`, 'i');
// "EXHIBIT m(4)(b)", and "EXHIBIT m (1)(b)" with a space inside the designation
const LABELLED_RE = new RegExp(`^EXHIBIT\\s+(${DESIGNATION}|\\S+)$`, 'i');
// …and Harding Loevner's "Ex.99.(m)(7)"
const EDGAR_TYPE_RE = /^(?:EX-|Ex\.)(\d{1,3}(?:\.[A-Za-z0-9()]+)+)$/;

/**
 * The exhibit designation a title line states, or null: "EXHIBIT (e)(1)(b)" → "(e)(1)(b)", and
 * a designation printed alone ("m(4)(b)", right-aligned above the title). "EXHIBIT A" names a
 * schedule, not the exhibit.
 * @example exhibitLabel('m(4)(b)') === 'm(4)(b)'
 * @example exhibitLabel('EXHIBIT m (1)(b)') === 'm (1)(b)'
 * @example exhibitLabel('EXHIBIT A') === null
 * @example exhibitLabel('EX-99.B(m)') === '99.B(m)'
 */
export function exhibitLabel(trimmed: string): string | null {
  // the EDGAR exhibit type alone on its line above the title: "EX-99.B(m)" → "99.B(m)"
  const edgarType = EDGAR_TYPE_RE.exec(trimmed);
  if (edgarType) return edgarType[1]!;
  const labelled = LABELLED_RE.exec(trimmed);
  if (labelled) return /^[A-Z]$/.test(labelled[1]!) ? null : labelled[1]!;
  return BARE_DESIGNATION_RE.exec(trimmed)?.[1] ?? null;
}

/** "1 entry", "10 entries": a count as a message says it. */
export function entriesCounted(n: number): string {
  return n === 1 ? '1 entry' : `${n} entries`;
}
