import {
  type AgreementListing,
  type PortfolioContinuance,
  portfolioContinuance,
} from './agreementContinuance.js';
import { type Approval, type ApprovalRef, approvalOutcome, approvalRef } from './approval.js';
import { continuanceByEvidence, oneYearAfter } from './continuance.js';
import { annualVote } from './continuanceAnnualAlert.js';
import { type ContinuanceDeadlineSource, continuanceDeadlineSource } from './continuanceDeadlineSource.js';
import { AS_STATED, type GovernanceSettings } from './governanceSettings.js';

/** An instrument as continuance sees it. */
export interface ContinuedInstrument {
  readonly key: string;
  readonly kind: 'plan' | 'agreement';
  readonly title: string;
  /** the one Registrant, when the instrument has one (SPEC §2) */
  readonly registrant?: string | null;
  readonly datedAsOf: string | null;
  /** the first deadline its text states, where it states one (edgar/continuanceClause.ts) */
  readonly statedContinuance?: {
    readonly until: string;
    readonly fileName: string;
    readonly line: number;
    readonly text: string;
  } | null;
  /** the day it was adopted (its dated-as-of date, else its earliest effective date) */
  readonly adoptedOn?: string | null;
}

/** Where a first continuance deadline comes from. */
export type FirstDeadlineSource = 'document' | 'rule' | 'setting';

export interface InstrumentContinuance {
  readonly instrumentKey: string;
  readonly instrument: string;
  /** the instrument's one Registrant, or null (its title may name it; a master plan has none) */
  readonly registrant: string | null;
  readonly kind: 'plan' | 'agreement';
  readonly firstDeadline: string;
  readonly firstDeadlineWhy: string;
  /**
   * `document`: the date the instrument's own text states (Plan §7, FOURTEENTH); `rule`: one year
   * after its adoption (Rule 12b-1(b)(3)(i)), its text stating none; `setting`: the date the user
   * set for every instrument of its kind whose text states none
   */
  readonly firstDeadlineSource: FirstDeadlineSource;
  /**
   * A Plan: its own record. An Agreement (continued per Portfolio, FOURTEENTH): `lapsed` only when
   * it lapsed for every Portfolio it lists on the as-of date, else `in force`. `superseded`: an
   * Amended and Restated instrument took its place by the as-of date (`supersededBy`) and it had
   * not lapsed before: it needs no continuance from then on.
   */
  readonly status: 'in force' | 'lapsed' | 'superseded';
  /** the next deadline after the as-of date while in force (an Agreement: its Portfolios' earliest) */
  readonly nextDeadline: string | null;
  /** where the next deadline comes from (continuanceDeadlineSource.ts), and in words; null with it */
  readonly nextDeadlineSource: ContinuanceDeadlineSource | null;
  readonly nextDeadlineWhy: string | null;
  /**
   * The last continuance vote that met a deadline, and the day a year after it (Rule 12b-1(b)(3)(i)
   * "at least annually"; DOMAIN §9 "alert if > 1 year": continuanceAnnualAlert.ts). An Agreement:
   * of the in-force Portfolio whose year runs out first. Null before any.
   */
  readonly lastContinuanceVote: string | null;
  readonly annualVoteBy: string | null;
  /** the first day the instrument is no longer in force (an Agreement: when it lapsed for its last Portfolio) */
  readonly endsOn: string | null;
  /** the deadline whose miss ended it (with `endsOn`), else null */
  readonly missedDeadline: string | null;
  /** the Board's approvals for the instrument as a whole and the deadlines they met, each deadline with its source */
  readonly periods: readonly ContinuanceDeadline[];
  /**
   * An Agreement: each Portfolio it lists (up to the as-of date), with its own deadlines and lapse
   * (FOURTEENTH: "with respect to the Shares of each Portfolio"); a Plan: null (Plan §7 continues
   * the Plan as a whole, "in the manner provided for approval of this Plan in Section 6").
   */
  readonly portfolios: readonly PortfolioContinuance[] | null;
  /** an Agreement: how many of the Portfolios it lists on the as-of date lapsed; a Plan: null */
  readonly lapsedPortfolios: number | null;
  /**
   * The Amended and Restated instrument that restates this one (registry/supersededInstruments.ts)
   * and the day it takes effect (`from`), else null. No deadline on or after `from` is kept: the
   * earlier instrument no longer governs, so it is not continued; a deadline missed before it is
   * still a lapse.
   */
  readonly supersededBy: InstrumentSuccessor | null;
}

