import { describe, expect, it } from 'vitest';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { continuanceStatus } from '../../src/store/governanceStore.js';
import { APPROVALS_HEADER, csv, sharedStoreWith } from './support/storeWithPlan.js';
import { PLAN } from './support/testPlan.js';

// docs/FORMATS.md: "A shareholder vote on continuance (FOURTEENTH (a)(ii)) is recorded but not
// counted toward a deadline." It could not be recorded at all: a shareholder vote must name its
// portfolio and class (Rule 12b-1(g)), and a continuance row naming them was refused. The Board's
// continuance of a Plan is of the Plan as a whole (Plan §7: "in the manner provided for approval of
// this Plan in Section 6"); an Agreement's is per Portfolio (FOURTEENTH: see
// agreement-continuance-per-portfolio*.test.ts, where the shareholders' vote does count).
describe('a shareholder vote on continuance is recorded, and counts toward no deadline', () => {
  const db = sharedStoreWith([PLAN]);

  it('Test Growth Fund Class A votes on 2003-06-12 (60 of 100 present, 50 for): recorded, carried; the Plan still lapses after 2003-06-30', async () => {
    // 60 × 2 = 120 > 100: more than 50% present; 50 × 100 = 5,000 ≥ 60 × 67 = 4,020: carried by (A)
    const r = await importApprovals(
      db(),
      'sh.csv',
      csv([
        APPROVALS_HEADER,
        '2003-06-12,shareholders,continuance,plan.txt,,Test Growth Fund,A,,,,,,,,,100,60,50',
      ]),
    );
    expect(r).toMatchObject({ inserted: 1, approved: 1, notApproved: 0 });
    const [plan] = await continuanceStatus(db(), '2003-08-01');
    expect(plan).toMatchObject({ status: 'lapsed', endsOn: '2003-07-01' });
    // the deadline its Plan §7 states (document), met by nothing
    expect(
      plan!.periods.map((p) => ({ deadline: p.deadline, metBy: p.metBy, source: p.deadlineSource })),
    ).toEqual([{ deadline: '2003-06-30', metBy: null, source: 'document' }]);
  });

  it("the Board's continuance of a Plan still names neither portfolio nor class", async () => {
    const row = '2003-06-12,board,continuance,plan.txt,,Test Growth Fund,A,8,0,1,6,0,0,yes,yes,,,';
    await expect(importApprovals(db(), 'board.csv', csv([APPROVALS_HEADER, row]))).rejects.toThrow(
      /the Board's continuance of a Plan is recorded for the Plan as a whole/,
    );
  });
});
