import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/errors.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { loadTransferRows, loadTransfers } from '../../src/store/transfersRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

const HEADER =
  'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent,ends';
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));
const ADDR = '"1 Main Street, Wilmington DE"';

async function refused(p: Promise<unknown>): Promise<ProblemsError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ProblemsError);
  expect((e as ProblemsError).exitCode).toBe(68);
  return e as ProblemsError;
}

/** Issue 10 item 12: Transfers may never add up to more than 100% (Agreement EIGHTH(A)). */
describe.skipIf(!seedsAvailable).each(dialects)('Transfers over 100%% on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('003_')),
    );
    // T1: 60% of the 12b-1 Share and 50% of the Earned CDSC of every portfolio, from 2004-01-01.
    await importTransfers(db, 't1.csv', csv(`T1,Alpha LLC,${ADDR},all,60,50,,,2004-01-01,,direct,,`));
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('refuses a second Transfer that takes one portfolio past 100%, with the sum and the date', async () => {
    // 60% (T1, all portfolios) + 50% (T2, AIM Blue Chip Fund) = 110% from 2004-06-16.
    const e = await refused(
      importTransfers(db, 't2.csv', csv(`T2,Beta LP,${ADDR},AIM Blue Chip Fund,50,,,,2004-06-16,,direct,,`)),
    );
    expect(e.problems).toEqual([
      {
        code: 'REFUSED',
        file: 't2.csv',
        line: 2,
        field: 'twelve_b1_portion_pct',
        value: '110.00',
        reason: expect.stringMatching(
          /^Transfers T1, T2 add up to 110\.00% of the Distributor's 12b-1 Share of AIM Blue Chip Fund from 2004-06-16;/,
        ),
      },
    ]);
    expect((await loadTransferRows(db)).map((r) => r.id)).toEqual(['T1']);
  });

  it('refuses CDSC Portions over 100% for every portfolio, only for the days they overlap', async () => {
    // T3 takes 60% of the Earned CDSC from 2005-01-01 and E3 ends it from 2005-07-01:
    // 50% + 60% = 110% from 2005-01-01 through 2005-06-30.
    const e = await refused(
      importTransfers(
        db,
        't3.csv',
        csv(`T3,Gamma Inc,${ADDR},all,,60,,,2005-01-01,,direct,,`, 'E3,,,,,,,,2005-07-01,,,,T3'),
      ),
    );
    expect(e.problems.map((p) => [p.line, p.field, p.value])).toEqual([[2, 'cdsc_portion_pct', '110.00']]);
    expect(e.problems[0]!.reason).toMatch(
      /T1, T3 add up to 110\.00% of its Earned CDSC of every portfolio from 2005-01-01 through 2005-06-30/,
    );
  });

  it('a record that ends T1 makes room: its replacement and T2 add up to 80%', async () => {
    expect(
      await importTransfers(
        db,
        'replace.csv',
        csv(
          `T4,Alpha LLC,${ADDR},all,30,50,,,2004-06-16,,direct,,T1`,
          `T2,Beta LP,${ADDR},AIM Blue Chip Fund,50,,,,2004-06-16,,direct,,`,
        ),
      ),
    ).toEqual({ inserted: 2, unchanged: 0 });
    const byId = new Map((await loadTransfers(db, await loadRegistry(db))).map((t) => [t.id, t]));
    expect(byId.get('T1')).toMatchObject({ effectiveDate: '2004-01-01', endsOn: '2004-06-16' });
    expect(byId.get('T4')).toMatchObject({ effectiveDate: '2004-06-16', endsOn: null });
  });

  it('Transfers limited to DOI ranges add up only where their ranges overlap', async () => {
    // From 2004-07-01, for AIM Blue Chip Fund: T4 30% + T2 50% = 80% of every DOI; T5 +20% for DOIs
    // in 2003 and T6 +20% for DOIs in 2004: 100% each, since the ranges do not overlap.
    expect(
      await importTransfers(
        db,
        'doi.csv',
        csv(
          `T5,Delta Co,${ADDR},AIM Blue Chip Fund,20,,2003-01-01,2003-12-31,2004-07-01,,direct,,`,
          `T6,Delta Co,${ADDR},AIM Blue Chip Fund,20,,2004-01-01,2004-12-31,2004-07-01,,direct,,`,
        ),
      ),
    ).toEqual({ inserted: 2, unchanged: 0 });
    // T7 adds 1% for DOIs from 2003-06-01 to 2004-06-30: 101% for Commission Shares issued 2003-06-01.
    const e = await refused(
      importTransfers(
        db,
        'doi2.csv',
        csv(`T7,Epsilon,${ADDR},AIM Blue Chip Fund,1,,2003-06-01,2004-06-30,2004-08-01,,direct,,`),
      ),
    );
    expect(e.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(
        /^Transfers T2, T4, T5, T7 add up to 101\.00% .* of AIM Blue Chip Fund \(Commission Shares issued on 2003-06-01\) from 2004-08-01;/,
      ),
    ]);
  });
});
