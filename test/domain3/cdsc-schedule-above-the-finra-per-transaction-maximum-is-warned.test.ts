import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { buildPayeesComplex, FUND, FUND2 } from '../transfers/payeesComplexFixture.js';

/**
 * DOMAIN §3.4 (RECALLED): for a fund with an asset-based sales charge the front-end or deferred
 * sales charge of one transaction may not exceed 6.25% of the amount invested where a service fee
 * is paid (7.25% where none is). Class B pays one (Agreement TENTH, 0.25%), and plan12b's CDSC is
 * a rate times at most the cost given up (SPEC §6), so a CDSC schedule year above 6.25% can charge
 * more than 6.25% of the amount invested. RECALLED, so a warning: the schedule is recorded as the
 * prospectus states it (Agreement FOURTH(A)).
 *   7-6-5-4-3-2-1: year 1's 7.00% > 6.25% → one warning; year 2's 6.00% ≤ 6.25%.
 *   6.25-5-4-3-2-1: 6.25% is the maximum itself, not above it → no warning.
 */
describe('a CDSC schedule above the FINRA per-transaction maximum', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await buildPayeesComplex(db);
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('is recorded, with a warning naming the year and the rate', async () => {
    const r = await importClassBTerms(
      db,
      'terms.csv',
      Buffer.from(
        [
          'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days',
          `cdsc-schedule,${FUND},2025-01-01,,"7,6,5,4,3,2,1",,,`,
          `cdsc-schedule,${FUND2},2025-01-01,,"6.25,5,4,3,2,1",,,`,
        ].join('\n'),
      ),
    );
    expect(r.inserted).toBe(2);
    expect(r.warnings).toEqual([
      `terms.csv:2: the CDSC schedule of ${FUND} (DOI from 2025-01-01) charges 7.00% in year 1, above 6.25% of the amount invested, the most FINRA 2341(d)(2) allows on one transaction of a fund with an asset-based sales charge and a service fee (DOMAIN §3.4, RECALLED): recorded as stated`,
    ]);
  });
});
