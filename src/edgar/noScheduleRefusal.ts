/**
 * Why a plan or agreement yields no schedule, said at the line that shows it (SPEC §2.1: "A document
 * it cannot read, or reads only in part, gives a clear error naming the file and line. Reading only
 * in part includes a schedule the body names … that the document does not contain").
 *
 * - Its funds listed in its body, under no schedule heading (Hartford's "The Fund and each Class of
 *   those Funds that currently have adopted this Plan, and the effective dates of such adoption, are
 *   as follows:" over "SERIES  CLASS  EFFECTIVE DATE" rows): refused at the list's first line.
 * - A schedule the body names ("the series of the Issuer identified on SCHEDULE A", "set forth on
 *   Exhibit A hereto") that the document does not hold — most often a long plan cut before it:
 *   refused at the line that names it, saying where the text ends mid-sentence.
 * - Neither: no schedule heading at all, as before.
 */

import type { EdgarLine } from './edgarText.js';
import { ExhibitParseError } from './exhibitDocument.js';

const words = (l: EdgarLine) => l.trimmed.replace(/^\|/, '').trim();

// "… are as follows:", "… replaced with the following:": a list follows
const LIST_LEAD_IN_RE = /\b(?:as\s+follows|the\s+following)\s*:\s*$/i;
// a fund list's heading row or first row: "SERIES  CLASS  EFFECTIVE DATE", "Series and Class Effective
// Date", "The Hartford Mutual Funds II, Inc.", "The Hartford Advisers Fund A July 22, 1996"
const LIST_LINE_RE =
  /^(?:SERIES\b|FUNDS?\b|PORTFOLIOS?\b|NAME\s+OF\s+(?:THE\s+)?(?:FUND|SERIES|PORTFOLIO)\b)|\b(?:Fund|Funds|Trust|Portfolio|Series|Inc\.)\b/i;
/**
 * "1. As to each Portfolio, the Fund shall pay to the Distributor a fee", "1. The Fund shall pay to
 * the Distributor a fee at the annual rate": a numbered clause of prose — its words run in lower
 * case beyond a name's "of", "and", "for" ("1. Victory Fund for Income" is a numbered fund).
 * Lettered too: American Funds' Class B plan under "The categories of expenses are as follows:",
 * "a. Service Fees. The Fund shall pay to the Distributor monthly in arrears".
 */
function isNumberedClause(t: string): boolean {
  const m = /^(?:\d{1,2}\.|[a-z]\.|\([a-z0-9]{1,3}\))\s+(.*)$/.exec(t);
  if (m === null) return false;
  const lower = m[1]!.split(/\s+/).filter((w) => /^[a-z]/.test(w) && !NAME_CONNECTORS.has(w));
  return lower.length >= 2;
}

const NAME_CONNECTORS = new Set(['of', 'and', 'for', 'the', 'in', 'de', 'du', 'la']);
// "on Schedule A", "SCHEDULE A attached hereto", "Exhibit A hereto", "Appendix A to this Plan"
const NAMED_SCHEDULE_RE = /\b(SCHEDULE|EXHIBIT|APPENDIX)\s+([A-Z](?:-\d{1,2})?|[IVX]{1,4})\b/i;
// …and an amending clause's "Schedule A to the Agreement is hereby deleted and replaced … with
// Schedule A dated …" (JNL): the schedule it replaces, and the one it puts in its place
const NAMING_CONTEXT_RE =
  /\b(?:on|in|to|with)\s+(?:the\s+)?(?:attached\s+|amended\s+)?(?:SCHEDULE|EXHIBIT|APPENDIX)\s+[A-Z0-9-]+\b|\b(?:SCHEDULE|EXHIBIT|APPENDIX)\s+[A-Z0-9-]+\s+(?:hereto|attached|hereof|to\s+this|to\s+the\s+(?:Agreement|Plan))\b/i;

