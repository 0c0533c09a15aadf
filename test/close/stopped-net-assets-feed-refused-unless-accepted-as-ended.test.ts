import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { showClosedMonth } from '../../src/close/closedMonthView.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import type { ClassMonthFees } from '../../src/reports/feesReport.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

const csv = (rows: string[]) => Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n'));
const days = (from: string, to: string, cls: string) =>
  businessDaysBetween(from, to).map((d) => `${d},${cls},36500000.00`);

// SPEC §12: a close refuses a month whose inputs are incomplete — a covered class whose net assets
// stop before the month's end, with no termination — unless the user names the classes it accepts
// as ended; the acceptance is sealed with the results and recorded in the audit log.
describe.skipIf(!seedsAvailable).each(dialects)('a stopped net-assets feed on %s', (dialect) => {
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
    // AIM Balanced Fund C runs through February; AIM Value Fund C stops on Thursday 2007-02-15.
    await importNetAssets(
      db,
      'na.csv',
      csv([
        ...days('2007-01-02', '2007-02-28', 'AIM Balanced Fund,C'),
        ...days('2007-01-02', '2007-02-15', 'AIM Value Fund,C'),
      ]),
    );
    await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS);
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('refuses February (68), naming the class and the flag that accepts it; nothing is written', async () => {
    const before = await counts();
    await expect(closeMonth(db, '2007-02', MONTH_CLOSE_STEPS)).rejects.toMatchObject({
      code: 'REFUSED',
      exitCode: 68,
      message:
        "2007-02 cannot close: the net-assets feed of a covered class stopped before the month's end with no termination: AIM Value Fund:C (net assets stop on 2007-02-15)",
      hint: expect.stringContaining('--accept-ended "AIM Value Fund:C"'),
    });
    // accepting a class whose feed did not stop is refused too (64): a wrong statement is never sealed
    await expect(
      closeMonth(db, '2007-02', MONTH_CLOSE_STEPS, {
        acceptEnded: ['AIM Value Fund:C', 'AIM Balanced Fund:C'],
      }),
    ).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringMatching(/^--accept-ended names AIM Balanced Fund:C/),
    });
    await expect(
      closeMonth(db, '2007-02', MONTH_CLOSE_STEPS, { acceptEnded: ['No Such Fund:C'] }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await counts()).toEqual(before);
  });

  it('closes February with --accept-ended: the class ends the first business day after its last row; sealed and audited', async () => {
    const feb = await closeMonth(db, '2007-02', MONTH_CLOSE_STEPS, { acceptEnded: ['AIM Value Fund:C'] });
    const ended = {
      portfolio: 'AIM Value Fund',
      class: 'C',
      lastNetAssets: '2007-02-15',
      endedOn: '2007-02-16', // Friday, the next NYSE business day
      acceptedIn: '2007-02',
    };
    expect(feb.parts.completeness).toEqual({
      month: '2007-02',
      startsBooks: false,
      firstMonthWithNetAssets: '2007-01',
      acceptedAsEnded: [expect.objectContaining(ended)],
    });
    // AIM Value Fund C accrues February 1–15 only: 15 days × 36,500,000.00 × 0.75% / 365 = 15 × 750.00
    // = 11,250.00 distribution and 15 × 250.00 = 3,750.00 service.
    const value = (feb.parts.fees as { classes: ClassMonthFees[] }).classes.find(
      (c) => c.portfolio === 'AIM Value Fund',
    );
    expect(value).toMatchObject({ days: 15, distributionFee: '11250.00', serviceFee: '3750.00' });
    const record = (await loadAuditLog(db)).at(-1)!;
    expect(record.action).toBe('month.close');
    expect(record.detail).toMatch(/accepted-ended:\S+\|C\|last=2007-02-15\|in=2007-02/);
    expect(record.detail).toMatch(/completeness:[0-9a-f]{64}/);

    // close show: the sealed results, their hash verified, the acceptance beside them
    const view = await showClosedMonth(db, '2007-02');
    expect(view.resultsHash).toBe(feb.resultsHash);
    expect(view.completeness?.acceptedAsEnded).toEqual([expect.objectContaining(ended)]);
    expect(view.parts.fees).toEqual(feb.parts.fees);
  });

  it('March: the same stopped class stays ended without a new flag (accepted in February)', async () => {
    await importNetAssets(db, 'mar.csv', csv(days('2007-03-01', '2007-03-30', 'AIM Balanced Fund,C')));
    const mar = await closeMonth(db, '2007-03', MONTH_CLOSE_STEPS);
    expect((mar.parts.completeness as { acceptedAsEnded: unknown[] }).acceptedAsEnded).toEqual([
      expect.objectContaining({
        portfolio: 'AIM Value Fund',
        class: 'C',
        lastNetAssets: '2007-02-15',
        acceptedIn: '2007-02',
      }),
    ]);
    expect((mar.parts.fees as { classes: ClassMonthFees[] }).classes.map((c) => c.portfolio)).toEqual([
      'AIM Balanced Fund',
    ]);
    // A restatement of a February day since: close show lists it beside the sealed results, which
    // still verify (the inputs are recomputed with the recorded restatement undone).
    await importNetAssets(db, 'fix.csv', csv(['2007-02-09,AIM Balanced Fund,C,40150000.00']), {
      restate: true,
    });
    const view = await showClosedMonth(db, '2007-02');
    expect(view.restatementsSince).toEqual([
      expect.objectContaining({
        feed: 'net-assets',
        portfolio: 'AIM Balanced Fund',
        class: 'C',
        date: '2007-02-09',
        oldNetAssets: '36500000.00',
        newNetAssets: '40150000.00',
        adjustedIn: null,
      }),
    ]);
  });

  it('close show refuses (69) a month whose sealed content was changed behind plan12b, and a month not closed (66)', async () => {
    await db.query('ALTER TABLE close_result DISABLE TRIGGER USER');
    await db.query(
      `UPDATE close_result SET content = jsonb_set(content::jsonb, '{classes,0,distributionFee}', '"1.00"')::json WHERE month = '2007-01' AND part = 'fees'`,
    );
    await db.query('ALTER TABLE close_result ENABLE TRIGGER USER');
    await expect(showClosedMonth(db, '2007-01')).rejects.toMatchObject({
      code: 'DATABASE',
      exitCode: 69,
      message: expect.stringContaining('closed month 2007-01: sealed part fees does not match its hash'),
    });
    await expect(showClosedMonth(db, '2007-04')).rejects.toMatchObject({ code: 'NOT_FOUND', exitCode: 66 });
  });
});
