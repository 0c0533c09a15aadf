/**
 * The heading of an exhibit: the EDGAR exhibit label ("Exhibit m(4)(m)"), the title in
 * capitals ("AMENDMENT NO. 12 / TO THE AMENDED AND RESTATED / MASTER DISTRIBUTION PLAN"),
 * and the classes it covers ("(CLASS R SHARES)") — SPEC §2.1 `kind`, `title`, `instrument`.
 */

import { amendmentNumberIn } from './amendmentNumber.js';
import type { EdgarLine } from './edgarText.js';
import { type ExhibitKind, ExhibitParseError, type InstrumentKind } from './exhibitDocument.js';
import { type AgreementParties, agreementParties } from './instrumentRegistrant.js';
import { exhibitLabel, isParenthesised, scheduleHeading } from './lineShapes.js';
import { ORDINAL_WORDS } from './restatementOrdinal.js';
import { classCodesIn, exceptedClassesIn, isClassLabel } from './shareClasses.js';
import { titleCase } from './titleCase.js';

export interface ExhibitHeading {
  readonly kind: ExhibitKind;
  readonly exhibit: string | null;
  readonly amendmentNumber: number | null;
  readonly instrumentKind: InstrumentKind;
  /** "Amended and Restated Master Distribution Plan" */
  readonly instrumentTitle: string;
  /** the registrant named in the title after "OF", as printed ("AIM FUNDS GROUP") */
  readonly registrantAsPrinted: string | null;
  /** an agreement's parties after "BETWEEN", as printed: the fund party is the registrant */
  readonly parties: AgreementParties | null;
  /** what the title leaves unsettled: a draft's bracketed or blank amendment number */
  readonly warnings: readonly string[];
  readonly classes: readonly string[];
  /** the classes the title leaves out: "(ALL CLASSES OF SHARES EXCEPT CLASS B SHARES)" → ['B'] */
  readonly exceptClasses: readonly string[];
  /** "to the" in "Amendment No. 12 to the …", as printed */
  readonly amendmentLink: string;
  /** "(Class R Shares)" as printed, title-cased, or '' */
  readonly classesTitle: string;
  /**
   * the classes are printed after the first party of "BETWEEN X (CLASS B SHARES) AND Y", and the
   * title keeps them there; otherwise they close the title
   */
  readonly classesAfterFirstParty: boolean;
  /** other parenthesised lines of the heading, title-cased: "(Securitization Feature)" */
  readonly qualifiersTitle: string;
  /** the qualifier is printed above the classes ("(COMPENSATION)" / "(CLASS C SHARES)") */
  readonly qualifiersFirst: boolean;
  /** index into the lines of the first line after the heading */
  readonly bodyStart: number;
}

const ORDINALS: readonly string[] = ORDINAL_WORDS.map((w) => w.toUpperCase());
const MAX_HEADING_LINES = 16;

/**
 * Reads the heading at the top of the exhibit.
 * Throws ExhibitParseError "not a distribution plan or agreement" when the title names neither.
 */
export function readHeading(lines: readonly EdgarLine[], file: string): ExhibitHeading {
  try {
    return readHeadingAt(lines, file, 0, null);
  } catch (first) {
    // A filing as retrieved may carry a preamble above the exhibit (a filer name, the form and
    // exhibit type, "Previous:"/"Next:" links): try again from each later line in capitals.
    let exhibit: string | null = null;
    let nonEmpty = 0;
    for (let start = 0; start < lines.length && nonEmpty < MAX_PREAMBLE_LINES; start++) {
      const t = lines[start]!.trimmed;
      if (t === '') continue;
      nonEmpty++;
      exhibit = exhibitLabel(t) ?? exhibit;
      if (
        nonEmpty === 1 ||
        (amendmentTitleLine(t)
          ? !capsTitleFollows(lines, start)
          : /[a-z]/.test(t) || !/\b(?:AMENDMENT|DISTRIBUTION|RESTATED|MASTER)\b/.test(t))
      )
        continue;
      try {
        return readHeadingAt(lines, file, start, exhibit);
      } catch {
        // not a heading here either
      }
    }
    throw first;
  }
}

