import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Plan12bError } from '../../src/errors.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import {
  importProviders,
  listProviders,
  terminateOnAssignment,
  terminateOnNotice,
} from '../../src/feeds/providersFeed.js';
import { serviceFeesReport } from '../../src/reports/serviceFeesReport.js';
import { terminationOnAssignment, terminationOnNotice } from '../../src/service-fees/agreementTermination.js';
import { computeMonthlyServiceFees } from '../../src/service-fees/monthlyServiceFees.js';
import {
  agreementInForceOn,
  createServiceAgreement,
  terminationEffectiveDate,
  withTermination,
} from '../../src/service-fees/serviceAgreement.js';
import { ServiceAgreementRefusal } from '../../src/service-fees/serviceAgreementRefusal.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { classDaysOf, holdingOf } from './support/serviceFeesFixtures.js';
import { WORKED_PROVIDERS_CSV, workedProviderAssetsCsv } from './support/workedExample.js';
import { seedWorkedClass, serviceFeeCounts } from './support/workedStore.js';

const dealer = createServiceAgreement({
  providerId: 'DLR-1',
  providerName: 'Dealer One',
  providerKind: 'dealer',
  agreementDate: '2006-01-01',
});

describe('Plan §10(a): termination on not more than sixty days’ written notice', () => {
  it('defaults to the notice date + 60 days; the 60th day is allowed, the 61st refused', () => {
    expect(terminationOnNotice('DLR-1', '2007-01-05').effectiveDate).toBe('2007-03-06');
    expect(terminationOnNotice('DLR-1', '2007-01-05', '2007-03-06').effectiveDate).toBe('2007-03-06');
    expect(() => terminationOnNotice('DLR-1', '2007-01-05', '2007-03-07')).toThrow(
      /effective 2007-03-07 is more than 60 days after the written notice of 2007-01-05/,
    );
    expect(() => terminationOnNotice('DLR-1', '2007-01-05', '2007-01-04')).toThrow(
      /precedes the written notice/,
    );
  });

  it('the agreement is in force through the day before the effective date', () => {
    const ended = withTermination(dealer, terminationOnNotice('DLR-1', '2007-01-05', '2007-01-16')).agreement;
    expect(agreementInForceOn(ended, '2007-01-15')).toBe(true);
    expect(agreementInForceOn(ended, '2007-01-16')).toBe(false);
    expect(agreementInForceOn(ended, '2005-12-31')).toBe(false);
  });
});

describe('Plan §10(b): automatic termination on assignment', () => {
  it('terminates on the date of assignment, superseding a later notice; a later end is refused', () => {
    const noticed = withTermination(dealer, terminationOnNotice('DLR-1', '2007-01-05')).agreement;
    expect(terminationEffectiveDate(noticed)).toBe('2007-03-06');
    const assigned = withTermination(
      noticed,
      terminationOnAssignment('DLR-1', '2007-01-20', 'Acme'),
    ).agreement;
    expect(terminationEffectiveDate(assigned)).toBe('2007-01-20');
    expect(assigned.terminations).toHaveLength(2);
    expect(() => withTermination(assigned, terminationOnAssignment('DLR-1', '2007-02-01', null))).toThrow(
      ServiceAgreementRefusal,
    );
    expect(withTermination(assigned, terminationOnAssignment('DLR-1', '2007-01-20', 'Acme')).changed).toBe(
      false,
    );
  });

  it('pays through the day before the assignment, nothing from it', () => {
    const assigned = withTermination(dealer, terminationOnAssignment('DLR-1', '2007-01-20', null)).agreement;
    // 3,650,000.00 × 0.25% / 365 = 25.00 a day; in force Jan 1–19 = 19 days → 475.00
    const month = computeMonthlyServiceFees({
      month: '2007-01',
      classDays: classDaysOf('fund|A', '2007-01', 31, 1_000_000_000n, 250_000n),
      agreements: [assigned],
      holdings: [holdingOf('DLR-1', 'fund|A', [['2006-12-29', 365_000_000n]])],
    });
    expect(month.providerFees.map((f) => [f.days, f.amountCents])).toEqual([[19, 47_500n]]);
  });
});

describe.skipIf(!seedsAvailable)('lifecycle commands against the store (PGlite)', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await seedWorkedClass(db);
    await importProviders(db, 'providers.csv', Buffer.from(WORKED_PROVIDERS_CSV));
    await importProviderAssets(db, 'assets.csv', Buffer.from(workedProviderAssetsCsv()));
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('a notice later than 60 days is refused and nothing is written', async () => {
    const before = await serviceFeeCounts(db);
    const err = await terminateOnNotice(db, {
      providerId: 'DLR-1',
      noticeDate: '2007-01-05',
      effectiveDate: '2007-03-07',
    }).catch((e) => e);
    expect(err).toBeInstanceOf(Plan12bError);
    expect((err as Plan12bError).code).toBe('REFUSED');
    // the days are the stored Plan's own (Plan §10(a), seed 002 line 187), named with their words
    expect((err as Plan12bError).message).toContain(
      `"on not more than sixty (60) days' written notice", 002_1ece2ff6353a3318.txt line 187`,
    );
    expect((err as Plan12bError).hint).toBe(
      // 2007-01-05 + 60 days: 26 (January) + 28 (February) + 6 (March) = 2007-03-06
      "give --effective on or before 2007-03-06 (day 60 after the notice), or omit it to take 2007-03-06; to end it later, it needs a later written notice: give that notice's date (--notice-date)",
    );
    expect(await serviceFeeCounts(db)).toEqual(before);
    await expect(terminateOnNotice(db, { providerId: 'NOBODY', noticeDate: '2007-01-05' })).rejects.toThrow(
      /no service provider "NOBODY"/,
    );
  });

  it('an assignment terminates on its date; the history keeps who and when; the fee stops that day', async () => {
    const res = await terminateOnAssignment(db, {
      providerId: 'BNK-1',
      date: '2007-01-22',
      assignedTo: 'Acme Bank',
    });
    expect(res.changed).toBe(true);
    expect(res.provider).toMatchObject({
      status: 'terminated',
      terminationEffective: '2007-01-22',
      terminationCause: 'assignment',
    });
    const again = await terminateOnAssignment(db, {
      providerId: 'BNK-1',
      date: '2007-01-22',
      assignedTo: 'Acme Bank',
    });
    expect(again.changed).toBe(false);
    const list = await listProviders(db);
    const bank = list.find((p) => p.id === 'BNK-1')!;
    expect(bank.history.map((h) => [h.event, h.cause, h.effectiveDate, h.assignedTo, h.source])).toEqual([
      ['agreement', null, '2006-06-01', null, 'providers.csv'],
      ['termination', 'assignment', '2007-01-22', 'Acme Bank', 'plan12b providers assign'],
    ]);
    expect(bank.history.every((h) => h.recordedBy !== '' && h.recordedAt !== '')).toBe(true);
    // BNK-1 at 0.15% on 7,300,000.00: 30.00 a day for Jan 1–21 = 630.00, nothing from Jan 22.
    const report = await serviceFeesReport(db, '2007-01');
    expect(report.providers.find((p) => p.id === 'BNK-1')!.classes).toMatchObject([
      { days: 21, amount: '630.00' },
    ]);
  });
});
