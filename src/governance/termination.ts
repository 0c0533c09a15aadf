import { addDays } from '../calendar/isoDate.js';

/** Who terminated: the Dis-interested Trustees (Plan §9), the class's shareholders, or the Distributor (FIFTEENTH(A)). */
export type TerminatedBy = 'trustees' | 'shareholders' | 'distributor';

/**
 * A termination, for a portfolio (or every portfolio) and a class (or every class), from a date:
 * - of the Plan (Plan §9: by vote of a majority of the Dis-interested Trustees or of the
 *   outstanding voting securities of the class): "the obligation of the Fund to make payments
 *   pursuant to this Plan will also cease" from the date — every fee of the class is zero from it;
 * - of the Agreement (FIFTEENTH(A): by the Board, the Portfolio's shareholders or the Distributor,
 *   on sixty days' written notice): the fees continue under the Plan, and the Distributor's 12b-1
 *   Share and Earned CDSC survive (FIFTEENTH(B)).
 */
export interface Termination {
  readonly kind: 'termination';
  readonly id: string;
  readonly instrument: 'plan' | 'agreement';
  readonly portfolioId: string | null;
  readonly portfolioName: string | null;
  readonly class: string | null;
  /** the first day no payment is due */
  readonly effectiveDate: string;
  readonly votedBy: TerminatedBy;
  readonly noticeDate: string | null;
  readonly reason: string | null;
}

/** FIFTEENTH(A): the Agreement ends on sixty days' written notice (at least; Plan §10(a): it may require no more). */
export const AGREEMENT_NOTICE_DAYS = 60;

/**
 * The notice an Agreement is terminated on: its own text's (edgar/terminationNoticeClause.ts) —
 * `days`, and whether they are a most (`atMost`, "on not more than sixty (60) days' written
 * notice") or the notice itself ("on sixty (60) days' written notice") — else FIFTEENTH(A)'s sixty
 * days, as the AIM Agreement (seed 003, line 379) states them: an older store's parse did not read it.
 */
export interface AgreementNotice {
  readonly days: number;
  readonly atMost: boolean;
  readonly text: string;
}

export const FIFTEENTH_A_NOTICE: AgreementNotice = Object.freeze({
  days: AGREEMENT_NOTICE_DAYS,
  atMost: false,
  text: "on sixty (60) days' written notice to the other party",
});

/** How a termination names the notice: "FIFTEENTH(A) terminates it "on sixty (60) days' …"". */
function noticeWords(n: AgreementNotice): string {
  return n === FIFTEENTH_A_NOTICE
    ? `FIFTEENTH(A) terminates it "${n.text}"`
    : `its text terminates it "${n.text}"`;
}

/** Why a termination cannot be recorded as given, or null. */
export function terminationProblem(
  t: Omit<Termination, 'id' | 'kind'>,
  notice: AgreementNotice = FIFTEENTH_A_NOTICE,
): { field: string; reason: string } | null {
  if (t.votedBy === 'distributor' && t.instrument !== 'agreement')
    return {
      field: 'by',
      reason:
        'only the Agreement may be terminated by the Distributor (FIFTEENTH(A)); the Plan is terminated by the Dis-interested Trustees or the shareholders (Plan §9)',
    };
  if (t.votedBy === 'shareholders' && (t.portfolioId === null || t.class === null))
    return {
      field: t.portfolioId === null ? 'portfolio' : 'class',
      reason: "a shareholder vote terminates the Plan for one portfolio's class (Plan §9): name both",
    };
  if (t.noticeDate !== null) {
    if (t.noticeDate > t.effectiveDate)
      return {
        field: 'notice_date',
        reason: `the notice (${t.noticeDate}) is after the termination date ${t.effectiveDate}`,
      };
    // the Nth day after the notice (the notice day is day 0): the first the Agreement is not in force
    const last = addDays(t.noticeDate, notice.days);
    // FIFTEENTH(A): "on sixty (60) days' written notice to the other party" — whoever terminates.
    // The days are the least notice the other party is owed: a longer notice gives it more and ends
    // the Agreement on the date it names. "Not more than" N days (Plan §10(a); Rule 12b-1(b)(3)(iv))
    // bounds the notice the agreement may require, not how early a party may give it: any day after
    // the notice will do.
    if (t.instrument === 'agreement' && !notice.atMost && t.effectiveDate < last)
      return {
        field: 'date',
        reason: `only ${daysBetween(t.noticeDate, t.effectiveDate)} days after the written notice of ${t.noticeDate}: ${noticeWords(notice).replace(/^its text/, "the Agreement's text")}, so with that notice it ends from ${last} (the ${ordinal(notice.days)} day after it, the first day it is no longer in force)`,
      };
  }
  return null;
}

