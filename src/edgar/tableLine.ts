/**
 * What one line of an EDGAR text schedule is (SPEC §2.1), given where the reader stands: a
 * rate row of the current table, a schedule heading, the line that ends the schedule, a
 * footnote, a column-heading line, a "(Class B Shares)" line, a class or PORTFOLIOS label, a
 * Registrant heading, body prose, the first line of a wrapped portfolio name, a plain-list
 * name, or a row that cannot be read. scheduleTable.ts's `stepTable` decides what each does.
 */

import { type ColumnLayout, columnLayout, type HeadingLine, splitHeadingLine } from './columnHeadings.js';
import type { EdgarLine } from './edgarText.js';
import {
  endsSchedule,
  isGroupHeading,
  isParenthesised,
  isProse,
  portfolioLabel,
  type ScheduleHeading,
  scheduleHeading,
} from './lineShapes.js';
import { cashReserveClass } from './scheduleItem.js';
import { type RowReading, readRow, stripClosingQuote } from './scheduleRow.js';
import { classCodesIn, isClassLabel } from './shareClasses.js';

export type TableLine =
  | { readonly kind: 'blank' }
  /** a complete row of the current table; `inlineClass` from "Fund (Class B Shares)" */
  | { readonly kind: 'row'; readonly row: RowReading; readonly fast: boolean }
  | { readonly kind: 'scheduleHeading'; readonly heading: ScheduleHeading }
  | { readonly kind: 'end' }
  | { readonly kind: 'footnoteStart'; readonly text: string; readonly closesQuote: boolean }
  | { readonly kind: 'footnoteText'; readonly text: string; readonly closesQuote: boolean }
  | { readonly kind: 'columnHeading'; readonly heading: HeadingLine }
  /** the heading lines above cannot make a table */
  | { readonly kind: 'badHeadings'; readonly reason: string; readonly no: number }
  | { readonly kind: 'parenthesised'; readonly label: string }
  | { readonly kind: 'label'; readonly label: string }
  | { readonly kind: 'groupHeading'; readonly text: string }
  /** body prose; `rowFollows`: the next line with content is a row of the current table */
  | { readonly kind: 'prose'; readonly rowFollows: boolean }
  /** a portfolio name wrapped onto the next, further indented, line */
  | { readonly kind: 'nameStart'; readonly text: string }
  /** the rest of the name of the row just above, wrapped below its rates and indented past it */
  | { readonly kind: 'nameTail'; readonly text: string; readonly closesQuote: boolean }
  | { readonly kind: 'badRow'; readonly reason: string }
  /** a rate in a schedule with no column heading above it */
  | { readonly kind: 'listRate' }
  /** a name of a plain list; `moreClasses`: a class heading follows a closing quote */
  | {
      readonly kind: 'listName';
      readonly text: string;
      readonly closesQuote: boolean;
      readonly sideBySide: boolean;
      readonly moreClasses: boolean;
    }
  /**
   * a fund of a plain list with its classes in a column to its right, one a line ("AIM Real Estate
   * Fund -   Class A" / "Class C" / "Investor Class"): `last` is the index of its last class line
   */
  | {
      readonly kind: 'listNameClasses';
      readonly text: string;
      readonly classes: readonly string[];
      readonly last: number;
      readonly closesQuote: boolean;
    }
  | { readonly kind: 'other' };

/** Where the reader stands: what the classification of a line depends on. */
export interface TableView {
  readonly layout: ColumnLayout | null;
  readonly block: readonly HeadingLine[];
  readonly footnoteOpen: boolean;
  readonly pendingName: boolean;
  readonly listMode: boolean;
}

const FOOTNOTE_RE = /^(?:\*+|\(\d{1,2}\))\s*(\S.*)$/;
const NAME_END_RE = /\b(?:Fund|Funds|Portfolio|Trust|Series|Inc\.)["\u201d]?$/;
const RATE_WITH_PERCENT_RE = /\d\s*%/;
const INLINE_CLASS_RE = /^(.*?)\s*\(([^()]*\bClass[^()]*)\)$/i;

/** "PORTFOLIO - CLASS R SHARES   ------ --- ---" → "PORTFOLIO - CLASS R SHARES" */
export function withoutTrailingDashes(t: string): string {
  let end = t.length;
  for (;;) {
    const cut = t.lastIndexOf(' ', end - 1);
    const tok = t.slice(cut + 1, end);
    if (cut < 0 || tok.length < 2 || !/^[-=_]+$/.test(tok)) break;
    end = cut;
    while (end > 0 && t[end - 1] === ' ') end--;
  }
  return t.slice(0, end);
}

function nextContent(lines: readonly EdgarLine[], i: number): EdgarLine | undefined {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trimmed !== '') return lines[j];
  return undefined;
}

