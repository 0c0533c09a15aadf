import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/auditChain.js';
import { importTransfers, recordTransferNotice } from '../../src/feeds/transfersFeed.js';
import { setActor } from '../../src/store/actor.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { loadTransferRows } from '../../src/store/transfersRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const TRANSFERS = Buffer.from(
  [
    'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
    'T1,Alpha Funding LLC,"1 Main Street, Wilmington DE",all,50,50,,,2004-01-01,,direct,',
  ].join('\n'),
);

describe.each(dialects)('the notice of Transfer on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });
  afterEach(() => setActor(undefined));

  it('leaves exactly one audit record, with the actor; the same notice again leaves none', async () => {
    setActor('Jane Doe, Fund Treasurer');
    await importTransfers(db, 'transfers.csv', TRANSFERS);
    const before = await loadAuditLog(db);
    expect(before.map((r) => [r.action, r.actor])).toEqual([
      ['transfers.import', 'Jane Doe, Fund Treasurer'],
    ]);

    setActor('Sam Roe, Transfer Agent');
    expect(await recordTransferNotice(db, 'T1', '2004-01-05')).toEqual({ recorded: true });
    const after = await loadAuditLog(db);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([
      expect.objectContaining({
        action: 'transfers.notice',
        actor: 'Sam Roe, Transfer Agent',
        subject: 'T1',
        detail: 'notice received 2004-01-05',
      }),
    ]);
    expect(verifyAuditChain(after).ok).toBe(true);
    expect((await loadTransferRows(db))[0]!.notice_received_date).toBe('2004-01-05');

    // The same notice again: nothing changes, no record. Another date: a conflict (67), no record.
    expect(await recordTransferNotice(db, 'T1', '2004-01-05')).toEqual({ recorded: false });
    await expect(recordTransferNotice(db, 'T1', '2004-02-01')).rejects.toMatchObject({ exitCode: 67 });
    await expect(recordTransferNotice(db, 'T9', '2004-02-01')).rejects.toMatchObject({ exitCode: 66 });
    // The Transfers file again, without the notice recorded since: unchanged.
    expect(await importTransfers(db, 'transfers.csv', TRANSFERS)).toEqual({ inserted: 0, unchanged: 1 });
    expect(await loadAuditLog(db)).toEqual(after);
  });
});
