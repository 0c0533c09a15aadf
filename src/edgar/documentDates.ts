/**
 * When a document takes effect (SPEC §2.1 "Dates"): an amendment on the date of its amending
 * clause, else its "Dated:" line — never the date by which it names the amended instrument; a
 * schedule filed on its own on the latest date its date lines state ("as amended on …"); a plan
 * or agreement on its latest restatement, else its explicit "effective …", "made as of …" or
 * "Dated:" date. A blank date, or only a month, is a gap the user fills with --effective-date.
 */

import {
  amendedInstrumentDate,
  amendingClauseDate,
  blankEffectiveDate,
  bracketedDate,
  type DateLine,
  dateLine,
  effectiveDates,
  type FoundDate,
  instrumentDateBesidesOwn,
  madeAsOfDate,
  monthYearLine,
  parseDate,
  restatedAsOfDates,
  retroactiveDate,
  withoutDates,
} from './dates.js';
import type { EdgarLine } from './edgarText.js';
import type { ExhibitKind, Gap } from './exhibitDocument.js';
import type { ProseText } from './proseText.js';

export interface DocumentDates {
  /** ISO date, or "YYYY-MM" for a month alone, or null */
  readonly effective: FoundDate | null;
  readonly datedAsOf: string | null;
  /** the "Dated:" line's date */
  readonly dated: FoundDate | null;
  readonly warnings: readonly string[];
  readonly gap: Gap | null;
  /** the document's last line, where it stops inside its list of dates ("As amend"), or null */
  readonly cutInDates: EdgarLine | null;
}

/** Rule 12b-1 under the Investment Company Act was adopted in October 1980. */
const RULE_12B_1_ADOPTED = '1980';

function latest(dates: readonly FoundDate[]): FoundDate | null {
  let best: FoundDate | null = null;
  for (const d of dates) if (best === null || d.iso > best.iso) best = d;
  return best;
}

// "May 31, 2011" alone on its line
const BARE_DATE_RE = /^[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}$/;

/**
 * A stand-alone schedule's date printed bare under its title block (Eaton Vance: "SCHEDULE A /
 * EATON VANCE MUNICIPALS TRUST / CLASS A DISTRIBUTION PLAN / May 31, 2011"): the schedule's date.
 * Only the line right after the title's capitals; the adoption dates in the list below are not it.
 */
function dateUnderScheduleTitle(lines: readonly EdgarLine[]): FoundDate | null {
  let inTitle = false;
  for (const l of lines) {
    const t = l.trimmed.replace(/^\|/, '').trim();
    if (t === '') continue;
    if (!inTitle) {
      inTitle = /^(?:SCHEDULE|APPENDIX|EXHIBIT)\s+[A-Z](?:-\d+)?$/.test(t);
      continue;
    }
    if (BARE_DATE_RE.test(t)) {
      const iso = parseDate(t);
      return iso === null ? null : { iso, line: l.no };
    }
    if (/[a-z]/.test(t) || /^-+$/.test(t)) return null;
  }
  return null;
}

// Transamerica's "AMENDED SCHEDULE A": "The following series and classes of shares are offered
// effective as of April 30, 2012:" — the lead-in over its list states the schedule's date
const LEAD_IN_EFFECTIVE_RE =
  /^The\s+following\b[^.]*?\beffective\s+(?:as\s+of\s+)?([A-Z][a-z]+\s+\d{1,2},?\s+\d{4})\s*:$/;

function leadInEffectiveDate(lines: readonly EdgarLine[]): FoundDate | null {
  for (const l of lines) {
    const m = LEAD_IN_EFFECTIVE_RE.exec(l.trimmed);
    const iso = m === null ? null : parseDate(m[1]!);
    if (iso !== null) return { iso, line: l.no };
  }
  return null;
}

// Victory's Schedule I: "*Expressed as a percentage of the average daily net assets of each Fund
// attributed to its Class R Shares. As of March 29, 2024" — the schedule's date after its footnote
const AS_OF_AFTER_SENTENCE_RE = /[.;]\s+((?:Current\s+)?As\s+of\s+[A-Z][a-z]+\.?\s+\d{1,2},\s*\d{4})\.?$/;

function dateAfterFootnote(trimmed: string, no: number): DateLine | null {
  const m = AS_OF_AFTER_SENTENCE_RE.exec(trimmed);
  return m === null ? null : dateLine(m[1]!, no);
}

