import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { terminateOnAssignment } from '../../src/import/providerTerminations.js';
import { providerStatementCsv } from '../../src/reports/providerStatement.js';
import {
  paymentLines,
  paymentsTotal,
  type ServiceFeesReport,
  serviceFeesReport,
} from '../../src/reports/serviceFeesReport.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { buildPayeesComplex, FUND, netAssetsRows } from '../transfers/payeesComplexFixture.js';

/**
 * SPEC §12: a restatement of a closed month is split "among the same parties as the original
 * amounts (… each service provider)". Dealer DLR-1's agreement is assigned on Saturday 2025-02-01
 * (Plan §10(b): it terminates that day, so it earns nothing in February); January is closed; then
 * its customers' assets of Wednesday 2025-01-15 are restated 10,000,000.00 → 20,000,000.00.
 * January's fee that day was 10,000,000.00 × 0.25% / 365 = 68.4931… → 68.49; restated
 * 20,000,000.00 × 0.25% / 365 = 136.9863… → 136.99; the dealer is owed 68.50 more, which
 * February's statement and payments file must carry although its agreement has ended.
 */
describe('a prior-period adjustment reaches a provider whose agreement has since ended', () => {
  let tdb: TestDatabase;
  let db: Database;
  let feb: ServiceFeesReport;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await buildPayeesComplex(db);
    await terminateOnAssignment(db, { providerId: 'DLR-1', date: '2025-02-01', assignedTo: 'Acme' });
    await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS);
    await importProviderAssets(
      db,
      'fix-pa.csv',
      Buffer.from(`date,provider,portfolio,class,net_assets\n2025-01-15,DLR-1,${FUND},B,20000000.00`),
      { restate: true },
    );
    await importNetAssets(
      db,
      'na-2025-02.csv',
      netAssetsRows('2025-02-03', '2025-02-28', { [FUND]: '36500000.00' }),
    );
    feb = await serviceFeesReport(db, '2025-02');
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('lists the dealer with no fees of its own this month and pays it the adjustment', () => {
    const dealer = feb.providers.find((p) => p.id === 'DLR-1');
    expect(dealer).toMatchObject({ amount: '0.00', classes: [], terminationEffective: '2025-02-01' });
    expect(feb.priorPeriodAdjustments!.providers).toMatchObject([
      { providerId: 'DLR-1', month: '2025-01', difference: '68.50' },
    ]);
    expect(paymentLines(feb)).toEqual([
      {
        provider_id: 'DLR-1',
        name: 'Granite Securities',
        kind: 'dealer',
        month: '2025-02',
        amount: '68.50',
        pay_date: feb.paymentDate,
      },
    ]);
    // the CLI's "N payments totalling X" line: what the file pays, not the month's fees (0.00)
    expect(paymentsTotal(feb)).toBe('68.50');
    expect(providerStatementCsv(feb, dealer!)).toContain(
      'DLR-1,Granite Securities,2025-02,Total due,,,,,68.50,,,',
    );
  });
});
