/**
 * The schedules of an exhibit (SPEC §2.1): "SCHEDULE A" / "SCHEDULE A-1" / "APPENDIX A" and
 * what follows it — rate tables grouped by Registrant with class headings and column headings
 * (Amendment No. 12, Sixth A&R Plan), or plain lists of portfolios under Registrant headings
 * (Agreement Schedules ). Entries come out in document order.
 *
 * A document cut off inside a schedule gives what is complete and a warning; a row inside a
 * rate table that cannot be read is an error naming its line.
 */

import { AppendOnlyList } from './appendOnlyList.js';
import type { ColumnLayout, HeadingLine } from './columnHeadings.js';
import { isScheduleDateLine } from './dates.js';
import type { EdgarLine } from './edgarText.js';
import { CUT_OFF_WARNING_PREFIX, ExhibitParseError, type ScheduleEntry } from './exhibitDocument.js';
import { finraBreach } from './finraLimits.js';
import {
  endsSchedule,
  entriesCounted,
  groupName,
  isAllCaps,
  isGroupHeading,
  isParenthesised,
  portfolioLabel,
  proseOnlyByLength,
  type ScheduleHeading,
  scheduleHeading,
} from './lineShapes.js';
import { portfolioBesideRateHeadingRefusal } from './portfolioBesideRateHeading.js';
import { parenthesisedClasses, withoutFormerName } from './portfolioName.js';
import { readRateToken } from './rateToken.js';
import { cashReserveClass } from './scheduleItem.js';
import { stripClosingQuote } from './scheduleRow.js';
import { classCodesIn, isClassLabel } from './shareClasses.js';
import {
  classifyTableLine,
  effectiveLayout,
  inlineClass,
  type TableLine,
  type TableView,
} from './tableLine.js';
import { sideBySideColumns } from './twoColumnList.js';
import { joinWrappedCells } from './wrappedCell.js';

const NAME_END_RE = /\b(?:Fund|Funds|Series|Portfolio|Portfolios|Trust|FUND|FUNDS|SERIES|PORTFOLIO|TRUST)$/;

export interface ScheduleContext {
  readonly file: string;
  readonly lines: readonly EdgarLine[];
  /** the instrument's classes: the class of rows no heading assigns one */
  readonly instrumentClasses: readonly string[];
  /** the Registrant of rows under no group heading */
  readonly instrumentRegistrant: string | null;
  readonly lastLineTerminated: boolean;
  readonly lastLineNo: number;
}

export interface ScheduleReading {
  readonly name: string;
  readonly entries: readonly ScheduleEntry[];
  readonly footnotes: readonly string[];
  readonly warnings: readonly string[];
  /** line indices [start, end) this schedule occupies: not body prose */
  readonly start: number;
  readonly end: number;
  /** the document ends inside or right after the schedule, with nothing that closes it */
  readonly endedWithDocument: boolean;
}

interface Row {
  readonly no: number;
  /** index of the row's first entry in `entries` */
  readonly first: number;
  /** the name as the row prints it, before a former name or listed classes are taken out */
  readonly named: string;
  readonly portfolio: string;
  readonly rates: readonly (string | null)[];
  readonly layout: ColumnLayout | null;
  readonly registrant: string | null;
  /** a "(Class B Shares)" line under the row has set its class */
  readonly annotated: boolean;
}

function entryFor(row: Omit<Row, 'annotated' | 'first' | 'no' | 'named'>, klass: string): ScheduleEntry {
  const rate = (c: 'assetBasedSalesCharge' | 'serviceFee' | 'aggregateFee'): string | null => {
    const i = row.layout?.columns.indexOf(c) ?? -1;
    return i >= 0 ? (row.rates[i] ?? null) : null;
  };
  return {
    registrant: row.registrant,
    portfolio: row.portfolio,
    class: klass,
    assetBasedSalesChargePct: rate('assetBasedSalesCharge'),
    assetBasedSalesChargeBound: row.layout?.bound ?? null,
    serviceFeePct: rate('serviceFee'),
    aggregateFeePct: rate('aggregateFee'),
  };
}

