/**
 * `plan12b exhibit parse` (SPEC §2.1): one EDGAR exhibit — a 12b-1 plan, a Class B master
 * distribution agreement, an amendment to either, or a schedule filed on its own — as a
 * ParsedExhibit. Plain text as filed, HTML, and HTML rendered one cell per line are read into
 * the same model. Pure: text in, document out; anything it cannot read throws
 * ExhibitParseError(file, line, reason); what it reads but lacks is in `completeness`.
 */

import type { CellScheduleReading } from './cellSchedule.js';
import { cellHeadingAt, cellHeadings, readCellSchedules } from './cellSchedules.js';
import { cellContinuations, cellLines } from './cellText.js';
import { hasAmendingClause } from './dates.js';
import { documentDates } from './documentDates.js';
import { type EdgarLine, readEdgarText } from './edgarText.js';
import {
  CUT_OFF_WARNING_PREFIX,
  ExhibitParseError,
  type Gap,
  type ParsedEntry,
  type ParsedExhibit,
  type ParsedSchedule,
} from './exhibitDocument.js';
import { type ExhibitHeading, exhibitTitle, readHeading } from './heading.js';
import { htmlCellText, looksLikeHtml } from './htmlText.js';
import { proseText } from './proseText.js';
import { classRenames, renamePairs, renameRules, renameTable } from './renames.js';
import { isRenderingMarker } from './renderingMarker.js';
import { replacedSchedules } from './replacedSchedules.js';
import { readSchedules } from './scheduleTable.js';
import { instrumentTerms } from './terms.js';
import { exhibitTitleOf, readTitleBlock, type TitleBlock, titleKind } from './titleBlock.js';

/** The registrant as the body spells it ("AIM Funds Group"), else as the title prints it. */
function bodySpelling(printed: string, body: string): string {
  const words = printed.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`\\b${words.join('\\s+')}(?![A-Za-z])`, 'gi');
  let checked = 0;
  for (let m = re.exec(body); m !== null && checked < 50; m = re.exec(body), checked++) {
    if (/[a-z]/.test(m[0])) return m[0].replace(/\s+/g, ' ');
  }
  return printed;
}

/** What the two layouts give the assembly below. */
interface Reading {
  readonly lines: readonly EdgarLine[];
  readonly kind: ParsedExhibit['kind'];
  readonly title: string;
  readonly exhibit: string | null;
  readonly amendmentNumber: number | null;
  readonly instrumentKind: 'plan' | 'agreement';
  readonly instrumentTitle: string;
  readonly registrant: string | null;
  readonly titleClasses: readonly string[];
  readonly bodyStart: number;
  readonly schedules: readonly {
    readonly name: string;
    readonly entries: readonly ParsedEntry[];
    readonly footnotes: readonly string[];
    readonly warnings: readonly string[];
    readonly cut: Gap | null;
    readonly start: number;
    readonly end: number;
    readonly endedWithDocument: boolean;
  }[];
}

function registrantOf(printed: string | null, lines: readonly EdgarLine[], bodyStart: number): string | null {
  return printed === null
    ? null
    : bodySpelling(
        printed,
        lines
          .slice(bodyStart, bodyStart + 400)
          .map((l) => l.trimmed)
          .join(' '),
      );
}

