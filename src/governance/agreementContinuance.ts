import { type Approval, type ApprovalRef, approvalOutcome, approvalRef } from './approval.js';
import { disinterestedTrusteesMajority } from './boardVote.js';
import {
  type ContinuanceBasis,
  type ContinuanceEvidence,
  continuanceByEvidence,
  oneYearAfter,
} from './continuance.js';
import { type ContinuanceDeadlineSource, continuanceDeadlineSource } from './continuanceDeadlineSource.js';

/**
 * Agreement FOURTEENTH: the Agreement continues "from year to year thereafter, provided, that such
 * continuance is specifically approved with respect to the Shares of each Portfolio at least
 * annually (a)(i) by the Board of Trustees … or (ii) by the vote of a majority of the outstanding
 * Shares of such Portfolio, and (b) by vote of a majority of the [Dis-interested Trustees] cast in
 * person at a meeting called for such purpose". So continuance is per Portfolio: one Portfolio's
 * Agreement can lapse while another's continues. What meets a Portfolio's deadline:
 * - a carried Board vote (majority of the trustees and of the Dis-interested Trustees, in person,
 *   at a meeting called for the purpose: (a)(i) and (b) at once) on the Agreement's continuance or
 *   on the Agreement, for every portfolio or naming this one;
 * - or a carried vote of this Portfolio's Class B shareholders on continuance ((a)(ii), a majority
 *   of the outstanding voting securities, SPEC §10) together with a Board vote on continuance, for
 *   every portfolio or naming this one, in which a majority of the Dis-interested Trustees voted
 *   for in person at a meeting called for the purpose ((b)) — even where the whole Board's
 *   majority failed. Both votes fall in the year of the deadline they meet.
 */

/** A portfolio the Agreement lists (Schedule ), from its first listing. */
export interface AgreementListing {
  readonly portfolioId: string;
  /** its name on the as-of date (or on its last listed day) */
  readonly portfolio: string;
  readonly listedFrom: string;
  /**
   * the last day the Agreement applies to it — the last day a schedule lists it, or the day before
   * its termination for the Portfolio (FIFTEENTH(A)) — or null (still applies)
   */
  readonly lastDay: string | null;
  /** the Agreement's termination for the Portfolio (FIFTEENTH(A)): its first day, else null */
  readonly terminatedOn: string | null;
}

export interface PortfolioContinuancePeriod {
  readonly deadline: string;
  /** the vote that met the deadline: the Board's ((a)(i)) or the Portfolio's shareholders' ((a)(ii)) */
  readonly metBy: ApprovalRef | null;
  /** with a shareholder vote, the Board vote whose Dis-interested Trustees' majority gave (b) */
  readonly disinterestedTrustees: ApprovalRef | null;
  /** where the deadline comes from (continuanceDeadlineSource.ts), and in words */
  readonly deadlineSource: ContinuanceDeadlineSource;
  readonly deadlineWhy: string;
}

export interface PortfolioContinuance {
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly listedFrom: string;
  readonly lastDay: string | null;
  readonly terminatedOn: string | null;
  readonly firstDeadline: string;
  readonly firstDeadlineWhy: string;
  /** the Agreement's (`document`, `rule`, `setting`), or `rule` for a Portfolio listed after it */
  readonly firstDeadlineSource: 'document' | 'rule' | 'setting';
  readonly status: 'in force' | 'lapsed';
  readonly nextDeadline: string | null;
  /** the first day the Agreement is no longer in force for the Portfolio (the day after a missed deadline) */
  readonly endsOn: string | null;
  readonly periods: readonly PortfolioContinuancePeriod[];
}

interface Evidence extends ContinuanceEvidence {
  readonly by: Approval;
  readonly disinterested: Approval | null;
}

const speaksFor = (a: Approval, instrumentKey: string, portfolioId: string): boolean =>
  a.instrumentKey === instrumentKey && (a.portfolioId === null || a.portfolioId === portfolioId);

