/**
 * What one line of a schedule laid out one cell per line is (an HTML exhibit's table cells,
 * issue 11): a rate, a lone "%", a class, column-heading words, a Registrant heading, a lead-in
 * sentence, a footnote, the line that ends the schedule, or a portfolio name. The reader
 * (cellSchedule.ts) decides what each means from where it stands; this file only says what a
 * line looks like.
 */

import { isScheduleDateLine, monthYearLine } from './dates.js';
import { endsSchedule, isAllCaps, isParenthesised, isProse, portfolioLabel } from './lineShapes.js';
import { numberedName, withoutFormerName } from './portfolioName.js';
import { readRateToken, stripFootnoteSuffix } from './rateToken.js';
import { classCodesIn, isClassLabel, withoutContinued } from './shareClasses.js';

export type ScheduleItem =
  | { readonly kind: 'rate'; readonly pct: string; readonly closesQuote: boolean }
  | { readonly kind: 'percent'; readonly closesQuote: boolean }
  | { readonly kind: 'class'; readonly codes: readonly string[]; readonly closesQuote: boolean }
  /** "Portfolio — Class A Shares": the class of the rows below it */
  | { readonly kind: 'classLabel'; readonly codes: readonly string[] }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'registrant'; readonly name: string }
  /** a parenthesised line: "(INVESCO EQUITY FUNDS)" under a Registrant, "(CLASS A SHARES)", "(Amended … as of …)" */
  | { readonly kind: 'aside'; readonly text: string }
  /** closesQuote: a sentence (a footnote's last words) that ends the quoted schedule: "… thereof).”" */
  | { readonly kind: 'leadIn'; readonly text: string; readonly closesQuote?: boolean }
  | { readonly kind: 'footnote'; readonly text: string; readonly closesQuote?: boolean }
  | { readonly kind: 'end' }
  /** an adoption-date cell ("June 23, 1997", "(January 30, 1995)/June 19, 1995", "N/A"): no rate, no name */
  | { readonly kind: 'date'; readonly closesQuote: boolean; readonly notApplicable?: true }
  | { readonly kind: 'name'; readonly text: string; readonly closesQuote: boolean };

const CLOSING_QUOTE_RE = /["\u201d]+$/;
// after a digit or "%": "*", "^", "π", "µ", "€", "†" — not a letter or digit of the rate
// …and a numbered one: "0.25%(1)", or Calvert's "0.25%2" (a digit after the % sign is no part of
// the rate: the % ends it)
// …and Word's footnote reference, "[2]" (HTML saved from Word: <span class=MsoFootnoteReference>)
const FOOTNOTE_MARK_RE = /(?<=[\d%])(?:[^\w\s.%]{1,2}|\(\d{1,2}\)|\[\d{1,2}\])$|(?<=\d\s?%)\d{1,2}$/;
// a footnote mark printed after a portfolio's name: "*", "(1)" (glued on or a space apart, as an
// HTML <sup>(1)</sup> gives it), Word's footnote reference "[1]", "†"
// …and a digit glued to the name's last word, a fund's word (ProFunds' "Communication Services
// UltraSector ProFund1", its <sup>1</sup> printed against the name): "UltraDow 30 ProFund" keeps
// its number, a word apart
// …and Dunham's "Dunham Alternative Income Fund *", its "*" a space apart as the others' "(1)"
const FOOTNOTE_MARK_AFTER_NAME_RE =
  /(?<=[A-Za-z0-9)])(?:\s?\*{1,3}|\s?\(\d{1,2}\)|\s?\[\d{1,2}\]|[\u2020\u2021]{1,2})$|(?<=[a-z](?:Fund|Portfolio|Trust|Series))[1-9]$/;
// "0.25", ".75%", "0.25 %", "NONE"
const RATE_RE = /^(?:NONE|None|\d{0,3}\.\d{1,4}\s*%?|\d{1,2}\s*%)$/;
const OF_ONE_PERCENT_RE = /^(0?\.\d{1,4})\s+of\s+(?:1|one)\s*(?:%|percent)$/i;

