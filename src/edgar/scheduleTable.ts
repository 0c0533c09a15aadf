/**
 * The schedules of an exhibit (SPEC §2.1): "SCHEDULE A" / "SCHEDULE A-1" / "APPENDIX A" and
 * what follows it — rate tables grouped by Registrant with class headings and column headings
 * (Amendment No. 12, Sixth A&R Plan), or plain lists of portfolios under Registrant headings
 * (Agreement Schedules A-1 and A-2). Entries come out in document order.
 *
 * A document cut off inside a schedule gives what is complete and a warning; a row inside a
 * rate table that cannot be read is an error naming its line.
 */

import { type ColumnLayout, columnLayout, type HeadingLine, splitHeadingLine } from './columnHeadings.js';
import type { EdgarLine } from './edgarText.js';
import { CUT_OFF_WARNING_PREFIX, ExhibitParseError, type ScheduleEntry } from './exhibitDocument.js';
import {
  endsSchedule,
  groupName,
  isAllCaps,
  isGroupHeading,
  isParenthesised,
  isProse,
  portfolioLabel,
  type ScheduleHeading,
  scheduleHeading,
} from './lineShapes.js';
import { readRow, stripClosingQuote } from './scheduleRow.js';
import { classCodesIn, isClassLabel } from './shareClasses.js';

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
  readonly portfolio: string;
  readonly rates: readonly (string | null)[];
  readonly layout: ColumnLayout | null;
  readonly registrant: string | null;
  /** a "(Class B Shares)" line under the row has set its class */
  annotated: boolean;
}

