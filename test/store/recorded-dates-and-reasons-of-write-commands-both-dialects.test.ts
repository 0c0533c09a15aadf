import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarRefusal } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { Plan12bError } from '../../src/errors.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { recordTermination } from '../../src/feeds/terminationsFeed.js';
import { importTransfers, recordTransferNotice } from '../../src/feeds/transfersFeed.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { withdrawExhibit } from '../../src/import/exhibitWithdrawal.js';
import { terminateOnAssignment, terminateOnNotice } from '../../src/import/providerTerminations.js';
import { unprintableReason } from '../../src/import/statedText.js';
import type { Database } from '../../src/store/database.js';
import { listDocuments } from '../../src/store/registryStore.js';
import { importContractSeeds } from '../feeds/support/feedContracts.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { markMonthClosed, storeSnapshot } from '../support/storeSnapshot.js';

/**
 * What a write command records besides a file (SPEC §12): its dates and its stated reasons.
 *
 * - A Board-set rate governs from its date until the class's next Board-set rate, so a rate dated
 *   before a closed month governs that month as surely as one dated in it: refused (68), as a
 *   termination dated before a closed month is. Hostile run: `rates set --from 2024-06-03` with
 *   2025-01…12 closed was recorded, and 2025-01's fees recomputed to half what was sealed, with
 *   no prior-period adjustment ever made.
 * - A date outside the calendar's years (1990–2100) is the command line's fault (64), as it is
 *   in every feed: `rates set --from 9999-12-31`, `providers assign --date 9999-12-31` and
 *   `terminate --date 9999-12-31` were recorded; `providers terminate --notice-date 9999-12-31`
 *   was refused as a rule of the plan (68) saying `effective date "+010000-02" is not a date`;
 *   `close --month 2026-01 --due-date 9999-12-31` sealed the month with that payment date.
 * - A reason with a control character (an escape sequence that repaints the terminal of whoever
 *   reads `audit log` or `rates list`) is refused (64), as such an `--actor` is; so is one with an
 *   invisible format character (hostile run: `rates set --reason "Board \u202eevlove"` and a
 *   provider named with a right-to-left override were recorded, and `rates list` and
 *   `audit log` printed them reversed).
 *
 * Nothing is written by any refusal: the whole store is compared before and after.
 */

/** The error a call ends with, as the CLI and the API report it (the calendar's own is a 64). */
async function refusal(p: Promise<unknown>): Promise<Plan12bError> {
  const e = await p.then(
    () => new Error('accepted'),
    (err: unknown) => err,
  );
  const reported = calendarRefusal(e) ?? e;
  if (!(reported instanceof Plan12bError)) throw new Error(`expected a refusal, got ${String(e)}`);
  return reported;
}

