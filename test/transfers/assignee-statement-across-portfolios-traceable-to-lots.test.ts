import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assigneeStatementCsv, assigneeStatementReport } from '../../src/reports/assigneeStatementReport.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { ALPHA, BETA, buildPayeesComplex, FUND, FUND2, SUMMIT } from './payeesComplexFixture.js';

// Issue 10 item 13 (SPEC §8): what a B-share financier needs to check its money — its statement
// across portfolios with the weights used and its DOI-range shares traceable to lots.
describe.each(dialects)('an Assignee statement on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await buildPayeesComplex(db);
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  /**
   * January 2025, FUND: Distribution Fees 30 × 750.00 = 22,500.00; the Distributor's 12b-1 Share
   * 75% = 16,875.00 (the Other Distributor 5,625.00).
   * Alpha's range at the 2024-12-31 count: P1's 300 of Summit's 600 shares (P2's 300 are outside),
   * so its weight is 40% × 300/600 = 20%: 16,875.00 × 20% = 3,375.00.
   * Its CDSC Portion: R1's piece of lot P1 (DOI 2024-02-01, issued by FUND), 50.00 × 50% = 25.00.
   * Total 3,400.00.
   */
  it('Alpha: the 12b-1 Portion from its DOI-range fraction, the lots behind it and the CDSC piece', async () => {
    const s = await assigneeStatementReport(db, ALPHA, '2025-01');
    expect(s.distributor).toBe(SUMMIT);
    expect(s.basis).toBe('open');
    expect(s.lines).toHaveLength(1);
    const l = s.lines[0]!;
    expect([l.portfolio, l.transferId, l.distributionFee, l.distributor12b1Share]).toEqual([
      FUND,
      'A',
      '22500.00',
      '16875.00',
    ]);
    expect(l.segments).toHaveLength(1);
    const g = l.segments[0]!;
    expect([g.distributor12b1Share, g.weightPct, g.exactPortion, g.twelveB1Portion]).toEqual([
      '16875.00',
      '20.00',
      '3375.0000',
      '3375.00',
    ]);
    expect(
      g.periods.map((p) => [
        p.countedOn,
        p.doiRangeShares,
        p.distributorShares,
        p.doiRangeFractionPct,
        p.inForce,
      ]),
    ).toEqual([['2024-12-31', '300.0000', '600.0000', '50.00', true]]);
    expect(l.doiRangeCounts).toEqual([
      {
        countedOn: '2024-12-31',
        distributorShares: '600.0000',
        doiRangeShares: '300.0000',
        lots: [{ doi: '2024-02-01', issuingPortfolio: FUND, shares: '300.0000', lots: 1 }],
      },
    ]);
    expect(l.cdscPieces).toEqual([
      {
        date: '2025-01-15',
        txnId: 'R1',
        lotId: expect.any(String),
        doi: '2024-02-01',
        issuingPortfolio: FUND,
        earnedCdsc: '50.00',
        portionPct: '50.00',
        exactPortion: '25.0000',
      },
    ]);
    expect([l.twelveB1Portion, l.cdscPortion, l.total, l.payTo]).toEqual([
      '3375.00',
      '25.00',
      '3400.00',
      ALPHA,
    ]);
    expect(s.totals).toEqual({
      twelveB1Portion: '3375.00',
      cdscPortion: '25.00',
      total: '3400.00',
      // no restatement of a closed month: nothing adjusted, the payable is the month's 3,400.00
      priorPeriodAdjustments: '0.00',
      payable: '3400.00',
      owedOnToAssignee: '0.00',
    });
  });

  /**
   * Beta holds 10% of every portfolio's 12b-1 Share: FUND 16,875.00 × 10% = 1,687.50; FUND2 (Summit
   * 100%: 30 × 75.00 = 2,250.00) × 10% = 225.00. Total 1,912.50 — the Monthly Calculation's own.
   */
  it('Beta: across portfolios, the same amounts as the Monthly Calculation', async () => {
    const s = await assigneeStatementReport(db, BETA, '2025-01');
    expect(
      s.lines.map((l) => [l.portfolio, l.distributor12b1Share, l.segments[0]!.weightPct, l.twelveB1Portion]),
    ).toEqual(
      [
        [FUND, '16875.00', '10.00', '1687.50'],
        [FUND2, '2250.00', '10.00', '225.00'],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    expect(s.lines.every((l) => l.doiRangeCounts.length === 0 && l.cdscPieces.length === 0)).toBe(true);
    expect(s.totals.total).toBe('1912.50');
    const mc = await monthlyCalculationReport(db, '2025-01');
    const fromMc = mc.portfolios.flatMap((p) => p.assignees.filter((a) => a.assignee === BETA));
    expect(fromMc.map((a) => a.twelveB1Portion).sort()).toEqual(['1687.50', '225.00'].sort());
  });

  it('as CSV: portion, segment, period, lot and cdsc-piece rows, then the total', async () => {
    const text = assigneeStatementCsv(await assigneeStatementReport(db, ALPHA, '2025-01'));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'assignee,month,portfolio,transfer_id,row,from,to,days,distribution_fee,distributor_12b1_share,counted_on,doi,issuing_portfolio,lots,lot_id,txn_id,doi_range_shares,distributor_shares,weight_pct,earned_cdsc,portion_pct,exact_portion,twelve_b1_portion,cdsc_portion,total,pay_to,owed_on_to_assignee,adjusts_month,reported_in',
    );
    expect(lines.slice(1).map((l) => l.split(',')[4])).toEqual([
      'portion',
      'segment',
      'period',
      'lot',
      'cdsc-piece',
      'total',
    ]);
    expect(lines[1]).toMatch(new RegExp(`,portion,.*,3375\\.00,25\\.00,3400\\.00,${ALPHA},0\\.00,,$`));
    expect(lines.at(-1)).toBe(`${ALPHA},2025-01,Total,,total,,,,,,,,,,,,,,,,,,3375.00,25.00,3400.00,,0.00,,`);
  });

  /**
   * December 2024 has no net assets, so no line: the statement still names the Distributor and the
   * payment date — the 10th NYSE business day after December 31: January 2, 3, 6, 7, 8, (9 closed),
   * 10, 13, 14, 15, 16.
   */
  it('a month without a line still names the Distributor and the due date', async () => {
    const s = await assigneeStatementReport(db, ALPHA, '2024-12');
    expect(s).toMatchObject({ lines: [], distributor: SUMMIT, dueDate: '2025-01-16' });
    expect(s.totals.total).toBe('0.00');
  });

  it('an unknown Assignee is refused with the names recorded', async () => {
    await expect(assigneeStatementReport(db, 'Nobody', '2025-01')).rejects.toThrow(/no Transfer names/);
  });
});
