import type { ScheduleEntry } from '../../../src/edgar/exhibitDocument.js';
import type { Approval } from '../../../src/governance/approval.js';
import type { BoardVote } from '../../../src/governance/boardVote.js';
import type { ShareholderVote } from '../../../src/governance/shareholderVote.js';
import { instrumentKey, type StoredDocument } from '../../../src/registry/storedDocument.js';
import { boardVote, shareholderVote } from './testPlan.js';

/**
 * A small Class B Master Distribution Agreement, written by hand, made as of 2003-08-18 (as the
 * seed's): Schedule A-1 lists Test Value Fund and Test Energy Fund, Class B, at the terms' 0.75%
 * distribution fee (SEVENTH(B)) and 0.25% service fee (TENTH). First continuance deadline:
 * 2004-06-30, as its FOURTEENTH states ("shall continue in force and effect until June 30, 2004").
 */
export const AGREEMENT_REF = {
  kind: 'agreement' as const,
  title: 'Master Distribution Agreement of Test Funds (Class B Shares)',
  registrant: null,
  classes: ['B'],
  datedAsOf: '2003-08-18',
};
export const AGREEMENT_KEY = instrumentKey(AGREEMENT_REF);

const listed = (portfolio: string): ScheduleEntry => ({
  registrant: 'TEST FUNDS',
  portfolio,
  class: 'B',
  assetBasedSalesChargePct: null,
  assetBasedSalesChargeBound: null,
  serviceFeePct: null,
  aggregateFeePct: null,
});

export const AGREEMENT: StoredDocument = {
  id: 'f'.repeat(64),
  fileName: 'agreement.txt',
  doc: {
    kind: 'agreement',
    title: AGREEMENT_REF.title,
    exhibit: null,
    instrument: AGREEMENT_REF,
    amendmentNumber: null,
    effectiveDate: '2003-08-18',
    datedDate: '2003-08-18',
    terms: { distributionFeePct: '0.75', serviceFeePct: '0.25' },
    schedules: [
      {
        name: 'Schedule A-1',
        replacesEntirely: false,
        entries: [listed('Test Value Fund'), listed('Test Energy Fund')],
      },
    ],
    renames: [],
    renameRules: [],
    footnotes: [],
    warnings: [],
    continuance: { until: '2004-06-30', line: 120, text: 'continue in force and effect until June 30, 2004' },
  },
};

/** 9 trustees (6 Dis-interested): 8 for, 6 Dis-interested for — carried (FOURTEENTH (a)(i) and (b)). */
export const BOARD_CARRIES: BoardVote = boardVote([8, 0, 1], [6, 0, 0]);
/**
 * 9 trustees: 4 for, 5 against (4 × 2 = 8 ≤ 9: no majority of the Board); of the 6 Dis-interested,
 * 4 for (4 × 2 = 8 > 6: a majority of them) — FOURTEENTH (b) holds, (a)(i) does not.
 */
export const ONLY_DISINTERESTED: BoardVote = boardVote([4, 5, 0], [4, 2, 0]);
/** 1,000 outstanding, 600 present, 402 for: 600 × 2 > 1,000 and 402 × 100 = 40,200 ≥ 600 × 67 = 40,200 — carried by (A). */
export const SHAREHOLDERS_CARRY: ShareholderVote = shareholderVote(1000n, 600n, 402n);
/** 401 for: 40,100 < 40,200, and 401 × 2 = 802 ≤ 1,000 — not carried. */
export const SHAREHOLDERS_FAIL: ShareholderVote = shareholderVote(1000n, 600n, 401n);

let seq = 0;
/** An approval of the Agreement: its continuance (or the Agreement), for every portfolio or one. */
export function agreementApproval(
  meetingDate: string,
  vote: BoardVote | ShareholderVote,
  portfolio: { id: string; name: string } | null = null,
  subject: Approval['subject'] = 'continuance',
): Approval {
  return {
    kind: 'approval',
    id: `agreement-approval-${String(++seq).padStart(4, '0')}`,
    meetingDate,
    body: vote.kind === 'board-vote' ? 'board' : 'shareholders',
    subject,
    documentId: subject === 'instrument' ? AGREEMENT.id : null,
    instrumentKey: AGREEMENT_KEY,
    approvedName: AGREEMENT_REF.title,
    portfolioId: portfolio?.id ?? null,
    portfolioName: portfolio?.name ?? null,
    class: portfolio === null ? null : 'B',
    vote,
  };
}