/** The votes that can meet a Portfolio's continuance deadline (FOURTEENTH (a)(i), or (a)(ii) with (b)). */
export function portfolioContinuanceEvidence(
  instrumentKey: string,
  portfolioId: string,
  approvals: readonly Approval[],
): Evidence[] {
  const mine = [...approvals]
    .filter((a) => speaksFor(a, instrumentKey, portfolioId))
    .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const out: Evidence[] = [];
  for (const a of mine)
    if (
      a.body === 'board' &&
      (a.subject === 'continuance' || a.subject === 'instrument') &&
      approvalOutcome(a.vote).approved
    )
      out.push({ on: a.meetingDate, earliest: a.meetingDate, by: a, disinterested: null });
  const disinterested = mine.filter(
    (a) =>
      a.body === 'board' &&
      a.subject === 'continuance' &&
      a.vote.kind === 'board-vote' &&
      disinterestedTrusteesMajority(a.vote),
  );
  for (const s of mine)
    if (
      s.body === 'shareholders' &&
      s.subject === 'continuance' &&
      s.portfolioId === portfolioId &&
      approvalOutcome(s.vote).approved
    )
      for (const d of disinterested)
        out.push({
          on: s.meetingDate > d.meetingDate ? s.meetingDate : d.meetingDate,
          earliest: s.meetingDate < d.meetingDate ? s.meetingDate : d.meetingDate,
          by: s,
          disinterested: d,
        });
  return out;
}

/**
 * A Portfolio's first deadline: the Agreement's (FOURTEENTH "until June 30, 2004", or one year after
 * the Agreement's date), or, for a Portfolio first listed on or after that deadline, one year after
 * its listing (Rule 12b-1(b)(3)(i), as for an instrument dated after the stated deadline).
 */
export function portfolioFirstDeadline(
  agreementFirst: AgreementFirstDeadline,
  listedFrom: string,
): AgreementFirstDeadline {
  return listedFrom >= agreementFirst.date
    ? {
        date: oneYearAfter(listedFrom),
        why: `Rule 12b-1(b)(3)(i): one year after it was first listed, ${listedFrom} (later than the Agreement's ${agreementFirst.date})`,
        source: 'rule',
      }
    : agreementFirst;
}

/** The Agreement's first deadline and where it comes from (continuanceRoster.ts). */
export interface AgreementFirstDeadline {
  readonly date: string;
  readonly why: string;
  readonly source: 'document' | 'rule' | 'setting';
}

/**
 * One Portfolio's continuance under the Agreement as of a date; a Portfolio the Agreement no longer
 * applies to (no longer listed, or the Agreement terminated for it: FIFTEENTH(A)) is judged as of
 * the last day it applied.
 * @example
 * // listed 2003-08-18; the Board continued every portfolio on 2004-06-10 and none on 2005:
 * // portfolioContinuance(...,'2005-08-01').endsOn === '2005-07-01'
 */
export function portfolioContinuance(
  instrumentKey: string,
  listing: AgreementListing,
  agreementFirst: AgreementFirstDeadline,
  approvals: readonly Approval[],
  asOf: string,
  basis: ContinuanceBasis,
  supersededFrom: string | null = null,
): PortfolioContinuance {
  const first = portfolioFirstDeadline(agreementFirst, listing.listedFrom);
  const judgedOn = listing.lastDay !== null && listing.lastDay < asOf ? listing.lastDay : asOf;
  const s = continuanceByEvidence(
    first.date,
    portfolioContinuanceEvidence(instrumentKey, listing.portfolioId, approvals),
    judgedOn,
    basis,
    // an Amended and Restated Agreement supersedes this one: no deadline from its date on
    supersededFrom,
  );
  return {
    portfolioId: listing.portfolioId,
    portfolio: listing.portfolio,
    listedFrom: listing.listedFrom,
    lastDay: listing.lastDay,
    terminatedOn: listing.terminatedOn,
    firstDeadline: first.date,
    firstDeadlineWhy: first.why,
    firstDeadlineSource: first.source,
    status: s.status,
    nextDeadline: s.nextDeadline,
    endsOn: s.endsOn,
    periods: s.periods.map((p) => ({
      deadline: p.deadline,
      metBy: p.metBy === null ? null : approvalRef(p.metBy.by),
      disinterestedTrustees: p.metBy?.disinterested ? approvalRef(p.metBy.disinterested) : null,
      ...deadlineSourceOf(p.countedFrom, first),
    })),
  };
}

const deadlineSourceOf = (
  counted: Parameters<typeof continuanceDeadlineSource>[0],
  first: AgreementFirstDeadline,
): { deadlineSource: ContinuanceDeadlineSource; deadlineWhy: string } => {
  const s = continuanceDeadlineSource(counted, first);
  return { deadlineSource: s.source, deadlineWhy: s.why };
};
