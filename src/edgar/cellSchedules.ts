/**
 * The schedules of an exhibit laid out one table cell per line (issue 11: HTML exhibits):
 * where each schedule begins ("SCHEDULE A", "“SCHEDULE A", "AMENDED SCHEDULE A", "SCHEDULE" /
 * "A" on two lines, "EXHIBIT A" / "Fee Schedule"), which classes the title block above it names
 * (MainStay: four "SCHEDULE A"s, each under its own "FOR CLASS B SHARES" block), and where it
 * ends.
 */

import { type CellScheduleReading, readCellSchedule } from './cellSchedule.js';
import type { EdgarLine } from './edgarText.js';
import type { ParsedEntry } from './exhibitDocument.js';
import { exhibitLabel, scheduleHeading } from './lineShapes.js';
import { scheduleItem } from './scheduleItem.js';
import { classCodesIn } from './shareClasses.js';

export interface CellHeading {
  readonly index: number;
  readonly name: string;
  readonly quoted: boolean;
  /** index of the line after the heading */
  readonly next: number;
}

function nextContent(lines: readonly EdgarLine[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]!.trimmed === '') i++;
  return i;
}

/** Every line with content in [from, to) is an exhibit designation ("EXHIBIT (m)(2)", "m(4)(b)"). */
function onlyExhibitLabelsBetween(lines: readonly EdgarLine[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = lines[k]!.trimmed;
    if (t !== '' && exhibitLabel(t) === null) return false;
  }
  return true;
}

// Van Eck's "VAN ECK FUNDS / PLAN OF DISTRIBUTION PURSUANT TO RULE 12b-1 / (Class A Shares) /
// EXHIBIT A": the plan's title block in capitals (its class in parentheses) and nothing else above
// the exhibit — the exhibit is the plan's schedule, as it is under the filing's label alone
function onlyPlanTitleBetween(lines: readonly EdgarLine[], from: number, to: number): boolean {
  let plan = false;
  for (let k = from; k < to; k++) {
    const t = lines[k]!.trimmed;
    if (t === '' || exhibitLabel(t) !== null || /^\(Class\s+[A-Z][A-Z0-9]?\s+Shares\)$/.test(t)) continue;
    if (/[a-z]/.test(t.replace(/\b12b-1\b/g, '')) || t.split(/\s+/).length > 8) return false;
    if (/\bPLAN\b/.test(t)) plan = true;
  }
  return plan;
}

/**
 * Van Eck's "Multi-Manager Alternatives Fund / Class C1 / 1.00%" over its footnote "1 / The Board of
 * Trustees … approved the establishment of Class C shares for Multi-Manager Alternatives Fund …": the
 * digit printed against the class is the footnote's mark — the footnote names that fund's Class C —
 * so the class is C, and the footnote's sentence is the schedule's footnote. A numbered class no
 * footnote names so stays as printed (footnoteMarkedClasses.ts refuses a run of them).
 */
function footnoteMarkedClassOf(r: CellScheduleReading, lines: readonly EdgarLine[]): CellScheduleReading {
  const notes: string[] = [];
  const entries = r.entries.map((e) => {
    const m = e.class === null ? null : /^([A-Z])([1-9])$/.exec(e.class);
    if (m === null) return e;
    const names = new RegExp(
      `\\bClass\\s+${m[1]}\\s+shares\\s+(?:for|of)\\s+(?:the\\s+)?${escapeRe(e.portfolio)}\\b`,
    );
    const note = lines.slice(r.start).find((l) => /[.]$/.test(l.trimmed) && names.test(l.trimmed));
    if (note === undefined) return e;
    if (!notes.includes(note.trimmed) && !r.footnotes.includes(note.trimmed)) notes.push(note.trimmed);
    return { ...e, class: m[1]! };
  });
  return notes.length === 0 && entries.every((e, k) => e === r.entries[k])
    ? r
    : { ...r, entries, footnotes: [...r.footnotes, ...notes] };
}