/** EDGAR plain text with the seeds' heading: the aligned-column schedule reader. */
function readEdgarLayout(
  lines: readonly EdgarLine[],
  file: string,
  heading: ExhibitHeading,
  t: TitleBlock,
  text: { lastLineTerminated: boolean; lastLineNo: number },
): Reading {
  const registrant = registrantOf(heading.registrantAsPrinted, lines, heading.bodyStart);
  const classes = heading.classes.length > 0 ? heading.classes : t.classes;
  const readings = readSchedules(
    {
      file,
      lines,
      instrumentClasses: classes,
      instrumentRegistrant: registrant,
      lastLineTerminated: text.lastLineTerminated,
      lastLineNo: text.lastLineNo,
    },
    heading.bodyStart,
  );
  return {
    lines,
    kind: heading.kind,
    title: exhibitTitle(heading, registrant),
    exhibit: heading.exhibit,
    amendmentNumber: heading.amendmentNumber,
    instrumentKind: heading.instrumentKind,
    instrumentTitle: heading.instrumentTitle,
    registrant,
    titleClasses: classes,
    bodyStart: heading.bodyStart,
    schedules: readings.map((r) => {
      const cutNote = r.warnings.find((w) => w.startsWith(CUT_OFF_WARNING_PREFIX));
      return {
        ...r,
        warnings: r.warnings.filter((w) => w !== cutNote),
        cut:
          cutNote === undefined
            ? null
            : { fact: 'text' as const, line: text.lastLineNo, reason: cutNote, schedule: r.name },
      };
    }),
  };
}

/** A document read cell by cell (HTML, or a schedule filed on its own). */
function readCellLayout(
  lines: readonly EdgarLine[],
  file: string,
  t: TitleBlock,
  continuations: ReadonlySet<number> = new Set(),
): Reading {
  const headings = cellHeadings(lines).filter((h) => h.index >= t.bodyStart);
  const registrant = t.registrant;
  const readings: CellScheduleReading[] = readCellSchedules(
    { file, lines, classes: t.classes, registrant, continuations },
    headings,
  );
  const prose = proseText(lines, (i) => i >= t.bodyStart && !readings.some((r) => i >= r.start && i < r.end));
  const scheduleFirst = headings[0] !== undefined && headings[0].index === t.bodyStart;
  const kind = titleKind(t, hasAmendingClause(prose), scheduleFirst || prose.text.trim() === '');
  const titleRegistrants = readings.map((r) => r.titleRegistrant).filter((r) => r !== null);
  const single = titleRegistrants.length === 1 && readings.length === 1 ? titleRegistrants[0]! : null;
  return {
    lines,
    kind,
    title: t.text === '' ? (readings[0]?.name ?? '') : exhibitTitleOf(t, kind, readings[0]?.name ?? null),
    exhibit: t.exhibit,
    amendmentNumber: kind.endsWith('-amendment') ? t.amendmentNumber : null,
    instrumentKind: t.instrumentKind,
    instrumentTitle: t.instrumentTitle,
    registrant: registrant ?? single,
    titleClasses: t.classes,
    bodyStart: t.bodyStart,
    schedules: readings,
  };
}

/**
 * @example parseExhibit(readFileSync('000_….txt', 'utf8'), '000_….txt').schedules[0].entries.length === 42
 */
export function parseExhibit(text: string, file: string): ParsedExhibit {
  // HTML as filed becomes text: its tables one cell per line, <pre> text as it stands
  const source = looksLikeHtml(text) ? htmlCellText(text) : text;
  const cells = cellLines(source);
  const edgar = readEdgarText(cells ?? source, file);
  const rendering = edgar.lines.some((l) => isRenderingMarker(l.trimmed));
  // the marker says what the text is; it is no part of the exhibit's heading
  const lines = rendering
    ? edgar.lines.map((l) => (isRenderingMarker(l.trimmed) ? { ...l, text: '', trimmed: '', indent: 0 } : l))
    : edgar.lines;
  const firstContent = lines.findIndex((l) => l.trimmed !== '');
  const t = readTitleBlock(lines, (i) => cellHeadingAt(lines, i, firstContent) !== null);
  const scheduleFirst =
    t.bodyStart < lines.length && cellHeadingAt(lines, t.bodyStart, firstContent) !== null;

  let reading: Reading;
  if (cells !== null || scheduleFirst)
    reading = readCellLayout(lines, file, t, cells === null ? new Set() : cellContinuations(source));
  else {
    let heading: ExhibitHeading | null = null;
    try {
      heading = readHeading(lines, file);
    } catch (e) {
      // a title the seeds' heading reader does not know, but a 12b-1 title all the same
      if (!(e instanceof ExhibitParseError) || !/\b(?:DISTRIBUTION|12B-1|SERVICE\s+PLAN)\b/i.test(t.text))
        throw e;
    }
    reading =
      heading === null ? readCellLayout(lines, file, t) : readEdgarLayout(lines, file, heading, t, edgar);
  }
  if (
    reading.schedules.length === 0 &&
    reading.kind !== 'plan-amendment' &&
    reading.kind !== 'agreement-amendment'
  )
    throw new ExhibitParseError(file, 1, 'no schedule found (no SCHEDULE, APPENDIX or EXHIBIT A heading)');
  return assemble(reading, rendering);
}

