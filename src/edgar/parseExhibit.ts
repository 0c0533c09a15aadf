/**
 * `plan12b exhibit parse` (SPEC §2.1): one EDGAR exhibit — a 12b-1 plan, a Class B master
 * distribution agreement, an amendment to either, or a schedule filed on its own — as a
 * ParsedExhibit. Plain text as filed, HTML, and HTML rendered one cell per line are read into
 * the same model. Pure: text in, document out; anything it cannot read throws
 * ExhibitParseError(file, line, reason); what it reads but lacks is in `completeness`.
 */

import { mixedScriptReason, mixedScriptWord } from '../mixedScriptWord.js';
import type { CellScheduleReading } from './cellSchedule.js';
import { type CellHeading, cellHeadingAt, cellHeadings, readCellSchedules } from './cellSchedules.js';
import { cellContinuations, cellLines } from './cellText.js';
import { statedContinuance } from './continuanceClause.js';
import { hasAmendingClause } from './dates.js';
import { documentDates } from './documentDates.js';
import { type EdgarLine, readEdgarText } from './edgarText.js';
import {
  CUT_OFF_WARNING_PREFIX,
  type ExhibitKind,
  ExhibitParseError,
  type Gap,
  type ParsedEntry,
  type ParsedExhibit,
  type ParsedSchedule,
  type Rename,
} from './exhibitDocument.js';
import { isFilingHeader } from './filingHeader.js';
import { relinedFlattenedText } from './flattenedText.js';
import { footnoteMarkedClasses } from './footnoteMarkedClasses.js';
import { type ExhibitHeading, exhibitTitle, readHeading } from './heading.js';
import { htmlCellLines, looksLikeHtml } from './htmlText.js';
import { bodyPartyRegistrant, scheduleHeadingRegistrant } from './instrumentRegistrant.js';
import { scheduleHeading } from './lineShapes.js';
import { namedInstrumentWarning } from './namedInstrument.js';
import { endsMidSentence, noScheduleRefusal } from './noScheduleRefusal.js';
import { proseText } from './proseText.js';
import { registrantRenames } from './registrantRename.js';
import {
  classRenames,
  fkaFormerNames,
  formerlyRenames,
  markedFormerNames,
  renameRules,
  type StatedRename,
  statedRenamePairs,
  statedRenameTable,
} from './renames.js';
import { isRenderingMarker } from './renderingMarker.js';
import { replacementClauses, replacesWithTheFollowing } from './replacedSchedules.js';
import { readSchedules } from './scheduleTable.js';
import { exceptedClassesIn } from './shareClasses.js';
import { errorInFileLines, parsedInFileLines } from './sourceLines.js';
import { statedChanges } from './statedChanges.js';
import { statedTerminationNotice } from './terminationNoticeClause.js';
import { instrumentTerms, scheduleLeadInTerms } from './terms.js';
import {
  exhibitTitleOf,
  readTitleBlock,
  scheduleSubtitle,
  scheduleTitleBlock,
  type TitleBlock,
  titleKind,
} from './titleBlock.js';
import { titleCase } from './titleCase.js';

/** The registrant as the body spells it ("AIM Funds Group"), else as the title prints it. */
const MAX_REGISTRANT_WORDS = 24;

function bodySpelling(printed: string, body: string): string {
  const words = printed.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // no Registrant's name runs to dozens of words: a "name" that does is a hostile title's, and a
  // pattern of thousands of words is more than the regular-expression engine can compile
  if (words.length > MAX_REGISTRANT_WORDS) return printed;
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
  /** the classes the title leaves out ("All Classes of Shares Except Class B Shares") */
  readonly exceptClasses: readonly string[];
  readonly bodyStart: number;
  /** what the title leaves unsettled (a draft's amendment number) */
  readonly titleWarnings: readonly string[];
  readonly schedules: readonly {
    readonly name: string;
    readonly entries: readonly ParsedEntry[];
    readonly footnotes: readonly string[];
    readonly warnings: readonly string[];
    readonly cut: Gap | null;
    readonly start: number;
    readonly end: number;
    readonly endedWithDocument: boolean;
    /** the document ends inside the footnote under the table (cell layouts), every row whole */
    readonly endedInFootnote?: boolean;
    /** a "Current Name | Former Name" table's renames */
    readonly renames?: readonly Rename[];
  }[];
}

function registrantOf(printed: string | null, lines: readonly EdgarLine[], bodyStart: number): string | null {
  return printed === null ? null : bodySpelling(printed, bodyOf(lines, bodyStart));
}

function bodyOf(lines: readonly EdgarLine[], bodyStart: number): string {
  return lines
    .slice(bodyStart, bodyStart + 400)
    .map((l) => l.trimmed)
    .join(' ');
}

/**
 * The Registrant where the title names none: the quoted schedule's heading ("… AGREEMENT OF AIM
 * INTERNATIONAL FUNDS, INC."), else the body's parties ("by and between AIM Tax-Exempt Funds, a
 * Delaware business trust, and A I M Distributors, Inc.").
 */
function untitledRegistrant(lines: readonly EdgarLine[], bodyStart: number): string | null {
  const headed = scheduleHeadingRegistrant(lines, bodyStart);
  if (headed !== null) return registrantOf(headed, lines, bodyStart);
  return bodyPartyRegistrant(bodyOf(lines, bodyStart));
}

