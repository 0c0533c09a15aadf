/**
 * The title block of an exhibit whose heading the seeds' layout does not fit (issue 11):
 * "HERITAGE SERIES TRUST / CLASS A / DISTRIBUTION PLAN / AMENDED / SCHEDULE A", "AMENDMENT NO.
 * 17 TO / CLASS C SHARES / AMENDED AND RESTATED DISTRIBUTION PLAN …", "EXHIBIT A / Fee Schedule",
 * "THE MAINSTAY FUNDS / PLAN OF DISTRIBUTION / PURSUANT TO RULE 12b-1 / FOR CLASS A SHARES".
 * Everything above the first sentence of the body or the first schedule heading is title.
 */

import { amendmentNumberIn } from './amendmentNumber.js';
import type { EdgarLine } from './edgarText.js';
import type { ExhibitKind, InstrumentKind } from './exhibitDocument.js';
import { exhibitLabel, isAllCaps, isProse } from './lineShapes.js';
import { seriesOfRegistrant } from './scheduleItem.js';
import { classCodesIn, exceptedClassesIn, isClassLabel } from './shareClasses.js';
import { titleCase } from './titleCase.js';

export interface TitleBlock {
  readonly exhibit: string | null;
  /** the title lines joined, as printed */
  readonly text: string;
  /** the title lines, as printed */
  readonly lines: readonly string[];
  readonly amendmentNumber: number | null;
  /** what the title leaves unsettled: a draft's bracketed or blank amendment number */
  readonly warnings: readonly string[];
  /** the title says AMENDMENT */
  readonly saysAmendment: boolean;
  readonly instrumentKind: InstrumentKind;
  readonly instrumentTitle: string;
  readonly registrant: string | null;
  readonly classes: readonly string[];
  /** the classes the title leaves out: "(All Classes of Shares Except Class B Shares)" → ['B'] */
  readonly exceptClasses: readonly string[];
  /** index of the first line after the title */
  readonly bodyStart: number;
}

const EXHIBIT_LABEL_RE = /^Exhibit\s+(\S.*)$/i;
const EDGAR_DOCUMENT_HEADER_RE = /^EX-\d+(?:\.[A-Z0-9.]+)?\s+\d+\s+\S+\.(?:htm|html|txt)\b/i;

