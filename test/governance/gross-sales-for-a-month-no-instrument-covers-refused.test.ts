import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/errors.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { csv, storeDocuments } from './support/storeWithPlan.js';
import { AMENDMENT_2, PLAN } from './support/testPlan.js';

const HEADER = 'month,portfolio,class,gross_sales,front_end_sales_charges,deferred_sales_charges';

// FINRA 2341(d)(2) (DOMAIN §3.5): the remaining amount starts at 0 at the inception of the
// asset-based sales charge. The test Plan covers Test Growth Fund class A from 2002-06-03 and
// Amendment No. 2 adds Test Income Fund from 2005-03-01: a month before those has no ABSC in the
// record, and its row would start the cap ledger there (with a prime rate needed for every month
// since, and no way to remove a recorded month).
describe('gross sales for a month no instrument covers the class in', () => {
  let store: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    db = await store.open();
    await storeDocuments(db, [PLAN, AMENDMENT_2]);
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('is refused (65, month) naming the coverage; nothing is written', async () => {
    const before = await storeSnapshot(db);
    const e = await importGrossSales(
      db,
      'sales.csv',
      csv([
        HEADER,
        '1990-01,Test Growth Fund,A,100000.00,,',
        '2002-05,Test Growth Fund,A,100000.00,,', // the Plan starts on 2002-06-03
        '2002-06,Test Growth Fund,A,100000.00,,', // covered from its 3rd day: accepted
        '2005-02,Test Income Fund,A,100000.00,,', // added on 2005-03-01
      ]),
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemsError);
    expect((e as ProblemsError).code).toBe('BAD_INPUT');
    expect((e as ProblemsError).problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [2, 'month', '1990-01'],
      [3, 'month', '2002-05'],
      [5, 'month', '2005-02'],
    ]);
    // Schedule A of the Plan (2002-06-03 … 2005-02-28) and of Amendment No. 2 (from 2005-03-01), joined
    expect((e as ProblemsError).problems[0]!.reason).toMatch(
      /^no instrument covers Test Growth Fund class A in 1990-01 \(the documents cover it from 2002-06-03\): the FINRA cap ledger counts new gross sales from the inception of the asset-based sales charge/,
    );
    expect((e as ProblemsError).problems[2]!.reason).toContain('(the documents cover it from 2005-03-01)');
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it('months the class is covered in are recorded', async () => {
    const r = await importGrossSales(
      db,
      'sales.csv',
      csv([HEADER, '2002-06,Test Growth Fund,A,100000.00,,', '2005-03,Test Income Fund,A,100000.00,,']),
    );
    expect(r).toMatchObject({ inserted: 2, unchanged: 0 });
  });
});
