import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Plan12bError, ProblemsError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importDistributors } from '../../src/feeds/distributorsFeed.js';
import { importOmnibusMonths } from '../../src/feeds/omnibusFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { distributorShareReport } from '../../src/reports/distributorShareReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';
import { storeSnapshot } from '../support/storeSnapshot.js';

const FUND = 'AIM Blue Chip Fund';
const AIM = 'A I M Distributors, Inc.';
const OMEGA = 'Omega Dist LLC';
const HEADER = 'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding';
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));

/**
 * Exhibit A 2(c): the sub-transfer agent's July figures for Omnibus Account O1 say 25 Free Shares
 * outstanding; the transfer agent's records say 26 (20 reinvested in 2009, 6 on 2010-07-25). The
 * computation stops and asks for the corrected figures "before the month is closed" — which a
 * plain import refuses (a recorded month is a conflict, 67), and `--restate` accepts for a month
 * not closed.
 *
 * Corrected, by hand, at 2010-07-31 (AIM's term ended 2010-06-15; Omega sold 100 on 2010-06-20):
 *   2(c)(ii): the 6 Free Shares issued in July go A × (B/C) with B, C the omnibus Commission and
 *   Free Shares at June 30: AIM 400 + 20 = 420, all 520 → 6 × 420/520 = 4.846153… → 4.8462;
 *   Omega 6 × 100/520 = 1.153846… → 1.1538 (they add up to 6).
 *   AIM 400 + 20 + 4.8462 = 424.8462; Omega 100 + 1.1538 = 101.1538; 526 outstanding;
 *   424.8462 / 526 = 0.80769239… → 80.7692%.
 */
describe.skipIf(!seedsAvailable)('omnibus figures that do not reconcile are corrected with --restate', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('003_')),
    );
    await importAccounts(db, 'a.csv', Buffer.from('account,omnibus,dealer_of_record\nO1,yes,Dealer One\n'));
    await importDistributors(
      db,
      'd.csv',
      Buffer.from(
        [
          'portfolio,distributor,start,end,assigned_to',
          `${FUND},"${AIM}",2003-08-18,2010-06-15,`,
          `${FUND},${OMEGA},2010-06-16,,`,
        ].join('\n'),
      ),
    );
    await importTransactions(
      db,
      't.csv',
      Buffer.from(
        [
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          `2009-01-05,O1-1,O1,${FUND},B,purchase,400,10,,`,
          `2009-12-01,O1-2,O1,${FUND},B,reinvest,20,10,,`,
          `2010-06-20,O1-3,O1,${FUND},B,purchase,100,10,,`,
          `2010-07-25,O1-4,O1,${FUND},B,reinvest,6,10,,`,
        ].join('\n'),
      ),
    );
    await importOmnibusMonths(db, 'o.csv', csv([`2010-06,O1,${FUND},0,0,20`, `2010-07,O1,${FUND},6,0,25`]));
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('the computation stops, naming both figures and --restate', async () => {
    const err = await distributorShareReport(db, '2010-07').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Plan12bError);
    expect((err as Plan12bError).message).toContain('reports 25.0000 Free Shares outstanding');
    expect((err as Plan12bError).message).toContain("the transfer agent's records 26.0000");
    // the portfolio by its name, as the user knows it (not its id, aim-blue-chip-fund)
    expect((err as Plan12bError).message).toContain(`Omnibus Account O1, ${FUND}, 2010-07:`);
    expect((err as Plan12bError).hint).toContain('--restate');
  });

  it('a plain import of the corrected row is a conflict that names --restate; nothing written', async () => {
    const before = await storeSnapshot(db);
    const err = await importOmnibusMonths(db, 'fix.csv', csv([`2010-07,O1,${FUND},6,0,26`])).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProblemsError);
    expect((err as ProblemsError).exitCode).toBe(67);
    expect((err as ProblemsError).problems[0]!.reason).toContain('--restate');
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it('--restate replaces the month, and Exhibit A computes from the corrected figures', async () => {
    const r = await importOmnibusMonths(db, 'fix.csv', csv([`2010-07,O1,${FUND},6,0,26`]), { restate: true });
    expect(r.restated).toEqual([
      {
        month: '2010-07',
        account: 'O1',
        portfolio: FUND,
        old: '6.0000 / 0.0000 / 25.0000',
        new: '6.0000 / 0.0000 / 26.0000',
      },
    ]);
    expect([r.inserted, r.unchanged]).toEqual([0, 0]);
    const report = await distributorShareReport(db, '2010-07');
    const c = report.portfolios
      .find((p) => p.portfolio === FUND)!
      .computations.find((x) => x.date === '2010-07-31')!;
    expect(
      c.byRule.map((p) => [p.distributor, p.a_commissionShares, p.c_omnibusFreeShares, p.total]),
    ).toEqual([
      [AIM, '400.0000', '24.8462', '424.8462'],
      [OMEGA, '100.0000', '1.1538', '101.1538'],
    ]);
    expect([c.numerator, c.denominator, c.sharePct]).toEqual(['424.8462', '526.0000', '80.7692']);
    // the same corrected file again changes nothing
    const again = await importOmnibusMonths(db, 'fix.csv', csv([`2010-07,O1,${FUND},6,0,26`]), {
      restate: true,
    });
    expect([again.inserted, again.unchanged, again.restated.length]).toEqual([0, 1, 0]);
  });
});
