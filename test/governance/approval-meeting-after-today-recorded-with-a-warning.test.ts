import { describe, expect, it } from 'vitest';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { todayIso } from '../../src/store/today.js';
import { APPROVALS_HEADER, csv, sharedStoreWith } from './support/storeWithPlan.js';
import { PLAN } from './support/testPlan.js';

// Plan §6–7: an approval counts from its meeting date. A meeting dated after today (2099 typed for
// 2009) is recorded as stated, but the importer is told: what it approves stays pending until then.
describe('an approval whose meeting is dated after today', () => {
  const db = sharedStoreWith([PLAN]);

  it('is recorded, with a warning naming the line and the date; a past meeting gets none', async () => {
    const r = await importApprovals(
      db(),
      'votes.csv',
      csv([
        APPROVALS_HEADER,
        '2003-06-10,board,continuance,plan.txt,,,,6,0,0,4,0,0,yes,yes,,,',
        '2099-06-10,board,continuance,plan.txt,,,,6,0,0,4,0,0,yes,yes,,,',
      ]),
    );
    expect(r.inserted).toBe(2);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('votes.csv:3: meeting_date 2099-06-10 is after today');
    expect(r.warnings[0]).toContain(`(${todayIso()})`);
  });
});
