import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/errors.js';
import { importExpenditures } from '../../src/feeds/expendituresFeed.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { loadExpenditures } from '../../src/store/expendituresRepository.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Plan §3, §8 (SPEC §10): an amount spent under the Plan belongs to a period in which an instrument
 * covers the class. Class K of INVESCO Core Equity Fund is covered from 2004-10-15 (Amendment No. 6
 * to the Class K plan): an expenditure dated 2004-10-05 is no amount spent under any Plan (a wrong
 * date or class) and is refused on its line, nothing written; the quarter 2004Q4, which the Plan
 * covers from its 15th day, is accepted, as is 2004-10-15 itself.
 */
describe.skipIf(!seedsAvailable)('an expenditure for a period no instrument covers the class in', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('001_')),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  const file = (...rows: string[]) =>
    Buffer.from(['portfolio,class,period,purpose,amount,description', ...rows].join('\n'));

  it('is refused on its line, naming the coverage; nothing is written', async () => {
    const e = await importExpenditures(
      db,
      'exp.csv',
      file(
        'AIM Core Stock Fund,K,2004Q4,dealer-compensation,1000.00,',
        'INVESCO Core Equity Fund,K,2004-10-05,advertising,10.00,',
        'INVESCO Core Equity Fund,K,2004Q3,advertising,20.00,',
      ),
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemsError);
    const problems = (e as ProblemsError).problems;
    expect(problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [3, 'period', '2004-10-05'],
      [4, 'period', '2004Q3'],
    ]);
    expect(problems[0]!.reason).toContain(
      'no instrument covers INVESCO Core Equity Fund class K in 2004-10-05',
    );
    expect(problems[0]!.reason).toContain('from 2004-10-15');
    expect(await db.transaction((q) => loadExpenditures(q))).toEqual([]);
  });

  it('a period the Plan covers on at least one day is accepted', async () => {
    const r = await importExpenditures(
      db,
      'ok.csv',
      file(
        'AIM Core Stock Fund,K,2004Q4,dealer-compensation,1000.00,',
        'INVESCO Core Equity Fund,K,2004-10-15,advertising,10.00,',
      ),
    );
    expect(r).toMatchObject({ inserted: 2 });
  });
});
