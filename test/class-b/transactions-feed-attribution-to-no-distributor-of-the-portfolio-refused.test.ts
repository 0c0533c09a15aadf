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
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { storeSnapshot } from '../support/storeSnapshot.js';

const STATED =
  'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver,attributed_distributor,derived_from_doi';
const csv = (rows: string[]) => Buffer.from([STATED, ...rows].join('\n'));
const FUND = 'Summit Capital Growth Fund';
const HARBOR = 'Harbor Fund Distributors, Inc.';
const SUMMIT = 'Summit Distributors Inc.';
const OTHER = 'Other Distributor LLC';

/**
 * Exhibit A 2(b): a Free Share is attributed "to the Distributor and each Other Distributor". A
 * reinvestment row stating a name no distributor term of the portfolio names — here a misspelling
 * ("Other Distributors LLC") — would make a stranger a party to the 12b-1 fees (its own line in
 * Exhibit A and a payee of the Monthly Calculation): refused, 65, on the field, nothing written.
 * Harbor (whose rights were assigned to Summit, NINETEENTH), Summit and the Other Distributor are
 * the portfolio's distributors; stating Summit, the assignee of Harbor's rights, is accepted.
 */
describe('transactions feed: a stated attribution must name a distributor of the portfolio', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      demoExhibits().map(({ fileName, doc }) => ({
        fileName,
        bytes: Buffer.from(renderExhibit(doc, { marked: false })),
      })),
    );
    await importAccounts(
      db,
      'a.csv',
      Buffer.from(['account,omnibus,dealer_of_record', 'A1,no,Dealer One'].join('\n')),
    );
    await importDistributors(
      db,
      'd.csv',
      Buffer.from(
        [
          'portfolio,distributor,start,end,assigned_to',
          `all,"${HARBOR}",2000-01-01,2003-12-31,${SUMMIT}`,
          `all,${SUMMIT},2004-01-01,2005-06-30,`,
          `all,${OTHER},2005-07-01,,`,
        ].join('\n'),
      ),
    );
    await importTransactions(
      db,
      't.csv',
      csv([
        `2004-03-01,P1,A1,${FUND},B,purchase,200,10,,,,`,
        `2005-09-01,P2,A1,${FUND},B,purchase,200,10,,,,`,
      ]),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('refuses a name no term of the portfolio names (65, the field, the names the terms know)', async () => {
    const before = await storeSnapshot(db);
    const err = await importTransactions(
      db,
      'bad.csv',
      csv([
        `2005-09-15,D1,A1,${FUND},B,reinvest,10,10,,,${OTHER},`,
        `2005-09-16,D2,A1,${FUND},B,reinvest,10,10,,,Other Distributors LLC,`,
      ]),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemsError);
    const e = err as ProblemsError;
    expect(e.exitCode).toBe(65);
    expect(e.problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [3, 'attributed_distributor', 'Other Distributors LLC'],
    ]);
    expect(e.problems[0]!.reason).toContain(`${HARBOR}, ${OTHER}, ${SUMMIT}`);
    expect(await storeSnapshot(db)).toEqual(before);
  });

  /**
   * Accepted: 10 Free Shares stated for Summit. At 2005-09-30: Summit 200 Commission (P1, DOI in
   * its term) + 10 Free = 210; the Other Distributor 200 Commission (P2); 410 outstanding.
   */
  it("accepts the Distributor's name, the Free Shares then counted for it", async () => {
    await importTransactions(db, 'ok.csv', csv([`2005-09-15,D1,A1,${FUND},B,reinvest,10,10,,,${SUMMIT},`]));
    const report = await distributorShareReport(db, '2005-09');
    const c = report.portfolios
      .find((p) => p.portfolio === FUND)!
      .computations.find((x) => x.date === '2005-09-30')!;
    expect(c.byRule.map((p) => [p.distributor, p.b_freeShares, p.total])).toEqual([
      [SUMMIT, '10.0000', '210.0000'],
      [OTHER, '0.0000', '200.0000'],
    ]);
  });
});
