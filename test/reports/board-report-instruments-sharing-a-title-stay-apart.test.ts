import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { boardReport } from '../../src/reports/boardReport.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable, seedsDir } from '../support/seeds.js';

// Plan §8 report, "instruments in force at quarter end": the Class K plan (Amendment No. 6, seed
// 001: 10 Class K portfolios from 2004-10-15) and the Class R plan (Amendment No. 12, seed 000: 42
// Class R portfolios from 2006-03-31) are two instruments both titled "Amended and Restated Master
// Distribution Plan", each with a Schedule A. They are two lines, each with its own classes,
// date and counts — not one line of 49 portfolios "in force since 2004-10-15".
describe.skipIf(!seedsAvailable)('board report: two instruments with one title', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    const files = ['000_3c6e05c0e0d73230.txt', '001_b6bd833fd090ce92.txt'];
    await importExhibits(
      db,
      files.map((fileName) => ({ fileName, bytes: readFileSync(join(seedsDir, fileName)) })),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('lists the Class K and the Class R plan apart, at 2006Q2', async () => {
    const r = await boardReport(db, parseQuarter('2006Q2')!);
    expect(
      r.instruments.map((i) => [i.instrument, i.schedule, i.inForceSince, i.portfolios, i.classes]),
    ).toEqual([
      ['Amended and Restated Master Distribution Plan (Class K)', 'Schedule A', '2004-10-15', 10, 10],
      ['Amended and Restated Master Distribution Plan (Class R)', 'Schedule A', '2006-03-31', 42, 42],
    ]);
  });
});