/** EDGAR plain text with the seeds' heading: the aligned-column schedule reader. */
function readEdgarLayout(
  lines: readonly EdgarLine[],
  file: string,
  heading: ExhibitHeading,
  t: TitleBlock,
  text: { lastLineTerminated: boolean; lastLineNo: number },
): Reading {
  const titled = registrantOf(heading.registrantAsPrinted, lines, heading.bodyStart);
  const registrant = titled ?? untitledRegistrant(lines, heading.bodyStart);
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
    title: exhibitTitle(heading, titled),
    exhibit: heading.exhibit,
    amendmentNumber: heading.amendmentNumber,
    instrumentKind: heading.instrumentKind,
    instrumentTitle: heading.instrumentTitle,
    registrant,
    titleClasses: classes,
    exceptClasses: heading.exceptClasses,
    bodyStart: heading.bodyStart,
    titleWarnings: heading.warnings,
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

/**
 * A line naming a Rule 18f-3 multiple class plan ("MULTIPLE CLASS PLAN PURSUANT TO RULE 18f-3",
 * "RULE 18f-3 MULTI-CLASS PLAN", "18f-3 Multiple Class Plan", a schedule's "(to Multi-Class Plan for
 * Pacific Funds Series Trust)"): its schedule lists each class's
 * sales charges and CDSC beside its 12b-1 fee, and is no 12b-1 fee schedule. A line that names a
 * 12b-1, distribution or service plan too ("MULTIPLE CLASS AND DISTRIBUTION PLAN") is not one.
 */
function isMultipleClassPlan(line: string): boolean {
  return (
    (/^\(?(?:to\s+(?:the\s+)?)?(?:(?:AMENDED\s+AND\s+RESTATED|FORM\s+OF)\s+)?(?:RULE\s+)?(?:18f-3\s+)?(?:MULTIPLE|MULTI-)\s*CLASS\s+PLAN\b/i.test(
      line,
    ) ||
      RULE_18F3_PLAN_TITLE_RE.test(line) ||
      // Fidelity's "SCHEDULE I, DATED July 21, 2005 TO MULTIPLE CLASS OF SHARES PLAN": a schedule to one
      /\bTO\s+(?:THE\s+)?(?:AMENDED\s+AND\s+RESTATED\s+)?(?:MULTIPLE|MULTI-)\s*CLASS\s+(?:OF\s+SHARES\s+)?PLAN\b/i.test(
        line,
      )) &&
    !/\b12B-1\b|\bDISTRIBUTION\b|\bSERVICE\s+PLAN\b/i.test(line)
  );
}

/**
 * A title naming the plan by the rule alone: Putnam's "Plan pursuant to Rule 18f-3(d) under the",
 * Lord Abbett's "Rule 18f-3 Plan. Amended and Restated Rule 18f-3 Plan as of July 1, 2008 …" and
 * "Pursuant to Rule 18f-3(d)" under "Amended and Restated Plan as of …", Goldman Sachs' "Plan in
 * Accordance with Rule 18f-3", Janus' "AMENDED RULE 18f-3 PLAN", BlackRock's "AMENDED AND RESTATED
 * PLAN PURSUANT TO RULE 18f-3 UNDER THE". At the line's start only: prose that cites the rule ("For
 * purposes of Rule 18f-3 under the Act, …") names no plan.
 */
const RULE_18F3_PLAN_TITLE_RE =
  /^(?:(?:THE\s+)?(?:(?:AMENDED(?:\s+AND\s+RESTATED)?|FORM\s+OF)\s+)?(?:RULE\s+18f-3(?:\s*\(d\))?\s+PLAN\b|PLAN\s+(?:(?:ADOPTED\s+)?PURSUANT\s+TO|IN\s+ACCORDANCE\s+WITH|UNDER)\s+RULE\s+18f-3\b)|PURSUANT\s+TO\s+RULE\s+18f-3(?:\s*\(d\))?(?:\s+under\s+the(?:\s+Investment\s+Company\s+Act(?:\s+of\s+1940)?)?)?\s*$)/i;

/** The first `n` lines with words from `from` on (the rendering's lone cell marks aside). */
function topLines(lines: readonly EdgarLine[], from: number, n: number): EdgarLine[] {
  const out: EdgarLine[] = [];
  for (let i = Math.max(from, 0); i < lines.length && out.length < n; i++) {
    const t = lines[i]!.trimmed;
    if (t !== '' && !t.startsWith('|')) out.push(lines[i]!);
  }
  return out;
}

/** A short line titling a 12b-1 plan: "Resource Shares Plan of Distribution", "Pursuant to Rule 12b-1". */
function isMixedCase12b1Title(t: string): boolean {
  return (
    t.split(/\s+/).length <= 8 &&
    /^(?:[A-Z][\w&'’-]*\s+)*(?:Plan\s+of\s+Distribution|Distribution\s+(?:and\s+Service\s+)?Plan)\b|^Pursuant\s+to\s+Rule\s+12b-1$/i.test(
      t,
    )
  );
}

/** A line's words, the rendering's cell mark before them aside ("|PUTNAM FUNDS"). */
const cellWords = (l: EdgarLine) => l.trimmed.replace(/^\|/, '').trim();

/**
 * The lines at the top a title may stand on: the first six with words, and on to the first sentence
 * of the body (a line of fifteen words or more) where the title goes on under a list of registrants —
 * twenty lines at most.
 */
function titleLines(lines: readonly EdgarLine[], from: number): EdgarLine[] {
  const out: EdgarLine[] = [];
  for (let i = Math.max(from, 0); i < lines.length && out.length < 20; i++) {
    const t = cellWords(lines[i]!);
    if (t === '') continue;
    if (out.length >= 6 && t.split(/\s+/).length >= 15) break;
    out.push(lines[i]!);
  }
  return out;
}

/**
 * Guinness Atkinson's Schedule A: "Global Innovators Fund – Investor Class" among funds listed with
 * no class. The class of the others cannot be taken from the one the list states (that fund has
 * more classes than the plan covers; they need not), and nothing else in the schedule states it:
 * the gap says how many funds it leaves without a class, which one states its class, and what to do.
 */
function mixedClassesNote(entries: readonly ParsedEntry[]): string {
  const stated = entries.filter((e) => e.class !== null);
  const unstated = entries.filter((e) => e.class === null).length;
  if (stated.length === 0) return '';
  const others = unstated - 1;
  const named = stated.map((e) => `"${e.portfolio}" (${e.class})`).join(', ');
  const nor = others === 0 ? '' : ` (nor of ${others} other fund${others === 1 ? '' : 's'})`;
  return `${nor}; it states the class of ${named} only, and nothing in the document says which class the others are: state it with --class CLASS`;
}

/** A schedule filed without a title block is titled by its name, and its subtitle where it prints one ("Exhibit A — Fee Schedule"). */
function untitledScheduleTitle(
  lines: readonly EdgarLine[],
  heading: CellHeading | undefined,
  reading: CellScheduleReading | undefined,
): string {
  if (reading === undefined) return '';
  const subtitle = heading === undefined ? null : scheduleSubtitle(lines, heading.next);
  return subtitle === null ? reading.name : `${reading.name} — ${subtitle}`;
}

/** "FORM OF" alone over a schedule heading that names no plan below it (AARP Funds' form of Schedule A, 2006). */
function isFormOfUntitledSchedule(
  t: TitleBlock,
  below: TitleBlock | null,
  kind: ExhibitKind,
  reading: CellScheduleReading | undefined,
): boolean {
  return below === null && kind === 'schedule' && reading !== undefined && /^FORM\s+OF$/i.test(t.text.trim());
}

/**
 * Kinetics' "EXHIBIT A / to the / KINETICS MUTUAL FUNDS, INC. / DISTRIBUTION PLAN": the name in the
 * schedule's title block is the instrument's Registrant, whose body spells it "Kinetics Mutual
 * Funds, Inc." — the entries carry that one spelling, as they do under no heading at all (SPEC
 * §2.1: one instrument, one Registrant, however its title was printed).
 */
function spelledAsTheInstrument(r: CellScheduleReading, registrant: string | null): CellScheduleReading {
  const same = (a: string | null) =>
    a !== null && registrant !== null && a.replace(/\s+/g, ' ').toUpperCase() === registrant.toUpperCase();
  if (registrant === null || !same(r.titleRegistrant) || r.titleRegistrant === registrant) return r;
  return {
    ...r,
    entries: r.entries.map((e) => (e.registrant === r.titleRegistrant ? { ...e, registrant } : e)),
    titleRegistrant: registrant,
  };
}

/** A document read cell by cell (HTML, or a schedule filed on its own). */
function readCellLayout(
  lines: readonly EdgarLine[],
  file: string,
  above: TitleBlock,
  continuations: ReadonlySet<number> = new Set(),
): Reading {
  const headings = cellHeadings(lines).filter((h) => h.index >= above.bodyStart);
  // "SCHEDULE A / <TRUST> / CLASS R DISTRIBUTION PLAN": the title printed below the heading
  const below = headings[0] === undefined ? null : scheduleTitleBlock(lines, headings[0].index, above);
  const t = below ?? above;
  // as the text layout does: the body's spelling of the title's Registrant ("AIM SERIES TRUST" in
  // a bold capitals title, "AIM Series Trust" in the body) — one instrument, however it was filed
  const registrant = registrantOf(t.registrant, lines, t.bodyStart);
  // the classes below the heading are the schedule reader's to find (it reads them per entry)
  // …unless only the title printed below the heading names them ("SCHEDULE A / HERITAGE SERIES
  // TRUST CLASS B / DISTRIBUTION PLAN"): the title's classes are the schedule's
  const classes = above.classes.length === 0 && below !== null ? below.classes : above.classes;
  // ProFunds' "SCHEDULE A / ProFunds / AMENDED AND RESTATED / …": the block's Registrant line in
  // mixed case (titleBlock.ts) is the schedule's title, no fund of it
  const titleRegistrant =
    below?.registrant != null && /[a-z]/.test(below.registrant) ? below.registrant : null;
  const readings: CellScheduleReading[] = readCellSchedules(
    { file, lines, classes, registrant, continuations, titleRegistrant },
    headings,
  ).map((r) => spelledAsTheInstrument(r, registrant));
  const prose = proseText(lines, (i) => i >= t.bodyStart && !readings.some((r) => i >= r.start && i < r.end));
  const scheduleFirst = headings[0] !== undefined && headings[0].index === t.bodyStart;
  const kind = titleKind(t, hasAmendingClause(prose), scheduleFirst || prose.text.trim() === '');
  // "SCHEDULE A / SERVICE PLAN (REIMBURSEMENT)": a subtitle naming the plan is not a Registrant
  const titleRegistrants = readings
    .map((r) => r.titleRegistrant)
    .filter((r) => r !== null && !/\b(?:PLAN|AGREEMENT)\b/i.test(r));
  // a schedule filed on its own is its Registrant's; an amendment's one group heading is not its
  // instrument's Registrant (a plan "of the Funds listed on Schedule A" amended for one trust's
  // funds is still the plan of every trust: its amendments must stay one instrument)
  const single =
    titleRegistrants.length === 1 && readings.length === 1 && !kind.endsWith('-amendment')
      ? titleRegistrants[0]!
      : null;
  return {
    lines,
    kind,
    title:
      t.text === ''
        ? untitledScheduleTitle(lines, headings[0], readings[0])
        : // AARP Funds' "FORM OF" / "SCHEDULE A" / "AARP FUNDS": a form of the untitled schedule
          isFormOfUntitledSchedule(t, below, kind, readings[0])
          ? `Form of ${untitledScheduleTitle(lines, headings[0], readings[0])}`
          : exhibitTitleOf(t, kind, readings[0]?.name ?? null, registrant ?? single),
    exhibit: t.exhibit,
    amendmentNumber: kind.endsWith('-amendment') ? t.amendmentNumber : null,
    instrumentKind: t.instrumentKind,
    instrumentTitle: t.instrumentTitle,
    registrant: registrant ?? single,
    titleClasses: classes,
    exceptClasses: t.exceptClasses,
    bodyStart: t.bodyStart,
    titleWarnings: kind.endsWith('-amendment') ? t.warnings : [],
    schedules: readings,
  };
}

/**
 * @example parseExhibit(readFileSync('000_….txt', 'utf8'), '000_….txt').schedules[0].entries.length === 42
 */
export function parseExhibit(text: string, file: string): ParsedExhibit {
  if (!looksLikeHtml(text)) return parseExhibitText(text, file);
  // HTML as filed becomes text: its tables one cell per line, <pre> text as it stands; the lines
  // the reading names are then the file's (sourceLines.ts)
  const html = htmlCellLines(text);
  // a cell text kept on one line is broken again, and its line numbers count those lines
  if (relinedFlattenedText(html.text) !== null) return parseExhibitText(html.text, file);
  try {
    return parsedInFileLines(parseExhibitText(html.text, file), html.sourceLines);
  } catch (e) {
    throw e instanceof ExhibitParseError ? errorInFileLines(e, html.sourceLines) : e;
  }
}

/** parseExhibit of plain text, or of the cell text an HTML exhibit was read into. */
/** an item number standing alone: "1.", "(a)", "IV.", "2)" */
const ITEM_NUMBER_RE = /^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4}|[IVX]{1,4})[.)]$/;
/** a section's number alone: "1.", "I.", "IV." — never a title's first line */
const SECTION_NUMBER_RE = /^(?:\d{1,2}|[IVX]{1,4})\.$/;