const MAX_PREAMBLE_LINES = 40;

/** The next line with text after `i` is in capitals (a name, not the body's first sentence). */
function capitalsFollow(lines: readonly EdgarLine[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const t = lines[j]!.trimmed;
    if (t !== '') return /[A-Z]/.test(t) && !/[a-z]/.test(t);
  }
  return false;
}

function readHeadingAt(
  lines: readonly EdgarLine[],
  file: string,
  start: number,
  exhibitAbove: string | null,
): ExhibitHeading {
  let exhibit: string | null = exhibitAbove;
  const qualifiers: string[] = [];
  let qualifiersFirst = false;
  const titleLines: string[] = [];
  const parentheses: string[] = [];
  // the title lines printed before the first class parenthesis
  let linesBeforeClasses = -1;
  let firstNo = lines[start]?.no ?? 1;
  let i = start;
  let seen = 0;
  let titleCaseFirst = false;
  for (; i < lines.length && seen < MAX_HEADING_LINES; i++) {
    const t = lines[i]!.trimmed;
    if (t === '') continue;
    if (seen === 0) firstNo = lines[i]!.no;
    seen++;
    const label = titleLines.length === 0 ? exhibitLabel(t) : null;
    if (label !== null) {
      exhibit = label;
      continue;
    }
    // State Street's "Exhibit" / "(m)(2)": the label broken after its word, its designation below
    if (titleLines.length === 0 && /^exhibit$/i.test(t)) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trimmed === '') j++;
      const broken = j < lines.length ? exhibitLabel(`${t} ${lines[j]!.trimmed}`) : null;
      if (broken !== null) {
        exhibit = broken;
        i = j;
        continue;
      }
    }
    if (scheduleHeading(t)) break;
    // "(Class A Shares, Class AX Shares, … / Class CX Shares, … and Class RX Shares)": a class
    // list wrapped over lines
    const wrapped = wrappedParenthesis(lines, i);
    if (wrapped !== null && isClassLabel(wrapped.text.slice(1, wrapped.text.lastIndexOf(')')))) {
      if (parentheses.length === 0) linesBeforeClasses = titleLines.length;
      parentheses.push(wrapped.text);
      i = wrapped.last;
      continue;
    }
    // "(effective February 12, 2010, as amended …)": the body's business, not the title's
    if (isParenthesised(t) && /\b\d{4}\b/.test(t)) break;
    // "(SECURITIZATION FEATURE)": part of the title, not of the registrant's name
    if (isParenthesised(t) && titleLines.length > 0) {
      if (qualifiers.length === 0 && parentheses.length === 0) qualifiersFirst = true;
      qualifiers.push(t);
      continue;
    }
    // Sentinel's "AMENDMENT TO … DISTRIBUTION PLAN / of / SENTINEL GROUP FUNDS, INC.": the word in
    // lower case on a line of its own, between the plan's name and its Registrant's in capitals
    if (t === 'of' && titleLines.length > 0 && capitalsFollow(lines, i)) {
      titleLines.push('OF');
      continue;
    }
    // under such a first line, "RULE 12b-1 DISTRIBUTION PLAN" is a title in capitals all the same
    const caps = titleCaseFirst ? t.replace(/\b12b-1\b/g, '12B-1') : t;
    if (/[a-z]/.test(caps)) {
      // Eaton Vance's "Amendment to Class B Shares" over "RULE 12b-1 DISTRIBUTION PLAN": the title's
      // first line in title case, its capitals below it
      if (titleLines.length === 0 && amendmentTitleLine(t) && capsTitleFollows(lines, i)) {
        titleLines.push(t.toUpperCase());
        titleCaseFirst = true;
        continue;
      }
      break;
    }
    titleLines.push(caps);
  }
  const joinedRaw = titleLines.join(' ').replace(/\s+/g, ' ');
  // "MASTER DISTRIBUTION PLAN (CLASS R SHARES)" on one line
  const inline = /\(([^()]*\bCLASS[^()]*)\)/.exec(joinedRaw);
  if (inline) parentheses.push(inline[0]);
  const joined = joinedRaw
    .replace(/\([^()]*\bCLASS[^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Advisors Series Trust's "AMENDED AND RESTATED SHARE MARKETING PLAN" over "Rule 12b-1 Plan on
  // behalf of the Funds listed on Schedule B": the line under the title says what plan it is
  const under = lines[i]?.trimmed ?? '';
  const ruleUnder = /\bPLAN$/.test(joined) && /^\(?Rule\s+12b-1\s+Plan\b/i.test(under);
  if (!/\b(?:PLAN|AGREEMENT)\b/.test(joined) || (!/\b(?:DISTRIBUTION|12B-1)\b/.test(joined) && !ruleUnder)) {
    const shown = joined === '' ? 'no title in capitals at the top' : `title "${joined.slice(0, 80)}"`;
    throw new ExhibitParseError(file, firstNo, `not a distribution plan or agreement (${shown})`);
  }

  let amendmentNumber: number | null = null;
  let isAmendment = false;
  let rest = joined;
  let amendmentLink = '';
  const warnings: string[] = [];
  const numbered = rest.startsWith('AMENDMENT') ? amendmentNumberIn(rest) : null;
  const ordinal = /^([A-Z]+)\s+AMENDMENT\b\s*/.exec(rest);
  if (numbered !== null && rest.startsWith(numbered.printed)) {
    isAmendment = true;
    amendmentNumber = numbered.number;
    if (numbered.warning !== null) warnings.push(numbered.warning);
    rest = rest.slice(numbered.printed.length).trimStart();
  } else if (ordinal && ORDINALS.includes(ordinal[1]!)) {
    isAmendment = true;
    amendmentNumber = ORDINALS.indexOf(ordinal[1]!) + 1;
    rest = rest.slice(ordinal[0].length);
  } else if (/^AMENDMENT\b/.test(rest)) {
    isAmendment = true;
    rest = rest.replace(/^AMENDMENT\s*/, '');
  }
  if (isAmendment) {
    const link = /^(TO(?:\s+THE)?)\s+/.exec(rest);
    if (link) {
      amendmentLink = link[1]!.toLowerCase();
      rest = rest.slice(link[0].length);
    }
  }
  // "MASTER DISTRIBUTION AGREEMENT BETWEEN AIM ADVISOR FUNDS AND A I M DISTRIBUTORS, INC."
  const between = /^(.*?\bAGREEMENT)\s+BETWEEN\s+(.+)$/.exec(rest);
  const parties = between ? agreementParties(between[2]!) : null;
  // "PLAN OF DISTRIBUTION PURSUANT TO RULE 12B-1" is a plan's name, not "PLAN OF <Registrant>";
  // so is AIM Advisor Funds' "PLAN AND AGREEMENT OF DISTRIBUTION PURSUANT TO RULE 12B-1"
  const m =
    parties !== null
      ? null
      : /^(.*?\b(?:(?:PLAN|AGREEMENT)\s+OF\s+DISTRIBUTION(?:\s+PURSUANT\s+TO\s+RULE\s+12B-1)?|PLAN|AGREEMENT))(?:\s+OF\s+(.+))?$/.exec(
          rest,
        );
  const titlePart = (parties !== null ? between![1]! : (m?.[1] ?? rest)).replace(/^THE\s+/, '');
  const registrantAsPrinted = parties?.registrant ?? (m?.[2]?.trim() || null);
  const instrumentKind: InstrumentKind = /\bAGREEMENT\b/.test(titlePart) ? 'agreement' : 'plan';
  const classesText = parentheses.join(' ');
  // "BETWEEN / AIM TAX-EXEMPT FUNDS / (CLASS A SHARES AND CLASS C SHARES) / AND / A I M …"
  const classesAfterFirstParty =
    parties !== null &&
    linesBeforeClasses > 0 &&
    /\bBETWEEN\s+\S/.test(titleLines.slice(0, linesBeforeClasses).join(' ')) &&
    /^AND\s/.test(titleLines.slice(linesBeforeClasses).join(' '));
  return {
    kind: isAmendment ? `${instrumentKind}-amendment` : instrumentKind,
    exhibit,
    amendmentNumber,
    instrumentKind,
    instrumentTitle: titleCase(titlePart),
    registrantAsPrinted,
    parties,
    warnings,
    classes: classCodesIn(classesText),
    // "(ALL CLASSES OF SHARES EXCEPT CLASS B SHARES)" is printed as a qualifier (it is no class list)
    exceptClasses: exceptedClassesIn([...parentheses, ...qualifiers].join(' ')),
    amendmentLink,
    classesTitle: parentheses.length > 0 ? titleCase(parentheses[0]!) : '',
    classesAfterFirstParty,
    qualifiersTitle: qualifiers.map((q) => titleCase(q)).join(' '),
    qualifiersFirst,
    bodyStart: i,
  };
}

// "Amendment to Class B Shares", "Amendment No. 3 to the": a title's first line in title case
const AMENDMENT_TITLE_LINE_RE =
  /^Amendment(?:\s+No\.\s*\d{1,3})?\s+to(?:\s+the)?(?:\s+[A-Z][A-Za-z0-9-]{0,20})*$/;

function amendmentTitleLine(t: string): boolean {
  return t.length <= 80 && AMENDMENT_TITLE_LINE_RE.test(t);
}

/** The next line with words is in capitals and names a plan or agreement. */
function capsTitleFollows(lines: readonly EdgarLine[], i: number): boolean {
  for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
    const t = lines[j]!.trimmed.replace(/\b12b-1\b/g, '12B-1');
    if (t === '') continue;
    return !/[a-z]/.test(t) && /\b(?:PLAN|AGREEMENT)\b/.test(t);
  }
  return false;
}

const MAX_WRAPPED_LINES = 3;

/** A parenthesised line, or one opened on line `i` and closed within the next few lines, joined. */
function wrappedParenthesis(lines: readonly EdgarLine[], i: number): { text: string; last: number } | null {
  const first = lines[i]!.trimmed;
  if (isParenthesised(first)) return { text: first, last: i };
  if (!first.startsWith('(') || first.includes(')')) return null;
  let text = first;
  for (let j = i + 1; j < lines.length && j <= i + MAX_WRAPPED_LINES; j++) {
    const t = lines[j]!.trimmed;
    if (t === '' || t.includes('(')) return null;
    text = `${text} ${t}`;
    if (t.includes(')')) return isParenthesised(text) ? { text, last: j } : null;
  }
  return null;
}

/**
 * The exhibit's title: "Amendment No. 12 to the Amended and Restated Master Distribution Plan
 * (Class R Shares)"; the registrant in the spelling the caller found for it.
 */
export function exhibitTitle(h: ExhibitHeading, registrant: string | null): string {
  const parts: string[] = [];
  if (h.kind.endsWith('-amendment')) {
    parts.push(h.amendmentNumber === null ? 'Amendment' : `Amendment No. ${h.amendmentNumber}`);
    if (h.amendmentLink !== '') parts.push(h.amendmentLink);
  }
  parts.push(h.instrumentTitle);
  // the parties as the title names them: "between AIM Advisor Funds and A I M Distributors, Inc.",
  // the classes where the title prints them ("between AIM Tax-Exempt Funds (Class A Shares) and …")
  let classesPlaced = false;
  if (h.parties !== null && registrant !== null) {
    const other = titleCase(h.parties.other);
    const [first, second] = h.parties.registrantFirst ? [registrant, other] : [other, registrant];
    classesPlaced = h.classesAfterFirstParty && h.classesTitle !== '';
    parts.push(`between ${first}${classesPlaced ? ` ${h.classesTitle}` : ''} and ${second}`);
  } else if (registrant !== null) parts.push(`of ${registrant}`);
  // the qualifier and the classes in the order the title prints them: Invesco's "DISTRIBUTION AND
  // SERVICE PLAN / (COMPENSATION) / (CLASS C SHARES, CLASS R SHARES)"
  if (h.qualifiersTitle !== '' && h.qualifiersFirst) parts.push(h.qualifiersTitle);
  if (h.classesTitle !== '' && !classesPlaced) parts.push(h.classesTitle);
  if (h.qualifiersTitle !== '' && !h.qualifiersFirst) parts.push(h.qualifiersTitle);
  return parts.join(' ');
}
