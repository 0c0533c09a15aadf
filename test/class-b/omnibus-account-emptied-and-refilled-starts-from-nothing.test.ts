import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Plan12bError } from '../../src/errors.js';
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

const FUND = 'AIM Blue Chip Fund';
const AIM = 'A I M Distributors, Inc.';
const OMEGA = 'Omega Dist LLC';

/**
 * Exhibit A 2(c)(i)–(ii): an Omnibus Account's Free Shares are attributed from its own figures at
 * the close of the preceding month. AIM's term ends 2010-06-15; Omega is exclusive from the 16th.
 *   O1 (omnibus): 400 Commission Shares 2009-01-05 and 20 Free Shares 2009-12-01 — all AIM's at
 *   the termination date. On 2010-07-10 it redeems all 420: at 2010-07-31 it holds nothing.
 *   On 2010-08-10 it buys 50 through Omega and on 2010-08-20 4 Free Shares are reinvested.
 *   N1 (not omnibus) holds 100 Commission Shares of 2009-01-05 throughout (AIM's).
 * At 2010-08-31, 2(c)(ii) for O1: B and C are O1's shares at the close of 2010-07-31 — none — so
 * the 4 Free Shares issued go to the distributor then exclusive, Omega (as for an account first
 * holding shares after the term). AIM 100; Omega 50 + 4 = 54; 100 / 154 = 64.9351%.
 * (Carrying O1's attribution of 2010-06-15 — 400 + 20 AIM's — into August instead would give the 4
 * Free Shares to AIM and a Net Exchange of 4 − 20 − 4 + 0 = −20: AIM 104, Omega 50.)
 */
describe.skipIf(!seedsAvailable)('an Omnibus Account emptied and then bought into again', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('003_')),
    );
    await importAccounts(
      db,
      'a.csv',
      Buffer.from('account,omnibus,dealer_of_record\nO1,yes,Dealer One\nN1,no,Dealer Two\n'),
    );
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
          `2009-01-05,N1-1,N1,${FUND},B,purchase,100,10,,`,
          `2009-12-01,O1-2,O1,${FUND},B,reinvest,20,10,,`,
          `2010-07-10,O1-3,O1,${FUND},B,redeem,420,10,,`,
          `2010-08-10,O1-4,O1,${FUND},B,purchase,50,10,,`,
          `2010-08-20,O1-5,O1,${FUND},B,reinvest,4,10,,`,
        ].join('\n'),
      ),
    );
    await importOmnibusMonths(
      db,
      'o.csv',
      Buffer.from(
        [
          'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
          `2010-06,O1,${FUND},0,0,20`,
          `2010-07,O1,${FUND},0,20,0`,
          `2010-08,O1,${FUND},4,0,4`,
        ].join('\n'),
      ),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('its August Free Shares are attributed from its (empty) July close, not its June one', async () => {
    const report = await distributorShareReport(db, '2010-08');
    const c = report.portfolios[0]!.computations.find((x) => x.date === '2010-08-31')!;
    expect([c.sharePct, c.numerator, c.denominator]).toEqual(['64.9351', '100.0000', '154.0000']);
    expect(c.byRule.map((r) => [r.distributor, r.c_omnibusFreeShares, r.total])).toEqual([
      [AIM, '0.0000', '100.0000'],
      [OMEGA, '4.0000', '54.0000'],
    ]);
  });

  /**
   * The sub-transfer agent's July figures must reconcile with the transfer agent's records even
   * when those show O1 holding nothing at 2010-07-31: figures of 5 Free Shares outstanding stop the
   * computation with both figures named, as for an account still holding shares.
   */
  it('figures of Free Shares outstanding in an account the transfer agent shows empty stop the computation', async () => {
    const row = (outstanding: string) =>
      Buffer.from(
        [
          'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
          `2010-07,O1,${FUND},0,${outstanding === '0' ? '20' : '15'},${outstanding}`,
        ].join('\n'),
      );
    await importOmnibusMonths(db, 'o-wrong.csv', row('5'), { restate: true });
    const err = await distributorShareReport(db, '2010-07').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Plan12bError);
    expect((err as Plan12bError).message).toContain(
      `Omnibus Account O1, ${FUND}, 2010-07: the sub-transfer agent reports 5.0000 Free Shares outstanding, the transfer agent's records 0.0000`,
    );
    await importOmnibusMonths(db, 'o-right.csv', row('0'), { restate: true });
    expect((await distributorShareReport(db, '2010-07')).portfolios).toHaveLength(1);
  });
});