function parseExhibitText(asText: string, file: string): ParsedExhibit {
  // a document kept on one line, its line breaks lost: broken at its structure again
  const relined = relinedFlattenedText(asText);
  if (relined?.refusal) throw new ExhibitParseError(file, 1, relined.refusal);
  if (relined === null) return readExhibitText(asText, file, null);
  try {
    return readExhibitText(relined.text, file, relined);
  } catch (e) {
    // a refusal names a line of the text broken again, which the file (one line) does not have:
    // said, as a reading says it in its warning (RiverSource's plan, refused "at line 10")
    if (e instanceof ExhibitParseError && e.line > 1)
      throw new ExhibitParseError(
        e.file,
        e.line,
        `${e.reason} (the file keeps the document on one line, its line breaks lost: line numbers count the lines plan12b broke it into again at its title, clauses, schedule headings and names)`,
      );
    throw e;
  }
}

function readExhibitText(
  source: string,
  file: string,
  relined: ReturnType<typeof relinedFlattenedText>,
): ParsedExhibit {
  const cells = cellLines(source);
  const edgar = readEdgarText(cells ?? source, file);
  const rendering = edgar.lines.some((l) => isRenderingMarker(l.trimmed));
  // the marker says what the text is; it is no part of the exhibit's heading
  const marked = rendering
    ? edgar.lines.map((l) => (isRenderingMarker(l.trimmed) ? { ...l, text: '', trimmed: '', indent: 0 } : l))
    : edgar.lines;
  // the filing's header over the exhibit ("Manning & Napier Fund, Inc. 485BPOS") is no part of it
  const header = marked.findIndex((l) => l.trimmed !== '');
  const lines =
    header >= 0 && isFilingHeader(marked[header]!.trimmed)
      ? marked.map((l, i) => (i === header ? { ...l, text: '', trimmed: '', indent: 0 } : l))
      : marked;
  const firstContent = lines.findIndex((l) => l.trimmed !== '');
  const t = readTitleBlock(lines, (i) => cellHeadingAt(lines, i, firstContent) !== null);
  // SPEC §2.1: a document begun by an item number of its body ("|1." / "|All references … are
  // hereby deleted") has lost its title above it: no title, kind or instrument can be read from
  // it, and "1." is none
  // …or by a numbered section's number over its heading (Hennessy Funds Trust's Rule 18f-3 plan
  // rendered from "|I." / "|Introduction." on): no title is a section number
  const titleWords = t.lines.map((l) => l.replace(/^\|/, '').trim()).filter((l) => l !== '');
  if (
    titleWords.length > 0 &&
    (titleWords.every((l) => ITEM_NUMBER_RE.test(l)) || SECTION_NUMBER_RE.test(titleWords[0]!))
  )
    throw new ExhibitParseError(
      file,
      lines[firstContent]?.no ?? 1,
      `no title: the document begins with item "${titleWords[0]!}" of its body, its title not in the text; plan12b cannot tell what instrument it is and records nothing from it`,
    );
  const scheduleFirst =
    t.bodyStart < lines.length && cellHeadingAt(lines, t.bodyStart, firstContent) !== null;
  // a line at the top naming the document a Rule 18f-3 multiple class plan (in its title block or
  // under a schedule heading printed first: "APPENDIX A / RULE 18f-3 MULTI-CLASS PLAN")
  // …its title in the rendering's cells ("|PUTNAM FUNDS / |Plan pursuant to Rule 18f-3(d) under the"),
  // or under a list of the registrants it is the plan of (Nuveen's eleven trusts)
  const multipleClassPlan = titleLines(lines, firstContent).find((l) => isMultipleClassPlan(cellWords(l)));
  if (multipleClassPlan !== undefined)
    throw new ExhibitParseError(
      file,
      multipleClassPlan.no,
      `a Rule 18f-3 multiple class plan ("${cellWords(multipleClassPlan).slice(0, 80)}"), not a Rule 12b-1 plan or distribution agreement: plan12b reads the fee schedules of those`,
    );

  // a title that names another kind of agreement ("AMENDMENT NO. 2 TO THE INVESTMENT ADVISORY
  // AGREEMENT"), whose Schedule A is a fee schedule too — an advisory fee, never a 12b-1 one. The
  // text reader's heading refuses it (heading.ts); a document read cell by cell is refused here
  const other = OTHER_AGREEMENT_RE.exec(t.text);
  if (other !== null && !/\bDISTRIBUTION\b|\b12B-1\b/i.test(t.text))
    throw new ExhibitParseError(
      file,
      lines[firstContent]?.no ?? 1,
      `not a distribution plan or agreement (its title names the ${titleCase(other[0])}: the fees of its schedules are no Rule 12b-1 fees)`,
    );
  // …or a schedule filed on its own, its subtitle naming that agreement: Pacific Funds' "Schedule A /
  // (to Amended and Restated Administration and Shareholder Services Agreement dated …)", Allianz
  // Funds' "Exhibit A / Form of / Schedule to Administration Agreement / as of , 2006"
  // …or the lead-in under it saying so: LVIP's "SCHEDULE A / THIS SCHEDULE A lists the Funds and the
  // Expense Limitation Amounts which are established pursuant to this Expense Limitation Agreement:"
  const toOther = topLines(lines, firstContent, 6).find(
    (l) =>
      (/^\(?(?:(?:form\s+of\s+)?schedule\s+)?to\s/i.test(cellWords(l)) ||
        /^THIS\s+SCHEDULE\s+[A-Z]\b.*\bpursuant\s+to\s+this\s/i.test(cellWords(l))) &&
      OTHER_AGREEMENT_RE.test(l.trimmed) &&
      !/\bDISTRIBUTION\b|\b12B-1\b/i.test(l.trimmed),
  );
  if (toOther !== undefined)
    throw new ExhibitParseError(
      file,
      toOther.no,
      `not a distribution plan's schedule: "${toOther.trimmed.slice(0, 100)}" names another agreement, whose fees are no Rule 12b-1 fees`,
    );

  // …or a fee schedule filed on its own under a shareholder services plan or agreement: Manning &
  // Napier's "AMENDED AND RESTATED EXHIBIT A TO THE MANNING & NAPIER FUND, INC. / SHAREHOLDER
  // SERVICES AGREEMENT / Fee Schedule". Its heading joins "EXHIBIT A" to the title on one line, so
  // no schedule heading is found — but what stops it is the instrument: its top names no
  // distribution plan and no Rule 12b-1 ("… DISTRIBUTION / AND SHAREHOLDER SERVICES PLAN" does)
  const top = topLines(lines, firstContent, 6);
  // a title line, short and no sentence (a recital naming the agreement is none)
  const services = top.find((l) => {
    const w = cellWords(l);
    return SHAREHOLDER_SERVICES_RE.test(w) && w.split(/\s+/).length <= 12 && !/[.;:,]$/.test(w);
  });
  if (services !== undefined && !top.some((l) => /\bDISTRIBUTION\b|\b12b-1\b/i.test(l.trimmed)))
    throw new ExhibitParseError(
      file,
      services.no,
      `not a Rule 12b-1 instrument: "${cellWords(services).slice(0, 80)}" names ${/ADMINISTRATIVE/i.test(cellWords(services)) ? 'an administrative' : 'a shareholder'} services ${/AGREEMENT/i.test(cellWords(services)) ? 'agreement' : 'plan'}, and the document names no distribution plan and no Rule 12b-1 at its top — the service fees of its schedule are no Rule 12b-1 fees, and nothing is recorded; to record the fund's 12b-1 fees, import the schedule of its distribution (Rule 12b-1) plan instead`,
    );

  // …or the schedule of an underwriting agreement: Nationwide Mutual Funds' "Schedule A /
  // Underwriting Agreement / between Nationwide Mutual Funds and / Nationwide Fund Distributors LLC",
  // the funds its distributor sells, with no share class and no fee. Its title lines were read as
  // funds ("between Nationwide Mutual Funds and" refused as no portfolio name, "Underwriting
  // Agreement" recorded as one): what stops it is the instrument, said at the line naming it
  const underwriting = top.find((l) => {
    const w = cellWords(l);
    return UNDERWRITING_AGREEMENT_RE.test(w) && w.split(/\s+/).length <= 8 && !/[.;:,]$/.test(w);
  });
  if (underwriting !== undefined && !top.some((l) => /\bDISTRIBUTION\s+PLAN\b|\b12b-1\b/i.test(l.trimmed)))
    throw new ExhibitParseError(
      file,
      underwriting.no,
      `not a Rule 12b-1 instrument: "${cellWords(underwriting).slice(0, 80)}" names an underwriting agreement, and the document names no distribution plan and no Rule 12b-1 at its top — the schedule of the distributor's contract to sell the funds' shares is no Rule 12b-1 plan's schedule, and nothing is recorded from it; to record the funds' 12b-1 fees, import the schedule of their distribution (Rule 12b-1) plan instead`,
    );

  let reading: Reading;
  if (cells !== null || scheduleFirst)
    reading = readCellLayout(lines, file, t, cells === null ? new Set() : cellContinuations(source));
  else {
    let heading: ExhibitHeading | null = null;
    try {
      heading = readHeading(lines, file);
    } catch (e) {
      // a title the seeds' heading reader does not know, but a 12b-1 title all the same
      // …or a 12b-1 title in mixed case under the Registrant's name in capitals (Goldman Sachs Trust's
      // "Resource Shares Plan of Distribution / Pursuant to Rule 12b-1"): the title block is the
      // Registrant's alone, the plan's title lines below it
      if (
        !(e instanceof ExhibitParseError) ||
        !(
          /\b(?:DISTRIBUTION|12B-1|SERVICE\s+PLAN)\b/i.test(t.text) ||
          titleLines(lines, firstContent).some((l) => isMixedCase12b1Title(cellWords(l)))
        )
      )
        throw e;
    }
    // a replacement schedule printed under its instrument's title, with no "SCHEDULE A" line of
    // its own ("replaced with the following:" / '"MASTER DISTRIBUTION PLAN'): the cell reader
    // heads it with the name the body gives it
    const untitled =
      heading !== null &&
      !lines.some((l) => scheduleHeading(l.trimmed) !== null) &&
      cellHeadings(lines).length > 0;
    reading =
      heading === null || untitled
        ? readCellLayout(lines, file, t)
        : readEdgarLayout(lines, file, heading, t, edgar);
  }
  if (
    reading.schedules.length === 0 &&
    reading.kind !== 'plan-amendment' &&
    reading.kind !== 'agreement-amendment'
  )
    throw noScheduleRefusal(reading.lines, reading.bodyStart, file);
  refuseNamelessPortfolios(reading, file);
  refuseFootnoteMarkedClasses(reading, file);
  const parsed = withFormerNamesFootnoted(assemble(reading, rendering), source);
  if (relined === null) return parsed;
  return {
    ...parsed,
    warnings: [
      `the file keeps the document on one line (its line breaks were lost): read with its lines broken again at its title, clauses, schedule headings and names; line numbers count those lines`,
      ...parsed.warnings,
    ],
  };
}

/**
 * SPEC §2 (any name a portfolio ever had resolves to it): ProFunds' "Communication Services
 * UltraSector ProFund1" … "1 | f/k/a Mobile Telecommunications UltraSector ProFund" — a rename on
 * the document's date, read from the text as filed (the cell reading drops the footnote's mark
 * cell); the footnote is kept as one too.
 */
function withFormerNamesFootnoted(parsed: ParsedExhibit, source: string): ParsedExhibit {
  const portfolios = new Set(parsed.schedules.flatMap((s) => s.entries.map((e) => e.portfolio)));
  const added = fkaFormerNames(source.split(/\r?\n/), portfolios).filter(
    (p) => !parsed.renames.some((q) => q.from === p.from && q.to === p.to),
  );
  return added.length === 0 ? parsed : { ...parsed, renames: [...parsed.renames, ...added] };
}

// "Underwriting Agreement", "PRINCIPAL UNDERWRITING AGREEMENT": the distributor's contract to sell
const UNDERWRITING_AGREEMENT_RE =
  /^(?:(?:amended\s+and\s+restated|principal)\s+)*underwriting\s+agreement\b/i;

// "SHAREHOLDER SERVICES PLAN", "Shareholder Services Agreement": service fees paid outside Rule 12b-1
// …and Aberdeen Funds' "ADMINISTRATIVE SERVICES PLAN" (its Exhibit A: 0.25% for Class A, R and
// Institutional Service, paid to dealers for administrative services, no Rule 12b-1 named)
const SHAREHOLDER_SERVICES_RE = /\b(?:SHAREHOLDER|ADMINISTRATIVE)\s+SERVICES?\s+(?:PLAN|AGREEMENT)\b/i;

// agreements a fund files with fee schedules of their own that are no distribution plan's — and
// the trust's charter, "AGREEMENT AND DECLARATION OF TRUST", whose Schedule A lists its series and
// their classes (AIM Variable Insurance Funds' Amendment No. 2 of 2018): no plan's schedule either
const OTHER_AGREEMENT_RE =
  /\b(?:(?:INVESTMENT\s+)?(?:SUB-?ADVISORY|ADVISORY|MANAGEMENT|ADMINISTRATION(?:\s+AND\s+SHAREHOLDER\s+SERVICES)?|ADMINISTRATIVE\s+SERVICES|CUSTODY|CUSTODIAN|TRANSFER\s+AGENCY|EXPENSE\s+LIMITATION|FEE\s+WAIVER)\s+AGREEMENT|(?:AGREEMENT\s+AND\s+)?DECLARATION\s+OF\s+TRUST)\b/i;

/**
 * Whatever the layout, an entry's portfolio is a name: one with no letter at all ("|", "0.25%",
 * "—") is a cell or a rule the schedule's reading took for a row, and the document is refused at
 * its schedule rather than recorded with it (a misread is worse than a refusal).
 */
function refuseNamelessPortfolios(r: Reading, file: string): void {
  for (const s of r.schedules)
    for (const e of s.entries) {
      if (!/\p{L}/u.test(e.portfolio))
        throw new ExhibitParseError(
          file,
          r.lines[s.start]?.no ?? 1,
          `${s.name}: "${e.portfolio}" stands where a portfolio name should be`,
        );
      // U+FFFD stands for a character lost before the reader saw it — a byte no decoder could read
      // (a file mangled by an earlier save) or an entity naming no character (`&#0;`, `&#xD800;`,
      // `&#99999999;`, which HTML reads as U+FFFD): "AIM Structured Core Fund\uFFFD" was recorded
      // as a portfolio of its own, beside the real one. A name is as filed, or refused (SPEC §2.1).
      // A control character (an escape sequence: "AIM \u001b[31mStructured Core Fund" was imported,
      // a portfolio of its own that `schedule` printed in red) or an invisible format character
      // would show a name other than the one recorded: no part of a name either.
      for (const [what, name] of [
        ['portfolio', e.portfolio],
        ['registrant', e.registrant],
      ] as const) {
        const bad = name === null ? null : NOT_IN_A_NAME_RE.exec(name);
        if (bad === null || name === null) continue;
        const at = r.lines.slice(s.start, s.end).find((l) => l.trimmed.includes(bad[0]));
        throw new ExhibitParseError(
          file,
          at?.no ?? r.lines[s.start]?.no ?? 1,
          bad[0] === '\uFFFD'
            ? `${s.name}: the ${what} name ${JSON.stringify(name)} holds U+FFFD, the mark of a character lost before plan12b read it (a byte that is no character, or an entity such as &#0; naming none); correct the file so the name reads as filed`
            : `${s.name}: the ${what} name ${JSON.stringify(name)} holds U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, a control or invisible character or a noncharacter, which would show a name other than the one recorded; correct the file so the name reads as filed`,
        );
      }
      // a Latin word with a Cyrillic or Greek letter in it ("Summit \u0415nergy Fund") prints as a
      // name already listed and is not it: a portfolio of its own that looks like another
      for (const name of [e.portfolio, e.registrant]) {
        const mixed = name === null ? null : mixedScriptWord(name);
        if (mixed === null || name === null) continue;
        const at = r.lines.slice(s.start, s.end).find((l) => l.trimmed.includes(mixed.word));
        throw new ExhibitParseError(
          file,
          at?.no ?? r.lines[s.start]?.no ?? 1,
          `${s.name}: ${mixedScriptReason(name)}`,
        );
      }
      // Lord Abbett's Schedule A "FUNDS | CLASSES": "A, C, F, P, R2, R3, R4, T" in the cell after a
      // fund is the fund's classes — a list of class codes is no portfolio's name (SPEC §2.1)
      if (CLASS_CODE_LIST_RE.test(e.portfolio)) {
        const at = r.lines.slice(s.start, s.end).find((l) => l.trimmed.includes(e.portfolio));
        throw new ExhibitParseError(
          file,
          at?.no ?? r.lines[s.start]?.no ?? 1,
          `${s.name}: "${e.portfolio}", a list of share classes, stands where a portfolio name should be: which fund's classes these are, and at which rates, the reader cannot tell`,
        );
      }
    }
}

// what no name holds: U+FFFD (a character lost), C0 and C1 controls, DEL, line and paragraph
// separators, invisible format characters save the zero-width (non-)joiners names are written with,
// and noncharacters (U+FFFE, U+FFFF: no XML, so no workbook, can hold them; statedText.ts)
const NOT_IN_A_NAME_RE =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\uFFFD\p{Noncharacter_Code_Point}]|(?![\u200c\u200d])\p{Cf}/u;

