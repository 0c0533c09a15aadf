import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Plan12bError, ProblemsError } from '../../src/errors.js';
import { importTerminations, recordTermination } from '../../src/feeds/terminationsFeed.js';
import type { Database } from '../../src/store/database.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { csv, storeDocuments } from './support/storeWithPlan.js';
import { AMENDMENT_2, PLAN } from './support/testPlan.js';

const HEADER = 'instrument,portfolio,class,date,by,notice_date,reason';

// Plan §9: a termination stops payments from its date, once. With the Plan terminated for Test
// Growth Fund class A from 2005-07-15, a second termination of it from 2005-03-01 would silently
// move the stop four months earlier (the earliest wins); one from 2005-09-01 would terminate what
// has already ended. Both contradict the record: a conflict (67) naming it, nothing written. A
// narrower termination before a broader one (one class in March, every class in May) is fine.
describe('a second termination of the same class on another date', () => {
  let store: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    db = await store.open();
    await storeDocuments(db, [PLAN, AMENDMENT_2]);
    await importTerminations(db, 'first.csv', csv([HEADER, 'plan,Test Growth Fund,A,2005-07-15,trustees,,']));
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('is refused as a conflict naming the recorded one; nothing is written', async () => {
    const before = await storeSnapshot(db);
    for (const row of [
      'plan,Test Growth Fund,A,2005-03-01,trustees,,',
      'plan,Test Growth Fund,A,2005-09-01,trustees,,',
      'plan,all,,2005-03-01,trustees,,', // every portfolio and class includes Test Growth Fund A
    ]) {
      const e = await importTerminations(db, 'second.csv', csv([HEADER, row])).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ProblemsError);
      expect((e as ProblemsError).code).toBe('CONFLICT');
      const [p] = (e as ProblemsError).problems;
      expect([p!.line, p!.field]).toEqual([2, 'date']);
      expect(p!.reason).toContain(
        'the plan for Test Growth Fund class A from 2005-07-15 (by trustees) is already recorded',
      );
    }
    const e = await recordTermination(db, {
      instrument: 'plan',
      portfolio: 'Test Growth Fund',
      class: 'A',
      date: '2005-03-01',
      by: 'trustees',
      noticeDate: null,
      reason: null,
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Plan12bError);
    expect((e as Plan12bError).code).toBe('CONFLICT');
    expect(await storeSnapshot(db)).toEqual(before);
    // the fee still stops on 2005-07-15, not earlier: 0.25% (Amendment No. 2) on 2005-07-14
    const r = await loadRegistry(db);
    const growth = r.identities.resolve('Test Growth Fund')!;
    expect(r.governingOn(growth, 'A', '2005-07-14')!.distributionFeePct).toBe('0.25');
  });

  it('two dates for one class in one file are refused (65) naming the other line; another class is fine', async () => {
    const e = await importTerminations(
      db,
      'two.csv',
      csv([
        HEADER,
        'plan,Test Income Fund,A,2005-08-01,trustees,,',
        'plan,Test Income Fund,A,2005-06-01,trustees,,',
      ]),
    ).catch((x: unknown) => x);
    expect((e as ProblemsError).code).toBe('BAD_INPUT');
    expect((e as ProblemsError).problems.map((p) => [p.line, p.field])).toEqual([[3, 'date']]);
    expect((e as ProblemsError).problems[0]!.reason).toMatch(
      /^line 2 terminates the plan for Test Income Fund class A from 2005-08-01/,
    );
    // the same termination again still changes nothing; Test Income Fund alone is accepted
    expect(
      await importTerminations(
        db,
        'first.csv',
        csv([HEADER, 'plan,Test Growth Fund,A,2005-07-15,trustees,,']),
      ),
    ).toMatchObject({ inserted: 0, unchanged: 1 });
    expect(
      await importTerminations(
        db,
        'income.csv',
        csv([HEADER, 'plan,Test Income Fund,A,2005-08-01,trustees,,']),
      ),
    ).toMatchObject({ inserted: 1 });
    // a narrower termination may come before a broader one: every portfolio and class from
    // 2005-10-01 ends what Growth (07-15) and Income (08-01) left — accepted
    expect(
      await importTerminations(db, 'all.csv', csv([HEADER, 'plan,all,,2005-10-01,trustees,,'])),
    ).toMatchObject({
      inserted: 1,
    });
  });
});