function assemble(r: Reading, rendering: boolean): ParsedExhibit {
  const { lines } = r;
  const inSchedule = new Uint8Array(lines.length);
  for (const s of r.schedules) inSchedule.fill(1, s.start, s.end);
  const prose = proseText(lines, (i) => i >= r.bodyStart && inSchedule[i] === 0);
  const isAmendment = r.kind.endsWith('-amendment');
  const warnings: string[] = [];
  const gaps: Gap[] = [];
  // where a cut document stops: its last line with content
  const lastContentNo = [...lines].reverse().find((l) => l.trimmed !== '')?.no ?? 1;

  const dates = documentDates(r.kind, lines, prose, lines[r.bodyStart]?.no ?? 1);
  warnings.push(...dates.warnings);
  if (dates.gap !== null) gaps.push(dates.gap);
  const effective = dates.effective;
  const datedAsOf = dates.datedAsOf;
  const dated = dates.dated;

  // SPEC §2.1: a schedule the body names ("Schedule A-2") that the document does not contain
  const replaced = replacedSchedules(prose.text);
  const names = new Set(r.schedules.map((s) => s.name.replace(/\s*\(.*\)$/, '')));
  // "Schedule A" in a body whose schedules are names them together (Agreement §1),
  // unless the same list names beside it
  const contains = (named: string, list: readonly string[] = []) =>
    names.has(named) ||
    (!list.some((n) => n.startsWith(`${named}-`)) && [...names].some((n) => n.startsWith(`${named}-`)));
  const absent = new Set<string>();
  for (const list of namedSchedules(prose.text))
    for (const named of list) if (!contains(named, list)) absent.add(named);
  for (const named of absent) {
    if (replaced.has(named)) continue;
    if (r.schedules.length === 0) continue;
    gaps.push({
      fact: 'text',
      line: lastContentNo,
      reason: `the body names ${named}, which the document does not contain: it is cut or incomplete`,
      schedule: named,
    });
  }
  for (const named of replaced)
    if (!contains(named))
      gaps.push({
        fact: 'text',
        line: lastContentNo,
        reason: `${named} is replaced "with the following", but the document does not contain it`,
        schedule: named,
      });

  // a document that stops at "… as follows:" is cut before what follows
  const last = [...lines].reverse().find((l) => l.trimmed !== '');
  if (last !== undefined && /\b(?:follows|following)\s*:$/i.test(last.trimmed))
    gaps.push({
      fact: 'text',
      line: last.no,
      reason: `the document ends at "${last.trimmed.slice(-40)}": what it introduces is missing`,
      schedule: null,
    });
  // the title names classes the schedules never reach, and the last schedule runs to the end of
  // the document with nothing that closes it: the rest (Sixth A&R Plan: Classes C and R) is cut
  const lastSchedule = r.schedules[r.schedules.length - 1];
  const reached = new Set(r.schedules.flatMap((s) => s.entries.map((e) => e.class)));
  const unreached = r.titleClasses.filter((c) => !reached.has(c));
  if (lastSchedule?.endedWithDocument && unreached.length > 0 && lastSchedule.cut === null)
    gaps.push({
      fact: 'text',
      line: lastContentNo,
      reason: `the title names Class ${unreached.join(', ')}, which no schedule reaches, and ${lastSchedule.name} runs to the end of the document: the rest may be cut`,
      schedule: lastSchedule.name,
    });
  // an amendment with no schedule must say in its body what it changes (Virtus Amendment No. 17)
  const terms = instrumentTerms(prose);
  if (
    isAmendment &&
    r.schedules.length === 0 &&
    terms.distributionFeePct === null &&
    terms.serviceFeePct === null
  )
    gaps.push({
      fact: 'text',
      line: lines[r.bodyStart]?.no ?? 1,
      reason:
        'the amendment has no schedule and no rate the reader can take from its body; plan12b cannot record what it changes',
      schedule: null,
    });

  const schedules: ParsedSchedule[] = r.schedules.map((s) => ({
    name: s.name,
    replacesEntirely: replaced.has(s.name),
    entries: s.entries,
  }));
  for (const s of r.schedules) {
    warnings.push(...s.warnings);
    if (s.cut !== null) gaps.push(s.cut);
  }
  const entryClasses: string[] = [];
  schedules.forEach((s, k) => {
    for (const e of s.entries) {
      if (e.class !== null && !entryClasses.includes(e.class)) entryClasses.push(e.class);
      if (e.class === null && !gaps.some((g) => g.fact === 'class'))
        gaps.push({
          fact: 'class',
          line: lines[r.schedules[k]!.start]?.no ?? 1,
          reason: `${s.name} does not state the class of "${e.portfolio}"`,
          schedule: s.name,
        });
    }
  });
  const classes = entryClasses.length > 0 ? entryClasses : [...r.titleClasses];

  return {
    kind: r.kind,
    title: r.title,
    exhibit: r.exhibit,
    instrument: {
      kind: r.instrumentKind,
      title: r.instrumentTitle,
      registrant: r.registrant,
      classes: r.titleClasses.length > 0 ? [...r.titleClasses] : classes,
      datedAsOf,
    },
    amendmentNumber: r.amendmentNumber,
    effectiveDate: effective?.iso ?? null,
    datedDate: dated?.iso ?? null,
    terms,
    schedules,
    classes,
    renames: [
      ...renamePairs(prose.text),
      ...renameTable(
        lines
          .filter((l, i) => i >= r.bodyStart && inSchedule[i] === 0 && l.trimmed !== '')
          .map((l) => l.trimmed),
      ),
    ],
    renameRules: renameRules(prose.text),
    classRenames: classRenames(prose.text),
    footnotes: r.schedules.flatMap((s) => s.footnotes),
    warnings,
    completeness: { complete: gaps.length === 0, gaps },
    rendering,
  };
}