// two or more class codes and nothing else: "A, C, F, P, R2, R3, R4, T", "A, A1, F, T", "A and C" —
// a word-named class among them too (Guggenheim's "Series | Classes": "A, C and Institutional")
const CLASS_ITEM = String.raw`(?:[A-Z][A-Z0-9-]{0,3}|Investor|Institutional|Advisor|Adviser|Administrative|Administrator|Retail)`;
const CLASS_CODE_LIST_RE = new RegExp(
  String.raw`^(?:Class(?:es)?\s+)?${CLASS_ITEM}(?:\s*(?:,|\band\b|&)\s*(?:and\s+)?(?:Class\s+)?${CLASS_ITEM})+$`,
);

/**
 * "Class R1", "Class R2", … "Class R9" one a fund, in the order of the rows, beside a bare "Class R"
 * (footnoteMarkedClasses.ts): footnote marks printed against the class, which the reader cannot tell
 * from classes — refused at the first of them rather than recorded as classes no fund has.
 */
function refuseFootnoteMarkedClasses(r: Reading, file: string): void {
  for (const s of r.schedules) {
    const marked = footnoteMarkedClasses(
      s.entries.map((e) => e.class),
      s.entries.map((e) => e.portfolio),
    );
    if (marked === null) continue;
    const first = new RegExp(`\\bClass\\s+${marked.codes[0]}\\b`, 'i');
    const at = r.lines.slice(s.start, s.end).find((l) => first.test(l.trimmed));
    throw new ExhibitParseError(
      file,
      at?.no ?? r.lines[s.start]?.no ?? 1,
      `${s.name}: Class ${marked.codes.join(', ')} each stand once, numbered in the order of the rows, beside Class ${marked.base}: footnote marks printed against the class, not classes — which class each row is cannot be told`,
    );
  }
}

