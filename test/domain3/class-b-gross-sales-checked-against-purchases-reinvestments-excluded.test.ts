import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { finraCapReport } from '../../src/reports/finraCapReport.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { buildPayeesComplex, FUND, FUND2 } from '../transfers/payeesComplexFixture.js';

/**
 * DOMAIN §3.4 (RECALLED): "total new gross sales" exclude shares issued on reinvestment of
 * distributions and exchanges within the complex. The gross-sales feed is to be given so
 * (docs/FORMATS.md); for Class B plan12b holds the transfer agent's own activity, so `finra-cap`
 * compares each month's fed gross sales with the purchases it records and warns — never refuses —
 * where they differ, naming the reinvestments and exchanges in that a feed may have counted.
 *
 * By hand, January 2025 (payeesComplexFixture plus these rows):
 *   FUND  P5 2025-01-10 purchase 50 @ 11.00 = 550.00; fed gross sales 550.00 → they agree, no warning.
 *   FUND2 P6 2025-01-10 purchase 40 @ 10.50 = 420.00; V1 2025-01-20 reinvest 5 @ 10.1234 =
 *         50.617 → 50.62 (half-up); fed 470.62 = 420.00 + 50.62 → a warning naming 420.00 and 50.62.
 */
describe.each(dialects)(
  'finra-cap: Class B gross sales against the purchases plan12b records, on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      await buildPayeesComplex(db);
      await importTransactions(
        db,
        'more.csv',
        Buffer.from(
          [
            'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
            `2025-01-10,P5,A2,${FUND},B,purchase,50,11,,`,
            `2025-01-10,P6,A3,${FUND2},B,purchase,40,10.5,,`,
            `2025-01-20,V1,A3,${FUND2},B,reinvest,5,10.1234,,`,
          ].join('\n'),
        ),
      );
      await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2024-12-19,7.50\n'));
      await importGrossSales(
        db,
        'gs.csv',
        Buffer.from(
          ['month,portfolio,class,gross_sales', `2025-01,${FUND},B,550.00`, `2025-01,${FUND2},B,470.62`].join(
            '\n',
          ),
        ),
      );
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    it('warns for the portfolio whose fed gross sales include a reinvestment, only for it', async () => {
      const r = await db.transaction((q) => finraCapReport(q, { class: 'B', through: '2025-01' }));
      const said = r.warnings.filter((w) => w.includes('new gross sales exclude'));
      expect(said).toEqual([
        `${FUND2} class B: the gross sales fed for 2025-01, 470.62, are not the 420.00 of purchases the transactions record; new gross sales exclude reinvestments (50.62 that month) and exchanges in (0.00) (FINRA 2341(d)(2); DOMAIN §3.4) — the ledger uses the fed 470.62`,
      ]);
    });
  },
);