export function noScheduleRefusal(
  lines: readonly EdgarLine[],
  bodyStart: number,
  file: string,
): ExhibitParseError {
  const body = lines.slice(Math.max(bodyStart, 0)).filter((l) => words(l) !== '');
  for (let k = 0; k + 1 < body.length; k++) {
    if (!LIST_LEAD_IN_RE.test(words(body[k]!))) continue;
    const first = body[k + 1]!;
    const t = words(first);
    // …but no numbered clause of the body ("1. As to each Portfolio, the Fund shall pay to the
    // Distributor a fee", The Lazard Funds' plan under "The material aspects of this Plan are as
    // follows:"), which names the funds without listing them
    if (t.split(/\s+/).length < 15 && LIST_LINE_RE.test(t) && !isNumberedClause(t))
      return new ExhibitParseError(
        file,
        first.no,
        `its funds and classes are listed in its body from here (after "…${tail(words(body[k]!))}"), under no SCHEDULE, APPENDIX or EXHIBIT heading: plan12b reads a plan's funds from its schedule, and records nothing from this document`,
      );
  }
  // a document kept on one line, read with its lines broken again: the lead-in and the list's
  // heading on one line ("… are as follows: SERIES CLASS EFFECTIVE DATE ----")
  const joined = body.find((l) =>
    /\b(?:as\s+follows|the\s+following)\s*:\s+SERIES\s+CLASS\b/i.test(words(l)),
  );
  if (joined !== undefined)
    return new ExhibitParseError(
      file,
      joined.no,
      `its funds and classes are listed in its body (after "… as follows:"), under no SCHEDULE, APPENDIX or EXHIBIT heading: plan12b reads a plan's funds from its schedule, and records nothing from this document`,
    );
  // the first line that names one — its name broken over the line's end too ("as set forth in
  // Schedule" / "A, as amended from time to time", MainStay Funds Trust's Class A plan)
  const naming = body.findIndex((l, k) => namingIn(l, body[k + 1], body[k - 1]) !== null);
  if (naming >= 0) {
    const { text, m } = namingIn(body[naming]!, body[naming + 1], body[naming - 1])!;
    const name = `${m[1]![0]!.toUpperCase()}${m[1]!.slice(1).toLowerCase()} ${m[2]!.toUpperCase()}`;
    const last = body[body.length - 1];
    const cut =
      last !== undefined && endsMidSentence(body)
        ? `; the text ends in mid-sentence at line ${last.no}, cut before it`
        : '';
    return new ExhibitParseError(
      file,
      body[naming]!.no,
      `the body names ${name} ("…${around(text, m.index)}…") but the document does not contain it${cut}: read only in part, nothing is recorded; import the complete document, its ${name} included`,
    );
  }
  // Russell Investment Company's Distribution Plan: no schedule — its sentences list the funds ("This
  // Plan will pertain to the Class C Shares of each of the following Funds: Diversified Equity Fund,
  // …"): refused at the first, saying where the text is cut (before the plan's fees, in Section 1)
  const inSentences = body.findIndex((l) => FUNDS_IN_SENTENCE_RE.test(words(l)));
  if (inSentences >= 0) {
    const t = words(body[inSentences]!);
    const m = FUNDS_IN_SENTENCE_RE.exec(t)!;
    const last = body[body.length - 1]!;
    // …cut where a sentence stops in mid-word ("Section 1. Payment of Distribution-") or a list of
    // funds stops before its full stop ("… 2017 Accelerated Distribution Fund – A")
    const lastWords = words(last);
    const cut =
      body.length > 1 &&
      (endsMidSentence(body) ||
        (CLAUSE_START_RE.test(lastWords) && /[a-z]-$/.test(lastWords)) ||
        (FUNDS_IN_SENTENCE_RE.test(lastWords) && !/[.;:]$/.test(lastWords)));
    return new ExhibitParseError(
      file,
      body[inSentences]!.no,
      `its funds and classes are listed in its body's sentences ("…${t.slice(m.index, m.index + 70).replace(/\s\S*$/, '')}…"), under no SCHEDULE, APPENDIX or EXHIBIT heading: plan12b reads a plan's funds from its schedule, and records nothing from this document${cut ? `; the text ends in mid-sentence at line ${last.no}, cut before its fees` : ''}`,
    );
  }
  // Northern Lights' SouthernSun plan ("the Trust has established a Series called the SouthernSun
  // Small Cap Fund and the SouthernSun U.S. Equity Fund (each a "Fund" …)"), Professionally Managed
  // Portfolios' Hodges plan ("on behalf of the Hodges Small Cap Fund (the “Fund”)"): a plan of the
  // funds its recitals name, no schedule — refused where they are named, saying where the text is cut
  const named = fundsNamedInRecitals(body);
  if (named !== null) {
    const last = body[body.length - 1]!;
    const cut = body.length > 1 && endsMidSentence(body);
    return new ExhibitParseError(
      file,
      named.line,
      `its funds are named in its recitals ("…${named.text}…"), under no SCHEDULE, APPENDIX or EXHIBIT heading: plan12b reads a plan's funds from its schedule, and records nothing from this document${cut ? `; the text ends in mid-sentence at line ${last.no}, cut` : ''}`,
    );
  }
  // the document begins inside a table of fees, no title above it (American Funds' "Share Class |
  // Distribution Fee | Service Fee / Class R-1 | 0.75% | 0.25% / …", the top of its page lost): that is
  // where it cannot be read — not at its end, however that is cut
  const table = feeTableAtTop(lines);
  if (table !== null)
    return new ExhibitParseError(
      file,
      table.no,
      `no schedule found (no SCHEDULE, APPENDIX or EXHIBIT A heading): the document begins inside a table of fees ("${table.heading}"), no title above it — which instrument's fees, and which funds', the text does not say; nothing is recorded: import the complete exhibit, its heading and title with it`,
    );
  const last = body[body.length - 1];
  if (last !== undefined && body.length > 1 && endsMidSentence(body))
    return new ExhibitParseError(
      file,
      last.no,
      'no schedule found (no SCHEDULE, APPENDIX or EXHIBIT A heading): the text ends in mid-sentence here, cut before any schedule; import the complete document',
    );
  return new ExhibitParseError(file, 1, 'no schedule found (no SCHEDULE, APPENDIX or EXHIBIT A heading)');
}

