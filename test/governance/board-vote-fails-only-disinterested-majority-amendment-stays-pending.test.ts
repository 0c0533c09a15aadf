import { describe, expect, it } from 'vitest';
import { approvalOutcome } from '../../src/governance/approval.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { approvedAndContinued } from './support/continued.js';
import { AMENDMENT_2, approval, boardVote, governance, PLAN } from './support/testPlan.js';

// Plan §6: a majority of the trustees AND a majority of the Dis-interested Trustees, in person.
// 9 trustees, 6 of them Dis-interested. For: 6 trustees, of whom 3 Dis-interested; against: 3, all
// Dis-interested. Trustees: 6 × 2 = 12 > 9, a majority. Dis-interested: 3 × 2 = 6, not more than 6.
describe('a board vote that fails only the Dis-interested majority', () => {
  const vote = boardVote([6, 3, 0], [3, 3, 0]);

  it('does not carry, and the only reason is the Dis-interested Trustees', () => {
    const o = approvalOutcome(vote);
    expect(o.approved).toBe(false);
    expect(o.outcome).toBe(
      'not approved: 3 of 6 Dis-interested Trustees for is not a majority of the Dis-interested Trustees',
    );
  });

  it('leaves the amendment pending, with the failed vote as the reason', () => {
    const docs = [PLAN, AMENDMENT_2];
    const approvals = [...approvedAndContinued(2005), approval('2005-02-15', 'amendment', AMENDMENT_2, vote)];
    const r = buildRegistry(docs, [], governance(approvals, { today: '2005-12-31' }));
    const income = r.identities.resolve('Test Income Fund')!;
    expect(r.governingOn(income, 'A', '2005-06-01')).toBeUndefined();
    const pending = r.pending.find((p) => p.portfolioId === income)!;
    expect(pending.reason).toMatch(
      /the Board's vote of 2005-02-15 did not approve it .*3 of 6 Dis-interested Trustees for is not a majority/,
    );
  });

  it('one more Dis-interested Trustee for (4 of 6: 8 > 6) carries it', () => {
    expect(approvalOutcome(boardVote([7, 2, 0], [4, 2, 0])).approved).toBe(true);
  });
});