// Eaton Vance's "Amendment to Class B Shares / RULE 12b-1 DISTRIBUTION PLAN / (effective December
// 10, 1999)": the amendment's own date, in a parenthesis under its title
const TITLE_EFFECTIVE_RE = /^\(\s*effective\s+(?:as\s+of\s+)?([A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})\s*\)$/i;

/** The "(effective DATE)" line that opens the body, right under the title. */
function effectiveUnderTitle(lines: readonly EdgarLine[], bodyLine: number): FoundDate | null {
  const first = lines.find((l) => l.no >= bodyLine && l.trimmed !== '');
  const m = first === undefined ? null : TITLE_EFFECTIVE_RE.exec(first.trimmed);
  const iso = m === null ? null : parseDate(m[1]!);
  return iso === null ? null : { iso, line: first!.no };
}

// a date line that stops in the middle of its chain: no "." or ")" closes it
const CHAIN_GOES_ON_RE = /[^.)]\s*$/;
// what the wrapped rest of a chain holds besides its dates: the rest of a date cut at its year
// ("12, 2008.", "2002 and on …") and the chain's own words
const SPLIT_DATE_START_RE = /^(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?\d{4}\b/;
const CHAIN_LEAD_RE = /^(?:(?:and|on|as|amended|restated|effective|of)\s+)+/i;
const CHAIN_WORDS_RE = /^(?:[\s,.;)]|\band\b|\bon\b|\bas\b|\bof\b|\bamended\b|\brestated\b|\beffective\b)*$/i;
const DATES_G =
  /(?:January|February|March|April|May|June|July|August|September|October|November|December)\.?\s+\d{1,2},?\s+\d{4}/g;

/**
 * The next line is the wrapped rest of a date line's chain: "September 12, 2008.", "12, 2008.",
 * "2002 and on November 14, 2003." — dates, the rest of one cut at its year, and the chain's words.
 */
function wrappedDateChain(text: string): boolean {
  if (text.length > 100) return false;
  if (SPLIT_DATE_START_RE.test(text.replace(CHAIN_LEAD_RE, '')))
    return CHAIN_WORDS_RE.test(text.replace(DATES_G, ' ').replace(SPLIT_DATE_START_RE, ' '));
  // "the first day of March, 2009.": a whole date in words on the wrapped line
  const bare = withoutDates(text);
  return bare !== text && CHAIN_WORDS_RE.test(bare);
}

/**
 * @example documentDates('plan-amendment', lines, prose, 1).effective?.iso === '2005-07-18'
 *   for "The Plan, effective July 1, 2004, … is hereby amended, effective July 18, 2005"
 */
// "To the Distribution Services Agreement": a schedule's subtitle naming its instrument
const UNDER_INSTRUMENT_NAME_RE = /^\|?\s*To\s+the\s+(?:[A-Z][\w&-]*\s+){0,6}(?:Plan|Agreement)$/;

const FOOT_DATE_RE =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s*\d{4}\.?$/;

/** The document's last line with content when it is a date and nothing else ("August 17, 2011"). */
function bareDateAtFoot(lines: readonly EdgarLine[]): EdgarLine | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const t = lines[i]!.trimmed.replace(/^\|/, '').trim();
    if (t === '') continue;
    return FOOT_DATE_RE.test(t) ? lines[i]! : null;
  }
  return null;
}

// the labels of a schedule's list of dates ("As amended: …", "Amended: …", "Approved: …")
const DATE_LIST_LABELS = ['As amended:', 'Amended:', 'Approved:', 'As revised:', 'Revised:'];

/**
 * The document's last line, when it is a date label cut short ("As amend") under a line of the
 * same list that carries its date ("As amended: December 20, 2007"), or null.
 * @example cutDateListLine(lines of 'As of June 21, 2001\nAs amended: December 20, 2007\nAs amend')?.trimmed === 'As amend'
 */
function cutDateListLine(lines: readonly EdgarLine[]): EdgarLine | null {
  let last: EdgarLine | undefined;
  let above: EdgarLine | undefined;
  for (let i = lines.length - 1; i >= 0 && above === undefined; i--) {
    if (lines[i]!.trimmed === '') continue;
    if (last === undefined) last = lines[i]!;
    else above = lines[i]!;
  }
  if (last === undefined || above === undefined) return null;
  const t = last.trimmed;
  const cut = DATE_LIST_LABELS.some(
    (label) => t.length >= 4 && t.length < label.length && label.startsWith(t),
  );
  return cut && (dateLine(above.trimmed, above.no)?.dates.length ?? 0) > 0 ? last : null;
}