// Words of column headings: "Maximum Asset Based Sales Charge", "Share Class", "Name of Fund",
// "Distribution and/or Service Fee (annual rate expressed as a", "Funds and Class".
const HEADING_WORDS = new Set(
  (
    'maximum minimum max min asset asset-based based sales charge charges service services shareholder ' +
    'aggregate fee fees fee* distribution distribution* and or and/or portfolio portfolios share class classes fund funds ' +
    'name of annual rate rates expressed as a the average daily net assets attributable to shares activities ' +
    'for applicable percentage per annum total 12b-1 % (%) new each trust series ' +
    // Eaton Vance "Name of Fund Adopting this Plan | Date of Original Plans (Inception Date) | Adoption Date"
    'adopting this plan plans adoption adopted date dates original inception amount reimbursable ' +
    // Virtus "Maximum Fee | Current Approved Fee"
    'current approved ' +
    // JPMorgan "Current Name | Former Name | Share Class"
    'former ' +
    // Eaton Vance Class B "SALES / COMMISSION"
    'commission ' +
    // Wells Fargo "Maximum / Rule 12b-1 Fee"
    'rule ' +
    // Voya "Maximum Combined Service and / Distribution Fees*"
    'combined ' +
    // Harding Loevner "Fund | Classes Offered"
    'offered ' +
    // First Investors "Annual Rate of / Compensation Paid to / Underwriter Based on each / Series’
    // Average Daily Net / Assets Attributable to its / Class A Shares": the 12b-1 fee, whole
    'compensation paid underwriter on its ' +
    // a Registrant column beside the funds (its cells the group headings, one spanning its rows)
    'registrant registrants ' +
    // Van Eck "Maximum 12b-1 Fees/Annual Limitation"
    'limitation ' +
    // Dunham's "Funds to be Serviced Under This Plan" over its Appendix A's list of funds
    'be serviced under ' +
    // Guinness Atkinson's "Participating Funds" over its Schedule A's list
    'participating'
  ).split(' '),
);

