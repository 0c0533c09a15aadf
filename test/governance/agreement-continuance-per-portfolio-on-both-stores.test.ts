import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { setGovernanceSetting } from '../../src/import/governanceSettingChange.js';
import { boardReportGovernance } from '../../src/reports/boardReportGovernance.js';
import { continuanceCsvRows, continuanceReport } from '../../src/reports/continuanceReport.js';
import { feesReport } from '../../src/reports/feesReport.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { continuanceStatus } from '../../src/store/governanceStore.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { APPROVALS_HEADER, boardRow, csv, storeDocuments } from './support/storeWithPlan.js';
import { AGREEMENT } from './support/testAgreement.js';
import { PLAN } from './support/testPlan.js';

/** The lines as before each named the source of its deadline (that is tested on its own). */
const withoutSource = <L extends { source: string }>(lines: readonly L[]) =>
  lines.map(({ source: _source, ...line }) => line);

// Agreement FOURTEENTH, per Portfolio, through the approvals feed and the store. The Board
// continued the whole Agreement on 2004-06-10 (both Portfolios to 2005-06-30). Then the Board
// continues Test Value Fund on 2005-06-09 (naming it: refused before, exit 65); Test Energy Fund's
// Class B shareholders vote on 2005-06-01 (1,000 outstanding, 600 present, 402 for: 402 × 100 =
// 40,200 ≥ 600 × 67 = 40,200, carried by (A)) and the Dis-interested Trustees on 2005-06-09 (4 of
// 6 for, while the Board fails 4 of 9): (a)(ii) with (b). Both continue to 2006-06-30.
const AG = AGREEMENT.doc.instrument.title;
const row = (date: string, body: string, portfolio: string, votes: string) =>
  `${date},${body},continuance,,${AG},${portfolio},${portfolio === '' ? '' : 'B'},${votes}`;
const CARRIES = '8,0,1,6,0,0,yes,yes,,,';
const ONLY_DISINTERESTED = '4,5,0,4,2,0,yes,yes,,,';
// Test Energy Fund Class B, net assets $730,000.00 (SEVENTH(B) 0.75%, TENTH 0.25%):
//   distribution fee a day = round(730,000.00 × 0.75 / 100 / 365, 2) = round(15.00, 2) = 15.00
//   service fee a day      = round(730,000.00 × 0.25 / 100 / 365, 2) = round(5.00, 2)  = 5.00