/** A continuance deadline, the approval that met it, and where the deadline comes from. */
export interface ContinuanceDeadline {
  readonly deadline: string;
  readonly metBy: ApprovalRef | null;
  readonly deadlineSource: ContinuanceDeadlineSource;
  readonly deadlineWhy: string;
}

/** What superseded an instrument: the restatement's title, its document, and its first day. */
export interface InstrumentSuccessor {
  readonly instrument: string;
  readonly documentId: string;
  readonly file: string;
  readonly from: string;
}

/**
 * The first deadline, per instrument (SPEC §10): the date its own text states (Plan §7 "shall
 * continue in effect until June 30, 2003"; Agreement FOURTEENTH "until June 30, 2004"); else one
 * year after its adoption — Rule 12b-1(b)(3)(i): a plan "may continue in effect for a period of
 * more than one year from the date of its execution or adoption" only if approved at least
 * annually; else (the user's choice) the date set for its kind. A stated date on or before its
 * adoption (a restated text kept unchanged) cannot be met: one year after its adoption instead.
 * @example
 * // a Pioneer plan adopted 2020-01-01 whose excerpt states no date: 2021-01-01, from the Rule
 * firstContinuanceDeadline({ key: 'k', kind: 'plan', title: 'Pioneer', datedAsOf: '2020-01-01' }, DEFAULT_GOVERNANCE_SETTINGS).date === '2021-01-01'
 */
export function firstContinuanceDeadline(
  i: ContinuedInstrument,
  settings: GovernanceSettings,
): { date: string; why: string; source: FirstDeadlineSource } {
  const adopted = i.adoptedOn ?? i.datedAsOf;
  const clause = i.kind === 'plan' ? 'Plan §7' : 'Agreement FOURTEENTH';
  const ruleDefault = (after: string) => ({
    date: oneYearAfter(adopted!),
    why: `Rule 12b-1(b)(3)(i): one year after its adoption ${adopted}${after}`,
    source: 'rule' as const,
  });
  const s = i.statedContinuance ?? null;
  if (s !== null) {
    if (adopted !== null && adopted !== undefined && s.until <= adopted)
      return ruleDefault(
        ` (its text's "${s.text}", ${s.fileName} line ${s.line}, is not after its adoption)`,
      );
    return {
      date: s.until,
      why: `${clause} as its text states it: "${s.text}" (${s.fileName} line ${s.line}), then at least annually`,
      source: 'document',
    };
  }
  const set = i.kind === 'plan' ? settings.planFirstDeadline : settings.agreementFirstDeadline;
  const key = i.kind === 'plan' ? 'continuance.plan-first-deadline' : 'continuance.agreement-first-deadline';
  if (set !== AS_STATED && (adopted === null || adopted === undefined || adopted < set))
    return {
      date: set,
      why: `the setting ${key} (${set}): its text states no date`,
      source: 'setting',
    };
  if (adopted === null || adopted === undefined)
    // not reachable for an imported instrument (every document has an effective date)
    throw new RangeError(`${i.title}: no date of adoption to count its first year from`);
  return ruleDefault(
    set === AS_STATED ? ' (its text states no date)' : ` (later than the setting ${key}, ${set})`,
  );
}

/**
 * Continuance approvals of an instrument as a whole (Plan §7 "in the manner provided for approval
 * of this Plan in Section 6"): the Board's approvals, carried, of its continuance or of the
 * instrument, naming no portfolio or class. An Agreement's Portfolios are continued each on its own
 * (agreementContinuance.ts); these approvals count for every one of them.
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

/**
 * One instrument's continuance as of a date: each deadline, the approval that met it, a lapse. An
 * Agreement's `listings` are the Portfolios its schedules list (FOURTEENTH: continued per Portfolio).
 */