/**
 * The schedule a line names, read with the line after it joined on (a name the line's end breaks):
 * the name begins on this line, in a naming context ("on Schedule A", "Exhibit A hereto").
 */
function namingIn(
  line: EdgarLine,
  next: EdgarLine | undefined,
  previous?: EdgarLine,
): { text: string; m: RegExpExecArray } | null {
  const own = words(line);
  const text = next === undefined ? own : `${own} ${words(next)}`;
  const m = NAMED_SCHEDULE_RE.exec(text);
  if (m === null || m.index >= own.length) return null;
  const context = NAMING_CONTEXT_RE.exec(text);
  if (context !== null && context.index < own.length) return { text, m };
  // Kinetics' Class A plan: "… of the series of the Company listed on" / "Exhibit A (individually a
  // “Fund,” …": the name begins this line, its "on" ends the line above
  const before =
    previous === undefined
      ? ''
      : (/\b(?:on|in|to)(?:\s+the)?(?:\s+attached)?$/i.exec(words(previous))?.[0] ?? '');
  if (m.index === 0 && before !== '' && NAMING_CONTEXT_RE.test(`${before} ${text}`))
    return { text: `${before} ${text}`, m: NAMED_SCHEDULE_RE.exec(`${before} ${text}`)! };
  return null;
}

/** a line of prose that stops in mid-sentence ("… Such fee is being paid in consider") — a table's cell is none */
// …and a paragraph cut inside a capitalised word, its first letter left ("… under state law and
// under S", Van Eck's form of plan cut at 2,000 bytes): a long line, so no table's "… Class A"
const inSentence = (t: string) =>
  (t.split(/\s+/).length >= 6 && /[a-z,]$/.test(t)) || (t.split(/\s+/).length >= 20 && /\s[A-Z]$/.test(t));

/**
 * The body's text stops in mid-sentence: its last line is prose cut off, or a few words that carry
 * on a line of prose above them with no end of sentence between ("… imposed by rules of the" /
 * "Financial Industry Regulatory Author", MainStay's Class A plan cut at 2,000 bytes), or that open
 * a clause of the body and stop ("NOW, THEREFORE, the Trust h", Pacific Select Fund's Class D plan).
 */
export function endsMidSentence(body: readonly EdgarLine[]): boolean {
  const last = body[body.length - 1];
  if (last === undefined) return false;
  const t = words(last);
  if (inSentence(t)) return true;
  // Sterling Capital's ETF plan cut at 2,000 bytes: "3. The Trust will not make separate payments as
  // a result of this Part A" — a clause of the body, a sentence's words, stopped on one capital letter
  // with no end of sentence
  if (CLAUSE_START_RE.test(t) && t.split(/\s+/).length >= 6 && /\s[A-Z]$/.test(t)) return true;
  const above = body[body.length - 2];
  return (
    /[a-z,]$/.test(t) &&
    ((above !== undefined && (inSentence(words(above)) || ITEM_MARK_RE.test(words(above)))) ||
      CLAUSE_START_RE.test(t) ||
      inSentence(sentenceTail(body)))
  );
}

/**
 * The words of the last few lines since the last end of a sentence, one text: Trust for
 * Professional Managers' PMC Funds plan rendered a few words a line ("… personal services" / "to" /
 * "shareholders, including, but not n") stops in mid-sentence as a long line does.
 */
function sentenceTail(body: readonly EdgarLine[]): string {
  const tail: string[] = [];
  for (let k = body.length - 1; k >= 0 && tail.length < 4; k--) {
    const t = words(body[k]!);
    if (tail.length > 0 && /[.;:]$/.test(t)) break;
    tail.unshift(t);
  }
  return tail.join(' ');
}

