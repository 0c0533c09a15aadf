import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import type { BoardVote } from '../../src/governance/boardVote.js';
import { independentMajorityDoubt } from '../../src/governance/fundGovernanceStandards.js';
import { approvalRows } from '../../src/reports/approvalsReport.js';
import { boardReport } from '../../src/reports/boardReport.js';
import { boardReportGovernance } from '../../src/reports/boardReportGovernance.js';
import { APPROVALS_HEADER, csv, sharedStoreWith } from './support/storeWithPlan.js';
import { PLAN } from './support/testPlan.js';

// Rule 12b-1(c), Rule 0-1(a)(7) (DOMAIN §1.3, CONFIRMED [S6]): the Fund may rely on Rule 12b-1 only
// while the trustees who are not interested persons are a majority of its board. Worked by hand:
// 9 in office, 4 Dis-interested → 8 ≤ 9, not a majority; 5 → 10 > 9, a majority; 10 in office,
// 5 Dis-interested → exactly half, not a majority.
const vote = (trusteesInOffice: number, disinterestedInOffice: number): BoardVote => ({
  kind: 'board-vote',
  trusteesInOffice,
  trusteesFor: trusteesInOffice,
  trusteesAgainst: 0,
  disinterestedInOffice,
  disinterestedFor: disinterestedInOffice,
  disinterestedAgainst: 0,
  inPerson: true,
  calledForThePurpose: true,
});

describe('a Board whose Dis-interested Trustees are not a majority (Rule 12b-1(c))', () => {
  it('is doubted when they are half or fewer, from the 2001 release on', () => {
    expect(independentMajorityDoubt('2005-06-09', vote(9, 4))).toContain('4 of the 9 trustees in office');
    expect(independentMajorityDoubt('2005-06-09', vote(10, 5))).toContain('5 of the 10 trustees in office');
    expect(independentMajorityDoubt('2005-06-09', vote(9, 5))).toBeNull();
    expect(independentMajorityDoubt('2000-12-01', vote(9, 4))).toBeNull();
  });

  const db = sharedStoreWith([PLAN]);

  it('is recorded as counted, with a warning on import, in approvals list and in the board report', async () => {
    const r = await importApprovals(
      db(),
      'votes.csv',
      csv([
        APPROVALS_HEADER,
        // 9 trustees: 7 for, 2 against; 4 Dis-interested: 3 for, 1 against → carries, but 4 of 9
        '2005-06-09,board,continuance,plan.txt,,,,7,2,0,3,1,0,yes,yes,,,',
        // 9 trustees, 6 Dis-interested → no doubt
        '2004-06-10,board,continuance,plan.txt,,,,8,0,1,6,0,0,yes,yes,,,',
      ]),
    );
    expect(r.inserted).toBe(2);
    expect(r.approved).toBe(2);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('votes.csv:2: ');
    expect(r.warnings[0]).toContain('4 of the 9 trustees in office are Dis-interested Trustees');
    expect(r.warnings[0]).toContain('Rule 12b-1(c)');

    const rows = await approvalRows(db());
    const byDate = new Map(rows.map((row) => [row.meetingDate, row]));
    expect(byDate.get('2005-06-09')?.governanceStandards).toContain('4 of the 9');
    expect(byDate.get('2004-06-10')?.governanceStandards).toBeNull();

    const q2 = await db().transaction((q) => boardReport(q, parseQuarter('2005Q2')!, boardReportGovernance));
    expect(q2.warnings.filter((w) => w.includes('Rule 12b-1(c)'))).toHaveLength(1);
    const q3 = await db().transaction((q) => boardReport(q, parseQuarter('2004Q2')!, boardReportGovernance));
    expect(q3.warnings.filter((w) => w.includes('Rule 12b-1(c)'))).toHaveLength(0);
  });
});