export function instrumentContinuance(
  i: ContinuedInstrument,
  approvals: readonly Approval[],
  settings: GovernanceSettings,
  asOf: string,
  listings: readonly AgreementListing[] = [],
  successor: InstrumentSuccessor | null = null,
): InstrumentContinuance {
  const first = firstContinuanceDeadline(i, settings);
  const until = successor?.from ?? null;
  // superseded by the as-of date and not lapsed before: no continuance is due any more
  const supersededOn = (status: 'in force' | 'lapsed'): InstrumentContinuance['status'] =>
    status === 'in force' && until !== null && until <= asOf ? 'superseded' : status;
  const mine = continuanceApprovals(i, approvals);
  const byDate = new Map<string, Approval>();
  for (const a of [...mine].sort((x, y) => (x.id < y.id ? -1 : 1)))
    if (!byDate.has(a.meetingDate)) byDate.set(a.meetingDate, a);
  const s = continuanceByEvidence(
    first.date,
    [...byDate.keys()].map((d) => ({ on: d, earliest: d })),
    asOf,
    settings.continuanceBasis,
    until,
  );
  const periods = s.periods.map((p) => {
    const from = continuanceDeadlineSource(p.countedFrom, first);
    return {
      deadline: p.deadline,
      metBy: p.metBy === null ? null : approvalRef(byDate.get(p.metBy.on)!),
      deadlineSource: from.source,
      deadlineWhy: from.why,
    };
  });
  const next = s.nextDeadline === null ? null : periods.at(-1)!;
  const vote = annualVote(periods);
  const whole: InstrumentContinuance = {
    instrumentKey: i.key,
    instrument: i.title,
    registrant: i.registrant ?? null,
    kind: i.kind,
    firstDeadline: first.date,
    firstDeadlineWhy: first.why,
    firstDeadlineSource: first.source,
    status: supersededOn(s.status),
    nextDeadline: s.nextDeadline,
    nextDeadlineSource: next?.deadlineSource ?? null,
    nextDeadlineWhy: next?.deadlineWhy ?? null,
    lastContinuanceVote: vote.lastVote,
    annualVoteBy: vote.voteBy,
    endsOn: s.endsOn,
    missedDeadline: s.endsOn === null ? null : s.periods.at(-1)!.deadline,
    periods,
    portfolios: null,
    lapsedPortfolios: null,
    supersededBy: successor,
  };
  if (i.kind !== 'agreement') return whole;
  const portfolios = listings
    .filter((l) => l.listedFrom <= asOf)
    .map((l) => portfolioContinuance(i.key, l, first, approvals, asOf, settings.continuanceBasis, until));
  // the Portfolios listed on the as-of date decide the Agreement's own status
  const current = portfolios.filter((p) => p.lastDay === null || p.lastDay >= asOf);
  if (current.length === 0)
    return {
      ...whole,
      portfolios,
      // superseded: the Portfolios that lapsed before the restatement took effect still lapsed
      lapsedPortfolios:
        until !== null && until <= asOf ? portfolios.filter((p) => p.status === 'lapsed').length : 0,
    };
  const inForce = current.filter((p) => p.status === 'in force');
  const lapsed = current.filter((p) => p.status === 'lapsed');
  const last = lapsed.reduce<(typeof lapsed)[number] | null>(
    (a, p) => (a === null || p.endsOn! > a.endsOn! ? p : a),
    null,
  );
  // the Portfolio whose deadline comes first (ties: the first listed) gives the Agreement's next one
  const soonest = inForce.reduce<(typeof inForce)[number] | null>(
    (a, p) => (a === null || p.nextDeadline! < a.nextDeadline! ? p : a),
    null,
  );
  const soonestPeriod = soonest?.periods.at(-1) ?? null;
  const votes = inForce
    .map((p) => annualVote(p.periods))
    .filter((v) => v.voteBy !== null)
    .sort((a, b) => (a.voteBy! < b.voteBy! ? -1 : a.voteBy! > b.voteBy! ? 1 : 0));
  return {
    ...whole,
    status: inForce.length > 0 ? 'in force' : 'lapsed',
    nextDeadline: soonest?.nextDeadline ?? null,
    nextDeadlineSource: soonestPeriod?.deadlineSource ?? null,
    nextDeadlineWhy: soonestPeriod?.deadlineWhy ?? null,
    lastContinuanceVote: votes[0]?.lastVote ?? null,
    annualVoteBy: votes[0]?.voteBy ?? null,
    endsOn: inForce.length > 0 ? null : last!.endsOn,
    missedDeadline: inForce.length > 0 ? null : last!.periods.at(-1)!.deadline,
    portfolios,
    lapsedPortfolios: lapsed.length,
  };
}