function countOf(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/**
 * @example readTitleBlock(lines of 'HERITAGE SERIES TRUST\nCLASS A\nDISTRIBUTION PLAN\nAMENDED\nSCHEDULE A', isHeadingAt).classes → ['A']
 */
export function readTitleBlock(
  lines: readonly EdgarLine[],
  isScheduleHeadingAt: (index: number) => boolean,
): TitleBlock {
  let exhibit: string | null = null;
  const title: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const t = lines[i]!.trimmed;
    if (t === '') continue;
    if (isScheduleHeadingAt(i)) break;
    // the EDGAR document header a filing as retrieved starts with: "EX-99.M.2.H 13 <file>.htm
    // AMENDMENT NO. 8 TO …" (type, sequence, file name, description); the exhibit's own title follows
    if (title.length === 0 && exhibit === null && EDGAR_DOCUMENT_HEADER_RE.test(t) && t.length <= 300)
      continue;
    const label = EXHIBIT_LABEL_RE.exec(t)?.[1] ?? exhibitLabel(t);
    if (label !== null && title.length === 0 && !/^[A-Z]$/.test(label)) {
      exhibit = label;
      // "Exhibit (m)(7)(b" / ")": the designation's closing parenthesis wrapped to the next line
      const next = lines.findIndex((l, k) => k > i && l.trimmed !== '');
      if (
        countOf(label, '(') > countOf(label, ')') &&
        next > 0 &&
        /^[a-z0-9]{0,4}\)+$/i.test(lines[next]!.trimmed)
      ) {
        exhibit = `${label}${lines[next]!.trimmed}`;
        i = next;
      }
      continue;
    }
    if (
      title.length > 0 &&
      isProse(t) &&
      t.split(/\s+/).length >= 6 &&
      !/^\(the\b/i.test(t) &&
      !isLongClassLine(t)
    )
      break;
    // "The First Restated Master Distribution Agreement (Class B Shares … with": the body's first
    // sentence, wrapped before any punctuation that would show it is prose
    if (title.length > 0 && /^(?:The|This)\s/.test(t) && t.split(/\s+/).length >= 6) break;
    if (/^[a-z(]/.test(t) && title.length > 0 && !/^\(/.test(t)) {
      title.push(t);
      continue;
    }
    title.push(t);
  }
  const text = title.join(' ').replace(/\s+/g, ' ').trim();
  const upper = text.toUpperCase();
  const number = amendmentNumberIn(text);
  const instrumentKind: InstrumentKind = /\bAGREEMENT\b/.test(upper) ? 'agreement' : 'plan';
  const ofMatch =
    // …"OF PIONEER SERIES TRUST IV": a trust's number is its name's
    /\bOF\s+((?:THE\s+)?[A-Z][A-Z&.,' -]{0,160}(?:TRUST|FUNDS|FUND|SERIES|GROUP|INC\.?)(?:\s+[IVX]{1,4}(?![A-Za-z]))?)(?![A-Za-z])/.exec(
      text,
    );
  // "CLASS A, A2, C, … CASH RESERVE SHARES and CLASSES OF SHARES OF SHORT-TERM INVESTMENTS TRUST"
  // (Invesco's compensation plan): the trust closes the list of classes a plan of many trusts
  // covers; it is one of them, not the plan's Registrant
  const of =
    ofMatch !== null && /\band\s+CLASSES\s+$/i.test(text.slice(0, ofMatch.index))
      ? null
      : (ofMatch ?? TITLE_CASE_OF_RE.exec(text));
  // JNL's "Amendment to JNL Series Trust / Second Amended and Restated Distribution Agreement": the
  // Registrant named between the amendment's words and its instrument's, no "of" before it
  const amendedRegistrant = AMENDMENT_TO_REGISTRANT_RE.exec(text)?.[1]?.replace(/\s+/g, ' ') ?? null;
  // the words before the plan's name are part of it, a class code with a digit too ("CLASS R3");
  // at most a dozen of them, so that a title block of thousands of words is read in linear time.
  // A word starts at its token's first letter only (the lookbehinds): a match starting later in a
  // token would have matched from that letter already, so the match is the same, but without them
  // every letter of a long token was tried as a word's start and its rest scanned each time — a
  // 10 MB line with no space took hours (hostile run: 400,000 characters took 284 s).
  // LVIP's "DISTRIBUTION SERVICES AGREEMENT" is a distribution agreement too; Aston Funds'
  // "DISTRIBUTION AND SERVICES PLAN (12b-1)" a distribution and service plan, as it spells it.
  const instrument =
    /((?:(?<![A-Za-z][A-Za-z0-9&-]*?)[A-Z][A-Za-z0-9&-]*\s+){0,12}?(?:DISTRIBUTION(?:\s+AND\s+SERVICES?)?|SERVICE|MASTER\s+DISTRIBUTION)\s+PLAN|PLAN\s+OF\s+DISTRIBUTION|PLAN\s+PURSUANT\s+TO\s+RULE\s+12B-1|(?:(?<![A-Za-z][A-Za-z&-]*?)[A-Z][A-Za-z&-]*\s+){0,12}?(?:MASTER\s+)?DISTRIBUTION(?:\s+SERVICES)?\s+AGREEMENT)/i.exec(
      text,
    );
  return {
    exhibit,
    text,
    lines: title,
    amendmentNumber: number?.number ?? null,
    warnings: number?.warning ? [number.warning] : [],
    saysAmendment: /\bAMENDMENT\b/.test(upper),
    instrumentKind,
    instrumentTitle: titleCase(
      (instrument?.[1] ?? (instrumentKind === 'agreement' ? 'Agreement' : 'Plan'))
        .replace(
          // "AMENDMENT TO DISTRIBUTION SERVICES AGREEMENT": the amendment's word is not the instrument's
          /^(?:AMENDMENT\s+TO\s+)?(?:TO\s+)?(?:THE\s+)?/i,
          '',
        )
        // …nor, in "Amendment to JNL Series Trust / Third Amended and Restated Distribution
        // Agreement", the Registrant's name before it
        .replace(of === null && amendedRegistrant !== null ? `${amendedRegistrant} ` : '\u0000', ''),
    ),
    registrant: of ? of[1]!.replace(/\s+/g, ' ').trim() : (amendedRegistrant ?? trustLine(title)),
    classes: classCodesIn(text),
    exceptClasses: exceptedClassesIn(text),
    bodyStart: i,
  };
}

// "CLASS A, A2, C, INVESTOR CLASS, P, R, S, SERIES II SHARES, CASH RESERVE SHARES and CLASSES OF
// SHARES OF AIM TREASURER’S SERIES TRUST" (Invesco's compensation plan): a class list in capitals
// but for "and", long as prose is, is the title's
function isLongClassLine(t: string): boolean {
  return /^CLASS(?:ES)?\s/.test(t) && !/[a-z]/.test(t.replace(/\b(?:and|of)\b/g, ''));
}

// "Amendment to JNL Series Trust Third Amended and Restated Distribution Agreement": a trust's name
// in capitalised words, then the instrument's
const AMENDMENT_TO_REGISTRANT_RE =
  /\bAMENDMENT\s+TO\s+((?:THE\s+)?[A-Z][\w&.,'\u2019-]*(?:\s+[A-Z][\w&.,'\u2019-]*){0,6}\s+(?:TRUST|FUNDS))\s+(?=(?:[A-Z][\w-]*\s+){0,6}(?:DISTRIBUTION|SERVICE|MASTER)\b)/i;

const MAX_SCHEDULE_TITLE_LINES = 4;

/**
 * A schedule filed with nothing above its heading names its plan below it: "SCHEDULE A / EATON
 * VANCE MUTUAL FUNDS TRUST / CLASS R DISTRIBUTION PLAN". The lines in capitals right after the
 * heading, read as the title block `t` (which is empty), or null when they name no plan.
 * @example scheduleTitleBlock(lines of 'SCHEDULE A\nTHE TRUST\nCLASS R DISTRIBUTION PLAN\nFund', 0, empty).classes → ['R']
 */
export function scheduleTitleBlock(
  lines: readonly EdgarLine[],
  headingIndex: number,
  t: TitleBlock,
): TitleBlock | null {
  // "AMENDED" alone over "SCHEDULE A" (Transamerica), "Form of" over "APPENDIX A" (Legg Mason) say
  // what the schedule is, not its plan's name
  if (t.text !== '' && !/^(?:AMENDED(?:\s+AND\s+RESTATED)?|FORM\s+OF)$/i.test(t.text.trim())) return null;
  const title: string[] = [];
  let registrantLine: string | null = null;
  // BlackRock's "APPENDIX A TO DISTRIBUTION AND SERVICE PLAN": the plan named on the heading's own line
  const own = /^(?:SCHEDULE|APPENDIX|EXHIBIT)\s+[A-Z0-9-]{1,4}\s+(TO\s+.*\bPLAN)$/.exec(
    lines[headingIndex]?.trimmed ?? '',
  )?.[1];
  if (own !== undefined && isAllCaps(own)) title.push(own);
  // Guinness Atkinson's "Schedule A to the Guinness Atkinson Funds / Rule 12b-1 Distribution and
  // Service Plan": the Registrant on the heading's own line, in mixed case after "to the", the plan's
  // name in title case on the line below
  const toTheRegistrant = /^(?:Schedule|Appendix)\s+[A-Z](?:-\d{1,2})?\s+to\s+the\s+([A-Z].*)$/.exec(
    lines[headingIndex]?.trimmed ?? '',
  )?.[1];
  if (own === undefined && toTheRegistrant !== undefined && MIXED_CASE_NAME_RE.test(toTheRegistrant)) {
    const below = nextContentIndex(lines, headingIndex + 1);
    const planLine = below === null ? '' : lines[below]!.trimmed;
    if (/^(?:Rule\s+12b-1\s+)?(?:[A-Z][a-z]+\s+(?:and\s+)?){1,4}Plan$/.test(planLine)) {
      const read = readTitleBlock([{ ...lines[below!]!, no: 1, indent: 0 }], () => false);
      if (!/\b(?:Distribution|Service)\b/i.test(read.instrumentTitle)) return null;
      // "AMENDED" over the heading says what the schedule is, not its plan's name (as above); the
      // plan is its Distribution and Service Plan, the rule's number no word of its name ("12b-1"
      // read as a word gave "B-1 Distribution …")
      return {
        ...read,
        instrumentTitle: titleCase(planLine.replace(/^Rule\s+12b-1\s+/, '')),
        lines: read.lines,
        exhibit: t.exhibit,
        bodyStart: t.bodyStart,
        registrant: toTheRegistrant,
      };
    }
  }
  for (
    let i = headingIndex + 1;
    own === undefined && i < lines.length && title.length < MAX_SCHEDULE_TITLE_LINES;
    i++
  ) {
    const line = lines[i]!.trimmed;
    if (line === '') continue;
    // Voya "AMENDED SCHEDULE A / with respect to the / FOURTH AMENDED AND RESTATED SERVICE AND
    // DISTRIBUTION PLAN / for / VOYA MUTUAL FUNDS": the words between the names, no title of theirs
    // …and Kinetics' "EXHIBIT A / to the / KINETICS MUTUAL FUNDS, INC. / DISTRIBUTION PLAN"
    if (/^(?:with\s+respect\s+to(?:\s+the)?|for|to(?:\s+the)?)$/i.test(line)) continue;
    // ProFunds' "SCHEDULE A / ProFunds / AMENDED AND RESTATED / DISTRIBUTION AND SERVICE PLAN": the
    // Registrant's name as it spells it, in mixed case, over the plan's title in capitals — the
    // schedule's Registrant, no word of the plan's title
    const next = nextContentIndex(lines, i + 1);
    if (
      title.length === 0 &&
      registrantLine === null &&
      MIXED_CASE_NAME_RE.test(line) &&
      !isAllCaps(line) &&
      !NOT_A_NAME_RE.test(line.toUpperCase()) &&
      next !== null &&
      isAllCaps(lines[next]!.trimmed)
    ) {
      registrantLine = line;
      continue;
    }
    // ProFunds' 2021 "SCHEDULE A / PROFUNDS / AMENDED AND RESTATED / DISTRIBUTION AND SERVICE PLAN /
    // … / Series of ProFunds": the Registrant's name in capitals over the plan's title, as the
    // schedule's "Series of" heading names it — no word of the title (read as its 2023 schedule
    // reads the name in mixed case, so that the plan's schedules name it alike)
    if (
      title.length === 0 &&
      registrantLine === null &&
      isAllCaps(line) &&
      !NOT_A_NAME_RE.test(line) &&
      next !== null &&
      isAllCaps(lines[next]!.trimmed)
    ) {
      const named = seriesHeadingNaming(lines, next, line);
      if (named !== null) {
        registrantLine = named;
        continue;
      }
    }
    // "DISTRIBUTION PLAN PURSUANT TO RULE 12b-1": capitals, the rule's number as it is written
    if (!isAllCaps(line.replace(/\b12b-1\b/g, '12B-1'))) break;
    title.push(line);
    // the plan's name ends the block: capitals below it are column headings — but for "OF" and
    // the Registrant's name under it ("CLASS A DISTRIBUTION PLAN / OF / PIONEER SERIES TRUST IV")
    if (/\bPLAN\b/.test(line)) {
      const of = nextContentIndex(lines, i + 1);
      const name = of === null ? null : nextContentIndex(lines, of + 1);
      if (of !== null && name !== null && lines[of]!.trimmed === 'OF' && isAllCaps(lines[name]!.trimmed))
        title.push('OF', lines[name]!.trimmed);
      break;
    }
  }
  const text = title.join(' ').replace(/\s+/g, ' ');
  // …and Van Eck's "AMENDED AND RESTATED / PLAN OF DISTRIBUTION PURSUANT TO RULE 12b-1"
  if (!/\b(?:DISTRIBUTION|SERVICE|12B-1)\b[^()]*\bPLAN\b|\bPLAN\s+OF\s+DISTRIBUTION\b/.test(text))
    return null;
  const read = readTitleBlock(
    title.map((l, k) => ({ ...lines[headingIndex + 1]!, no: k + 1, text: l, trimmed: l, indent: 0 })),
    () => false,
  );
  // "Form of" over the heading begins the title, as over a title block ("Form of … Plan — Appendix A")
  const formLines = /^FORM\s+OF$/i.test(t.text.trim()) ? [...t.lines, ...read.lines] : read.lines;
  return {
    ...read,
    lines: formLines,
    exhibit: t.exhibit,
    bodyStart: t.bodyStart,
    registrant: t.registrant ?? read.registrant ?? registrantLine,
  };
}

/** The Registrant a "Series of …" heading below `from` names, when it is `capitals` in other case. */
function seriesHeadingNaming(lines: readonly EdgarLine[], from: number, capitals: string): string | null {
  const words = (t: string) => t.replace(/\s+/g, ' ').trim().toUpperCase();
  for (let j = from; j < lines.length; j++) {
    const named = seriesOfRegistrant(lines[j]!.trimmed);
    if (named !== null) return words(named) === words(capitals) ? named : null;
  }
  return null;
}

function nextContentIndex(lines: readonly EdgarLine[], from: number): number | null {
  for (let j = from; j < lines.length; j++) if (lines[j]!.trimmed !== '') return j;
  return null;
}

// "EAGLE SERIES TRUST", "VIRTUS EQUITY TRUST", "FORM OF / THE MAINSTAY FUNDS": a Registrant's name
// …and "HERITAGE SERIES TRUST CLASS B": the name with the class the plan is for on its line
const TRUST_LINE_RE =
  /^(?:FORM\s+OF\s+)?((?:THE\s+)?[A-Z][A-Z0-9&.,'\u2019 -]*\b(?:TRUST|FUNDS|FUND|SERIES|GROUP|INC\.?|CORPORATION)(?:\s+[IVX]{1,4})?)(?:\s+CLASS\s+[A-Z][A-Z0-9-]{0,3})?$/;
const NOT_A_NAME_RE =
  /\b(?:PLAN|AGREEMENT|AMENDMENT|AMENDED|RESTATED|CLASS|SCHEDULE|APPENDIX|EXHIBIT|DISTRIBUTION)\b/;

// "ProFunds", "Rydex Series Funds": a name of capitalised words, no sentence
const MIXED_CASE_NAME_RE = /^[A-Z][A-Za-z&.'\u2019-]*(?:\s+[A-Z][A-Za-z&.'\u2019-]*){0,5}$/;

/** A title line that is only a Registrant's name, printed above the plan's ("EAGLE SERIES TRUST / CLASS A / DISTRIBUTION PLAN"). */
function trustLine(title: readonly string[]): string | null {
  for (const line of title) {
    const m = TRUST_LINE_RE.exec(line.replace(/\s+/g, ' ').trim());
    if (m && !NOT_A_NAME_RE.test(m[1]!)) return m[1]!;
  }
  return null;
}

/** 'schedule' when no amending text stands between the title and the first schedule. */
export function titleKind(t: TitleBlock, amends: boolean, scheduleFirst: boolean): ExhibitKind {
  if (t.saysAmendment && (t.amendmentNumber !== null || amends)) return `${t.instrumentKind}-amendment`;
  if (scheduleFirst || t.saysAmendment) return 'schedule';
  return t.instrumentKind;
}

// "Master Distribution Plan of AIM Series Trust": a title printed in title case, as HTML filings
// often set it in bold, names its Registrant after "of" in capitalised words, as printed. "of
// Each Series of the Trust" and "of Class A Shares" name none.
const TITLE_CASE_OF_RE =
  /\b[Oo][Ff]\s+((?:The\s+)?(?!(?:Each|All|Certain|Such|Its|Any|Class|Classes|Shares|Distribution|The)\b)(?:[A-Z][A-Za-z0-9&.,'\u2019-]*\s+(?:(?:and|&)\s+)?){1,10}(?:Trust|Funds?|Series|Group|Inc\.?))(?![A-Za-z])/;

// "(the “Plan”)", "(the "Fund")": a defined term, not part of the title
const DEFINED_TERM_RE = /\(\s*the\s+[“"'][^()“”"']{1,40}[”"']\s*\)/gi;

/**
 * The exhibit's title from its title block, as a reader would write it (SPEC §2.1 `title`):
 * defined terms left out; an amendment's title from its AMENDMENT line (a registrant printed
 * above it is the instrument's, not the title's); class lines printed below the instrument's name
 * in parentheses, as the seeds print them ("(Class C Shares, Class R Shares)"); and a schedule
 * filed on its own named after its title ("… Distribution Plan — Amended Schedule A").
 * @example exhibitTitleOf(block of 'AMENDMENT NO. 1 TO / DISTRIBUTION AND SERVICE PLAN (the “Plan”) / CLASS C SHARES / CLASS R SHARES', 'plan-amendment', 'Schedule A')
 *   === 'Amendment No. 1 to Distribution and Service Plan (Class C Shares, Class R Shares)'
 */
export function exhibitTitleOf(
  t: TitleBlock,
  kind: ExhibitKind,
  scheduleName: string | null,
  /** the Registrant the document names, where its title block leaves it to a line of its own */
  registrant: string | null = t.registrant,
): string {
  let lines = t.lines
    .map((l) => l.replace(DEFINED_TERM_RE, ' ').replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  if (kind.endsWith('-amendment')) {
    const from = lines.findIndex((l) => /^AMENDMENT\b/i.test(l));
    if (from > 0) lines = lines.slice(from);
    lines = lines.map(settledNumber);
  }
  const named = lines.findLastIndex((l) => /\b(?:PLAN|AGREEMENT)\b/i.test(l));
  const classLines: string[] = [];
  if (named >= 0)
    while (lines.length > named + 1 && isClassLabel(lines[lines.length - 1]!) && !/[()]/.test(lines.at(-1)!))
      classLines.unshift(lines.pop()!);
  let schedule = scheduleName;
  if (
    kind === 'schedule' &&
    schedule !== null &&
    lines.length > 1 &&
    /^AMENDED(?:\s+AND\s+RESTATED)?$/i.test(lines.at(-1)!)
  )
    schedule = `${titleCase(lines.pop()!)} ${schedule}`;
  let title = titleCase(lines.join(' '));
  if (classLines.length > 0) title += ` (${classLines.map((c) => titleCase(c)).join(', ')})`;
  // "EXHIBIT A / TO THE DISTRIBUTION PLAN OF / X TRUST": the schedule's heading goes on, and the
  // title is the schedule's, "Exhibit A to the Distribution Plan of X Trust"
  if (kind === 'schedule' && schedule !== null && /^To\s/.test(title)) {
    const of = /\sof$/.test(title) && registrant !== null ? ` ${titleCase(registrant)}` : '';
    return `${schedule} to${title.slice(2)}${of}`;
  }
  if (
    kind === 'schedule' &&
    schedule !== null &&
    title !== '' &&
    !/\bSCHEDULE\b|\bAPPENDIX\b|\bEXHIBIT\b/i.test(title)
  )
    title += ` — ${schedule}`;
  return title;
}

/**
 * A draft's "AMENDMENT NO. [2]" titled as the text layout titles it (heading.ts exhibitTitle), by
 * the number read: "Amendment No. 2"; "AMENDMENT NO. [ ]" as "Amendment". The brackets are said
 * in the warnings (amendmentNumber.ts), and the title reads back the same from a rendering.
 */
function settledNumber(line: string): string {
  const n = amendmentNumberIn(line);
  if (n === null || n.warning === null) return line;
  return line.replace(n.printed, n.number === null ? 'AMENDMENT' : `AMENDMENT NO. ${n.number}`);
}

// A schedule's own subtitle, printed on the line under its heading: "Fee Schedule", "Schedule of
// Fees", or the funds it lists ("AARP FUNDS"). Short, words only: never a date, a rate or a sentence.
const SUBTITLE_RE =
  /^(?:[A-Za-z][A-Za-z&.'\u2019-]*\s+){0,5}(?:FEE\s+SCHEDULE|SCHEDULE\s+OF\s+FEES|FUNDS|TRUST|SERIES|PORTFOLIOS)$/i;

/**
 * The subtitle of a schedule filed without a title block (SPEC §2.1 `title`): the first line after
 * its heading (`next`), when it is one, title-cased; else null.
 * @example scheduleSubtitle(lines of 'EXHIBIT A\nFee Schedule\nDated March 6, 2014', 1) === 'Fee Schedule'
 */
export function scheduleSubtitle(lines: readonly EdgarLine[], next: number): string | null {
  let i = next;
  while (i < lines.length && lines[i]!.trimmed === '') i++;
  const line = lines[i]?.trimmed.replace(/\s+/g, ' ');
  if (line === undefined || !SUBTITLE_RE.test(line) || isClassLabel(line)) return null;
  return titleCase(line);
}