// a numbered item's mark alone on its line, its text on the next: "5)" / "JNL/Mellon Ca" (JNL's 2019
// amendment cut at 2,000 bytes inside the item): words under an item mark, ending in a letter, are cut
const ITEM_MARK_RE = /^\(?\d{1,2}[.)]$/;

// a clause of a plan's body begins: "WHEREAS, …", "NOW, THEREFORE, …", "Section 2. …", "3. …"
const CLAUSE_START_RE = /^(?:WHEREAS\b|NOW,?\s+THEREFORE\b|Section\s+\d+\.|\d{1,2}\.\s)/i;

// "… called the SouthernSun Small Cap Fund and the SouthernSun U.S. Equity Fund (each a "Fund" …",
// "on behalf of the Hodges Small Cap Fund (the “Fund”)", "on behalf of the PMC Large Cap Growth Fund,
// the PMC Large Cap Value Fund, … (each, a “Fund,” collectively, the “Funds”)": funds by name, then the
// term the plan calls them by
const FUND_NAME = String.raw`the\s+(?:[A-Z][\w&.'\u2019-]*\s+){1,8}(?:Fund|Portfolio)`;
const FUNDS_NAMED_RE = new RegExp(
  String.raw`\b(?:on\s+behalf\s+of|called|designated)\s+(${FUND_NAME}(?:,?\s+(?:and\s+)?${FUND_NAME}){0,12})\s*\((?:each,?\s+)?(?:a|the)\s+["\u201c]Funds?\b`,
);

/** Where the body's recitals name the plan's funds by a defined term, and the words naming them. */
function fundsNamedInRecitals(body: readonly EdgarLine[]): { line: number; text: string } | null {
  // a recital may stand over short lines: read the first forty lines as one text
  const head = body.slice(0, 40);
  let text = '';
  const starts: number[] = [];
  for (const l of head) {
    starts.push(text.length);
    text += `${words(l)} `;
  }
  const m = FUNDS_NAMED_RE.exec(text.replace(/\s+$/, ''));
  if (m === null) return null;
  const at = m.index + m[0].indexOf(m[1]!);
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1]! <= at) k++;
  const names = m[1]!.replace(/\s+/g, ' ');
  return {
    line: head[k]!.no,
    text: names.length > 90 ? `${names.slice(0, 90).replace(/\s\S*$/, '')}` : names,
  };
}

// "… of each of the following Funds: Diversified Equity Fund, Special Growth Fund, …"
const FUNDS_IN_SENTENCE_RE = /\bof\s+each\s+of\s+the\s+following\s+(?:Funds|Portfolios|Series)\s*:\s+\S/;

const tail = (t: string) => t.slice(-60).replace(/^\S*\s/, '');

function around(t: string, at: number): string {
  const from = Math.max(0, at - 40);
  const s = t.slice(from, at + 50);
  return (from > 0 ? s.replace(/^\S*\s/, '') : s).replace(/\s\S*$/, '');
}

// a rate alone in its cell: "0.75%", ".25%", "0.00%"
const RATE_CELL_RE = /^\d{0,2}\.\d{1,4}\s*%$/;

// a word of a title above a table: the instrument, its schedule, its exhibit number
const TITLE_WORD_RE = /\b(?:PLAN|AGREEMENT|CONTRACT|SCHEDULE|EXHIBIT|APPENDIX|AMENDMENT|12b-1)\b/i;

/**
 * The document's first lines are a table's short cells that reach a rate before any sentence and
 * before any word of a title (the reader's title block takes such cells in, so it is no guide):
 * the first line, and the table's first cells joined.
 */
function feeTableAtTop(lines: readonly EdgarLine[]): { no: number; heading: string } | null {
  const content = lines.filter((l) => words(l) !== '');
  const first = content[0];
  if (first === undefined) return null;
  const cells: string[] = [];
  for (const l of content.slice(0, 30)) {
    const t = words(l);
    if (RATE_CELL_RE.test(t))
      return cells.length === 0 ? null : { no: first.no, heading: cells.slice(0, 4).join(' | ') };
    // Diamond Hill's "Distribution Fee" / "(annual rate expressed as a percentage of the average
    // daily net assets of each Class of Shares)": a heading's gloss in parentheses, no sentence
    if (/^\([^()]*\)$/.test(t) && cells.length > 0) continue;
    if (t.split(/\s+/).length >= 6 || TITLE_WORD_RE.test(t)) return null;
    cells.push(t);
  }
  return null;
}