describe.each(dialects)('Agreement continuance per Portfolio through the store (%s)', (dialect) => {
  let store: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    store = await freshDatabase(dialect);
    db = await store.open();
    await storeDocuments(db, [PLAN, AGREEMENT]);
    await importApprovals(
      db,
      'approvals.csv',
      csv([
        APPROVALS_HEADER,
        boardRow('2003-08-01', 'instrument', AGREEMENT.id),
        boardRow('2004-06-10', 'continuance', '', AG),
      ]),
    );
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('a Board continuance naming one Portfolio of the Agreement is recorded; one naming a Plan’s portfolio is still refused (Plan §7)', async () => {
    const r = await importApprovals(
      db,
      'portfolios.csv',
      csv([
        APPROVALS_HEADER,
        row('2005-06-09', 'board', 'Test Value Fund', CARRIES),
        row('2005-06-01', 'shareholders', 'Test Energy Fund', ',,,,,,,,1000,600,402'),
        row('2005-06-09', 'board', 'Test Energy Fund', ONLY_DISINTERESTED),
      ]),
    );
    expect(r).toMatchObject({ inserted: 3, approved: 2, notApproved: 1 });
    const plan = `2005-06-09,board,continuance,,${PLAN.doc.instrument.title},Test Growth Fund,A,${CARRIES}`;
    await expect(importApprovals(db, 'plan.csv', csv([APPROVALS_HEADER, plan]))).rejects.toThrow(
      /the Board's continuance of a Plan is recorded for the Plan as a whole \(Plan §7\)/,
    );
    // the audit record of the import names the Portfolios' continuance votes
    const last = (await loadAuditLog(db)).filter((a) => a.action === 'approvals.import').at(-1)!;
    expect(last.detail).toContain(
      'continuance votes naming a portfolio: Test Value Fund (board 2005-06-09), Test Energy Fund (shareholders 2005-06-01), Test Energy Fund (board 2005-06-09)',
    );
  });

  it('on 2005-08-01 both Portfolios continue to 2006-06-30, each by its own votes', async () => {
    const c = (await continuanceStatus(db, '2005-08-01')).find((x) => x.kind === 'agreement')!;
    expect(c).toMatchObject({ status: 'in force', nextDeadline: '2006-06-30', lapsedPortfolios: 0 });
    expect(
      c.portfolios!.map((p) => [
        p.portfolio,
        p.nextDeadline,
        p.periods[1]!.metBy!.body,
        p.periods[1]!.disinterestedTrustees?.meetingDate ?? null,
      ]),
    ).toEqual([
      ['Test Energy Fund', '2006-06-30', 'shareholders', '2005-06-09'],
      ['Test Value Fund', '2006-06-30', 'board', null],
    ]);
  });

  it('on 2006-08-01, with only Test Value Fund continued again (2006-06-08), Test Energy Fund alone lapsed: flagged in the report, the CSV and the board report; its fees unchanged', async () => {
    await importApprovals(
      db,
      'y2006.csv',
      csv([APPROVALS_HEADER, row('2006-06-08', 'board', 'Test Value Fund', CARRIES)]),
    );
    const report = await continuanceReport(db, '2006-08-01');
    const ag = report.instruments.find((x) => x.kind === 'agreement')!;
    expect(ag.portfolios!.map((p) => [p.portfolio, p.status, p.endsOn])).toEqual([
      ['Test Energy Fund', 'lapsed', '2006-07-01'],
      ['Test Value Fund', 'in force', null],
    ]);
    expect(report.warnings.filter((w) => w.startsWith(AG))).toEqual([
      `${AG} lapsed for 1 of its 2 portfolios (Test Energy Fund): no continuance approval for it on or before 2006-06-30 (FOURTEENTH: by the Board, or by the Portfolio's Class B shareholders with a majority of the Dis-interested Trustees); it ends for it on 2006-07-01 (approvals.enforce is false: fees are not stopped)`,
    ]);
    expect(continuanceCsvRows(report).find((x) => x.kind === 'agreement')).toMatchObject({
      status: 'in force',
      nextDeadline: '2007-06-30',
      portfolios: 2,
      portfoliosLapsed: 1,
    });
    expect(withoutSource(await boardReportGovernance.continuanceDeadlines(db, '2006-09-30'))).toEqual(
      expect.arrayContaining([
        { instrument: `${AG}: Test Energy Fund`, deadline: '2006-06-30', status: 'lapsed; ended 2006-07-01' },
        { instrument: `${AG}: Test Value Fund`, deadline: '2007-06-30', status: 'due' },
      ]),
    );
  });

  it('with approvals enforced, Test Energy Fund Class B still accrues 15.00 + 5.00 a day after the lapse (FIFTEENTH(B))', async () => {
    await setGovernanceSetting(db, 'approvals.enforce', 'true');
    await importNetAssets(
      db,
      'na.csv',
      csv([
        'date,portfolio,class,net_assets',
        '2006-06-30,Test Energy Fund,B,730000.00',
        '2006-07-03,Test Energy Fund,B,730000.00',
      ]),
    );
    // 2006-06-30 (Fri) to 2006-07-02 (Sun) carry the 06-30 row; 07-03 its own: 4 days
    const r = await feesReport(db, { from: '2006-06-30', to: '2006-07-03' });
    const rows = r.classes.filter((x) => x.portfolio === 'Test Energy Fund');
    expect(rows.map((x) => [x.month, x.days, x.distributionFee, x.serviceFee])).toEqual([
      ['2006-06', 1, '15.00', '5.00'],
      ['2006-07', 3, '45.00', '15.00'],
    ]);
  });
});