// a signature block's line: "By:", "Name:", "Title:", "/s/ …", "IN WITNESS WHEREOF", "Attest:"
const SIGNATURE_LINE_RE =
  /^(?:By|Name|Title|Attest|ATTEST|BY|NAME|TITLE)\s*:|^\/s\/|^IN\s+WITNESS\s+WHEREOF\b/i;

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

  warnings.push(...r.titleWarnings);
  // the title's instrument is the one amended; a clause naming another is the document's own slip
  const otherName = isAmendment ? namedInstrumentWarning(r.instrumentTitle, prose.text, prose.lineAt) : null;
  if (otherName !== null) warnings.push(otherName);
  const dates = documentDates(r.kind, lines, prose, lines[r.bodyStart]?.no ?? 1);
  warnings.push(...dates.warnings);
  // SPEC §2.1: a form is a draft, its dates filled in or not ("FORM OF" / "SCHEDULE A" /
  // "Effective: December 8, 2005 / … / Amended and Restated: July 28, 2006")
  if (/^form\s+of\b/i.test(r.title) && dates.effective !== null)
    warnings.push(
      `the document is a form ("${r.title}"): the date it states (${dates.effective.iso}) is the form's, not that of a signed instrument; import it only as the instrument it became`,
    );
  if (dates.gap !== null) gaps.push(dates.gap);
  const effective = dates.effective;
  // SPEC §2.1: Aston's Schedule "A" cut at 2,000 bytes inside its list of dates ("As amended:
  // December 20, 2007" / "As amend"): the rest of the text is missing (documentDates says what
  // that leaves of the dates)
  if (dates.cutInDates !== null)
    gaps.push({
      fact: 'text',
      line: dates.cutInDates.no,
      reason: `the document ends inside its list of dates ("${dates.cutInDates.trimmed}"): the rest of the document is missing`,
      schedule: null,
    });
  const datedAsOf = dates.datedAsOf;
  const dated = dates.dated;

  // SPEC §2.1: a schedule the body names ("Schedule A-2") that the document does not contain
  const clauses = replacementClauses(prose.text);
  const replaced = new Set(clauses.flatMap((c) => c.names));
  const names = new Set(r.schedules.map((s) => s.name.replace(/\s*\(.*\)$/, '')));
  // "Schedule A" in a body whose schedules are A-1 and A-2 names them together (Agreement §1),
  // unless the same list names A-1 or A-2 beside it
  const contains = (named: string, list: readonly string[] = []) =>
    names.has(named) ||
    (!list.some((n) => n.startsWith(`${named}-`)) && [...names].some((n) => n.startsWith(`${named}-`)));
  const absent = new Set<string>();
  for (const list of namedSchedules(isAmendment ? amendingText(prose.text) : prose.text))
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
  // the schedule each replaced name stands for: itself, or where the body names "Appendix A" and
  // the schedule that follows is headed "SCHEDULE A", that one (the document's own inconsistency,
  // kept and said: SPEC §2.1)
  const replacing = new Set<string>();
  for (const clause of clauses)
    for (const named of clause.names) {
      if (contains(named)) {
        replacing.add(named);
        continue;
      }
      const letter = named.replace(/^\S+ /, '');
      const other = [...names].find((n) => n.replace(/^\S+ /, '') === letter && !replaced.has(n));
      if (other !== undefined) {
        replacing.add(other);
        warnings.push(
          `the body replaces ${named} (line ${prose.lineAt(clause.offset)}) but the schedule it contains is headed ${other}: read as the replacement of ${named}`,
        );
        continue;
      }
      const what = clause.replacedWith === null ? '' : ` "${clause.replacedWith}"`;
      gaps.push({
        fact: 'text',
        line: lastContentNo,
        reason: `${named} is replaced${what}, but the document does not contain it`,
        schedule: named,
      });
    }

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
  // an amendment's new schedule "replaced with the following" is quoted and followed by its closing
  // clause ("All other terms …") and signatures: one that runs to the end of the document with none of them stops where the
  // document was cut, perhaps right after a row
  else if (
    isAmendment &&
    lastSchedule?.endedWithDocument &&
    lastSchedule.cut === null &&
    lastSchedule.endedInFootnote !== true &&
    clauses.some(replacesWithTheFollowing)
  )
    gaps.push({
      fact: 'text',
      line: lastContentNo,
      reason: `${lastSchedule.name} runs to the end of the document with nothing that closes it (no closing quote, no closing clause, no signature): the document is cut, and the rest of the schedule may be missing`,
      schedule: lastSchedule.name,
    });
  // Brown Advisory's Schedule A, then its "Appendix A", the form of a letter, cut at 2,000 bytes
  // ("… have been approved by a majority of the"): every schedule is whole, but the document goes
  // on past them and stops in mid-sentence — what follows is missing (SPEC §2.1: read in part)
  const schedulesEnd = Math.max(0, ...r.schedules.map((s) => s.end));
  const afterSchedules = lines.filter((l, i) => i >= schedulesEnd && l.trimmed !== '');
  const lastAfter = afterSchedules.at(-1)?.trimmed.replace(/^\|/, '').trim() ?? '';
  if (
    r.schedules.length > 0 &&
    !gaps.some((g) => g.fact === 'text') &&
    !r.schedules.some((s) => s.cut !== null) &&
    // a line of prose stopped short — never the signatures under a schedule ("Title: Senior Managing
    // Director"), which close it
    lastAfter.split(/\s+/).length >= 6 &&
    /[a-z,]$/.test(lastAfter) &&
    !afterSchedules.some((l) => SIGNATURE_LINE_RE.test(l.trimmed.replace(/^\|/, '').trim())) &&
    endsMidSentence(afterSchedules)
  )
    gaps.push({
      fact: 'text',
      line: lastContentNo,
      reason: `the document ends in mid-sentence ("…${afterSchedules.at(-1)!.trimmed.slice(-40)}") in its text after ${r.schedules.at(-1)!.name}: the rest of the document is missing`,
      schedule: null,
    });
  // SPEC §2: renames take effect on the amendment's date; one that states its own is said
  const proseLines = lines.filter((l, i) => i >= r.bodyStart && inSchedule[i] === 0 && l.trimmed !== '');
  const stated: (StatedRename & { line: number })[] = [
    ...statedRenamePairs(prose.text).map((p) => ({ ...p, line: prose.lineAt(p.offset) })),
    ...statedRenameTable(proseLines.map((l) => l.trimmed)).map((p) => ({
      ...p,
      line: proseLines[p.offset]!.no,
    })),
  ];
  const renames = [
    ...stated,
    ...r.schedules.flatMap((sc) => (sc.renames ?? []).map((p) => ({ ...p, effective: null, line: 0 }))),
    ...formerlyRenames(lines.slice(r.bodyStart).map((l) => l.trimmed)).map((p) => ({
      ...p,
      effective: null,
      line: 0,
    })),
    // "AIM Energy Fund*" … "*  Formerly INVESCO Energy Fund.": a schedule's footnoted former name
    ...r.schedules.flatMap((sc) =>
      markedFormerNames(
        lines.slice(sc.start, footnoteEnd(lines, sc.end)).map((l) => l.trimmed),
        new Set(sc.entries.map((e) => e.portfolio)),
      ).map((p) => ({ ...p, effective: null, line: 0 })),
    ),
  ]
    .filter((p, k, all) => all.findIndex((q) => q.from === p.from && q.to === p.to) === k)
    .map(({ from, to }) => ({ from, to }));
  for (const iso of new Set(stated.map((p) => p.effective)))
    if (iso !== null && effective !== null && iso !== effective.iso) {
      const these = stated.filter((p) => p.effective === iso);
      const what = these.length === 1 ? `the rename of ${these[0]!.from}` : `${these.length} renames`;
      warnings.push(
        `${what} (line ${these[0]!.line}) ${these.length === 1 ? 'is' : 'are'} stated effective ${iso}, the amendment ${effective.iso}: renames are recorded on the amendment's date`,
      );
    }
  // SPEC §2.1: a portfolio added or removed "effective" a date other than the amendment's is
  // recorded with the schedule, from the amendment's date — the difference is said
  if (isAmendment && effective !== null)
    for (const c of statedChanges(prose.text))
      if (c.effective !== effective.iso && r.schedules.length > 0)
        warnings.push(
          `the recitals (line ${prose.lineAt(c.offset)}) ${c.change} ${c.text.length > 80 ? `${c.text.slice(0, 77)}…` : c.text} effective ${c.effective}, the amendment ${effective.iso}: the new schedule is recorded from the amendment's date (${c.change === 'add' ? 'what it adds covered' : 'what it removes no longer covered'} from then)`,
        );
  // an amendment renaming its Registrant states a change `renames` (portfolios) cannot hold: said
  if (isAmendment)
    for (const n of registrantRenames(prose.text))
      warnings.push(
        `the amendment renames the Registrant, "${n.from}" to "${n.to}" (line ${prose.lineAt(n.offset)}): recorded as no portfolio's rename; the instrument's Registrant is as the title names it`,
      );
  const rules = renameRules(prose.text);
  const classRenamed = classRenames(prose.text);
  // "amends the First Restated Master Distribution Agreement (all Classes of shares except Class B
  // and Class B5 Shares) (the "Agreement")": where the title names no class, the naming clause's
  // exception is the instrument's (one instrument with its title's "(ALL CLASSES … EXCEPT …)")
  const exceptClasses =
    r.exceptClasses.length > 0 || r.titleClasses.length > 0 ? r.exceptClasses : namedExceptions(prose.text);

  // an amendment with no schedule must say in its body what it changes: a rate (Virtus Amendment
  // No. 17), or renames in a document that reaches its closing clause ("All other terms … remain
  // in full force and effect", "Dated:") — renames alone in a document cut in its WHEREAS are not
  // all it changes
  const bodyTerms = instrumentTerms(prose);
  // a schedule filed on its own whose body states no rate: the rate its lead-in states over a plain
  // list ("… a distribution fee up to 0.50% of average daily net assets" over Kinetics' funds)
  const terms =
    r.kind === 'schedule' &&
    bodyTerms.distributionFeePct === null &&
    bodyTerms.serviceFeePct === null &&
    r.schedules.every((s) =>
      s.entries.every(
        (e) => e.assetBasedSalesChargePct === null && e.serviceFeePct === null && e.aggregateFeePct === null,
      ),
    )
      ? scheduleLeadInTerms(proseText(lines, (i) => i >= r.bodyStart && inSchedule[i] === 1))
      : bodyTerms;
  const closes =
    dated !== null || /\bremains?\s+in\s+full\s+force\b|\bIN\s+WITNESS\s+WHEREOF\b/i.test(prose.text);
  if (
    isAmendment &&
    r.schedules.length === 0 &&
    terms.distributionFeePct === null &&
    terms.serviceFeePct === null &&
    (!closes || renames.length + rules.length + classRenamed.length === 0)
  ) {
    // a body that stops inside a word or a sentence ("… Invesco Van Kampen Asset Alloc") was cut
    // before it says what it changes: say so first, it is what the user can act on
    const end = [...lines].reverse().find((l) => l.trimmed !== '');
    if (end !== undefined && !closes && !/[.:;)"\u201d]$/.test(end.trimmed) && /[a-z,]$/i.test(end.trimmed))
      gaps.push({
        fact: 'text',
        line: end.no,
        reason: `the document ends in the middle of a sentence ("…${end.trimmed.slice(-40)}"): it is cut before it says what it changes`,
        schedule: null,
      });
    gaps.push({
      fact: 'text',
      line: lines[r.bodyStart]?.no ?? 1,
      reason:
        'the amendment has no schedule and no rate or rename the reader can take from its body; plan12b cannot record what it changes',
      schedule: null,
    });
  }

  const schedules: ParsedSchedule[] = r.schedules.map((s) => ({
    name: s.name,
    replacesEntirely: replacing.has(s.name),
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
          reason: `${s.name} does not state the class of "${e.portfolio}"${mixedClassesNote(s.entries)}`,
          schedule: s.name,
        });
    }
  });
  const classes = entryClasses.length > 0 ? entryClasses : [...r.titleClasses];
  // Plan §7, Agreement FOURTEENTH: the first continuance deadline, where the body states one
  const continuance = statedContinuance(prose);
  // FIFTEENTH(A), Plan §10(a): the written notice on which an agreement may be terminated
  const terminationNotice = statedTerminationNotice(prose);

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
      // "(All Classes of Shares Except Class B Shares)": which instrument it is, whatever classes
      // its schedule lists on the day (storedDocument.ts instrumentKey)
      ...(exceptClasses.length > 0 ? { exceptClasses: [...exceptClasses] } : {}),
    },
    amendmentNumber: r.amendmentNumber,
    effectiveDate: effective?.iso ?? null,
    datedDate: dated?.iso ?? null,
    terms,
    schedules,
    classes,
    renames,
    renameRules: rules,
    classRenames: classRenamed,
    footnotes: r.schedules.flatMap((s) => s.footnotes),
    warnings,
    ...(continuance === null ? {} : { continuance }),
    ...(terminationNotice === null ? {} : { terminationNotice }),
    completeness: { complete: gaps.length === 0, gaps },
    rendering,
  };
}

