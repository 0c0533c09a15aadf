import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importOmnibusMonths } from '../../src/feeds/omnibusFeed.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { loadOmnibusMonths } from '../../src/store/omnibusRepository.js';
import { loadTransferRows } from '../../src/store/transfersRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

const TRANSFERS = Buffer.from(
  [
    'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent,ends',
    'T1,Alpha Funding LLC,"1 Main Street, Wilmington DE",all,50,50,,,2004-01-01,2004-01-05,direct,,',
    'T2,Beta Capital LP,"2 Wall Street, New York NY",INVESCO Leisure Fund,40,,2003-01-01,2003-12-31,2004-06-16,,depository,Custody Bank,',
    'E1,,,,,,,,2005-01-01,,,,T1',
  ].join('\n'),
);
const OMNIBUS = Buffer.from(
  [
    'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
    '2005-01,O1,AIM Leisure Fund,3.1250,0,58.4410',
    '2005-02,O1,INVESCO Leisure Fund,0,1.5,56.941',
  ].join('\n'),
);

describe.skipIf(!seedsAvailable).each(dialects)('the same file twice on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => /00[134]_/.test(f.fileName)),
    );
    await importAccounts(
      db,
      'accounts.csv',
      Buffer.from('account,omnibus,dealer_of_record\nO1,yes,Dealer One'),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('transfers: the second import changes nothing and leaves no audit record', async () => {
    const audit = (await loadAuditLog(db)).length;
    expect(await importTransfers(db, 'transfers.csv', TRANSFERS)).toEqual({ inserted: 3, unchanged: 0 });
    expect((await loadAuditLog(db)).length).toBe(audit + 1);
    const rows = await loadTransferRows(db);
    expect(rows.map((r) => [r.id, r.ends])).toEqual([
      ['E1', 'T1'],
      ['T1', null],
      ['T2', null],
    ]);
    expect(await importTransfers(db, 'again.csv', TRANSFERS)).toEqual({ inserted: 0, unchanged: 3 });
    expect(await loadTransferRows(db)).toEqual(rows);
    expect((await loadAuditLog(db)).length).toBe(audit + 1);
  });

  it('omnibus: the second import changes nothing; a changed figure is a conflict (67)', async () => {
    expect(await importOmnibusMonths(db, 'omnibus.csv', OMNIBUS)).toEqual({
      rows: 2,
      inserted: 2,
      unchanged: 0,
      restated: [],
    });
    const audit = (await loadAuditLog(db)).length;
    const months = await loadOmnibusMonths(db);
    expect([...months.values()].map((m) => [m.month, m.freeSharesOutstanding])).toEqual([
      ['2005-01', 584_410n],
      ['2005-02', 569_410n],
    ]);
    expect(await importOmnibusMonths(db, 'again.csv', OMNIBUS)).toEqual({
      rows: 2,
      inserted: 0,
      unchanged: 2,
      restated: [],
    });
    expect(await loadOmnibusMonths(db)).toEqual(months);
    expect((await loadAuditLog(db)).length).toBe(audit);
    const changed = Buffer.from(OMNIBUS.toString().replace('56.941', '56.9411'));
    await expect(importOmnibusMonths(db, 'changed.csv', changed)).rejects.toMatchObject({
      code: 'CONFLICT',
      exitCode: 67,
      problems: [expect.objectContaining({ line: 3, field: 'free_shares_outstanding' })],
    });
  });
});