const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The schedule heading at line index i, if one is there. */
export function cellHeadingAt(
  lines: readonly EdgarLine[],
  i: number,
  firstContent: number,
): CellHeading | null {
  const t = lines[i]!.trimmed;
  const plain = scheduleHeading(t);
  if (plain !== null && !plain.continuesWithTo)
    return { index: i, name: plain.name, quoted: plain.quoted, next: i + 1 };
  if (plain !== null) return { index: i, name: plain.name, quoted: plain.quoted, next: i + 1 };
  // "AMENDED SCHEDULE A", Leader-style "AMENDED EXHIBIT A"
  const amended = /^(["\u201c]?)AMENDED\s+(SCHEDULE|EXHIBIT)\s+([A-Z](?:-\d{1,2})?)$/.exec(t);
  if (amended) {
    const kind = amended[2] === 'EXHIBIT' ? 'Exhibit' : 'Schedule';
    return { index: i, name: `${kind} ${amended[3]}`, quoted: amended[1] !== '', next: i + 1 };
  }
  if (/^["\u201c]?SCHEDULE$/.test(t)) {
    const j = nextContent(lines, i + 1);
    const letter = /^([A-Z](?:-\d{1,2})?)$/.exec(lines[j]?.trimmed ?? '');
    if (letter) return { index: i, name: `Schedule ${letter[1]}`, quoted: t !== 'SCHEDULE', next: j + 1 };
  }
  // Harding Loevner "Appendix A - List of Portfolios and Classes": the heading and its subtitle on
  // one line — first in the document, or under nothing but the filing's exhibit label
  const subtitled =
    /^(SCHEDULE|APPENDIX|Schedule|Appendix)\s+([A-Z](?:-\d{1,2})?)\s+[-\u2013\u2014]\s+[A-Z]/.exec(t);
  if (subtitled && (i === firstContent || onlyExhibitLabelsBetween(lines, firstContent, i))) {
    const keyword = subtitled[1]!;
    const name = `${keyword.charAt(0)}${keyword.slice(1).toLowerCase()} ${subtitled[2]}`;
    return { index: i, name, quoted: false, next: i + 1 };
  }
  // Manning & Napier "EXHIBIT A / Fee Schedule": the exhibit is the fee schedule; "EXHIBIT A" first
  // in the document, or under nothing but the filing's exhibit label ("EXHIBIT (m)(2)"), too
  const exhibit = /^EXHIBIT\s+([A-Z])$/i.exec(t);
  if (exhibit) {
    const j = nextContent(lines, i + 1);
    // American Funds "Updated as of May 1, 2016 / EXHIBIT A / to the / Amended and Restated Plan of
    // Distribution of Class 2 Shares": the exhibit to a plan, under a date line
    const to = nextContent(lines, j + 1);
    const toThePlan =
      /^to\s+the$/i.test(lines[j]?.trimmed ?? '') &&
      /\b(?:Plan\s+of\s+Distribution|Distribution\s+(?:and\s+Service\s+)?Plan)\b/i.test(
        lines[to]?.trimmed ?? '',
      );
    if (
      i === firstContent ||
      onlyExhibitLabelsBetween(lines, firstContent, i) ||
      /^Fee\s+Schedule$/i.test(lines[j]?.trimmed ?? '') ||
      toThePlan ||
      onlyPlanTitleBetween(lines, firstContent, i)
    )
      return { index: i, name: `Exhibit ${exhibit[1]!.toUpperCase()}`, quoted: false, next: i + 1 };
  }
  return null;
}

// "Schedule A to the Plan is hereby deleted in its entirety and replaced with the following:"
const REPLACED_WITH_FOLLOWING_RE =
  /\b(Schedule|Appendix|Exhibit)\s+([A-Z](?:-\d{1,2})?)\b[^.:]{0,300}\breplaced(?:\s+in\s+its\s+entirety)?\s+with\s+the\s+following\s*:\s*$/i;
// the new schedule's first line when it prints no "SCHEDULE A": "MASTER DISTRIBUTION PLAN"
const INSTRUMENT_TITLE_RE = /^["\u201c]?(?:[A-Z][A-Z&,'\u2019-]*\s+)*(?:PLAN|AGREEMENT)$/;
// …or its first Registrant's heading: "AIM EQUITY FUNDS", "AIM COUNSELOR SERIES TRUST (INVESCO …)"
const REGISTRANT_FIRST_RE =
  /^["\u201c]?[A-Z][A-Z&.,'\u2019 -]*\b(?:FUNDS|TRUST|SERIES|GROUP|INC\.?)(?:\s*\([A-Z][A-Z&.,'\u2019 -]*\))?$/;

/**
 * A schedule the body replaces "with the following:" that the document prints with its
 * instrument's title and no "SCHEDULE A" line ("MASTER DISTRIBUTION PLAN / (INVESTOR CLASS SHARES)
 * / … / BRAMBLE EQUITY TRUST"): headed by the name the body gives it.
 */
function untitledReplacement(lines: readonly EdgarLine[], after: number): CellHeading | null {
  for (let i = after; i < lines.length; i++) {
    const t = lines[i]!.trimmed;
    if (t === '') continue;
    const named = REPLACED_WITH_FOLLOWING_RE.exec(
      `${lines[i - 1]?.trimmed ?? ''} ${t.replace(/^\|/, '')}`.trim(),
    );
    if (named === null) continue;
    const j = nextContent(lines, i + 1);
    const title = lines[j]?.trimmed ?? '';
    // …or printed with no title at all, its first Registrant's heading right after the clause and
    // the table's heading cells under it ('replaced with the following:' / '"AIM EQUITY FUNDS' /
    // '|MAXIMUM ASSET …'): the schedule the body names all the same
    const under = (lines[nextContent(lines, j + 1)]?.trimmed ?? '').replace(/^\|/, '').trim();
    const registrantFirst = REGISTRANT_FIRST_RE.test(title) && scheduleItem(under).kind === 'heading';
    // …or its table's own column headings right after the clause ("Funds | Shares", Invesco's Van
    // Kampen plans): two heading cells in a row
    const headingsFirst =
      scheduleItem(title.replace(/^\|/, '').trim()).kind === 'heading' &&
      scheduleItem(under).kind === 'heading';
    if (!INSTRUMENT_TITLE_RE.test(title) && !registrantFirst && !headingsFirst) return null;
    const kind = named[1]!.charAt(0).toUpperCase() + named[1]!.slice(1).toLowerCase();
    return {
      index: j,
      name: `${kind} ${named[2]!.toUpperCase()}`,
      quoted: /^["\u201c]/.test(title),
      next: j,
    };
  }
  return null;
}

export function cellHeadings(lines: readonly EdgarLine[]): CellHeading[] {
  const out: CellHeading[] = [];
  const first = nextContent(lines, 0);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trimmed === '') continue;
    const h = cellHeadingAt(lines, i, first);
    if (h !== null) {
      out.push(h);
      i = h.next - 1;
    }
  }
  if (out.length > 0) return out;
  const untitled = untitledReplacement(lines, 0);
  return untitled === null ? out : [untitled];
}

// Lines of a plan's title block above a schedule: "THE MAINSTAY FUNDS", "PLAN OF DISTRIBUTION",
// "PURSUANT TO RULE 12b-1", "FOR CLASS B SHARES".
const TITLE_LINE_RE = /\b(?:PLAN|AGREEMENT|RULE\s+12b-1)\b|^FOR\s+(?:[A-Z]+\s+)?CLASS\b/i;
// …"THE MAINSTAY FUNDS" in capitals: Kinetics' "The Internet Fund", "The Global Fund" in mixed case
// are the funds its Exhibit A lists, no title block of a schedule the document lacks
const CAPITALS_THE_LINE_RE = /^THE\s+[A-Z][A-Z0-9&.,'\u2019\s-]*$/;

/** Where the title block that heads schedule `h` starts (its own index when there is none). */
function titleBlockStart(lines: readonly EdgarLine[], h: CellHeading, floor: number): number {
  let start = h.index;
  for (let j = h.index - 1; j >= floor; j--) {
    const t = lines[j]!.trimmed;
    if (t === '') continue;
    // title lines are short and no sentence ("All other terms … of the Plan … effect." is none)
    // nor a sentence's wrapped words ("the current prospectus for the applicable Portfolio (o")
    if (
      !(TITLE_LINE_RE.test(t) || CAPITALS_THE_LINE_RE.test(t)) ||
      t.split(/\s+/).length > 8 ||
      /[.;:]$/.test(t) ||
      /^[a-z]/.test(t)
    )
      break;
    start = j;
  }
  return start;
}

function classLabel(code: string): string {
  return code.length <= 2 ? `Class ${code}` : `${code} Class`;
}

export interface CellSchedulesContext {
  readonly file: string;
  readonly lines: readonly EdgarLine[];
  readonly classes: readonly string[];
  readonly registrant: string | null;
  /** lines that go on with the cell above them (cellText.ts) */
  readonly continuations: ReadonlySet<number>;
  /** the first schedule's title block's mixed-case Registrant line (cellSchedule.ts) */
  readonly titleRegistrant?: string | null;
}

// a letter's salutation: "Ladies and Gentlemen:", "Dear Sirs:"
const SALUTATION_RE = /^(?:Ladies\s+and\s+Gentlemen|Gentlemen|Dear\s+[A-Z][\w.\s]{0,40})\s*[:,]$/;
// how far under its heading a form of letter shows its salutation (title, sender's and addressee's addresses)
const LETTER_LINES = 12;

/**
 * The heading heads a letter, no fee schedule: Brown Advisory's "Appendix A / Rule 12b-1 Related
 * Agreement / Quasar Distributors, LLC / … / Ladies and Gentlemen:" after its Schedule A — the form
 * of the dealer agreement the plan allows, its lines no portfolios (SPEC §2.1: nothing is read
 * that the document does not state as a schedule's row).
 */
function headsALetter(lines: readonly EdgarLine[], h: CellHeading, stop: number): boolean {
  let seen = 0;
  for (let j = h.next; j < Math.min(stop, lines.length) && seen < LETTER_LINES; j++) {
    const t = lines[j]!.trimmed.replace(/^\|/, '').trim();
    if (t === '') continue;
    if (SALUTATION_RE.test(t)) return true;
    seen++;
  }
  return false;
}

/** Every schedule in document order; names that repeat get their class ("Schedule A (Class B)"). */
export function readCellSchedules(
  ctx: CellSchedulesContext,
  headings: readonly CellHeading[],
): CellScheduleReading[] {
  const out: CellScheduleReading[] = [];
  const classesOf: (readonly string[])[] = [];
  let floor = 0;
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k]!;
    const blockStart = titleBlockStart(ctx.lines, h, floor);
    // …and the heading's own line: Calvert's "SCHEDULE A to MASTER DISTRIBUTION PLAN FOR CLASS C SHARES"
    const blockClasses = classCodesIn(
      ctx.lines
        .slice(blockStart, h.index + 1)
        .map((l) => l.trimmed)
        .join(' '),
    );
    const next = headings[k + 1];
    // title lines after the last schedule ("THE MAINSTAY FUNDS / PLAN OF DISTRIBUTION / FOR CLASS B
    // SHARES") head a schedule the document does not contain: it is cut there
    const end = { index: ctx.lines.length, name: '', quoted: false, next: ctx.lines.length };
    const stop = titleBlockStart(ctx.lines, next ?? end, h.next);
    const listSchedule = out.find((r) =>
      r.entries.every(
        (e: ParsedEntry) =>
          e.aggregateFeePct === null && e.assetBasedSalesChargePct === null && e.serviceFeePct === null,
      ),
    );
    const classes = blockClasses.length > 0 ? blockClasses : ctx.classes;
    // a form of letter under the heading: no schedule's rows, its words the document's prose
    if (out.length > 0 && headsALetter(ctx.lines, h, stop)) continue;
    const reading = readCellSchedule(
      {
        file: ctx.file,
        name: h.name,
        classes,
        registrant: ctx.registrant,
        quoted: h.quoted,
        listSchedule: listSchedule?.name ?? null,
        continuations: ctx.continuations,
        titleRegistrant: k === 0 ? (ctx.titleRegistrant ?? null) : null,
      },
      ctx.lines,
      h.next,
      stop,
    );
    const orphanTitle = next === undefined && stop < ctx.lines.length && reading.end >= stop;
    out.push({
      ...reading,
      start: h.index,
      cut:
        reading.cut ??
        (orphanTitle
          ? {
              fact: 'text',
              line: ctx.lines[stop]!.no,
              reason: `the document ends with the title of another schedule ("${ctx.lines[stop]!.trimmed}"), but not the schedule`,
              schedule: null,
            }
          : null),
    });
    floor = reading.end;
    // "SCHEDULE A (continued)" over the next page's table (Word files repeat the heading at each
    // page break): the same schedule goes on — one Schedule A, not two
    const previous = out.at(-2);
    if (/\(continued\)\s*$/i.test(ctx.lines[h.index]!.trimmed) && previous?.name === h.name) {
      const goesOn = out.pop()!;
      out[out.length - 1] = {
        ...previous,
        entries: [...previous.entries, ...goesOn.entries],
        footnotes: [...previous.footnotes, ...goesOn.footnotes],
        warnings: [...previous.warnings, ...goesOn.warnings],
        renames: [...previous.renames, ...goesOn.renames],
        cut: previous.cut ?? goesOn.cut,
        end: goesOn.end,
        endedWithDocument: goesOn.endedWithDocument,
        endedInFootnote: goesOn.endedInFootnote,
      };
      continue;
    }
    // MainStay "SCHEDULE A / FOR CLASS B SHARES": the class printed under the heading, not above it
    const under = [...new Set(reading.entries.map((e) => e.class).filter((c): c is string => c !== null))];
    classesOf.push(classes.length > 0 ? classes : under);
  }
  return out.map((r0, i) => {
    const r = footnoteMarkedClassOf(r0, ctx.lines);
    const twins = out.filter((o) => o.name === r.name).length;
    const codes = classesOf[i]!;
    return twins > 1 && codes.length === 1 ? { ...r, name: `${r.name} (${classLabel(codes[0]!)})` } : r;
  });
}
