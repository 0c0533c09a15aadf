import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { importExpenditures } from '../../src/feeds/expendituresFeed.js';
import { boardReport, boardReportLines } from '../../src/reports/boardReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Plan §8, SPEC §2 (portfolio identity survives renames): INVESCO Core Equity Fund is AIM Core
 * Stock Fund from 2004-10-15 (Amendment No. 6, "replacing INVESCO with AIM"). Its Class B
 * expenditures of 2004Q4 — 20.00 on 2004-10-05 (before the rename) and 30.00 for the quarter —
 * are one portfolio's: the board reads them under one name, the one at quarter end, side by side.
 */
describe.skipIf(!seedsAvailable)('the board report names a portfolio renamed within the quarter once', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => ['001_', '003_'].some((w) => f.fileName.includes(w))),
    );
    await importExpenditures(
      db,
      'exp.csv',
      Buffer.from(
        [
          'portfolio,class,period,purpose,amount,description',
          'INVESCO Core Equity Fund,B,2004-10-05,advertising,20.00,',
          'AIM Core Stock Fund,B,2004Q4,advertising,30.00,',
        ].join('\n'),
      ),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('both lines under AIM Core Stock Fund, 20.00 + 30.00 = 50.00 spent on advertising', async () => {
    const r = await db.transaction((q) => boardReport(q, parseQuarter('2004Q4')!));
    expect(r.expenditures.map((e) => [e.portfolio, e.class, e.period, e.amount])).toEqual([
      ['AIM Core Stock Fund', 'B', '2004-10-05', '20.00'],
      ['AIM Core Stock Fund', 'B', '2004Q4', '30.00'],
    ]);
    expect(r.expendituresByPurpose).toMatchObject([{ purpose: 'advertising', amount: '50.00' }]);
    expect(
      boardReportLines(r)
        .filter((l) => l.section === 'amounts spent')
        .map((l) => l.portfolio),
    ).toEqual(['AIM Core Stock Fund', 'AIM Core Stock Fund']);
  });
});