const FOOTNOTE_RE = /^(?:\*+|\(\d{1,2}\))\s*(\S.*)$/;
const NAME_END_RE = /\b(?:Fund|Funds|Portfolio|Trust|Series|Inc\.)["\u201d]?$/;
const RATE_WITH_PERCENT_RE = /\d\s*%/;

/** "PORTFOLIO - CLASS R SHARES   ------ --- ---" → "PORTFOLIO - CLASS R SHARES" */
function withoutTrailingDashes(t: string): string {
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

function entryFor(row: Omit<Row, 'annotated' | 'first' | 'no'>, klass: string): ScheduleEntry {
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
    } else if (isParenthesised(t)) {
      const inner = t.slice(1, t.lastIndexOf(')'));
      if (isClassLabel(inner)) classes = classCodesIn(inner);
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

function readOneSchedule(
  ctx: ScheduleContext,
  headingIndex: number,
  heading: ScheduleHeading,
  lastContent: number,
): ScheduleReading {
  const { lines, file } = ctx;
  const name = heading.name;
  const title = skipScheduleTitle(lines, headingIndex + 1, heading);
  const entries: ScheduleEntry[] = [];
  const footnotes: string[] = [];
  const warnings: string[] = [];
  const headingNo = lines[headingIndex]!.no;

  let registrant = ctx.instrumentRegistrant;
  let classes: readonly string[] | null = title.classes.length > 0 ? title.classes : null;
  let layout: ColumnLayout | null = null;
  let block: HeadingLine[] = [];
  let listMode = false;
  let tableOpen = false;
  let quoteOpen = heading.quoted;
  let closed = false;
  let lastRow: Row | null = null;
  let lastWasRow = false;
  let perRowClasses = false;
  let footnote: string[] | null = null;
  let pendingName: { text: string; indent: number } | null = null;
  let truncationNoted = false;

  const flushFootnote = () => {
    if (footnote !== null && footnote.length > 0)
      footnotes.push(footnote.join(' ').replace(/\s+/g, ' ').trim());
    footnote = null;
  };
  const cutOff = (detail: string) => {
    warnings.push(`${CUT_OFF_WARNING_PREFIX} ${name} after ${entries.length} entries; ${detail}`);
    truncationNoted = true;
  };
  const dropLastRow = () => {
    if (lastRow !== null) entries.length = lastRow.first;
    lastRow = null;
  };
  const classesForRow = (): readonly string[] | null => {
    if (classes !== null) return classes;
    return ctx.instrumentClasses.length === 1 ? ctx.instrumentClasses : null;
  };
  const addRow = (
    no: number,
    portfolio: string,
    rates: readonly (string | null)[],
    rowClasses: readonly string[] | null,
  ) => {
    if (lastRow !== null && !lastRow.annotated && entries.length === lastRow.first) {
      throw new ExhibitParseError(
        file,
        lastRow.no,
        `${name}: the class of "${lastRow.portfolio}" is not stated`,
      );
    }
    const row: Row = { no, first: entries.length, portfolio, rates, layout, registrant, annotated: false };
    for (const c of rowClasses ?? []) entries.push(entryFor(row, c));
    lastRow = row;
    lastWasRow = true;
  };
  const annotate = (codes: readonly string[]) => {
    const row = lastRow!;
    entries.length = row.first;
    for (const c of codes) entries.push(entryFor(row, c));
    row.annotated = true;
    perRowClasses = true;
  };
  /** A line that cannot be read: an error, or the cut-off end of the document. */
  const unreadable = (index: number, reason: string) => {
    const line = lines[index]!;
    if (index >= lastContent) {
      cutOff(`line ${line.no} ("${line.trimmed.slice(0, 60)}") is incomplete and was not read`);
      return;
    }
    throw new ExhibitParseError(
      file,
      line.no,
      `${name} row could not be read (${reason}): "${line.trimmed.slice(0, 80)}"`,
    );
  };

  let i = title.next;
  for (; i < lines.length && !closed; i++) {
    const line = lines[i]!;
    if (line.opensTable) tableOpen = true;
    if (line.closesTable) tableOpen = false;
    const t = line.trimmed;
    if (t === '') {
      flushFootnote();
      continue;
    }
    // the common case first: a complete rate row (its last token is a rate, so it is no heading)
    if (
      layout !== null &&
      block.length === 0 &&
      footnote === null &&
      pendingName === null &&
      /[\d%"]$/.test(t)
    ) {
      const r = readRow(t, layout.columns.length);
      if (
        r.rates.length === layout.columns.length &&
        r.name !== '' &&
        !r.extraRate &&
        !/^[*(]/.test(r.name)
      ) {
        const inline = /\)$/.test(r.name) ? /^(.*?)\s*\(([^()]*\bClass[^()]*)\)$/i.exec(r.name) : null;
        if (inline === null) {
          addRow(line.no, r.name, r.rates, classesForRow());
          if (r.closesQuote) {
            quoteOpen = false;
            closed = true;
          } else if (line.no === ctx.lastLineNo && !ctx.lastLineTerminated) {
            dropLastRow();
            cutOff(`its last line ${line.no} may be cut off and was not read`);
            break;
          }
          continue;
        }
      }
    }
    const next = scheduleHeading(t);
    if (next !== null) {
      if (next.name === name && !next.quoted) {
        // "SCHEDULE A (continued)" at the top of a page: skip its title block too
        i = skipScheduleTitle(lines, i + 1, next).next - 1;
        continue;
      }
      break;
    }
    if (endsSchedule(t)) {
      closed = true;
      break;
    }

    const footnoteStart = FOOTNOTE_RE.exec(t);
    if (footnoteStart && !RATE_WITH_PERCENT_RE.test(t)) {
      flushFootnote();
      const { text, closesQuote } = stripClosingQuote(footnoteStart[1]!);
      footnote = [text];
      lastWasRow = false;
      if (closesQuote) {
        quoteOpen = false;
        closed = true;
      }
      continue;
    }
    const label = withoutTrailingDashes(t);
    const headingLine = splitHeadingLine(line.text, line.no);
    const acceptedHeading =
      headingLine !== null &&
      (headingLine.label === '' ||
        isGroupHeading(headingLine.label) ||
        portfolioLabel(headingLine.label) !== null ||
        isClassLabel(headingLine.label));
    if (footnote !== null && !acceptedHeading && !isGroupHeading(t) && readRow(t, 1).rates.length === 0) {
      const { text, closesQuote } = stripClosingQuote(t);
      (footnote as string[]).push(text);
      if (closesQuote) {
        quoteOpen = false;
        closed = true;
      }
      continue;
    }
    flushFootnote();

    if (acceptedHeading && headingLine !== null) {
      block.push(headingLine);
      const l = headingLine.label;
      if (l !== '') applyLabel(l);
      lastWasRow = false;
      continue;
    }
    const headingsJustEnded = block.length > 0;
    if (headingsJustEnded) {
      const made = columnLayout(block);
      if (typeof made === 'string') throw new ExhibitParseError(file, block[0]!.no, `${name}: ${made}`);
      layout = made;
      block = [];
    }
    if (isParenthesised(label)) {
      const inner = label.slice(1, label.lastIndexOf(')'));
      if (isClassLabel(inner)) {
        const codes = classCodesIn(inner);
        if (lastWasRow && lastRow !== null) annotate(codes);
        else classes = codes;
      }
      if (stripClosingQuote(label).closesQuote) {
        quoteOpen = false;
        closed = true;
      }
      lastWasRow = false;
      continue;
    }
    if (isClassLabel(label) || portfolioLabel(label) !== null) {
      // a "PORTFOLIOS" label on its own after rows starts a plain list (no rate columns)
      if (!headingsJustEnded && portfolioLabel(label) !== null && lastRow !== null) layout = null;
      applyLabel(label);
      lastWasRow = false;
      continue;
    }

    if (layout !== null) {
      const r = readRow(t, layout.columns.length);
      if (r.rates.length === layout.columns.length && r.name !== '' && !r.extraRate) {
        let portfolio = r.name;
        let rowClasses = classesForRow();
        const inline = /^(.*?)\s*\(([^()]*\bClass[^()]*)\)$/i.exec(portfolio);
        if (inline && isClassLabel(inline[2]!)) {
          rowClasses = classCodesIn(inline[2]!);
          portfolio = inline[1]!;
        }
        if (pendingName !== null) {
          if (isParenthesised(portfolio) && isClassLabel(portfolio.slice(1, -1))) {
            rowClasses = classCodesIn(portfolio);
            portfolio = pendingName.text;
          } else portfolio = `${pendingName.text} ${portfolio}`;
          pendingName = null;
        }
        if (portfolio === '') {
          unreadable(i, 'no portfolio name');
          break;
        }
        addRow(line.no, portfolio, r.rates, rowClasses);
        if (r.closesQuote) {
          quoteOpen = false;
          closed = true;
        } else if (line.no === ctx.lastLineNo && !ctx.lastLineTerminated) {
          dropLastRow();
          cutOff(`its last line ${line.no} may be cut off and was not read`);
          break;
        }
        continue;
      }
      if (r.rates.length === 0) {
        if (isGroupHeading(t)) {
          registrant = groupName(t);
          lastWasRow = false;
          continue;
        }
        if (isProse(t)) {
          if (entries.length > 0 || lastRow !== null) {
            // issue 11: a line that is neither a row nor a heading, with rows after it, is an
            // error — never a reason to drop the rows that follow
            const next = lines.slice(i + 1).find((l) => l.trimmed !== '');
            const rowFollows =
              next !== undefined &&
              !endsSchedule(next.trimmed) &&
              readRow(next.trimmed, layout.columns.length).rates.length === layout.columns.length;
            if (quoteOpen || rowFollows) {
              unreadable(i, 'neither a row nor a heading, with rows after it');
              break;
            }
            closed = true;
            break;
          }
          continue;
        }
        // a portfolio name wrapped onto the next, further indented, line
        const following = lines[i + 1];
        if (
          pendingName === null &&
          following !== undefined &&
          following.indent > line.indent &&
          following.trimmed !== ''
        ) {
          pendingName = { text: r.name, indent: line.indent };
          continue;
        }
        unreadable(i, `no rates where ${layout.columns.length} are expected`);
        break;
      }
      unreadable(
        i,
        r.extraRate
          ? `more rates than the ${layout.columns.length} columns`
          : `${r.rates.length} of ${layout.columns.length} rates`,
      );
      break;
    }

    // no column headings: a plain list of portfolios (Agreement Schedules A-1, A-2)
    if (isGroupHeading(t)) {
      registrant = groupName(t);
      listMode = true;
      lastWasRow = false;
      continue;
    }
    if (isProse(t)) {
      if (entries.length > 0) {
        closed = true;
        break;
      }
      continue;
    }
    const { text, closesQuote } = stripClosingQuote(t);
    if (RATE_WITH_PERCENT_RE.test(text) && readRow(text, 1).rates.length > 0) {
      if (listMode || entries.length > 0) {
        unreadable(i, 'a rate with no column heading above it');
        break;
      }
      continue;
    }
    if (listMode || NAME_END_RE.test(text)) {
      // two lists side by side ("CLASS A SHARES      CLASS R SHARES"): not read as one name
      if (/\S {3,}\S/.test(text)) {
        unreadable(i, 'two columns side by side; the reader does not take a list apart by columns');
        break;
      }
      const rowClasses = classes ?? (ctx.instrumentClasses.length > 0 ? ctx.instrumentClasses : null);
      if (rowClasses === null)
        throw new ExhibitParseError(file, line.no, `${name}: the class of "${text}" is not stated`);
      addRow(line.no, text.replace(/\s+/g, ' '), [], rowClasses);
      listMode = true;
      // a closing quote after one class's list, with another class heading after it (AIM
      // Growth Series Amendment No. 1: after Class C, and again after Institutional Class)
      const next = lines.slice(i + 1).find((l) => l.trimmed !== '');
      const moreClasses = next !== undefined && isClassLabel(withoutTrailingDashes(next.trimmed));
      if (closesQuote && !moreClasses) {
        quoteOpen = false;
        closed = true;
      } else if (closesQuote) {
        quoteOpen = true;
      } else if (line.no === ctx.lastLineNo && !ctx.lastLineTerminated) {
        dropLastRow();
        cutOff(`its last line ${line.no} may be cut off and was not read`);
        break;
      }
    }
  }
  flushFootnote();

  const reachedEnd = truncationNoted || i >= lines.length;
  const row = lastRow as Row | null;
  const pendingClass = row !== null && entries.length === row.first;
  const unannotated = perRowClasses && row !== null && !row.annotated;
  const openAtEnd =
    reachedEnd && !closed && (truncationNoted || quoteOpen || tableOpen || pendingName !== null);
  if (openAtEnd || (reachedEnd && !closed && (pendingClass || unannotated))) {
    if (pendingClass || unannotated) {
      dropLastRow();
      const detail = `the class line under its last row (line ${row?.no}) is missing, so that row was not read`;
      if (truncationNoted) warnings.push(`${name}: ${detail}`);
      else cutOff(detail);
    } else if (!truncationNoted) cutOff('the rest of the schedule is missing');
  } else if (pendingClass && row !== null) {
    throw new ExhibitParseError(file, row.no, `${name}: the class of "${row.portfolio}" is not stated`);
  }
  if (entries.length === 0) {
    if (truncationNoted || openAtEnd) {
      throw new ExhibitParseError(
        file,
        lines[lastContent]?.no ?? headingNo,
        `${CUT_OFF_WARNING_PREFIX} ${name} before its first entry`,
      );
    }
    throw new ExhibitParseError(file, headingNo, `${name} lists no portfolios`);
  }
  return {
    name,
    entries,
    footnotes,
    warnings,
    start: headingIndex,
    end: i,
    endedWithDocument: reachedEnd && !closed,
  };

  function applyLabel(l: string): void {
    const pl = portfolioLabel(l);
    if (pl !== null) {
      listMode = true;
      if (pl.classes !== null) classes = classCodesIn(pl.classes);
      return;
    }
    if (isClassLabel(l)) {
      classes = classCodesIn(l);
      listMode = true;
      return;
    }
    if (isGroupHeading(l)) {
      registrant = groupName(l);
      listMode = true;
    }
  }
}
