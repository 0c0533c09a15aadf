import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { importTransfers, recordTransferNotice } from '../../src/feeds/transfersFeed.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { loadTransferRows, loadTransfers } from '../../src/store/transfersRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

const HEADER =
  'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent';
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));
const GOOD = [
  'T1,Alpha Funding LLC,"1 Main Street, Wilmington DE",all,50,50,,,2004-01-01,2004-01-05,direct,',
  'T2,Beta Capital LP,"2 Wall Street, New York NY",INVESCO Leisure Fund,40,40,2003-01-01,2003-12-31,2004-06-16,,direct,',
];

describe.skipIf(!seedsAvailable).each(dialects)('transfers import on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(db, seedExhibitFiles());
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('bad rows fail the whole file with file, line and field; nothing written', async () => {
    const bad = csv([
      GOOD[0]!,
      'T3,,nowhere,all,50,,,,2004-01-01,,direct,',
      'T4,Gamma,addr,No Such Fund,50,,,,2004-01-01,,direct,',
      'T5,Delta,addr,all,150,,,,2004-01-01,,direct,',
      'T6,Epsilon,addr,all,10,,,,someday,,direct,',
      'T7,Zeta,addr,all,10,,,,2004-01-01,,depository,',
      'T1,Alpha again,addr,all,10,,,,2004-01-01,,direct,',
    ]);
    const err = await importTransfers(db, 'transfers.csv', bad).catch((e) => e as BadInputError);
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).problems.map((p) => `${p.line}:${p.field}`)).toEqual([
      '3:assignee',
      '4:portfolio',
      '5:twelve_b1_portion_pct',
      '6:effective_date',
      '7:depository_agent',
      '8:id',
    ]);
    expect(await loadTransferRows(db)).toEqual([]);
  });

  it('imports, is idempotent, refuses edits, and records the notice once', async () => {
    expect(await importTransfers(db, 'transfers.csv', csv(GOOD))).toEqual({ inserted: 2, unchanged: 0 });
    expect(await importTransfers(db, 'transfers.csv', csv(GOOD))).toEqual({ inserted: 0, unchanged: 2 });
    // A changed Transfer contradicts what is recorded: a conflict (67), not bad input.
    const edit = importTransfers(db, 'edit.csv', csv([GOOD[0]!.replace(',50,50,', ',60,50,')]));
    await expect(edit).rejects.toThrow(/edit\.csv:2: id: .*never edited/);
    await expect(edit).rejects.toMatchObject({
      code: 'CONFLICT',
      exitCode: 67,
      hint: expect.stringMatching(/column ends/),
    });
    expect(await recordTransferNotice(db, 'T2', '2004-06-20')).toEqual({ recorded: true });
    expect(await recordTransferNotice(db, 'T2', '2004-06-20')).toEqual({ recorded: false });
    await expect(recordTransferNotice(db, 'T2', '2004-07-01')).rejects.toThrow(
      /recorded as received on 2004-06-20/,
    );
    const transfers = await loadTransfers(db, await loadRegistry(db));
    expect(transfers.map((t) => [t.id, t.portfolioId, t.twelveB1PortionPct, t.noticeReceivedDate])).toEqual([
      ['T1', null, '50.00', '2004-01-05'],
      ['T2', 'invesco-leisure-fund', '40.00', '2004-06-20'],
    ]);
  });
});