// "(all Classes of shares except Class B Shares)" naming the instrument in the body's first clause
const NAMED_EXCEPTION_RE = /\((all\s+classes\s+of\s+shares\s+except\b[^()]*)\)/i;

/** The classes the body's naming of the instrument leaves out ("… Agreement (all Classes of shares except Class B Shares)"). */
function namedExceptions(prose: string): string[] {
  const m = NAMED_EXCEPTION_RE.exec(prose.slice(0, NAMING_CLAUSE_CHARS));
  return m === null ? [] : exceptedClassesIn(m[1]!);
}

// how far into the body the clause naming the instrument is looked for
const NAMING_CLAUSE_CHARS = 1200;

/** Past a schedule's end, the footnotes printed under it (up to the first blank line after them). */
function footnoteEnd(lines: readonly EdgarLine[], end: number): number {
  let i = end;
  while (i < lines.length && lines[i]!.trimmed === '') i++;
  if (!/^(?:\*{1,3}|\(\d{1,2}\))\s*\S/.test(lines[i]?.trimmed ?? '')) return end;
  while (i < lines.length && lines[i]!.trimmed !== '') i++;
  return i;
}

// the clause that amends: what comes before it names the instrument being amended
const AMENDING_RE = /\b(?:is|are)\s+hereby\s+amended\b|\bhereby\s+amends?\b/i;

/**
 * An amendment's body from its amending clause on. Before it, the body names the instrument it
 * amends, with that instrument's schedules ("The … Agreement, made as of August 18, 2003, by and
 * between each registered investment company set forth on Schedule A-1 and Schedule A-2 to the
 * Agreement …, is hereby amended"): schedules of the Agreement, which an amendment replacing
 * Schedule A-2 alone does not print — no sign that the document is cut.
 */
function amendingText(text: string): string {
  const m = AMENDING_RE.exec(text);
  return m === null ? text : text.slice(m.index);
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