describe.skipIf(!seedsAvailable).each(dialects)('recorded dates and reasons on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const rate = (effectiveDate: string, distributionFeePct: string, reason: string | null = null) => ({
    portfolio: 'AIM Value Fund',
    class: 'C',
    effectiveDate,
    distributionFeePct,
    serviceFeePct: null,
    reason,
  });
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importContractSeeds(db); // seed 002 covers AIM Value Fund class C from 2002-06-03
    await importProviders(
      db,
      'providers.csv',
      Buffer.from(
        'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Dealer One Securities,dealer,2007-01-02,,\n',
      ),
    );
    await importTransfers(
      db,
      'transfers.csv',
      Buffer.from(
        'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent\n' +
          'TR-1,Alpha Funding LLC,"1 Main Street, Wilmington DE",all,50,50,,,2006-12-01,,direct,\n',
      ),
    );
    // a rate from 2006-02-01, recorded while no month was closed; then March 2006 closes
    expect(await setBoardRate(db, rate('2006-02-01', '0.50'))).toMatchObject({ recorded: true });
    await markMonthClosed(db, '2006-03');
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('a rate dated before a closed month, with no later rate before it, is refused (68) naming the month', async () => {
    const before = await storeSnapshot(db);
    // from 2006-02-15 the class has no later Board-set rate: it would govern March 2006
    const e = await refusal(setBoardRate(db, rate('2006-02-15', '0.40')));
    expect(e.exitCode).toBe(68);
    expect(e.message).toContain('2006-03 is closed');
    // dated in the closed month itself: refused as it always was
    const inside = await refusal(setBoardRate(db, rate('2006-03-15', '0.40')));
    expect(inside.exitCode).toBe(68);
    expect(inside.message).toContain('2006-03 is closed');
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it('a rate dated before a closed month but replaced by a later rate before that month is recorded', async () => {
    // from 2005-06-01 until 2006-02-01's rate: June 2005 to January 2006, all open
    expect(await setBoardRate(db, rate('2005-06-01', '0.45'))).toMatchObject({ recorded: true });
    // after the closed month: recorded as before
    expect(await setBoardRate(db, rate('2006-04-03', '0.40'))).toMatchObject({ recorded: true });
  });

  it('dates outside 1990–2100 are refused (64) by every write command that records one, nothing written', async () => {
    const before = await storeSnapshot(db);
    const calls: readonly (readonly [string, () => Promise<unknown>])[] = [
      ['rates set', () => setBoardRate(db, rate('9999-12-31', '0.40'))],
      ['providers terminate', () => terminateOnNotice(db, { providerId: 'DLR-1', noticeDate: '9999-12-31' })],
      [
        'providers terminate --effective',
        () =>
          terminateOnNotice(db, {
            providerId: 'DLR-1',
            noticeDate: '2007-05-01',
            effectiveDate: '2101-01-03',
          }),
      ],
      ['providers assign', () => terminateOnAssignment(db, { providerId: 'DLR-1', date: '9999-12-31' })],
      ['transfers notice', () => recordTransferNotice(db, 'TR-1', '9999-12-31')],
      [
        'terminate',
        () =>
          recordTermination(db, {
            instrument: 'plan',
            portfolio: 'AIM Value Fund',
            class: 'C',
            date: '9999-12-31',
            by: 'trustees',
            noticeDate: null,
            reason: null,
          }),
      ],
      [
        'close --due-date',
        () => closeMonth(db, '2006-04', MONTH_CLOSE_STEPS, { instructedDueDate: '9999-12-31' }),
      ],
    ];
    for (const [what, call] of calls) {
      const e = await refusal(call());
      expect({ what, code: e.code, exit: e.exitCode }).toEqual({ what, code: 'USAGE', exit: 64 });
    }
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it('a reason holding a control character or an invisible format character is refused (64) by rates set, terminate, exhibit withdraw and the facts stated for an exhibit import', async () => {
    const before = await storeSnapshot(db);
    const hostile = [
      'Board resolution\u001b[2J',
      'line one\nline two',
      'bell\u0007',
      'c1\u009b31m',
      'Board \u202eevlove',
      'Board\u2066 isolate\u2069',
      'zero\u200bwidth',
      'line\u2028separator',
    ];
    const [doc] = await listDocuments(db);
    for (const reason of hostile) {
      const calls = [
        () => setBoardRate(db, rate('2006-05-01', '0.40', reason)),
        () =>
          recordTermination(db, {
            instrument: 'plan',
            portfolio: 'AIM Value Fund',
            class: 'C',
            date: '2007-06-01',
            by: 'trustees',
            noticeDate: null,
            reason,
          }),
        () => withdrawExhibit(db, doc!.id, reason),
        // what the user states for an exhibit (its registrant, its class) is recorded as well
        () =>
          importExhibits(db, [{ fileName: 'stated.txt', bytes: Buffer.from('x') }], undefined, {
            registrant: reason,
          }),
        () =>
          importExhibits(db, [{ fileName: 'stated.txt', bytes: Buffer.from('x') }], undefined, {
            class: reason,
          }),
      ];
      for (const call of calls) {
        const e = await refusal(call());
        expect({ reason, code: e.code }).toEqual({ reason, code: 'USAGE' });
        expect(e.message).toMatch(/control character|invisible format character \(U\+(202E|2066|200B)\)/);
        // the message quotes the reason with its invisible characters escaped, so it prints as it is
        expect(e.message).not.toMatch(/[\u202e\u2066\u200b\u2028]/);
      }
    }
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it('the zero-width joiners that Indic names and emoji are written with stay printable', () => {
    for (const text of [
      '\u0915\u094d\u200d\u0937 Fund',
      'Family \u{1f468}\u200d\u{1f469}\u200d\u{1f467}',
      'Zero\u200cWidth',
    ])
      expect(unprintableReason(text)).toBeNull();
    expect(unprintableReason('Dealer \u202eenO')).toBe(
      '"Dealer \\u202eenO" contains an invisible format character (U+202E), which would show the text otherwise than recorded',
    );
  });
});
