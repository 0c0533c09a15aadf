import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/calendar/isoDate.js';
import { importTransfers, recordTransferNotice } from '../../src/feeds/transfersFeed.js';
import type { Database } from '../../src/store/database.js';
import { todayIso } from '../../src/store/today.js';
import { loadTransferRows } from '../../src/store/transfersRepository.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

// EIGHTH(C): the Fund pays the Assignee "following receipt" of the notice of Transfer. A receipt is
// a past fact: a notice dated after today cannot have been received (and, recorded once, it would
// keep the Assignee unpaid until that date). A notice may come before the Transfer takes effect.
const HEADER =
  'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent';
const row = (id: string, notice: string) =>
  `${id},Alpha Funding LLC,"1 Main Street, Wilmington DE",all,10,10,,,2004-01-01,${notice},direct,`;

describe('the date a notice of Transfer was received', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importTransfers(
      db,
      'transfers.csv',
      Buffer.from([HEADER, row('T1', ''), row('T2', '')].join('\n')),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });
  const noticeOf = async (id: string) =>
    (await loadTransferRows(db)).find((r) => r.id === id)?.notice_received_date ?? null;

  it('a far-future date (2099-01-02) and tomorrow are refused as bad input (65), one outside the calendar as usage (64), nothing written', async () => {
    await expect(recordTransferNotice(db, 'T1', '2099-01-02')).rejects.toMatchObject({
      exitCode: 65,
      message: expect.stringMatching(/after today/),
    });
    // outside 1990–2100 the date is the question's fault (the CLI's 64), as for every write command
    // that records one (recorded-dates-and-reasons-of-write-commands-both-dialects.test.ts)
    await expect(recordTransferNotice(db, 'T1', '2999-01-01')).rejects.toMatchObject({
      name: 'OutsideNyseCalendar',
    });
    await expect(recordTransferNotice(db, 'T1', addDays(todayIso(), 1))).rejects.toMatchObject({
      exitCode: 65,
    });
    expect(await noticeOf('T1')).toBeNull();
  });

  it('today is accepted', async () => {
    const today = todayIso();
    expect(await recordTransferNotice(db, 'T1', today)).toEqual({ recorded: true });
    expect(await noticeOf('T1')).toBe(today);
  });

  it('a notice received before the effective date (given ahead) is accepted', async () => {
    expect(await recordTransferNotice(db, 'T2', '2003-12-15')).toEqual({ recorded: true });
    expect(await noticeOf('T2')).toBe('2003-12-15');
  });

  it('the feed refuses a notice_received_date after today on that field, nothing written', async () => {
    const file = Buffer.from([HEADER, row('T3', '2099-01-02')].join('\n'));
    await expect(importTransfers(db, 'later.csv', file)).rejects.toMatchObject({
      exitCode: 65,
      problems: [expect.objectContaining({ line: 2, field: 'notice_received_date' })],
    });
    expect((await loadTransferRows(db)).some((r) => r.id === 'T3')).toBe(false);
  });
});
