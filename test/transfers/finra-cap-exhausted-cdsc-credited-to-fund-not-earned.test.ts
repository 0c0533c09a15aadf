import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { feesReport } from '../../src/reports/feesReport.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { ALPHA, buildPayeesComplex, FUND } from './payeesComplexFixture.js';

/**
 * FINRA Rule 2341(d)(2) (issue 12 item 6; SPEC §10): a CDSC collected while the cap is exhausted
 * is credited to the fund — it is not the Distributor's Earned CDSC, nor an Assignee's portion.
 *
 * The payees complex (payeesComplexFixture): FUND class B, January 2025, R1 on 2025-01-15 with a
 * CDSC of 50.00 (lot P1, earned by Summit; Alpha takes 50% of it). Its cap ledger starts in
 * January with gross sales of 480.00: 6.25% (a service fee is paid) = 30.00 of room. The CDSC is
 * counted first, 30.00 of its 50.00: the other 20.00 is credited to the fund, and no room is left
 * for the asset-based sales charge (30 days × 750.00 = 22,500.00, all cut).
 *   Earned CDSC 50.00 − 20.00 = 30.00; Alpha's CDSC Portion 50% × 30.00 = 15.00 (was 25.00).
 */
describe.each(dialects)('the FINRA cap exhausted: CDSC credited to the fund, on %s', (dialect) => {
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

  it('before any gross sales: no ledger, the whole 50.00 is Earned CDSC and Alpha gets 25.00', async () => {
    const mc = await monthlyCalculationReport(db, '2025-01');
    const fund = mc.portfolios.find((p) => p.portfolio === FUND)!;
    expect(fund.earnedCdsc).toBe('50.00');
    expect(fund.assignees.find((a) => a.assignee === ALPHA)!.cdscPortion).toBe('25.00');
  });

  it('with the cap exhausted by the CDSC itself: 20.00 to the fund, 30.00 earned, Alpha 15.00', async () => {
    await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2024-12-19,7.50\n'));
    await importGrossSales(
      db,
      'gs.csv',
      Buffer.from(`month,portfolio,class,gross_sales\n2025-01,${FUND},B,480.00\n`),
    );
    const fees = await db.transaction((q) =>
      feesReport(q, { from: '2025-01-01', to: '2025-01-31', portfolio: FUND, class: 'B' }),
    );
    expect(fees.classes[0]).toMatchObject({ distributionFee: '0.00', serviceFee: '7500.00' });

    const mc = await monthlyCalculationReport(db, '2025-01');
    const fund = mc.portfolios.find((p) => p.portfolio === FUND)!;
    expect(fund.distributionFee).toBe('0.00');
    expect(fund.earnedCdsc).toBe('30.00');
    expect(fund.assignees.find((a) => a.assignee === ALPHA)!.cdscPortion).toBe('15.00');
    expect(mc.warnings.join('\n')).toMatch(/20\.00 of CDSC collected in 2025-01 .* credited to the fund/);
  });
});
