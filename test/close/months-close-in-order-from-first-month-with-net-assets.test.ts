import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { assertClosable } from '../../src/close/closeOrder.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { Plan12bError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

function refusal(f: () => void): Plan12bError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(Plan12bError);
    return e as Plan12bError;
  }
  throw new Error('not refused');
}

// SPEC §12: months close in order from the first month with daily net assets, unless the books
// start at a later month explicitly (--first); then each close is the month after the last one.
describe('the order of closes (pure)', () => {
  it('nothing closed: only the first month with net assets, or a later one with --first', () => {
    const none = { closed: [], firstNetAssetsMonth: '2007-01', first: false };
    expect(() => assertClosable('2007-01', none)).not.toThrow();
    const feb = refusal(() => assertClosable('2007-02', none));
    expect([feb.code, feb.exitCode]).toEqual(['REFUSED', 68]);
    expect(feb.message).toBe(
      '2007-01 has daily net assets and is not closed; months close in order from the first month with daily net assets',
    );
    expect(feb.hint).toMatch(
      /^close 2007-01 first \(`plan12b close --month 2007-01`\), or start the books at 2007-02 with `plan12b close --month 2007-02 --first`/,
    );
    expect(() => assertClosable('2007-02', { ...none, first: true })).not.toThrow();
    // before the first month with net assets there is nothing to close, --first or not
    expect(refusal(() => assertClosable('2006-12', { ...none, first: true })).hint).toMatch(
      /close 2007-01 first/,
    );
    // no net assets at all: only an explicit start of the books
    const empty = { closed: [], firstNetAssetsMonth: null, first: false };
    expect(refusal(() => assertClosable('2026-02', empty)).exitCode).toBe(68);
    expect(() => assertClosable('2026-02', { ...empty, first: true })).not.toThrow();
  });

  it('after a close: only the next month; --first no longer; a closed month is a conflict (67)', () => {
    const facts = { closed: ['2006-12', '2007-01'], firstNetAssetsMonth: '2006-12', first: false };
    expect(() => assertClosable('2007-02', facts)).not.toThrow();
    const skip = refusal(() => assertClosable('2007-03', facts));
    expect([skip.exitCode, skip.message, skip.hint]).toEqual([
      68,
      '2007-02 is not closed yet',
      'close 2007-02 first (`plan12b close --month 2007-02`); months close in order',
    ]);
    expect(refusal(() => assertClosable('2006-11', facts)).message).toBe(
      '2006-11 is before 2007-01, which is closed',
    );
    expect(refusal(() => assertClosable('2007-01', facts)).exitCode).toBe(67);
    expect(refusal(() => assertClosable('2007-02', { ...facts, first: true })).message).toMatch(
      /the books already start at 2006-12/,
    );
    // across a year end
    expect(() => assertClosable('2008-01', { ...facts, closed: ['2007-12'] })).not.toThrow();
  });
});

describe.skipIf(!seedsAvailable).each(dialects)('out-of-order closes on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const counts = async () => ({
    closed: (await db.query<{ n: string }>('SELECT count(*)::text AS n FROM closed_month'))[0]!.n,
    parts: (await db.query<{ n: string }>('SELECT count(*)::text AS n FROM close_result'))[0]!.n,
    audit: (await loadAuditLog(db)).length,
  });
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
    );
    // Friday 2006-12-29 is the first day with net assets (it carries over the New Year holiday):
    // December 2006 is the first month with daily net assets.
    const rows = businessDaysBetween('2006-12-29', '2007-02-28').map(
      (d) => `${d},AIM Value Fund,C,36500000.00`,
    );
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')));
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('refuses January while December (which has data) is open, naming December; nothing is written', async () => {
    const before = await counts();
    await expect(closeMonth(db, '2007-01', MONTH_CLOSE_STEPS)).rejects.toMatchObject({
      code: 'REFUSED',
      exitCode: 68,
      message:
        '2006-12 has daily net assets and is not closed; months close in order from the first month with daily net assets',
      hint: expect.stringMatching(/^close 2006-12 first/),
    });
    expect(await counts()).toEqual(before);
  });

  it('closes December, refuses February while January is open (nothing written), then closes January and February', async () => {
    const dec = await closeMonth(db, '2006-12', MONTH_CLOSE_STEPS);
    // 36,500,000.00 × 0.75% / 365 = 750.00 a day, Fri 29 + Sat 30 + Sun 31 = 3 days = 2,250.00
    expect((dec.parts.fees as { classes: { distributionFee: string }[] }).classes).toEqual([
      expect.objectContaining({
        month: '2006-12',
        days: 3,
        distributionFee: '2250.00',
        serviceFee: '750.00',
      }),
    ]);
    const before = await counts();
    await expect(closeMonth(db, '2007-02', MONTH_CLOSE_STEPS)).rejects.toMatchObject({
      exitCode: 68,
      message: '2007-01 is not closed yet',
      hint: 'close 2007-01 first (`plan12b close --month 2007-01`); months close in order',
    });
    await expect(closeMonth(db, '2007-02', MONTH_CLOSE_STEPS, { first: true })).rejects.toMatchObject({
      exitCode: 68,
    });
    expect(await counts()).toEqual(before);
    await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS);
    await closeMonth(db, '2007-02', MONTH_CLOSE_STEPS);
    expect(
      (await db.query<{ month: string }>('SELECT month FROM closed_month ORDER BY month')).map(
        (r) => r.month,
      ),
    ).toEqual(['2006-12', '2007-01', '2007-02']);
  });
});