function previousContent(lines: readonly EdgarLine[], i: number): string {
  for (let j = i - 1; j >= 0; j--) if (lines[j]!.trimmed !== '') return lines[j]!.trimmed;
  return '';
}

export function documentDates(
  kind: ExhibitKind,
  lines: readonly EdgarLine[],
  prose: ProseText,
  bodyLine: number,
): DocumentDates {
  const warnings: string[] = [];
  // SPEC §2.1: a schedule filed on its own, cut inside its list of dates (Aston's 2014 Schedule "A")
  const cutInDates = kind === 'schedule' ? cutDateListLine(lines) : null;
  // Date lines anywhere: "Dated: …", "Effective: …", "(Amended and Restated as of …)".
  let dated: FoundDate | null = null;
  let datedPlaceholder: { line: number; text: string } | null = null;
  const stated: FoundDate[] = [];
  let monthOnly: { iso: string; line: number } | null = null;
  let latestBlank = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trimmed === '') continue;
    let d = dateLine(l.trimmed, l.no) ?? dateAfterFootnote(l.trimmed, l.no);
    // LVIP's amendment, its "Schedule A / To the Distribution Services Agreement / Dated May 1,
    // 2008": the date of the agreement the schedule belongs to, printed under its name — not the
    // amendment's own (a schedule filed on its own may be dated so: there it is kept)
    if (
      d !== null &&
      d.dated &&
      kind.endsWith('-amendment') &&
      UNDER_INSTRUMENT_NAME_RE.test(previousContent(lines, i))
    )
      continue;
    // a chain of dates wrapped onto the next line: "Dated: March 29, 1993, as amended on August 30,
    // 2002, on November 14, 2003 and on" / "September 12, 2008." — the wrapped date is its latest
    const next = lines[i + 1];
    if (
      d !== null &&
      CHAIN_GOES_ON_RE.test(l.trimmed) &&
      next !== undefined &&
      wrappedDateChain(next.trimmed)
    ) {
      const joined = dateLine(`${l.trimmed} ${next.trimmed}`, l.no);
      if (joined !== null && joined.dates.length > d.dates.length) {
        d = joined;
        i++;
      }
    }
    if (d !== null) {
      if (d.dated && dated === null && datedPlaceholder === null) {
        if (d.placeholder || d.blankAfterDates) datedPlaceholder = { line: l.no, text: l.trimmed };
        else dated = d.dates[d.dates.length - 1]!;
      }
      // "as revised March 15, 1999 and ________, 2000": the latest revision's date is left blank
      if (d.blankAfterDates) {
        latestBlank = true;
        if (datedPlaceholder === null) datedPlaceholder = { line: l.no, text: l.trimmed };
      }
      stated.push(...d.dates);
      if (d.markedYear !== null)
        warnings.push(
          `line ${l.no}: "${d.markedYear}" read as ${d.dates.at(-1)!.iso.slice(0, 4)} followed by a footnote marker`,
        );
      if (d.placeholder && datedPlaceholder === null) datedPlaceholder = { line: l.no, text: l.trimmed };
      continue;
    }
    const month = monthYearLine(l.trimmed);
    if (month !== null && monthOnly === null) monthOnly = { iso: month, line: l.no };
  }

  const isAmendment = kind.endsWith('-amendment');
  let effective: FoundDate | null;
  let datedAsOf: string | null;
  const madeAsOf = madeAsOfDate(prose);
  if (isAmendment) {
    // SPEC §2.1: the amending clause's date, else the "Dated:" line
    const clause = amendingClauseDate(prose) ?? effectiveUnderTitle(lines, bodyLine);
    // SPEC §2.1: the amending clause's date left blank ("is hereby amended, effective as of
    // March   , 2007") makes the date blank, whatever the "Dated:" line says — the signature's date
    // is not the date the amendment takes effect, and a form's is no date at all
    const blankClause = clause === null ? blankEffectiveDate(prose) : null;
    if (blankClause !== null && datedPlaceholder === null) datedPlaceholder = blankClause;
    effective = clause ?? (blankClause !== null ? null : dated);
    if (clause !== null && dated !== null && clause.iso !== dated.iso)
      warnings.push(
        `the amendment says it is effective ${clause.iso} (line ${clause.line}) but is "Dated:" ${dated.iso} (line ${dated.line})`,
      );
    const retro = retroactiveDate(prose);
    if (retro !== null && effective !== null && retro.iso !== effective.iso)
      warnings.push(
        `the amendment takes effect ${effective.iso} but amends the Plan retroactive to ${retro.iso} (line ${retro.line})`,
      );
    // the naming clause's date, else the first instrument date that is not the amendment's own
    // ("This AMENDMENT made as of …" is the amendment's date, never its Plan's)
    datedAsOf = amendedInstrumentDate(prose)?.iso ?? instrumentDateBesidesOwn(prose)?.iso ?? null;
  } else {
    const restated = latest(restatedAsOfDates(prose));
    if (kind === 'schedule') {
      // a schedule on its own: the latest date its date lines state ("as amended on …")
      const last = latest(stated);
      // a chain of dates whose latest is blank dates a draft: none of its dates is the schedule's
      effective = latestBlank
        ? null
        : (last ??
          restated ??
          dateUnderScheduleTitle(lines) ??
          leadInEffectiveDate(lines) ??
          // "This Agreement is made as of August 18, 2003." under the schedule of an agreement filed
          // as its schedule (SPEC §2.1: else the "made as of" date)
          madeAsOf ??
          monthOnly);
      // …but a list of dates cut short goes on past its last date printed: that date need not be
      // the latest, so none is the date the schedule takes effect, and its first is the
      // instrument's own, even alone ("As of June 21, 2001" / "As amend")
      const first = stated.length > 1 || (cutInDates !== null && stated.length > 0) ? stated[0]! : null;
      datedAsOf = first !== null && (first.iso !== last?.iso || cutInDates !== null) ? first.iso : null;
      if (cutInDates !== null && effective !== null) effective = null;
    } else {
      const explicit = effectiveDates(prose)[0] ?? null;
      effective = restated ?? explicit ?? madeAsOf ?? dated ?? monthOnly;
      datedAsOf = restated?.iso ?? madeAsOf?.iso ?? null;
    }
  }
  // Rule 12b-1 was adopted in 1980: an earlier date is the document's typo ("effective February
  // 12, 1010"), kept as printed (SPEC §2.1) and said
  for (const [what, iso] of [
    ['takes effect', effective?.iso],
    ['names its instrument as of', datedAsOf],
  ] as const)
    if (iso !== undefined && iso !== null && iso < RULE_12B_1_ADOPTED)
      warnings.push(`the document ${what} ${iso}, before Rule 12b-1 existed (1980): a typo in the document?`);
  let gap: Gap | null = null;
  if (effective === null) {
    // no Dated: blank, but the amending clause's own blank ("hereby amended, effective , 2003")
    if (datedPlaceholder === null) datedPlaceholder = blankEffectiveDate(prose);
    // "dated as of [September 25, 2012]": a date proposed in brackets, not yet the document's
    const bracketed = datedPlaceholder === null ? bracketedDate(prose) : null;
    // Direxion's C Class Schedule A (real-exhibits-16 04): "August 17, 2011" alone at its foot, where
    // its sister schedules print "Last Revised: <date>" — a date the document does not say is the
    // one it takes effect: said, never taken (SPEC §2.1: the user states the date on import)
    const bare = datedPlaceholder === null && bracketed === null ? bareDateAtFoot(lines) : null;
    const line = cutInDates?.no ?? datedPlaceholder?.line ?? bracketed?.line ?? bare?.no ?? bodyLine;
    const reason =
      cutInDates !== null
        ? `the list of the document's dates is cut at line ${cutInDates.no} ("${cutInDates.trimmed}"): the last date printed${latest(stated) === null ? '' : ` (${latest(stated)!.iso})`} need not be the last, so the date it takes effect is not known`
        : datedPlaceholder !== null
          ? `the date is left blank ("${datedPlaceholder.text}"): the document is a draft or a form`
          : bracketed !== null
            ? `the date is printed in brackets ("${bracketed.text}"): the document is a draft, its date not settled`
            : bare !== null
              ? `the document states no date it takes effect: "${bare.trimmed}" stands alone at its foot, not said to be that date (no "Last Revised:", "Effective:" or "Dated:")`
              : 'the document states no date it takes effect';
    warnings.push(`${reason}; import needs --effective-date`);
    gap = { fact: 'effective-date', line, reason, schedule: null };
  } else if (effective.iso.length === 7) {
    const reason = `the document gives only a month ("${effective.iso}"), not the day it takes effect`;
    warnings.push(`${reason}; import needs --effective-date`);
    gap = { fact: 'effective-date', line: effective.line, reason, schedule: null };
  }
  return { effective, datedAsOf, dated, warnings, gap, cutInDates };
}
