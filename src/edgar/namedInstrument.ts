import { ORDINAL_WORDS, restatementOrdinal } from './restatementOrdinal.js';

/**
 * SPEC §2.1 "Inconsistencies the document itself contains … are kept as they stand and reported in
 * warnings": an amendment whose title amends one instrument while its amending clause names
 * another. "AMENDMENT NO. 1 TO THE FOURTH AMENDED AND RESTATED DISTRIBUTION AND SERVICE PLAN" whose
 * clause reads "The Third Amended and Restated Master Distribution Plan (the "Plan"), dated as of
 * July 1, 2022, … is hereby amended"; "AMENDMENT NO. 1 TO SERVICE PLAN (REIMBURSEMENT)" whose
 * clause names "The Distribution and Service Plan". The title's instrument is the one read (it is
 * what the filer titled and filed the amendment under); the clause's other name is said.
 *
 * Names differing only in what the clause may leave out are the same instrument: "Master", a
 * parenthesis ("(Reimbursement)"), the restatement ("The Master Distribution Plan" naming the
 * Second Amended and Restated one). Two restatements (Third, Fourth), or two kinds of plan
 * (a Service Plan, a Distribution and Service Plan), are not.
 */

// "The Third Amended and Restated Master Distribution Plan (the "Plan")": the name before its
// defined term, in words of capitals and joining words
const NAMING_RE =
  /\bThe\s+((?:[A-Z][A-Za-z-]*|and|of|to)(?:\s+(?:[A-Z][A-Za-z-]*|and|of|to|\([^()]{1,80}\)))*?\s+(?:Plan|Agreement))\s*\((?:the\s+)?["“”]\s?(?:Plan|Agreement)["“”]\)/;

// how far into the body the clause naming the instrument is looked for
const NAMING_CLAUSE_CHARS = 1200;

const RESTATED_RE = new RegExp(
  `\\b(?:(?:${ORDINAL_WORDS.join('|')})\\s+)?(?:amended\\s+and\\s+)?restated\\b`,
  'g',
);

/** The kind of instrument a name says, without what a clause may leave out: "distribution and service plan". */
function base(name: string): string {
  return name
    .toLowerCase()
    .replace(/\([^()]*\)/g, ' ')
    .replace(RESTATED_RE, ' ')
    .replace(/\bmaster\b/g, ' ')
    .replace(/^\s*the\b/, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The warning for an amending clause naming another instrument than the title's, or null.
 *
 * @example namedInstrumentWarning('Service Plan', 'The Distribution and Service Plan (the “Plan”), dated …', (o) => 6)
 *   === 'the amending clause (line 6) names "Distribution and Service Plan", the title "Service Plan": read as the title’s'
 */
export function namedInstrumentWarning(
  instrumentTitle: string,
  prose: string,
  lineAt: (offset: number) => number,
): string | null {
  const m = NAMING_RE.exec(prose.slice(0, NAMING_CLAUSE_CHARS));
  if (m === null || instrumentTitle.trim() === '') return null;
  const named = m[1]!.replace(/\s+/g, ' ');
  const [own, other] = [restatementOrdinal(instrumentTitle), restatementOrdinal(named)];
  const sameRestatement = own === null || other === null || own === other;
  if (sameRestatement && base(instrumentTitle) === base(named)) return null;
  return `the amending clause (line ${lineAt(m.index)}) names "${named}", the title "${instrumentTitle}": read as the title’s`;
}
