import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/errors.js';
import { importTerminations } from '../../src/feeds/terminationsFeed.js';
import type { Database } from '../../src/store/database.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { csv, storeDocuments } from './support/storeWithPlan.js';
import { AMENDMENT_2, PLAN } from './support/testPlan.js';

const HEADER = 'instrument,portfolio,class,date,by,notice_date,reason';

describe.each(dialects)('terminations feed (%s)', (dialect) => {
  let store: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    store = await freshDatabase(dialect);
    db = await store.open();
    await storeDocuments(db, [PLAN, AMENDMENT_2]);
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('bad rows are refused with line and field, and nothing is written', async () => {
    const before = await storeSnapshot(db);
    const e = await importTerminations(
      db,
      'term.csv',
      csv([
        HEADER,
        'plan,Test Growth Fund,A,2005-07-15,trustees,,',
        'plan,Nowhere Fund,A,2005-07-15,trustees,,',
        'plan,Test Growth Fund,A,2005-07-15,distributor,,',
        'agreement,Test Growth Fund,A,2005-03-03,trustees,2005-01-01,',
      ]),
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemsError);
    expect((e as ProblemsError).problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'portfolio'],
      [4, 'by'],
      // the test plan has no agreement to terminate (FIFTEENTH(A)); the sixty days' notice of an
      // Agreement termination is checked in termination-stops-payments-class-b-survival.test.ts
      [5, 'class'],
    ]);
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it('a good file stops the fee from its date; the same file again changes nothing', async () => {
    const file = csv([HEADER, 'plan,Test Income Fund,A,2005-07-15,shareholders,,vote of 2005-07-14']);
    expect(await importTerminations(db, 'term.csv', file)).toMatchObject({ inserted: 1, unchanged: 0 });
    const after = await storeSnapshot(db);
    expect(await importTerminations(db, 'term.csv', file)).toMatchObject({ inserted: 0, unchanged: 1 });
    expect(await storeSnapshot(db)).toEqual(after);
    const r = await loadRegistry(db);
    const income = r.identities.resolve('Test Income Fund')!;
    expect(r.governingOn(income, 'A', '2005-07-14')!.distributionFeePct).toBe('0.10');
    expect(r.governingOn(income, 'A', '2005-07-15')!.stopped).toMatch(
      /by a majority of the outstanding voting securities of the class from 2005-07-15/,
    );
  });
});
