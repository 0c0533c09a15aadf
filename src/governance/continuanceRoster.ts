import { type Approval, type ApprovalRef, approvalOutcome, approvalRef } from './approval.js';
import { continuanceAsOf, oneYearAfter } from './continuance.js';
import type { GovernanceSettings } from './governanceSettings.js';

/** An instrument as continuance sees it. */
export interface ContinuedInstrument {
  readonly key: string;
  readonly kind: 'plan' | 'agreement';
  readonly title: string;
  /** the one Registrant, when the instrument has one (SPEC §2) */
  readonly registrant?: string | null;
  readonly datedAsOf: string | null;
}

export interface InstrumentContinuance {
  readonly instrumentKey: string;
  readonly instrument: string;
  /** the instrument's one Registrant, or null (its title may name it; a master plan has none) */
  readonly registrant: string | null;
  readonly kind: 'plan' | 'agreement';
  readonly firstDeadline: string;
  readonly firstDeadlineWhy: string;
  readonly status: 'in force' | 'lapsed';
  /** the next deadline after the as-of date while in force */
  readonly nextDeadline: string | null;
  /** the first day the instrument is no longer in force (the day after a missed deadline) */
  readonly endsOn: string | null;
  readonly periods: readonly { readonly deadline: string; readonly metBy: ApprovalRef | null }[];
}

/**
 * The first deadline: the date the documents state (Plan §7 "until June 30, 2003"; Agreement
 * FOURTEENTH "until June 30, 2004"), a setting per kind. An instrument made after that date
 * continues for one year from its dated-as-of date (Rule 12b-1(b)(3)(i): it "may continue in
 * effect for more than one year" only if approved annually).
 */
export function firstContinuanceDeadline(
  i: ContinuedInstrument,
  settings: GovernanceSettings,
): { date: string; why: string } {
  const stated = i.kind === 'plan' ? settings.planFirstDeadline : settings.agreementFirstDeadline;
  if (i.datedAsOf !== null && i.datedAsOf >= stated)
    return {
      date: oneYearAfter(i.datedAsOf),
      why: `one year after its date ${i.datedAsOf} (later than the stated ${stated})`,
    };
  return {
    date: stated,
    why:
      i.kind === 'plan'
        ? `Plan §7: until ${stated}, then at least annually`
        : `Agreement FOURTEENTH: until ${stated}, then from year to year`,
  };
}

/**
 * Continuance approvals of an instrument (Plan §7 "in the manner provided for approval of this
 * Plan in Section 6"; Agreement FOURTEENTH): the Board's approvals, carried, of its continuance or
 * of the instrument, for the instrument as a whole.
 */
export function continuanceApprovals(i: ContinuedInstrument, approvals: readonly Approval[]): Approval[] {
  return approvals.filter(
    (a) =>
      a.instrumentKey === i.key &&
      a.body === 'board' &&
      (a.subject === 'continuance' || a.subject === 'instrument') &&
      a.portfolioId === null &&
      a.class === null &&
      approvalOutcome(a.vote).approved,
  );
}

/** One instrument's continuance as of a date: each deadline, the approval that met it, a lapse. */
export function instrumentContinuance(
  i: ContinuedInstrument,
  approvals: readonly Approval[],
  settings: GovernanceSettings,
  asOf: string,
): InstrumentContinuance {
  const first = firstContinuanceDeadline(i, settings);
  const mine = continuanceApprovals(i, approvals);
  const byDate = new Map<string, Approval>();
  for (const a of [...mine].sort((x, y) => (x.id < y.id ? -1 : 1)))
    if (!byDate.has(a.meetingDate)) byDate.set(a.meetingDate, a);
  const s = continuanceAsOf(first.date, [...byDate.keys()], asOf, settings.continuanceBasis);
  return {
    instrumentKey: i.key,
    instrument: i.title,
    registrant: i.registrant ?? null,
    kind: i.kind,
    firstDeadline: first.date,
    firstDeadlineWhy: first.why,
    status: s.status,
    nextDeadline: s.nextDeadline,
    endsOn: s.endsOn,
    periods: s.periods.map((p) => ({
      deadline: p.deadline,
      metBy: p.metBy === null ? null : approvalRef(byDate.get(p.metBy)!),
    })),
  };
}