/** 60 → "60th", 31 → "31st". */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** Calendar days from `from` to `to` (ISO dates). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * FIFTEENTH(A): a termination of the Agreement recorded without the date of its written notice
 * cannot be checked against the sixty days' notice it needs; it is recorded, and this says so and
 * by when the notice must have been given. Null when there is nothing to say.
 * @example a termination from 2012-03-16 without notice → "… needs a notice given by 2012-01-16 …"
 */
export function terminationNoticeWarning(
  t: Omit<Termination, 'id' | 'kind'>,
  notice: AgreementNotice = FIFTEENTH_A_NOTICE,
): string | null {
  if (t.instrument !== 'agreement' || t.noticeDate !== null) return null;
  return `${t.portfolioName ?? 'every portfolio'} class ${t.class ?? 'all'}: the Agreement's termination from ${t.effectiveDate} was recorded with no written notice date; ${noticeWords(notice)}, so this date needs a notice given ${notice.atMost ? 'no earlier than' : 'by'} ${addDays(t.effectiveDate, -notice.days)} — plan12b could not check it (give notice_date / --notice-date)`;
}

export function terminationCovers(t: Termination, portfolioId: string, shareClass: string): boolean {
  return (
    (t.portfolioId === null || t.portfolioId === portfolioId) &&
    (t.class === null || t.class.toLowerCase() === shareClass.toLowerCase())
  );
}

/**
 * Plan §9 / FIFTEENTH(A): a termination ends the instrument for a portfolio's class from its date,
 * once. Of two terminations of the same instrument on different dates where one's portfolio and
 * class fall within the other's, the narrower one may come first (Class C in March, then every
 * class in May), never after: then it would terminate what had already ended, and the same one on
 * another date would move when payments stopped. Returns the recorded one contradicted, or null.
 */
export function contradictedTermination(
  t: Termination,
  recorded: readonly Termination[],
): Termination | null {
  const within = (a: Termination, b: Termination) =>
    (b.portfolioId === null || a.portfolioId === b.portfolioId) &&
    (b.class === null || (a.class !== null && a.class.toLowerCase() === b.class.toLowerCase()));
  return (
    recorded.find(
      (r) =>
        r.instrument === t.instrument &&
        r.effectiveDate !== t.effectiveDate &&
        ((within(t, r) && t.effectiveDate > r.effectiveDate) ||
          (within(r, t) && r.effectiveDate > t.effectiveDate)),
    ) ?? null
  );
}

/** A recorded termination in words: "the plan for Test Growth Fund class A from 2005-07-15". */
export function terminationLabel(t: Termination): string {
  return `the ${t.instrument} for ${t.portfolioName ?? 'every portfolio'} class ${t.class ?? 'all'} from ${t.effectiveDate} (by ${t.votedBy})`;
}

const BY: Record<TerminatedBy, string> = {
  trustees: 'a majority of the Dis-interested Trustees',
  shareholders: 'a majority of the outstanding voting securities of the class',
  distributor: 'the Distributor',
};

/** What a termination does to one class, in words (the reason every fee query shows). */
export function terminationEffect(t: Termination, shareClass: string): string {
  const where = `${t.portfolioName ?? 'every portfolio'} Class ${t.class ?? shareClass}`;
  if (t.instrument === 'plan') {
    const classB =
      shareClass.toUpperCase() === 'B'
        ? "; for Class B this is read as Complete Termination of the Plan for the portfolio: the Distributor's 12b-1 Share ends with the fee, its Earned CDSC survives (Agreement FIFTEENTH(B))"
        : '';
    return `the Plan was terminated for ${where} by ${BY[t.votedBy]} from ${t.effectiveDate}: no payments are due from that day (Plan §9)${classB}`;
  }
  return `the Agreement was terminated for ${where} by ${BY[t.votedBy]} from ${t.effectiveDate} (FIFTEENTH(A)): the Plan's fees continue; the Distributor's 12b-1 Share and Earned CDSC survive the termination (FIFTEENTH(B)); record the Distributor's term ending ${addDays(t.effectiveDate, -1)} with \`plan12b distributors import\` so that its 12b-1 Share is recomputed (Exhibit A 2(a))`;
}