// "Schedule A-2", "Schedules A-1 and A-2" named in the body as parts of this instrument
const BODY_SCHEDULE_RE =
  /\b(?:(?:described|listed|set\s+forth|named)\s+(?:on|in)|by\s+adding)\s+((?:Schedules?|Appendix)\s+[A-Z](?:-\d{1,2})?\b(?:\s*(?:,|and)\s*(?:(?:Schedules?|Appendix)\s+)?[A-Z](?:-\d{1,2})?\b)*)/gi;

/**
 * The lists of schedules the body names ("described on Schedule A-1 and Schedule A-2", "named on
 * Schedule A and Appendix A"), each name with the word before it.
 */
function namedSchedules(text: string): string[][] {
  const out: string[][] = [];
  for (const m of text.matchAll(BODY_SCHEDULE_RE)) {
    const list: string[] = [];
    let word = 'Schedule';
    for (const part of m[1]!.matchAll(/\b(Schedules?|Appendix)\b|\b([A-Z](?:-\d{1,2})?)\b/gi)) {
      if (part[1] !== undefined) word = /^app/i.test(part[1]) ? 'Appendix' : 'Schedule';
      else if (part[2] !== undefined && /^[A-Z]/.test(part[2]) && !/^and$/i.test(part[2]))
        list.push(`${word} ${part[2]}`);
    }
    out.push(list);
  }
  return out;
}
