import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { setGovernanceSetting } from '../../src/import/governanceSettingChange.js';
import { boardReportGovernance } from '../../src/reports/boardReportGovernance.js';
import { feesReport } from '../../src/reports/feesReport.js';
import type { Database } from '../../src/store/database.js';
import { continuanceStatus } from '../../src/store/governanceStore.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { APPROVALS_HEADER, boardRow, csv, storeDocuments } from './support/storeWithPlan.js';
import { PLAN } from './support/testPlan.js';

/** The lines as before each named the source of its deadline (that is tested on its own). */
const withoutSource = <L extends { source: string }>(lines: readonly L[]) =>
  lines.map(({ source: _source, ...line }) => line);

// Plan §7: in effect until June 30, 2003, then only while its continuance is approved at least
// annually. Continued on 2003-06-12 and 2004-06-10, but not by 2005-06-30: it lapses, and ends on
// 2005-07-01. Test Growth Fund Class A: ABSC 0.10%, service 0.25%, net assets $1,000,000.00 a day.
//   distribution fee a day = round(1,000,000.00 × 0.10 / 100 / 365, 2) = round(2.7397…, 2) = 2.74
//   service fee a day      = round(1,000,000.00 × 0.25 / 100 / 365, 2) = round(6.8493…, 2) = 6.85
// June 29 and 30 accrue: distribution 2 × 2.74 = 5.48, service 2 × 6.85 = 13.70. July 1: nothing.
describe.each(dialects)('a lapse stops accruals the day after the deadline (%s)', (dialect) => {
  let store: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    store = await freshDatabase(dialect);
    db = await store.open();
    await storeDocuments(db, [PLAN]);
    await importApprovals(
      db,
      'approvals.csv',
      csv([
        APPROVALS_HEADER,
        boardRow('2002-05-20', 'instrument', PLAN.id),
        boardRow('2003-06-12', 'continuance', '', PLAN.doc.instrument.title),
        boardRow('2004-06-10', 'continuance', '', PLAN.doc.instrument.title),
      ]),
    );
    await importNetAssets(
      db,
      'na.csv',
      csv([
        'date,portfolio,class,net_assets',
        '2005-06-29,Test Growth Fund,A,1000000.00',
        '2005-06-30,Test Growth Fund,A,1000000.00',
        '2005-07-01,Test Growth Fund,A,1000000.00',
      ]),
    );
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('continuance shows both deadlines met and the lapse of 2005-06-30', async () => {
    const [plan] = await continuanceStatus(db, '2005-08-01');
    expect(plan).toMatchObject({
      status: 'lapsed',
      firstDeadline: '2003-06-30',
      endsOn: '2005-07-01',
      nextDeadline: null,
    });
    expect(plan!.periods.map((p) => [p.deadline, p.metBy?.meetingDate ?? null])).toEqual([
      ['2003-06-30', '2003-06-12'],
      ['2004-06-30', '2004-06-10'],
      ['2005-06-30', null],
    ]);
  });

  it('the board report reads the votes of a quarter and the continuance deadlines through boardReportGovernance', async () => {
    const votes = await boardReportGovernance.approvalsBetween(db, '2003-04-01', '2003-06-30');
    expect(votes.map((v) => [v.date, v.body, v.approved])).toEqual([
      ['2003-06-12', 'Board of Trustees', true],
    ]);
    expect(withoutSource(await boardReportGovernance.continuanceDeadlines(db, '2005-09-30'))).toEqual([
      {
        instrument: 'Master Distribution Plan of Test Funds (Class A Shares)',
        deadline: '2005-06-30',
        status: 'lapsed; ended 2005-07-01',
      },
    ]);
  });

  it('with enforcement off (the default) the fees run on; with it on they stop on 2005-07-01 and the query says why', async () => {
    const off = await feesReport(db, { from: '2005-06-29', to: '2005-07-01' });
    expect(off.classes.map((c) => [c.month, c.distributionFee, c.serviceFee])).toEqual([
      ['2005-06', '5.48', '13.70'],
      ['2005-07', '2.74', '6.85'],
    ]);
    await setGovernanceSetting(db, 'approvals.enforce', 'true');
    const on = await feesReport(db, { from: '2005-06-29', to: '2005-07-01', daily: true });
    // SPEC §4: no accrual from the lapse, so 2005-07-01 is not an accrued day: no daily line, and
    // July (no accrued day) has no month line — its days and average would count days that owe nothing.
    expect(on.classes.map((c) => [c.month, c.distributionFee, c.serviceFee])).toEqual([
      ['2005-06', '5.48', '13.70'],
    ]);
    expect(on.daily!.map((d) => [d.date, d.distributionFee, d.serviceFee])).toEqual([
      ['2005-06-29', '2.74', '6.85'],
      ['2005-06-30', '2.74', '6.85'],
    ]);
    expect(on.warnings.join('\n')).toMatch(
      /from 2005-07-01: Master Distribution Plan of Test Funds \(Class A Shares\) lapsed: its continuance deadline 2005-06-30 passed without the Board's approval \(Plan §7\)/,
    );
  });

  it('a query of days before the lapse gets no warning of it (only what touches its days)', async () => {
    // enforcement is on from the test before; June 29–30 are before the lapse of 2005-07-01
    const before = await feesReport(db, { from: '2005-06-29', to: '2005-06-30' });
    expect(before.classes.map((c) => [c.month, c.distributionFee, c.serviceFee])).toEqual([
      ['2005-06', '5.48', '13.70'],
    ]);
    expect(before.warnings.join('\n')).not.toMatch(/lapsed/);
    const after = await feesReport(db, { from: '2005-07-01', to: '2005-07-01' });
    expect(after.warnings.join('\n')).toMatch(/from 2005-07-01: .* lapsed/);
  });
});
