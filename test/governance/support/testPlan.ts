import type { ExhibitDocument, ScheduleEntry } from '../../../src/edgar/exhibitDocument.js';
import type { Approval } from '../../../src/governance/approval.js';
import type { BoardVote } from '../../../src/governance/boardVote.js';
import type { GovernanceRecords } from '../../../src/governance/governanceRecords.js';
import { DEFAULT_GOVERNANCE_SETTINGS } from '../../../src/governance/governanceSettings.js';
import type { ShareholderVote } from '../../../src/governance/shareholderVote.js';
import type { Termination } from '../../../src/governance/termination.js';
import { instrumentKey, type StoredDocument } from '../../../src/registry/storedDocument.js';

/**
 * A small Class A plan, written by hand, for worked examples (the seeds have no approvals):
 * - the Plan, dated and effective 2002-06-03: Test Growth Fund, Class A, ABSC 0.10 / service 0.25 / aggregate 0.35;
 *   its Section 7, as the AIM plans', "shall continue in effect until June 30, 2003": the first
 *   continuance deadline is the one its text states (SPEC §10);
 * - Amendment No. 1, effective 2005-01-01: raises Test Growth Fund's ABSC to 0.25 (aggregate 0.50), a material increase;
 * - Amendment No. 2, effective 2005-03-01: the same rates, and adds Test Income Fund at 0.10 / 0.25 / 0.35.
 */
const INSTRUMENT = {
  kind: 'plan' as const,
  title: 'Master Distribution Plan of Test Funds (Class A Shares)',
  registrant: 'TEST FUNDS',
  classes: ['A'],
  datedAsOf: '2002-06-03',
};
export const PLAN_KEY = instrumentKey(INSTRUMENT);

const entry = (portfolio: string, absc: string, aggregate: string): ScheduleEntry => ({
  registrant: 'TEST FUNDS',
  portfolio,
  class: 'A',
  assetBasedSalesChargePct: absc,
  assetBasedSalesChargeBound: 'maximum',
  serviceFeePct: '0.25',
  aggregateFeePct: aggregate,
});

function doc(
  kind: ExhibitDocument['kind'],
  amendmentNumber: number | null,
  effectiveDate: string,
  entries: ScheduleEntry[],
): ExhibitDocument {
  return {
    kind,
    title:
      amendmentNumber === null
        ? INSTRUMENT.title
        : `Amendment No. ${amendmentNumber} to the ${INSTRUMENT.title}`,
    exhibit: null,
    instrument: INSTRUMENT,
    amendmentNumber,
    effectiveDate,
    datedDate: effectiveDate,
    terms: { distributionFeePct: null, serviceFeePct: null },
    schedules: [{ name: 'Schedule A', replacesEntirely: true, entries }],
    renames: [],
    renameRules: [],
    footnotes: [],
    warnings: [],
    // Plan §7 as the plan itself words it (edgar/continuanceClause.ts)
    ...(kind === 'plan'
      ? { continuance: { until: '2003-06-30', line: 40, text: 'continue in effect until June 30, 2003' } }
      : {}),
  };
}

export const PLAN: StoredDocument = {
  id: 'a'.repeat(64),
  fileName: 'plan.txt',
  doc: doc('plan', null, '2002-06-03', [entry('Test Growth Fund', '0.10', '0.35')]),
};
export const AMENDMENT_1: StoredDocument = {
  id: 'b'.repeat(64),
  fileName: 'amendment-1.txt',
  doc: doc('plan-amendment', 1, '2005-01-01', [entry('Test Growth Fund', '0.25', '0.50')]),
};
export const AMENDMENT_2: StoredDocument = {
  id: 'c'.repeat(64),
  fileName: 'amendment-2.txt',
  doc: doc('plan-amendment', 2, '2005-03-01', [
    entry('Test Growth Fund', '0.25', '0.50'),
    entry('Test Income Fund', '0.10', '0.35'),
  ]),
};

let seq = 0;

/** A board vote: trustees for/against/absent, Dis-interested for/against/absent, in person, called for the purpose. */
export function boardVote(
  t: [number, number, number],
  d: [number, number, number],
  inPerson = true,
): BoardVote {
  return {
    kind: 'board-vote',
    trusteesInOffice: t[0] + t[1] + t[2],
    trusteesFor: t[0],
    trusteesAgainst: t[1],
    disinterestedInOffice: d[0] + d[1] + d[2],
    disinterestedFor: d[0],
    disinterestedAgainst: d[1],
    inPerson,
    calledForThePurpose: true,
  };
}

export function shareholderVote(outstanding: bigint, present: bigint, forShares: bigint): ShareholderVote {
  // whole shares → 1/10,000ths
  return {
    kind: 'shareholder-vote',
    outstandingUnits: outstanding * 10_000n,
    presentUnits: present * 10_000n,
    forUnits: forShares * 10_000n,
  };
}

export function approval(
  meetingDate: string,
  subject: Approval['subject'],
  document: StoredDocument | null,
  vote: BoardVote | ShareholderVote,
  scope: { portfolioId?: string; portfolioName?: string; class?: string } = {},
): Approval {
  return {
    kind: 'approval',
    id: `approval-${++seq}`,
    meetingDate,
    body: vote.kind === 'board-vote' ? 'board' : 'shareholders',
    subject,
    documentId: document?.id ?? null,
    instrumentKey: PLAN_KEY,
    approvedName: document?.fileName ?? INSTRUMENT.title,
    portfolioId: scope.portfolioId ?? null,
    portfolioName: scope.portfolioName ?? null,
    class: scope.class ?? null,
    vote,
  };
}

/** 9 trustees, 6 of them Dis-interested: 8 for (6 Dis-interested), 1 absent. */
export const BOARD_CARRIES = boardVote([8, 0, 1], [6, 0, 0]);

export function governance(
  approvals: readonly Approval[],
  opts: { enforce?: boolean; terminations?: readonly Termination[]; today?: string } = {},
): GovernanceRecords {
  return {
    settings: { ...DEFAULT_GOVERNANCE_SETTINGS, enforceApprovals: opts.enforce ?? true },
    approvals,
    terminations: opts.terminations ?? [],
    today: opts.today ?? '2026-12-01',
  };
}