/**
 * The title block under a schedule heading: "TO / THE AMENDED AND RESTATED / MASTER
 * DISTRIBUTION PLAN / OF / AIM FUNDS GROUP / (CLASS R SHARES) / (DISTRIBUTION FEE)".
 * Returns the index after it and the classes it names.
 */
function skipScheduleTitle(lines: readonly EdgarLine[], from: number, heading: ScheduleHeading) {
  let i = from;
  let afterTo = heading.continuesWithTo;
  let sawInstrument = afterTo && /\b(?:PLAN|AGREEMENT)\b/.test(lines[from - 1]?.trimmed ?? '');
  let classes: string[] = [];
  let lastContent = from;
  while (i < lines.length) {
    const t = lines[i]!.trimmed;
    if (t === '') {
      i++;
      continue;
    }
    if (/^TO$/.test(t) || /^TO\s+[A-Z\s]+$/.test(t)) {
      afterTo = true;
      if (/\b(?:PLAN|AGREEMENT)\b/.test(t)) sawInstrument = true;
    } else if (/^OF$/.test(t)) {
      // "OF / AIM FUNDS GROUP": the instrument's registrant, not a group heading
      i++;
      while (i < lines.length && lines[i]!.trimmed === '') i++;
    } else if (afterTo && !sawInstrument && isAllCaps(t) && !/^\(/.test(t)) {
      if (/\b(?:PLAN|AGREEMENT)\b/.test(t)) sawInstrument = true;
    } else if (!sawInstrument && isAllCaps(t) && /\b(?:PLAN|AGREEMENT)$/.test(t) && !/^\(/.test(t)) {
      // "SCHEDULE A / MASTER DISTRIBUTION PLAN / (CLASS C SHARES)": the instrument the schedule is of
      sawInstrument = true;
    } else if (isScheduleDateLine(t)) {
      // "(as of May 1, 2011)", "Amended as of …": the schedule's date (documentDates.ts), no row
    } else if (isParenthesised(t)) {
      const inner = t.slice(1, t.lastIndexOf(')'));
      if (isClassLabel(inner)) classes = classCodesIn(inner);
      // AIM Variable Insurance Funds "(SERIES II SHARES)"
      const series = /^SERIES\s+(I{1,3})\s+SHARES$/i.exec(inner);
      if (series) classes = [`Series ${series[1]!.toUpperCase()}`];
    } else break;
    i++;
    lastContent = i;
  }
  return { next: lastContent, classes };
}

/**
 * Reads every schedule from line index `from` on.
 * @example readSchedules({ file, lines, instrumentClasses: ['B'], … }, 0) → [{ name: 'Schedule A-1', entries: […] }, …]
 */
export function readSchedules(ctx: ScheduleContext, from: number): ScheduleReading[] {
  const out: ScheduleReading[] = [];
  const { lines } = ctx;
  // index of the last line with content: a schedule still open there was cut off
  let lastContent = lines.length - 1;
  while (lastContent >= 0 && lines[lastContent]!.trimmed === '') lastContent--;

  let i = from;
  while (i < lines.length) {
    const heading = scheduleHeading(lines[i]!.trimmed);
    if (heading === null) {
      i++;
      continue;
    }
    const reading = readOneSchedule(ctx, i, heading, lastContent);
    const same = out.find((s) => s.name === reading.name);
    if (same) {
      // "SCHEDULE A (continued)" on a later page: one schedule
      out[out.indexOf(same)] = {
        ...same,
        entries: [...same.entries, ...reading.entries],
        footnotes: [...same.footnotes, ...reading.footnotes],
        warnings: [...same.warnings, ...reading.warnings],
        end: reading.end,
      };
    } else out.push(reading);
    i = Math.max(reading.end, i + 1);
  }
  return out;
}

/** The reader's state between two lines of a schedule (SPEC §2.1): what `stepTable` changes. */
export interface TableState {
  readonly registrant: string | null;
  readonly classes: readonly string[] | null;
  readonly layout: ColumnLayout | null;
  /** column-heading lines read, not yet made into a layout */
  readonly block: readonly HeadingLine[];
  readonly listMode: boolean;
  readonly tableOpen: boolean;
  readonly quoteOpen: boolean;
  /** the schedule ended: its closing quote, its closing clause, prose after its rows */
  readonly closed: boolean;
  /** stop reading: 'at' this line (it belongs to what follows), or 'after' it */
  readonly stop: 'at' | 'after' | null;
  readonly lastRow: Row | null;
  readonly lastWasRow: boolean;
  readonly perRowClasses: boolean;
  readonly footnote: readonly string[] | null;
  readonly pendingName: { readonly text: string; readonly indent: number } | null;
  readonly truncationNoted: boolean;
  readonly entries: AppendOnlyList<ScheduleEntry>;
  readonly footnotes: readonly string[];
  readonly warnings: readonly string[];
  /** "SCHEDULE A (continued)": go on reading at this line index */
  readonly resumeAt: number | null;
}

interface TableEnv {
  readonly ctx: ScheduleContext;
  readonly name: string;
  /** index of the last line with content: a line there that cannot be read was cut off */
  readonly lastContent: number;
}

function flushFootnote(s: TableState): TableState {
  if (s.footnote === null) return s;
  const text = s.footnote.join(' ').replace(/\s+/g, ' ').trim();
  return { ...s, footnote: null, footnotes: s.footnote.length > 0 ? [...s.footnotes, text] : s.footnotes };
}

/**
 * A page break inside a footnote's sentence: filings break pages anywhere, and the footnote goes
 * on at the top of the next page. True when the blank lines around line i hold a page break and
 * the footnote's text so far does not end its sentence.
 */
function footnoteGoesOnAfterPageBreak(s: TableState, lines: readonly EdgarLine[], i: number): boolean {
  const last = s.footnote?.at(-1)?.trimEnd();
  if (last === undefined || last === '' || /[.:;!?]["”’)]*$/.test(last)) return false;
  let from = i;
  while (from > 0 && lines[from - 1]!.trimmed === '') from--;
  for (let j = from; j < lines.length && lines[j]!.trimmed === ''; j++) if (lines[j]!.pageBreak) return true;
  return false;
}

function cutOff(s: TableState, env: TableEnv, detail: string): TableState {
  const note = `${CUT_OFF_WARNING_PREFIX} ${env.name} after ${entriesCounted(s.entries.length)}; ${detail}`;
  return { ...s, warnings: [...s.warnings, note], truncationNoted: true };
}

function dropLastRow(s: TableState): TableState {
  return s.lastRow === null ? s : { ...s, entries: s.entries.take(s.lastRow.first), lastRow: null };
}

function classesForRow(s: TableState, env: TableEnv): readonly string[] | null {
  if (s.classes !== null) return s.classes;
  return env.ctx.instrumentClasses.length === 1 ? env.ctx.instrumentClasses : null;
}

function addRow(
  s: TableState,
  env: TableEnv,
  no: number,
  named: string,
  rates: readonly (string | null)[],
  stated: readonly string[] | null,
): TableState {
  // "Core Bond Fund (formerly, Investment Grade Bond Fund)": the old name is a rename (renames.ts);
  // "… Floating-Rate Fund (Advisers Class shares)": the row is for those classes
  const unrenamed = withoutFormerName(named);
  const listed = parenthesisedClasses(unrenamed);
  const portfolio = listed?.name ?? unrenamed;
  const rowClasses = listed?.classes ?? stated;
  const last = s.lastRow;
  if (last !== null && !last.annotated && s.entries.length === last.first)
    throw new ExhibitParseError(
      env.ctx.file,
      last.no,
      `${env.name}: the class of "${last.portfolio}" is not stated`,
    );
  const row: Row = {
    no,
    first: s.entries.length,
    named,
    portfolio,
    rates,
    layout: s.layout,
    registrant: s.registrant,
    annotated: false,
  };
  // FINRA Rule 2341 (finraLimits.ts): a rate no 12b-1 schedule can set is refused at its line, as
  // the cell reader does — never accrued (an ABSC of 0.80% was read and charged)
  const breach = finraBreach(entryFor(row, ''));
  if (breach !== null) throw new ExhibitParseError(env.ctx.file, no, `${env.name}: ${portfolio}: ${breach}`);
  const added = (rowClasses ?? []).map((c) => entryFor(row, c));
  return { ...s, entries: s.entries.append(added), lastRow: row, lastWasRow: true };
}

/**
 * The rest of the last row's name, wrapped below its rates ("AIM Mid-Cap Stock Fund (formerly
 * INVESCO" / "   Mid-Cap Growth Fund)"): the row is read again with its whole name, for the
 * classes it had.
 */
function nameTail(s: TableState, env: TableEnv, line: EdgarLine, i: number, tail: string): TableState {
  const last = s.lastRow;
  if (last === null || !s.lastWasRow)
    return unreadable(s, env, line, i, 'the rest of a name with no row above it');
  const classes = s.entries.slice(last.first).map((e) => e.class);
  const dropped = { ...s, entries: s.entries.take(last.first), lastRow: null };
  const again = addRow(
    dropped,
    env,
    last.no,
    `${last.named} ${tail}`,
    last.rates,
    classes.length > 0 ? classes : null,
  );
  return last.annotated ? { ...again, lastRow: { ...again.lastRow!, annotated: true } } : again;
}

/** A "(Class B Shares)" line under a row: the row is for those classes. */
function annotate(s: TableState, codes: readonly string[]): TableState {
  const row = { ...s.lastRow!, annotated: true };
  return {
    ...s,
    entries: s.entries.take(row.first).append(codes.map((c) => entryFor(row, c))),
    lastRow: row,
    perRowClasses: true,
  };
}

/** A line that cannot be read: an error, or the cut-off end of the document. */
function unreadable(
  s: TableState,
  env: TableEnv,
  line: EdgarLine,
  index: number,
  reason: string,
): TableState {
  if (index >= env.lastContent)
    return {
      ...cutOff(s, env, `line ${line.no} ("${line.trimmed.slice(0, 60)}") is incomplete and was not read`),
      stop: 'at',
    };
  throw new ExhibitParseError(
    env.ctx.file,
    line.no,
    `${env.name} row could not be read (${reason}): "${line.trimmed.slice(0, 80)}"`,
  );
}

/** A line that is only a closing quote mark: `"`, `”`, `''` (with any spaces between). */
function isClosingQuoteLine(trimmed: string): boolean {
  return /^(?:["\u201d]|'')(?:\s*["\u201d])*$/.test(trimmed);
}

/** A row was read: a closing quote ends the schedule; a last line without its newline may be cut. */
function afterRow(s: TableState, env: TableEnv, line: EdgarLine, closesQuote: boolean): TableState {
  if (closesQuote) return { ...s, quoteOpen: false, closed: true, stop: 'after' };
  if (line.no === env.ctx.lastLineNo && !env.ctx.lastLineTerminated)
    return {
      ...cutOff(dropLastRow(s), env, `its last line ${line.no} may be cut off and was not read`),
      stop: 'at',
    };
  return s;
}

/**
 * Whether the first line after `from` that is more than an underline or a class label ends in
 * rates ("AIM Mid Cap Opportunities Fund 0.75% 0.25% 1.00%").
 */
function nextRowPrintsRates(lines: readonly EdgarLine[], from: number): boolean {
  for (let j = from; j < lines.length && j < from + 6; j++) {
    const t = lines[j]!.trimmed;
    if (t === '' || /^[-=_\s]+$/.test(t)) continue;
    if (isParenthesised(t) && isClassLabel(t.slice(1, t.lastIndexOf(')')))) continue;
    const last = t.split(/\s+/).at(-1) ?? '';
    return readRateToken(last) !== null;
  }
  return false;
}

/** A class, PORTFOLIOS or Registrant label: what rows below it are. */
function applyLabel(s: TableState, l: string): TableState {
  const pl = portfolioLabel(l);
  if (pl !== null)
    return { ...s, listMode: true, classes: pl.classes !== null ? classCodesIn(pl.classes) : s.classes };
  if (isClassLabel(l)) return { ...s, classes: classCodesIn(l), listMode: true };
  // "AIM CASH RESERVE SHARES": a class heading, no Registrant
  const cashReserve = cashReserveClass(l);
  if (cashReserve !== null) return { ...s, classes: [cashReserve], listMode: true };
  if (isGroupHeading(l)) return { ...s, registrant: groupName(l), listMode: true };
  return s;
}

/**
 * One line of a schedule, classified by tableLine.ts; returns the state after it.
 * @example stepTable(state, lines, i, { kind: 'end' }, env).closed === true
 */
export function stepTable(
  s0: TableState,
  lines: readonly EdgarLine[],
  i: number,
  shape: TableLine,
  env: TableEnv,
): TableState {
  const line = lines[i]!;
  const { ctx, name } = env;
  let s = s0;
  if (line.opensTable) s = { ...s, tableOpen: true };
  if (line.closesTable) s = { ...s, tableOpen: false };
  // the quoted replacement schedule's closing quote mark printed on a line of its own under the
  // last row: the schedule ends there, as it does when the mark closes the row itself
  if (s.quoteOpen && isClosingQuoteLine(line.trimmed))
    return { ...flushFootnote(s), quoteOpen: false, closed: true, stop: 'after' };
  switch (shape.kind) {
    case 'blank':
      return footnoteGoesOnAfterPageBreak(s, lines, i) ? s : flushFootnote(s);
    case 'scheduleHeading':
      // "SCHEDULE A (continued)" at the top of a page: skip its title block too
      if (shape.heading.name === name && !shape.heading.quoted)
        return { ...s, resumeAt: skipScheduleTitle(lines, i + 1, shape.heading).next };
      return { ...s, stop: 'at' };
    case 'end':
      return { ...s, closed: true, stop: 'at' };
    case 'footnoteStart': {
      const f = { ...flushFootnote(s), footnote: [shape.text], lastWasRow: false };
      return shape.closesQuote ? { ...f, quoteOpen: false, closed: true, stop: 'after' } : f;
    }
    case 'footnoteText': {
      const f = { ...s, footnote: [...(s.footnote ?? []), shape.text] };
      return shape.closesQuote ? { ...f, quoteOpen: false, closed: true, stop: 'after' } : f;
    }
    default:
  }
  s = flushFootnote(s);
  if (shape.kind === 'columnHeading') {
    const withBlock = { ...s, block: [...s.block, shape.heading], lastWasRow: false };
    return shape.heading.label === '' ? withBlock : applyLabel(withBlock, shape.heading.label);
  }
  if (shape.kind === 'badHeadings')
    throw new ExhibitParseError(ctx.file, shape.no, `${name}: ${shape.reason}`);
  const headingsJustEnded = s.block.length > 0;
  if (headingsJustEnded) s = { ...s, layout: effectiveLayout(viewOf(s)) as ColumnLayout, block: [] };

  switch (shape.kind) {
    case 'parenthesised': {
      const inner = shape.label.slice(1, shape.label.lastIndexOf(')'));
      if (isClassLabel(inner)) {
        const codes = classCodesIn(inner);
        // "(Class B Shares)" right under a row is that row's class; one after a blank line or the
        // table's end ("</TABLE>" / "(CLASS C SHARES)" over the next table) heads the rows below
        const underRow = s.lastWasRow && s.lastRow !== null && (lines[i - 1]?.trimmed ?? '') !== '';
        s = underRow ? annotate(s, codes) : { ...s, classes: codes };
      }
      s = { ...s, lastWasRow: false };
      return stripClosingQuote(shape.label).closesQuote
        ? { ...s, quoteOpen: false, closed: true, stop: 'after' }
        : s;
    }
    case 'label': {
      // a "PORTFOLIOS" label on its own after rows starts a plain list (no rate columns) —
      // unless the rows under it print rates: then it is the name column's heading printed again
      // over the next class's table, under the rate headings printed once above both (AIM
      // Special Opportunities Funds' Appendix A: "PORTFOLIO" / "(Class C Shares)" / rows)
      if (!headingsJustEnded && portfolioLabel(shape.label) !== null && s.lastRow !== null) {
        if (s.layout !== null && nextRowPrintsRates(lines, i + 1))
          return { ...applyLabel(s, shape.label), listMode: s.listMode, lastWasRow: false };
        s = { ...s, layout: null };
      }
      return { ...applyLabel(s, shape.label), lastWasRow: false };
    }
    case 'row': {
      const r = shape.row;
      if (shape.fast)
        return afterRow(
          addRow(s, env, line.no, r.name, r.rates, classesForRow(s, env)),
          env,
          line,
          r.closesQuote,
        );
      let portfolio = r.name;
      let rowClasses = classesForRow(s, env);
      const inline = inlineClass(portfolio);
      if (inline !== null) {
        rowClasses = classCodesIn(inline.classes);
        portfolio = inline.name;
      }
      if (s.pendingName !== null) {
        if (isParenthesised(portfolio) && isClassLabel(portfolio.slice(1, -1))) {
          rowClasses = classCodesIn(portfolio);
          portfolio = s.pendingName.text;
        } else portfolio = `${s.pendingName.text} ${portfolio}`;
        s = { ...s, pendingName: null };
      }
      if (portfolio === '') return unreadable(s, env, line, i, 'no portfolio name');
      return afterRow(addRow(s, env, line.no, portfolio, r.rates, rowClasses), env, line, r.closesQuote);
    }
    case 'groupHeading':
      return {
        ...s,
        registrant: wrappedGroupName(lines, i) ?? groupName(line.trimmed),
        listMode: s.layout === null ? true : s.listMode,
        lastWasRow: false,
      };
    case 'prose':
      if (s.layout === null) {
        // before the list's first portfolio, lead-in text is passed over — but not a line only its
        // length makes text, with portfolios under it: it may be the first of them
        if (s.entries.length === 0 && shape.rowFollows && proseOnlyByLength(line.trimmed))
          return unreadable(s, env, line, i, 'a line of over 90 characters that may be a portfolio name');
        if (s.entries.length === 0) return s;
        // inside a quoted replacement list, prose before the closing quote is no end of it
        if (s.quoteOpen)
          return unreadable(s, env, line, i, 'neither a portfolio nor a heading, before the closing quote');
        // prose with more of the list after it: refused, never the end of a list read in part
        if (shape.rowFollows)
          return unreadable(s, env, line, i, 'neither a portfolio nor a heading, with portfolios after it');
        // a line only its length makes text may be the list's last portfolio, its name long:
        // never the list's silent end
        if (proseOnlyByLength(line.trimmed))
          return unreadable(s, env, line, i, 'a line of over 90 characters that may be a portfolio name');
        return { ...s, closed: true, stop: 'at' };
      }
      if (s.entries.length === 0 && s.lastRow === null) return s;
      // issue 11: a line that is neither a row nor a heading, with rows after it, is an error —
      // never a reason to drop the rows that follow
      if (s.quoteOpen || shape.rowFollows)
        return unreadable(s, env, line, i, 'neither a row nor a heading, with rows after it');
      return { ...s, closed: true, stop: 'at' };
    case 'nameStart':
      return { ...s, pendingName: { text: shape.text, indent: line.indent } };
    case 'nameTail':
      return afterRow(nameTail(s, env, line, i, shape.text), env, line, shape.closesQuote);
    case 'badRow':
      return unreadable(s, env, line, i, shape.reason);
    case 'listRate':
      return s.listMode || s.entries.length > 0
        ? unreadable(s, env, line, i, 'a rate with no column heading above it')
        : s;
    case 'listNameClasses': {
      // "AIM Real Estate Fund -   Class A" / "Class C" / "Investor Class": one entry per class
      s = { ...addRow(s, env, line.no, shape.text, [], shape.classes), listMode: true };
      const last = lines[shape.last]!;
      s = afterRow(s, env, last, shape.closesQuote);
      return shape.last > i && s.stop === null ? { ...s, resumeAt: shape.last + 1 } : s;
    }
    case 'listName': {
      if (shape.sideBySide)
        return unreadable(
          s,
          env,
          line,
          i,
          portfolioBesideRateHeadingRefusal(
            line.trimmed,
            lines.slice(i + 1, i + 40),
            lines
              .slice(Math.max(0, i - 15), i)
              .map((l) => l.trimmed)
              .join(' '),
          ) ?? 'two columns side by side; the reader does not take a list apart by columns',
        );
      const rowClasses = s.classes ?? (ctx.instrumentClasses.length > 0 ? ctx.instrumentClasses : null);
      if (rowClasses === null)
        throw new ExhibitParseError(ctx.file, line.no, `${name}: the class of "${shape.text}" is not stated`);
      s = { ...addRow(s, env, line.no, shape.text.replace(/\s+/g, ' '), [], rowClasses), listMode: true };
      // a closing quote after one class's list, with another class heading after it (AIM
      // Growth Series Amendment No. 1: after Class C, and again after Institutional Class)
      if (shape.closesQuote && shape.moreClasses) return { ...s, quoteOpen: true };
      return afterRow(s, env, line, shape.closesQuote);
    }
    default:
      return s;
  }
}

// the words a Registrant's name ends in
const REGISTRANT_END_RE =
  /\b(?:FUNDS|FUND|TRUST|SERIES|GROUP|PORTFOLIOS|INC\.?|CORPORATION|COMPANY)(?:\s+[IVX]{1,4})?$/;

/**
 * A group heading wrapped onto a second line ("INVESCO COMBINATION STOCK & BOND" / "FUNDS, INC."):
 * the line above, a heading in capitals that stops before a Registrant's last word, is the name's
 * beginning — the Registrant is the two lines, never "FUNDS, INC." alone.
 */
function wrappedGroupName(lines: readonly EdgarLine[], i: number): string | null {
  const above = lines[i - 1]?.trimmed ?? '';
  if (above === '' || !isGroupHeading(above) || REGISTRANT_END_RE.test(groupName(above))) return null;
  // the schedule's title over its first heading ("MASTER DISTRIBUTION PLAN") is no part of a name
  if (/\b(?:PLAN|AGREEMENT|SHARES|FEES?|SCHEDULE|APPENDIX)\b/.test(above)) return null;
  return groupName(`${above} ${lines[i]!.trimmed}`);
}

function viewOf(s: TableState): TableView {
  return {
    layout: s.layout,
    block: s.block,
    footnoteOpen: s.footnote !== null,
    pendingName: s.pendingName !== null,
    listMode: s.listMode,
  };
}

// "(1) The Distribution Fee …", "* The Distribution Fee …": a footnote's first line and its text
const TRAILING_FOOTNOTE_RE = /^(\*+|\(\d{1,2}\))\s*(\S.*)$/;

/**
 * The footnote printed under a quoted schedule after its closing quote mark (and the table's
 * `</TABLE>`, a rule): the schedule's, where a row or heading of the schedule carries its mark
 * ("CHARGE(1)", "0.25%*"). Its text runs to the next blank line; returns it and the index after.
 */
function footnoteAfterClosingQuote(
  lines: readonly EdgarLine[],
  from: number,
  scheduleStart: number,
): { text: string; end: number } | null {
  let i = from;
  while (i < lines.length && (lines[i]!.trimmed === '' || /^[-_=]{3,}$/.test(lines[i]!.trimmed))) i++;
  const first = TRAILING_FOOTNOTE_RE.exec(lines[i]?.trimmed ?? '');
  if (first === null) return null;
  const mark = first[1]!;
  const marked = lines
    .slice(scheduleStart, from)
    .some((l) => l.trimmed.includes(mark) && !TRAILING_FOOTNOTE_RE.test(l.trimmed));
  if (!marked) return null;
  const text = [first[2]!];
  for (i++; i < lines.length && lines[i]!.trimmed !== '' && !lines[i]!.pageBreak; i++) {
    const t = lines[i]!.trimmed;
    if (TRAILING_FOOTNOTE_RE.test(t) || endsSchedule(t)) break;
    text.push(t);
  }
  return { text: text.join(' ').replace(/\s+/g, ' ').trim(), end: i };
}

function readOneSchedule(
  ctx: ScheduleContext,
  headingIndex: number,
  heading: ScheduleHeading,
  lastContent: number,
): ScheduleReading {
  const { file } = ctx;
  const name = heading.name;
  const title = skipScheduleTitle(ctx.lines, headingIndex + 1, heading);
  const headingNo = ctx.lines[headingIndex]!.no;
  let s: TableState = {
    registrant: ctx.instrumentRegistrant,
    classes: title.classes.length > 0 ? title.classes : null,
    layout: null,
    block: [],
    listMode: false,
    tableOpen: false,
    quoteOpen: heading.quoted,
    closed: false,
    stop: null,
    lastRow: null,
    lastWasRow: false,
    perRowClasses: false,
    footnote: null,
    pendingName: null,
    truncationNoted: false,
    entries: AppendOnlyList.empty(),
    footnotes: [],
    warnings: [],
    resumeAt: null,
  };

  // a plain list in two columns side by side is read one column after the other
  let regionEnd = title.next;
  while (
    regionEnd < ctx.lines.length &&
    !endsSchedule(ctx.lines[regionEnd]!.trimmed) &&
    scheduleHeading(ctx.lines[regionEnd]!.trimmed) === null
  )
    regionEnd++;
  // a cell wrapped onto the next line ("Portfolio – Investor" / "Class Shares") is one cell
  const joined = joinWrappedCells(ctx.lines, title.next, regionEnd);
  const columns = sideBySideColumns(joined, title.next, regionEnd);
  const lines =
    columns === null ? joined : [...joined.slice(0, title.next), ...columns, ...joined.slice(regionEnd)];
  const shift = lines.length - ctx.lines.length;
  const env: TableEnv = {
    ctx,
    name,
    lastContent: lastContent >= regionEnd ? lastContent + shift : lastContent,
  };

  let i = title.next;
  while (i < lines.length) {
    s = stepTable(s, lines, i, classifyTableLine(lines, i, viewOf(s)), env);
    if (s.stop === 'at') break;
    if (s.resumeAt !== null) {
      i = s.resumeAt;
      s = { ...s, resumeAt: null };
      continue;
    }
    i++;
    if (s.stop === 'after') break;
  }
  s = flushFootnote(s);
  if (s.closed && s.stop === 'after') {
    // "(1) …" then "(2) …": each footnote whose mark the schedule carries
    for (let after = footnoteAfterClosingQuote(lines, i, title.next); after !== null; ) {
      s = { ...s, footnotes: [...s.footnotes, after.text] };
      i = after.end;
      after = footnoteAfterClosingQuote(lines, i, title.next);
    }
  }

  const reachedEnd = s.truncationNoted || i >= lines.length;
  const listed = s.lastRow;
  if (
    reachedEnd &&
    !s.closed &&
    listed !== null &&
    listed.rates.length === 0 &&
    listed.no === ctx.lines[lastContent]?.no &&
    !NAME_END_RE.test(listed.portfolio)
  ) {
    // a list the document stops inside: its last line is cut mid-name ("AIM Value II F") and
    // is no portfolio
    const detail = `its last line ${listed.no} ("${listed.portfolio}") is cut mid-name and was not read`;
    s = dropLastRow(s);
    s = s.truncationNoted
      ? { ...s, warnings: [...s.warnings, `${name}: ${detail}`] }
      : cutOff(s, env, detail);
  }
  const row = s.lastRow;
  const pendingClass = row !== null && s.entries.length === row.first;
  const unannotated = s.perRowClasses && row !== null && !row.annotated;
  const openAtEnd =
    reachedEnd && !s.closed && (s.truncationNoted || s.quoteOpen || s.tableOpen || s.pendingName !== null);
  if (openAtEnd || (reachedEnd && !s.closed && (pendingClass || unannotated))) {
    if (pendingClass || unannotated) {
      const detail = `the class line under its last row (line ${row?.no}) is missing, so that row was not read`;
      s = dropLastRow(s);
      s = s.truncationNoted
        ? { ...s, warnings: [...s.warnings, `${name}: ${detail}`] }
        : cutOff(s, env, detail);
    } else if (!s.truncationNoted) s = cutOff(s, env, 'the rest of the schedule is missing');
  } else if (pendingClass && row !== null) {
    throw new ExhibitParseError(file, row.no, `${name}: the class of "${row.portfolio}" is not stated`);
  }
  if (s.entries.length === 0) {
    if (s.truncationNoted || openAtEnd) {
      throw new ExhibitParseError(
        file,
        ctx.lines[lastContent]?.no ?? headingNo,
        `${CUT_OFF_WARNING_PREFIX} ${name} before its first entry`,
      );
    }
    throw new ExhibitParseError(file, headingNo, `${name} lists no portfolios`);
  }
  return {
    name,
    entries: s.entries.toArray(),
    footnotes: s.footnotes,
    warnings: s.warnings,
    start: headingIndex,
    // back to the document's own line indices
    end: columns === null ? i : Math.max(title.next, Math.min(i, regionEnd + shift) - shift),
    endedWithDocument: reachedEnd && !s.closed,
  };
}
