import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { Plan12bError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import type { Database } from '../../src/store/database.js';
import { listDocuments } from '../../src/store/registryStore.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { exhibit } from './support/ridgeTrustExhibit.js';

const PLAN = 'Distribution Plan';

/**
 * SPEC §2: a rename can reveal that two names are one portfolio ("Alpha Fund (formerly Beta Fund)"
 * while Alpha Fund is listed beside Beta Fund). When both names have net assets recorded for the
 * same class on the same day, the two rows would become one portfolio's two figures for one day:
 * the import is refused (67, a conflict with what is recorded), naming the day and both names —
 * not a duplicate-key failure (70) — and nothing is written.
 */
describe.each(dialects)('a rename making two names with rows on one day one portfolio, on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(db, [exhibit(PLAN, '2019-01-01', ['Beta Fund', 'Alpha Fund'])]);
    const rows = businessDaysBetween('2020-02-03', '2020-02-07').flatMap((d) => [
      `${d},Alpha Fund,A,1000.00`,
      `${d},Beta Fund,A,2000.00`,
    ]);
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')));
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('is refused naming the rows, and nothing is written', async () => {
    const before = (await listDocuments(db)).length;
    const err = await importExhibits(db, [
      exhibit(PLAN, '2020-03-01', ['Alpha Fund'], 1, [{ from: 'Beta Fund', to: 'Alpha Fund' }]),
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Plan12bError);
    expect((err as Plan12bError).exitCode).not.toBe(70);
    console.log(JSON.stringify(err), String(err));
    expect((await listDocuments(db)).length).toBe(before);
  });
});
