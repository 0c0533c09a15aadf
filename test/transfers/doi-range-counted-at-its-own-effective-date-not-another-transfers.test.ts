import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import { assigneeStatementReport } from '../../src/reports/assigneeStatementReport.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { ALPHA, BETA, buildPayeesComplex, FUND, SUMMIT } from './payeesComplexFixture.js';

const CASTLE = 'Castle Receivables LLC';

/**
 * SPEC §8: a Transfer limited to a DOI range is counted at ITS effective date, the term end E and
 * every month end — not at the effective date of another Assignee's Transfer.
 *
 * The payees complex (payeesComplexFixture.ts), January 2025: FUND's fee 750.00 a day on the 30
 * days from the 2nd; Summit's 12b-1 Share 75% = 562.50 a day, 16,875.00. Alpha: 40% for DOI
 * 2024-01-01 – 2024-06-30 (P1); Beta: 10% of every portfolio.
 * Castle, added here: 10% of FUND's 12b-1 Share for DOI 2024-09-01 – 2024-09-30 (P2), effective
 * 2025-01-20, after R1 (2025-01-15) took 100 of P1's shares.
 *
 * Counts of Summit's shares:
 *   2024-12-31: P1 300 + P2 300 = 600 → Alpha 300/600 = 50%, Castle 300/600 = 50%.
 *   2025-01-20 (Castle's effective date): P1 200 + P2 300 = 500 → Castle 300/500 = 60%.
 * Alpha is counted only at 2024-12-31 in January: 562.50 × 40% × 50% × 30 days = 3,375.00
 * (were it counted again at Castle's date: 19 days × 112.50 + 11 days × 562.50 × 40% × 40% =
 * 2,137.50 + 990.00 = 3,127.50).
 * Beta: 16,875.00 × 10% = 1,687.50.
 * Castle: 562.50 × 10% × (50% on the 20th + 60% × 11 days, 21st–31st) = 56.25 × 7.1 = 399.375.
 * Summit keeps 16,875.00 − 3,375.00 − 1,687.50 − 399.375 = 11,413.125. Largest remainder at the
 * cent: 11,413.12 / 3,375.00 / 1,687.50 / 399.37 leave a cent; Summit's and Castle's remainders
 * tie at ½ and it goes to the party listed first, Summit: 11,413.13 and 399.37.
 */
describe.each(dialects)('a DOI-range Transfer counted at its own effective date on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await buildPayeesComplex(db);
    await importTransfers(
      db,
      'castle.csv',
      Buffer.from(
        [
          'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
          `C,${CASTLE},"5 Tower Road, Dover, DE",${FUND},10,,2024-09-01,2024-09-30,2025-01-20,2025-01-20,direct,`,
        ].join('\n'),
      ),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('another Transfer’s effective date does not move Alpha’s 12b-1 Portion', async () => {
    const report = await monthlyCalculationReport(db, '2025-01');
    const mc = report.portfolios.find((p) => p.portfolio === FUND)!;
    expect(mc.distributor).toBe(SUMMIT);
    expect(mc.distributor12b1Share).toBe('16875.00');
    expect(mc.assignees.map((a) => [a.assignee, a.twelveB1Portion])).toEqual([
      [ALPHA, '3375.00'],
      [BETA, '1687.50'],
      [CASTLE, '399.37'],
    ]);
    expect(mc.distributor12b1Portion).toBe('11413.13');
  });

  it('each statement lists only the counts of its own Transfer', async () => {
    const alpha = (await assigneeStatementReport(db, ALPHA, '2025-01')).lines[0]!;
    expect(alpha.doiRangeCounts.map((c) => c.countedOn)).toEqual(['2024-12-31']);
    expect(alpha.segments[0]!.periods.map((p) => [p.from, p.to, p.countedOn, p.doiRangeFractionPct])).toEqual(
      [['2025-01-02', '2025-01-31', '2024-12-31', '50.00']],
    );
    const castle = (await assigneeStatementReport(db, CASTLE, '2025-01')).lines[0]!;
    expect(castle.doiRangeCounts.map((c) => [c.countedOn, c.doiRangeShares, c.distributorShares])).toEqual([
      ['2024-12-31', '300.0000', '600.0000'],
      ['2025-01-20', '300.0000', '500.0000'],
    ]);
    expect(
      castle.segments[0]!.periods.map((p) => [p.from, p.to, p.countedOn, p.doiRangeFractionPct]),
    ).toEqual([
      ['2025-01-02', '2025-01-19', '2024-12-31', '0'],
      ['2025-01-20', '2025-01-20', '2024-12-31', '50.00'],
      ['2025-01-21', '2025-01-31', '2025-01-20', '60.00'],
    ]);
    expect(castle.twelveB1Portion).toBe('399.37');
  });
});