/**
 * The layout rows are read in: the heading block just ended makes a new one.
 * @example effectiveLayout({ layout: null, block: [] , …}) === null
 */
export function effectiveLayout(view: TableView): ColumnLayout | string | null {
  return view.block.length > 0 ? columnLayout(view.block) : view.layout;
}

/**
 * @example classifyTableLine(lines, i, view) → { kind: 'row', … } for "AIM Charter Fund   0.25%   0.25%   0.50%"
 */
export function classifyTableLine(lines: readonly EdgarLine[], i: number, view: TableView): TableLine {
  const line = lines[i]!;
  const t = line.trimmed;
  if (t === '') return { kind: 'blank' };
  // the common case first: a complete rate row (its last token is a rate, so it is no heading)
  if (
    view.layout !== null &&
    view.block.length === 0 &&
    !view.footnoteOpen &&
    !view.pendingName &&
    /[\d%"]$/.test(t)
  ) {
    const r = readRow(t, view.layout.columns.length);
    if (
      r.rates.length === view.layout.columns.length &&
      r.name !== '' &&
      !r.extraRate &&
      !/^[*(]/.test(r.name)
    ) {
      if (!(/\)$/.test(r.name) && INLINE_CLASS_RE.test(r.name))) return { kind: 'row', row: r, fast: true };
    }
  }
  const heading = scheduleHeading(t);
  if (heading !== null) return { kind: 'scheduleHeading', heading };
  if (endsSchedule(t)) return { kind: 'end' };
  const footnoteStart = FOOTNOTE_RE.exec(t);
  // a footnote's sentence may state a rate ("** The Service Fee for … Fund is 0.15%."): a sentence
  // is no row
  if (footnoteStart && (!RATE_WITH_PERCENT_RE.test(t) || isFootnoteSentence(footnoteStart[1]!)))
    return { kind: 'footnoteStart', ...stripClosingQuote(footnoteStart[1]!) };
  const label = withoutTrailingDashes(t);
  const headingLine = splitHeadingLine(line.text, line.no);
  const acceptedHeading =
    headingLine !== null &&
    (headingLine.label === '' ||
      isGroupHeading(headingLine.label) ||
      portfolioLabel(headingLine.label) !== null ||
      isClassLabel(headingLine.label));
  if (view.footnoteOpen && !acceptedHeading && !isGroupHeading(t) && readRow(t, 1).rates.length === 0)
    return { kind: 'footnoteText', ...stripClosingQuote(t) };
  if (acceptedHeading && headingLine !== null) return { kind: 'columnHeading', heading: headingLine };
  const layout = effectiveLayout(view);
  if (typeof layout === 'string') return { kind: 'badHeadings', reason: layout, no: view.block[0]!.no };
  if (isParenthesised(label)) return { kind: 'parenthesised', label };
  if (isClassLabel(label) || portfolioLabel(label) !== null || cashReserveClass(label) !== null)
    return { kind: 'label', label };
  if (isUnderlinedRegistrant(lines, i)) return { kind: 'groupHeading', text: t };

  if (layout !== null) {
    const columns = layout.columns.length;
    const r = readRow(t, columns);
    if (r.rates.length === columns && r.name !== '' && !r.extraRate)
      return { kind: 'row', row: r, fast: false };
    if (r.rates.length === 0) {
      if (isGroupHeading(t)) return { kind: 'groupHeading', text: t };
      if (isProse(t)) {
        const next = nextContent(lines, i);
        const rowFollows =
          next !== undefined &&
          !endsSchedule(next.trimmed) &&
          readRow(next.trimmed, columns).rates.length === columns;
        return { kind: 'prose', rowFollows };
      }
      const following = lines[i + 1];
      if (
        !view.pendingName &&
        following !== undefined &&
        following.indent > line.indent &&
        following.trimmed !== ''
      )
        return { kind: 'nameStart', text: r.name };
      if (isNameTail(lines, i, columns)) return { kind: 'nameTail', ...stripClosingQuote(t) };
      return { kind: 'badRow', reason: `no rates where ${columns} are expected` };
    }
    return {
      kind: 'badRow',
      reason: r.extraRate
        ? `more rates than the ${columns} columns`
        : `${r.rates.length} of ${columns} rates`,
    };
  }

  // no column headings: a plain list of portfolios (Agreement Schedules A-1, A-2)
  if (isGroupHeading(t)) return { kind: 'groupHeading', text: t };
  // "AIM European Small Company Fund (formerly known as AIM European" / "  Development Fund)": the
  // old name's wrapped end is the line above's, no line of its own
  if (closesFormerName(lines, i)) return { kind: 'other' };
  const former = listNameWithFormerName(lines, i);
  if (former !== null) {
    const next = nextContent(lines, i + (former.wrapped ? 1 : 0));
    return {
      kind: 'listName',
      ...stripClosingQuote(former.text),
      sideBySide: false,
      moreClasses: next !== undefined && isClassLabel(withoutTrailingDashes(next.trimmed)),
    };
  }
  const withClasses = listNameWithClassColumn(lines, i);
  if (withClasses !== null) return withClasses;
  if (isProse(t)) return { kind: 'prose', rowFollows: listNameFollows(lines, i) };
  const { text, closesQuote } = stripClosingQuote(t);
  if (RATE_WITH_PERCENT_RE.test(text) && readRow(text, 1).rates.length > 0) return { kind: 'listRate' };
  if (view.listMode || NAME_END_RE.test(text)) {
    const next = nextContent(lines, i);
    return {
      kind: 'listName',
      text,
      closesQuote,
      // two lists side by side ("CLASS A SHARES      CLASS R SHARES") are not one name
      sideBySide: /\S {3,}\S/.test(text),
      moreClasses: next !== undefined && isClassLabel(withoutTrailingDashes(next.trimmed)),
    };
  }
  return { kind: 'other' };
}

// "AIM Real Estate Fund -             Class A": a name, a dash between spaces, a class label
const NAME_DASH_CLASS_RE = /^(.*\S)\s+[-\u2013\u2014]\s+(\S.*)$/;

/**
 * AIM's Schedule A to its Master Distribution Agreement (all Classes of shares except Class B
 * Shares), filed as text: each fund, a dash, its first class, and its other classes one a line
 * below in the same column (the `.htm` filing's "INVESCO Core Equity Fund –" / "Class A" cells):
 * one entry per class, in the document's order (SPEC §2.1).
 *
 *     AIM Real Estate Fund -             Class A
 *                                        Class C
 *                                        Investor Class
 */
function listNameWithClassColumn(lines: readonly EdgarLine[], i: number): TableLine | null {
  const line = lines[i]!;
  const m = NAME_DASH_CLASS_RE.exec(line.trimmed);
  if (m === null) return null;
  const first = stripClosingQuote(m[2]!);
  if (!isClassLabel(withoutTrailingDashes(first.text))) return null;
  const name = m[1]!.replace(/\s+/g, ' ');
  if (!NAME_END_RE.test(name)) return null;
  const classes = classCodesIn(first.text);
  let last = i;
  let closesQuote = first.closesQuote;
  // the class column: where the first class is printed on the fund's line
  const column = line.indent + line.trimmed.length - m[2]!.length;
  for (let j = i + 1; j < lines.length && !closesQuote; j++) {
    const next = lines[j]!;
    if (next.trimmed === '' || next.indent < column - 2) break;
    const more = stripClosingQuote(next.trimmed);
    if (!isClassLabel(withoutTrailingDashes(more.text))) break;
    for (const c of classCodesIn(more.text)) if (!classes.includes(c)) classes.push(c);
    closesQuote = more.closesQuote;
    last = j;
  }
  return { kind: 'listNameClasses', text: name, classes, last, closesQuote };
}

// how far past a prose line in a plain list the reader looks for more of the list
const LIST_LOOKAHEAD_LINES = 8;

/**
 * A prose line inside a plain list with more of the list after it (SPEC §2.1: a document read
 * only in part is an error): past the prose's own wrapped lines and a class or group heading, a
 * line naming a fund ("PF Janus Strategic Value Fund"). Prose that closes the list ("Effective:",
 * the closing clause, signatures) has none.
 */
function listNameFollows(lines: readonly EdgarLine[], i: number): boolean {
  for (let j = i + 1, seen = 0; j < lines.length && seen < LIST_LOOKAHEAD_LINES; j++) {
    const t = lines[j]!.trimmed;
    if (t === '') continue;
    seen++;
    if (endsSchedule(t) || scheduleHeading(t) !== null) return false;
    const label = withoutTrailingDashes(t);
    if (isProse(t) || isClassLabel(label) || portfolioLabel(label) !== null || isGroupHeading(t)) continue;
    const name = stripClosingQuote(t).text;
    return NAME_END_RE.test(name) && !/\S {3,}\S/.test(name);
  }
  return false;
}

// a column's heading, underlined as headings are ("Name of Fund", "Funds and Class", "Portfolio
// Name"): no Registrant
const COLUMN_HEADING_WORDS_RE = /^(?:Name|Names|Funds?|Portfolios?|Series|Class(?:es)?|Share|Shares)\b/i;

/**
 * A Registrant's heading printed in mixed case and underlined ("Invesco Equity Funds" over
 * "--------------------"), as group headings in capitals are (Agreement Schedules A-1, A-2): the
 * Registrant of the rows below it, in the document's spelling (SPEC §2.1) — never a portfolio
 * (a Registrant may be named "… Fund": the rule under it is what makes it a heading).
 */
function isUnderlinedRegistrant(lines: readonly EdgarLine[], i: number): boolean {
  const line = lines[i]!;
  const t = line.trimmed;
  const rule = lines[i + 1]?.underline;
  if (rule === undefined || rule.length * 2 < t.length || rule.length > t.length * 2 + 2) return false;
  if (Math.abs(rule.indent - line.indent) > 4) return false;
  if (!/[a-z]/.test(t) || !/^[A-Z]/.test(t) || /\d\s*%|\d\.\d/.test(t) || /\S {3,}\S/.test(t)) return false;
  return !isProse(t) && !COLUMN_HEADING_WORDS_RE.test(t);
}

/** Five words or more ending in a full stop (a closing quote after it aside): a sentence. */
function isFootnoteSentence(text: string): boolean {
  return /[a-z%)]\.["\u201d]?$/.test(text) && text.split(/\s+/).length >= 5;
}

/**
 * A line without rates right under a complete rate row, indented past that row's name: the
 * filer wrapped the long name below its rates (AIM Class B schedules: "AIM Mid-Cap Stock Fund
 * (formerly INVESCO      0.75%   0.25%   1.00%" / "   Mid-Cap Growth Fund)"). A line as far left as
 * the names, or after a blank line, is no tail: it stays a row without rates (an error).
 */
function isNameTail(lines: readonly EdgarLine[], i: number, columns: number): boolean {
  const line = lines[i]!;
  const prev = lines[i - 1];
  if (prev === undefined || prev.trimmed === '' || prev.pageBreak || line.indent <= prev.indent) return false;
  const above = readRow(prev.trimmed, columns);
  return above.rates.length === columns && above.name !== '' && !above.extraRate && !above.closesQuote;
}

// a list name followed by its former name: "X Fund (formerly known as Y Fund)", "X Fund (formerly, Y"
const FORMERLY_NAME_RE = /^[A-Z].*\b(?:Fund|Portfolio|Series|Trust)\s*\(\s*formerly\b/i;

/**
 * A plain list's line naming a portfolio and its former name ("AIM European Small Company Fund
 * (formerly known as AIM European Development Fund)"): its lower-case words are the rename's, not
 * prose that ends the list (once, the list stopped there and the portfolios after it were lost).
 * The parenthesis left open wraps onto the next, further indented line, which closes it.
 */
function listNameWithFormerName(
  lines: readonly EdgarLine[],
  i: number,
): { text: string; wrapped: boolean } | null {
  const t = lines[i]!.trimmed;
  if (!FORMERLY_NAME_RE.test(t)) return null;
  if (/\)["\u201d]?$/.test(t)) return { text: t, wrapped: false };
  const next = lines[i + 1];
  if (
    next !== undefined &&
    next.indent > lines[i]!.indent &&
    /\)["\u201d]?$/.test(next.trimmed) &&
    !/\(/.test(next.trimmed)
  )
    return { text: `${t} ${next.trimmed}`, wrapped: true };
  return null;
}

/** The line closes the former name a list line above it left open. */
function closesFormerName(lines: readonly EdgarLine[], i: number): boolean {
  return i > 0 && listNameWithFormerName(lines, i - 1)?.wrapped === true;
}

/** "AIM Charter Fund (Class B Shares)": the name and the classes in parentheses, if any. */
export function inlineClass(name: string): { name: string; classes: string } | null {
  const m = INLINE_CLASS_RE.exec(name);
  return m && isClassLabel(m[2]!) ? { name: m[1]!, classes: m[2]! } : null;
}
