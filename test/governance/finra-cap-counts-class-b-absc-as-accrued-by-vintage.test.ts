import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { feesReport } from '../../src/reports/feesReport.js';
import { finraCapReport } from '../../src/reports/finraCapReport.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable, seedsDir } from '../support/seeds.js';

const AGREEMENT = '003_1b015b91f472160a.txt'; // Class B Agreement: SEVENTH(B) 0.75%, TENTH 0.25%
const BLUE_CHIP = 'AIM Blue Chip Fund';

/**
 * FINRA 2341 cap (SPEC §10) meets EIGHTH(E): the cap must count the ABSC the class actually
 * accrues — by vintage — not the ABSC at the reduced rate on every share.
 *
 * AIM Blue Chip Fund Class B: 100,000 shares bought 2025-06-02, 50,000 on 2025-07-01; net assets
 * $1,500,000.00 in July; the Board lowers the distribution fee 0.75% → 0.50% from 2025-07-01.
 * By vintage (EIGHTH(E)) July accrues 30.82 on July 1 (every share pre-reduction, 0.75%) and
 * 27.40 a day from July 2 (docs/FORMATS.md "Class B vintages"): 852.82 for the month.
 * Gross sales July 2025: 8,000.00 → cap 6.25% (a service fee is paid) = 500.00; opening 0.
 *   July 1: 30.82 (469.18 left); July 2–18: 17 × 27.40 = 465.80 (3.38 left);
 *   July 19 pays the 3.38 left: exhausted on 2025-07-19; nothing from July 20.
 *   Allowed 30.82 + 465.80 + 3.38 = 500.00; not accrued 852.82 − 500.00 = 352.82.
 * (Counting the plain 0.50% accrual, 20.55 a day, would exhaust it only on 2025-07-25 and leave
 * the vintage excess accruing after it.)
 */
describe.skipIf(!seedsAvailable)('the FINRA cap counts the Class B ABSC as accrued by vintage', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(db, [{ fileName: AGREEMENT, bytes: readFileSync(join(seedsDir, AGREEMENT)) }]);
    await importAccounts(
      db,
      'accounts.csv',
      Buffer.from('account,omnibus,dealer_of_record\nA1,no,Dealer One\nA2,no,Dealer Two\n'),
    );
    await importTransactions(
      db,
      'transactions.csv',
      Buffer.from(
        [
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          `2025-06-02,T-1,A1,${BLUE_CHIP},B,purchase,100000.0000,10.0000,,`,
          `2025-07-01,T-2,A2,${BLUE_CHIP},B,purchase,50000.0000,10.0000,,`,
        ].join('\n'),
      ),
    );
    const rows = ['date,portfolio,class,net_assets'];
    for (const d of businessDaysBetween('2025-06-02', '2025-07-31'))
      rows.push(`${d},${BLUE_CHIP},B,${d < '2025-07-01' ? '1000000.00' : '1500000.00'}`);
    await importNetAssets(db, 'net-assets.csv', Buffer.from(rows.join('\n')));
    await setBoardRate(db, {
      portfolio: BLUE_CHIP,
      class: 'B',
      effectiveDate: '2025-07-01',
      distributionFeePct: '0.50',
      serviceFeePct: null,
      reason: 'Board reduces the Class B distribution fee',
    });
    await importGrossSales(
      db,
      'gross-sales.csv',
      Buffer.from(
        `month,portfolio,class,gross_sales,front_end_sales_charges,deferred_sales_charges\n2025-07,${BLUE_CHIP},B,8000.00,,\n`,
      ),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('the ledger: 852.82 accrued, 500.00 allowed, exhausted on 2025-07-19', async () => {
    const r = await finraCapReport(db, { class: 'B', portfolio: BLUE_CHIP, through: '2025-07' });
    expect(r.classes[0]).toMatchObject({ remaining: '0.00', exhausted: true, exhaustedOn: '2025-07-19' });
    expect(r.months[0]).toMatchObject({
      capAddition: '500.00',
      abscAccrued: '852.82',
      abscAllowed: '500.00',
      abscNotAccrued: '352.82',
    });
  });

  it('the fees: July pays 500.00 of distribution fee, July 19 the 3.38 left, nothing from July 20', async () => {
    const july = await feesReport(db, { from: '2025-07-01', to: '2025-07-31', portfolio: BLUE_CHIP });
    expect(july.classes[0]!.distributionFee).toBe('500.00');
    const days = await feesReport(db, {
      from: '2025-07-18',
      to: '2025-07-20',
      portfolio: BLUE_CHIP,
      daily: true,
    });
    expect(days.daily!.map((d) => d.distributionFee)).toEqual(['27.40', '3.38', '0.00']);
  });
});
