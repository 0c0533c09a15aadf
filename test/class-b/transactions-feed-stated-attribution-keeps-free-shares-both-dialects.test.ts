import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { ProblemsError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importDistributors } from '../../src/feeds/distributorsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { distributorShareReport } from '../../src/reports/distributorShareReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { storeSnapshot } from '../support/storeSnapshot.js';

const HEADER = 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver';
const STATED = `${HEADER},attributed_distributor,derived_from_doi`;
const csv = (header: string, rows: string[]) => Buffer.from([header, ...rows].join('\n'));
const FUND = 'Summit Capital Growth Fund';
const SUMMIT = 'Summit Distributors Inc.';
const OTHER = 'Other Distributor LLC';

// Issue 10 item 1 (Exhibit A 2(b); SPEC §7): the transfer agent may state on a reinvestment row
// the distributor its Free Shares are attributed to; the attribution is fixed when they are issued.
describe.each(dialects)('transactions feed: a stated attribution of Free Shares on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const file = csv(STATED, [
    `2004-03-01,P1,A1,${FUND},B,purchase,200,10,,,,`,
    `2005-09-01,P2,A1,${FUND},B,purchase,200,10,,,,`,
    `2005-09-15,D1,A1,${FUND},B,reinvest,10,10,,,${SUMMIT},`,
  ]);
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(
      db,
      demoExhibits().map(({ fileName, doc }) => ({
        fileName,
        bytes: Buffer.from(renderExhibit(doc, { marked: false })),
      })),
    );
    await importAccounts(db, 'a.csv', csv('account,omnibus,dealer_of_record', ['A1,no,Dealer One']));
    await importDistributors(
      db,
      'd.csv',
      csv('portfolio,distributor,start,end', [
        `all,${SUMMIT},2000-01-01,2005-06-30`,
        `all,${OTHER},2005-07-01,`,
      ]),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  /**
   * A1 bought 200 Commission Shares in Summit's term (P1) and 200 in the Other Distributor's (P2);
   * on 2005-09-15 it reinvested 10 shares, the row stating Summit. At 2005-09-30:
   *   Summit: 200 Commission + 10 Free = 210; Other: 200 Commission + 0 Free = 200; 410 outstanding.
   *   Summit's share 210 / 410 = 0.5121951… → 51.2195% (the Other Distributor 48.7805%).
   * Stating nothing, the 10 would go pro rata to the Commission Shares held that day (200 : 200),
   * 5 to each: 205 / 410 = 50%.
   */
  it('keeps the Free Shares with the stated distributor in distributor-share', async () => {
    const r = await importTransactions(db, 't.csv', file);
    expect(r.inserted).toBe(3);
    const report = await distributorShareReport(db, '2005-09');
    const summit = report.portfolios.find((p) => p.portfolio === FUND)!;
    const c = summit.computations.find((x) => x.date === '2005-09-30')!;
    expect(c.byRule.map((p) => [p.distributor, p.a_commissionShares, p.b_freeShares, p.total])).toEqual([
      [SUMMIT, '200.0000', '10.0000', '210.0000'],
      [OTHER, '200.0000', '0.0000', '200.0000'],
    ]);
    expect([c.numerator, c.denominator, c.sharePct]).toEqual(['210.0000', '410.0000', '51.2195']);
  });

  it('the same file twice changes nothing', async () => {
    const before = await storeSnapshot(db);
    const again = await importTransactions(db, 't.csv', file);
    expect([again.inserted, again.unchanged]).toEqual([0, 3]);
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it('the file without the column (older transfer agents) is still read; the same txn_id stating another attribution conflicts', async () => {
    const plain = csv(HEADER, [`2005-10-03,P3,A1,${FUND},B,purchase,1,10,,`]);
    expect((await importTransactions(db, 'plain.csv', plain)).inserted).toBe(1);
    const err = await importTransactions(
      db,
      't2.csv',
      csv(STATED, [`2005-09-15,D1,A1,${FUND},B,reinvest,10,10,,,${OTHER},`]),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemsError);
    expect((err as ProblemsError).exitCode).toBe(67);
  });

  it('refuses (65, with the field) a stated attribution on a row that is not a reinvestment, or both at once', async () => {
    const before = await storeSnapshot(db);
    const err = await importTransactions(
      db,
      'bad.csv',
      csv(STATED, [
        `2005-10-10,X1,A1,${FUND},B,purchase,1,10,,,${SUMMIT},`,
        `2005-10-10,X2,A1,${FUND},B,purchase,1,10,,,,2004-03-01`,
        `2005-10-10,X3,A1,${FUND},B,reinvest,1,10,,,${SUMMIT},2004-03-01`,
        `2005-10-10,X4,A1,${FUND},B,reinvest,1,10,,,,2005-10-11`,
      ]),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemsError);
    const e = err as ProblemsError;
    expect(e.exitCode).toBe(65);
    expect(e.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'attributed_distributor'],
      [3, 'derived_from_doi'],
      [4, 'derived_from_doi'],
      [5, 'derived_from_doi'],
    ]);
    expect(e.problems[2]!.reason).toContain('not both');
    expect(await storeSnapshot(db)).toEqual(before);
  });
});
