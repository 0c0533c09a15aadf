import { formatShareUnits } from '../class-b/shareUnits.js';
import { approvalOutcome } from '../governance/approval.js';
import { independentMajorityDoubt } from '../governance/fundGovernanceStandards.js';
import { loadApprovals } from '../store/approvalsRepository.js';
import type { Queryable } from '../store/database.js';

/**
 * `plan12b approvals list` (SPEC §10; Plan §§5–6, 1940 Act §2(a)(42)): every recorded approval and
 * vote, in meeting order, with the vote as counted and its outcome in words. The CLI and the API
 * answer with these rows.
 */
export async function approvalRows(q: Queryable) {
  const list = await loadApprovals(q);
  return list.map((a) => {
    const o = approvalOutcome(a.vote, a);
    const v = a.vote;
    return {
      id: a.id,
      meetingDate: a.meetingDate,
      body: a.body,
      subject: a.subject,
      approved: a.approvedName,
      portfolio: a.portfolioName,
      class: a.class,
      carried: o.approved,
      ...(v.kind === 'board-vote'
        ? {
            trusteesFor: v.trusteesFor,
            trusteesAgainst: v.trusteesAgainst,
            trusteesAbsent: v.trusteesInOffice - v.trusteesFor - v.trusteesAgainst,
            disinterestedFor: v.disinterestedFor,
            disinterestedAgainst: v.disinterestedAgainst,
            disinterestedAbsent: v.disinterestedInOffice - v.disinterestedFor - v.disinterestedAgainst,
            inPerson: v.inPerson,
            calledForThePurpose: v.calledForThePurpose,
          }
        : {
            sharesOutstanding: formatShareUnits(v.outstandingUnits),
            sharesPresent: formatShareUnits(v.presentUnits),
            sharesFor: formatShareUnits(v.forUnits),
          }),
      outcome: o.outcome,
      // Rule 12b-1(c): whether the Board's own make-up lets the Fund rely on the Rule (null: no doubt)
      governanceStandards: v.kind === 'board-vote' ? independentMajorityDoubt(a.meetingDate, v) : null,
    };
  });
}

export type ApprovalRow = Awaited<ReturnType<typeof approvalRows>>[number];

/** `plan12b approvals list --csv` (and the API's format=csv): one line per vote. */
export const APPROVAL_CSV_COLUMNS = [
  'meetingDate',
  'body',
  'subject',
  'approved',
  'portfolio',
  'class',
  'carried',
  'trusteesFor',
  'trusteesAgainst',
  'trusteesAbsent',
  'disinterestedFor',
  'disinterestedAgainst',
  'disinterestedAbsent',
  'inPerson',
  'calledForThePurpose',
  'sharesOutstanding',
  'sharesPresent',
  'sharesFor',
  'outcome',
  'id',
] as const;
