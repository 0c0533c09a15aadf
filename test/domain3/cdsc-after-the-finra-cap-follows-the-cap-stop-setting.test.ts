import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { cdscReport } from '../../src/reports/classBCdscReport.js';
import { finraCapReport } from '../../src/reports/finraCapReport.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { ALPHA, buildPayeesComplex, FUND } from '../transfers/payeesComplexFixture.js';

/**
 * DOMAIN §3.4 says a deferred sales charge collected after the FINRA 2341 cap is reached "must be
 * credited to the fund" — marked RECALLED, verify before encoding as a hard rule. The documents do
 * not say it: Agreement FOURTH(D) entitles the Distributor to "the amount of the contingent
 * deferred sales charge that has been subtracted from gross redemption proceeds" with no proviso,
 * where SEVENTH(B) makes only the asset-based sales charge "subject to … the applicable rules of
 * NASD Inc. regarding asset-based sales charges"; SPEC §10 says only that the ABSC stops. So the
 * crediting follows the cap's own setting, PLAN12B_FINRA_CAP_STOP: `stop` (the default) credits
 * the CDSC over the cap to the fund, `warn` pays it as Earned CDSC (FOURTH(D)) and says how much
 * the rule would have credited to the fund.
 *
 * By hand (payeesComplexFixture): FUND class B, R1 on 2025-01-15, CDSC 5% × min(1,000.00,
 * 1,200.00) = 50.00, Summit's; Alpha holds 50% of its Earned CDSC. Gross sales 2025-01 of 480.00:
 * 6.25% × 480.00 = 30.00 of room (a service fee is paid); the first month, so no interest. The
 * CDSC counts first: 30.00 of it, 50.00 − 30.00 = 20.00 collected when nothing remains.
 *   stop: Earned CDSC 50.00 − 20.00 = 30.00; Alpha 50% × 30.00 = 15.00.
 *   warn: Earned CDSC 50.00; Alpha 50% × 50.00 = 25.00; a warning names the 20.00.
 */
describe('a CDSC collected after the FINRA cap is exhausted, by PLAN12B_FINRA_CAP_STOP', () => {
  let tdb: TestDatabase;
  let db: Database;
  const before = process.env.PLAN12B_FINRA_CAP_STOP;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await buildPayeesComplex(db);
    await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2024-12-19,7.50\n'));
    await importGrossSales(
      db,
      'gs.csv',
      Buffer.from(`month,portfolio,class,gross_sales\n2025-01,${FUND},B,480.00\n`),
    );
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.PLAN12B_FINRA_CAP_STOP;
    else process.env.PLAN12B_FINRA_CAP_STOP = before;
    await db.close();
    await tdb.drop();
  });

  it('warn: the whole 50.00 is Earned CDSC, Alpha 25.00, and the 20.00 over the cap is named', async () => {
    process.env.PLAN12B_FINRA_CAP_STOP = 'warn';
    try {
      const mc = await monthlyCalculationReport(db, '2025-01');
      const fund = mc.portfolios.find((p) => p.portfolio === FUND)!;
      expect(fund.earnedCdsc).toBe('50.00');
      expect(fund.assignees.find((a) => a.assignee === ALPHA)!.cdscPortion).toBe('25.00');
      const said = mc.warnings.filter((w) => /after the FINRA 2341 cap was exhausted/.test(w));
      expect(said).toEqual([
        `${FUND} class B: 20.00 of CDSC collected in 2025-01 after the FINRA 2341 cap was exhausted is paid as Earned CDSC (Agreement FOURTH(D); PLAN12B_FINRA_CAP_STOP=warn); FINRA 2341(d)(2) would credit it to the fund`,
      ]);
      // the cap ledger says the same, not that they are credited to the fund
      const cap = await db.transaction((q) => finraCapReport(q, { class: 'B', through: '2025-01' }));
      expect(cap.warnings.filter((w) => w.includes('20.00 of deferred sales charges'))).toEqual([
        `${FUND} class B: 20.00 of deferred sales charges collected after the FINRA cap was exhausted are paid as Earned CDSC (PLAN12B_FINRA_CAP_STOP=warn); FINRA 2341(d)(2) would credit them to the fund`,
      ]);
    } finally {
      delete process.env.PLAN12B_FINRA_CAP_STOP;
    }
  });

  it('the cdsc report still lists the 50.00 collected, and says 20.00 of it is credited to the fund', async () => {
    delete process.env.PLAN12B_FINRA_CAP_STOP;
    const r = await cdscReport(db, '2025-01');
    // the CDSC collected, by the distributor whose term holds the DOI (FOURTH(D))
    expect(r.rows.find((x) => x.portfolio === FUND)!.cdsc).toBe('50.00');
    expect(r.warnings.filter((w) => w.includes('FINRA cap'))).toEqual([
      `${FUND} class B: 20.00 of deferred sales charges collected after the FINRA cap was exhausted are credited to the fund`,
    ]);
  });

  it('stop (the default): 20.00 credited to the fund, 30.00 earned, Alpha 15.00', async () => {
    delete process.env.PLAN12B_FINRA_CAP_STOP;
    const mc = await monthlyCalculationReport(db, '2025-01');
    const fund = mc.portfolios.find((p) => p.portfolio === FUND)!;
    expect(fund.earnedCdsc).toBe('30.00');
    expect(fund.assignees.find((a) => a.assignee === ALPHA)!.cdscPortion).toBe('15.00');
    expect(mc.warnings.filter((w) => /after the FINRA 2341 cap was exhausted/.test(w))).toEqual([
      `${FUND} class B: 20.00 of CDSC collected in 2025-01 after the FINRA 2341 cap was exhausted is credited to the fund, not paid as Earned CDSC`,
    ]);
  });
});