function headingWord(w: string): boolean {
  // a footnote marker glued on: "Amount*", "Fee(1)", and Legg Mason's "Service Fee1"
  // …and a possessive's apostrophe: "Series’ Average Daily Net"
  const word = stripFootnoteSuffix(w.toLowerCase())
    .replace(/^\(|[),:]$/g, '')
    .replace(/(?<=s)['\u2019]$/, '');
  return HEADING_WORDS.has(word) || HEADING_WORDS.has(word.replace(/(?<=[a-z]{3})[1-9]$/, ''));
}

/**
 * Most of the words are column-heading words: "Series or Fund and Class of Advisors Series Trust"
 * is a column's heading; "Money Market Funds", a section over a table, is not.
 */
export function mostlyHeadingWords(text: string): boolean {
  // Van Eck's "Fees/Annual Limitation": two heading words a slash apart are two words
  const words = text.split(/\s+|\/(?=[A-Za-z])/).filter((w) => w !== '');
  return words.length >= 3 && words.filter(headingWord).length * 4 >= words.length * 3;
}

// BlackRock's "iShares U.S. Aggregate Bond Index Fund": a fund's name whose brand begins in lower
// case, every word after it capitalised, ending as a fund's name does — no sentence
const BRAND_FUND_NAME_RE =
  /^[a-z]+[A-Z][A-Za-z]*(?:\s+[A-Z0-9][A-Za-z0-9&.'\u2019%-]*)*\s+(?:Fund|Portfolio|Trust|Series)$/;

// "Series of ProFunds", "Funds of The Example Trust": the Registrant over its series' column
const SERIES_OF_RE =
  /^(?:Series|Funds|Portfolios)\s+of\s+((?:the\s+)?[A-Z][\w&.,'\u2019-]*(?:\s+[A-Z][\w&.,'\u2019-]*){0,5})$/;

/**
 * The Registrant a "Series of ProFunds" heading names over its series' column, or null.
 * @example seriesOfRegistrant('Series of ProFunds') → 'ProFunds'
 */
export function seriesOfRegistrant(trimmed: string): string | null {
  const m = SERIES_OF_RE.exec(trimmed.replace(/^\|/, '').trim());
  return m === null || /\b(?:Fund|Portfolio)$/.test(m[1]!) ? null : m[1]!.replace(/\s+/g, ' ');
}

const MONTH_DAY_YEAR_RE =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\s*,?\s*\d{4}\b/g;

// a file's path on a drive, its folders between backslashes, ending in a document's extension
const DOCUMENT_PATH_RE = /^[A-Z]:\\(?:[^\\]+\\)+[^\\]+\.(?:docx?|rtf|pdf|wpd|txt)$/i;

const DATE_LABEL_RE = /^(?:Date\s+Last\s+Amended|Last\s+Amended|Adopted(?:\s+as\s+of)?)\s*:?$/i;

/** A cell of dates and nothing else ("October 28, 1993/January 27, 1995", "(August 1, 1995"). */
function isDateCell(t: string): boolean {
  const rest = t.replace(MONTH_DAY_YEAR_RE, '');
  return rest !== t && /^[\s()/,;&*-]*$/.test(rest);
}

const CLASS_IN_HEADING_RE = /(?:^|\s+)of\s+(?:Class\s+[A-Z][A-Z0-9]{0,2}|[A-Z][A-Za-z]{1,20}\s+Class)\)$/;

/** Every word a column-heading word, or a heading that names a class ("… attributable to Adviser Shares)"). */
function isHeadingText(t: string): boolean {
  if (/\battributable\s+to\b|\bas\s+a\s+%/i.test(t)) return true;
  // "… Daily Net Assets of Class C)", "… of Investor Class)": the class a rate heading's
  // parenthesis names, at its close
  const bare = t.replace(CLASS_IN_HEADING_RE, ' of)').trim();
  // Calvert's "Distribution Fee/Service Fee": two heading words on each side of the "/"
  // (and "DISTRIBUTION FEE/" over "SERVICE FEE": the "/" at the end of its first line)
  const words = bare.split(/\s+|(?<=[A-Za-z])\/(?=[A-Za-z])/).map((w) => w.replace(/(?<=[A-Za-z])\/$/, ''));
  // "Fee (as a Percentage of Average Daily Net Assets of Class A)": a heading of a dozen words
  const most = /\(as\s+a\s+percentage\b|\bnet\s+assets\b/i.test(t) ? 12 : 8;
  return (
    words.length <= most &&
    words.every(headingWord) &&
    // "Class A Shares" is a class; "Class of each Fund" and Pioneer's "Class of Shares" head a column
    (!/^Class\s/.test(t) || /\bof\s+each\b/i.test(t) || /^Class(?:es)?\s+of\s+Shares$/i.test(t))
  );
}

// AIM's money market class: "AIM Cash Reserve Shares", later "Invesco Cash Reserve Shares"
const CASH_RESERVE = 'Cash Reserve';
const CASH_RESERVE_RE = /^(?:[A-Z][A-Za-z]+\s+)?CASH\s+RESERVE\s+(?:CLASS\s+)?SHARES$/i;

/** "AIM CASH RESERVE SHARES", "Invesco Cash Reserve Shares": the Cash Reserve class, or null. */
export function cashReserveClass(text: string): string | null {
  return CASH_RESERVE_RE.test(text.trim()) ? CASH_RESERVE : null;
}

const REGISTRANT_WORDS = String.raw`\b(?:Funds?|Trust|Series|Group|Inc\.?)`;
const REGISTRANT_ALIAS_RE = new RegExp(
  String.raw`^[A-Z][^()]*${REGISTRANT_WORDS}\s*\([A-Z][^()]*${REGISTRANT_WORDS}\)$`,
);

/** "AIM EQUITY FUNDS", "AIM COUNSELOR SERIES TRUST (INVESCO COUNSELOR SERIES TRUST)" — not "SMALL CAP STOCK FUND". */
// "Manning & Napier Fund, Inc.", "AIM International Funds, Inc.": a corporation is a Registrant,
// never one of its series
const COMPANY_OF_FUNDS_RE = /^[A-Z][\w&.'\s-]*\bFunds?,?\s+Inc\.?$/;

function isRegistrantHeading(t: string): boolean {
  // "AIM Counselor Series Trust (Invesco Counselor Series Trust)": a Registrant and its other name
  if (REGISTRANT_ALIAS_RE.test(t)) return true;
  if (!isAllCaps(t) || isClassLabel(t)) return false;
  // "PIONEER SERIES TRUST II": a trust's number is its name's
  return (
    /\b(?:FUNDS|TRUST|SERIES|GROUP|INC\.?|CORPORATION)(?:\s+[IVX]{1,4})?$/.test(t) ||
    /\S\s+\([A-Z][^()]*\)$/.test(t)
  );
}

/**
 * @example scheduleItem('0.75') → { kind: 'rate', pct: '0.75', closesQuote: false }
 * @example scheduleItem('Target 2010 Series – Class K') → { kind: 'name', text: 'Target 2010 Series – Class K', … }
 */
export function scheduleItem(trimmed: string): ScheduleItem {
  const closesQuote = CLOSING_QUOTE_RE.test(trimmed);
  // "Core Bond Fund (formerly known as Short Duration Fund)": the old name is a rename (renames.ts),
  // and its words are no sentence
  const t = withoutFormerName(trimmed.replace(CLOSING_QUOTE_RE, '').trim());
  // a footnote marker glued to a rate or its percent sign: "%*", "%^", "%€", "0.25%π"
  const unmarked = t.replace(FOOTNOTE_MARK_RE, '');
  if (unmarked === '%') return { kind: 'percent', closesQuote };
  if (RATE_RE.test(unmarked)) {
    const pct = /^none$/i.test(unmarked) ? '0.00' : readRateToken(unmarked.replace(/\s+/g, ''))?.pct;
    if (pct !== undefined) return { kind: 'rate', pct, closesQuote };
  }
  // ".75 of 1%", "0.25 of 1%" (Legg Mason, older plans): that many hundredths of one percent — the
  // rate the cell states, read exactly as "0.75%" would be
  const ofOne = OF_ONE_PERCENT_RE.exec(unmarked);
  if (ofOne !== null) {
    const pct = readRateToken(ofOne[1]!)?.pct;
    if (pct !== undefined) return { kind: 'rate', pct, closesQuote };
  }
  // the date under a schedule ("Effective: …", "Amended and Restated: …", "July 2013") ends it
  if (
    endsSchedule(t) ||
    /^(?:Effective|EFFECTIVE|Amended\s+and\s+Restated)\s*:/.test(t) ||
    monthYearLine(t) !== null
  )
    return { kind: 'end' };
  // "As of May 1, 2011", "Amended as of …": the schedule's own date (documentDates.ts), set aside
  if (isScheduleDateLine(t)) return { kind: 'aside', text: t };
  // "2000)": the year of a date line wrapped onto its own line ("… and ___________," / "2000)"), no fund
  if (/^\d{4}\)\.?$/.test(t)) return { kind: 'aside', text: t };
  // "Date Last Amended: May 1, 2020", "Adopted March 1, 2019" under an exhibit's title: a date, no fund
  const undated = t.replace(MONTH_DAY_YEAR_RE, '');
  if (undated !== t && DATE_LABEL_RE.test(undated.trim())) return { kind: 'aside', text: t };
  // Voya's "M:\FUNDS\Legal Admin\…\(m)(1)(i) VMF3-SDP-A-A&R-Sched-(updated for CR)-2411F.docx" under
  // its footnote: the word processor's file name printed at the page's foot — no footnote's words
  if (DOCUMENT_PATH_RE.test(t)) return { kind: 'aside', text: t };
  // "N/A": no date in an adoption-date column — and no rate in a rate column (cellSchedule.ts)
  if (/^N\/?A$/i.test(t)) return { kind: 'date', closesQuote, notApplicable: true };
  if (isDateCell(t)) return { kind: 'date', closesQuote };
  const label = portfolioLabel(t.replace(/\s*([-\u2013\u2014])\s*/, ' $1 '));
  if (label !== null && label.classes !== null)
    return { kind: 'classLabel', codes: classCodesIn(label.classes) };
  // "Portfolio Class P Shares" (no dash), "Portfolio – Invesco Cash Reserve Shares"
  const labelled = /^Portfolios?\s*(?:[-\u2013\u2014:]\s*)?(\S.*)$/i.exec(t)?.[1];
  if (labelled !== undefined && CASH_RESERVE_RE.test(labelled))
    return { kind: 'classLabel', codes: [CASH_RESERVE] };
  if (labelled !== undefined && /\bshares\b/i.test(labelled) && isClassLabel(labelled))
    return { kind: 'classLabel', codes: classCodesIn(labelled) };
  // "AIM CASH RESERVE SHARES": a class heading, not a Registrant
  if (CASH_RESERVE_RE.test(t)) return { kind: 'classLabel', codes: [CASH_RESERVE] };
  // "Class B (reim)": a class and a note on it
  const noted = /^(Class\s+[A-Z][A-Z0-9]?)\s*\([a-z][a-z. ]*\)$/.exec(t);
  if (noted) return { kind: 'class', codes: classCodesIn(noted[1]!), closesQuote };
  // the last words of a wrapped sentence ("of the Portfolio.", "as follows:"): prose, no name
  if (/^[a-z]/.test(t) && /[.:;]$/.test(t)) return { kind: 'leadIn', text: t, closesQuote };
  // The Reserve funds' "Investor Class I", "Investor Class II", "Investor Class III": one class each,
  // its numeral part of its name
  const investor = /^Investor\s+Class\s+(I{1,3}|IV)$/i.exec(t);
  if (investor)
    return { kind: 'class', codes: [`Investor Class ${investor[1]!.toUpperCase()}`], closesQuote };
  // Aston's "CLASS N SHARES OF:" over its list of funds: the class of the rows below it — its colon
  // says a list follows (Victory's "FOR / CLASS A SHARES OF / HARBORLIGHT PORTFOLIOS" names the
  // Registrant under it instead)
  const sharesOf = /^(CLASS(?:ES)?\s+\S.*\s+SHARES)\s+OF:$/i.exec(t);
  if (sharesOf !== null && isClassLabel(sharesOf[1]!))
    return { kind: 'classLabel', codes: classCodesIn(sharesOf[1]!) };
  if (isClassLabel(t))
    return /\bshares\b/i.test(t)
      ? { kind: 'classLabel', codes: classCodesIn(t) }
      : { kind: 'class', codes: classCodesIn(t), closesQuote };
  // "*", or the rule printed over the footnotes ("_____"): the footnotes begin
  if (/^\*+\s*$/.test(t) || /^_{5,}$/.test(t)) return { kind: 'footnote', text: '' };
  // "1 Expressed as an annual rate of … attributable to that Class.": a numbered footnote, a sentence
  if (/^\d{1,2}\s+[A-Z][a-z]+\s.*\.$/.test(t) && t.split(/\s+/).length >= 7)
    return { kind: 'footnote', text: t.replace(/^\d{1,2}\s+/, ''), closesQuote };
  // "(1)  Closed to new investors.": a footnote its mark in parentheses begins, a sentence
  if (/^\(\d{1,2}\)\s+[A-Z]/.test(t) && /[a-z)]\.$/.test(t) && t.split(/\s+/).length >= 4)
    return { kind: 'footnote', text: t.replace(/^\(\d{1,2}\)\s+/, ''), closesQuote };
  // Voya's "1Voya Global High Dividend Low Volatility Fund (formerly, …) Service Fee change
  // effective January 2, 2008.": the footnote's number glued to its first word
  // (its first word in capitals too: "1INVESCO Select Equity Fund (formerly, …) …")
  if (/^[1-9][A-Z][A-Za-z]+\s.*\.$/.test(t) && t.split(/\s+/).length >= 7)
    return { kind: 'footnote', text: t.slice(1), closesQuote };
  if (/^\*+\s*\S/.test(t)) return { kind: 'footnote', text: t.replace(/^\*+\s*/, ''), closesQuote };
  if (isParenthesised(t)) return { kind: 'aside', text: t };
  // '"AIM EQUITY FUNDS': the quote that opens a replacement schedule printed with no heading is no
  // part of the Registrant's name
  // …and in "TO THE DISTRIBUTION PLAN" over "OF BIRCHWOOD TRUST" the "OF" is the title's, not the name's
  // "AIM INVESTMENT SECURITIES FUNDS (continued)" at the top of the next page: the same
  // Registrant's heading printed again, never a portfolio
  // "Series of ProFunds" over the fund column: the heading naming the Registrant whose series the
  // rows list — no fund of its own
  const seriesOf = seriesOfRegistrant(t);
  if (seriesOf !== null) return { kind: 'registrant', name: seriesOf };
  // "f/k/a Mobile Telecommunications UltraSector ProFund" under the list, beside its mark: a
  // footnote giving a fund's former name, no fund
  if (/^(?:f\/k\/a|formerly(?:\s+known\s+as)?)\s+\S/i.test(t))
    return { kind: 'footnote', text: t, closesQuote };
  const heading = withoutContinued(t);
  if (isRegistrantHeading(heading) || COMPANY_OF_FUNDS_RE.test(heading))
    return {
      kind: 'registrant',
      name: heading
        .replace(/^["\u201c]/, '')
        .replace(/^OF\s+/, '')
        .replace(/\s+/g, ' '),
    };
  // "12b-1PLAN": the heading over the Portfolio column of Invesco's B/BX tables; "Fee Schedule"
  // over a schedule's fee terms (Northern Lights' Underwriting Agreement Schedule B-6), no fund
  if (isHeadingText(t) || /^12b-1\s*PLAN$/i.test(t) || /^Fee\s+Schedule$/i.test(t))
    return { kind: 'heading', text: t };
  if (isProse(t) && t.split(/\s+/).length >= 6 && !BRAND_FUND_NAME_RE.test(t))
    return { kind: 'leadIn', text: t, closesQuote };
  // "Eaton Vance High Income Fund*", "Invesco Quality Income Fund(1)" (an HTML <sup>(1)</sup>),
  // "… Fund†": the marker refers to a footnote, it is no part of the name
  const name = withoutFormerName(t.replace(FOOTNOTE_MARK_AFTER_NAME_RE, ''));
  return { kind: 'name', text: numberedName(name.replace(/\s+/g, ' ')), closesQuote };
}
