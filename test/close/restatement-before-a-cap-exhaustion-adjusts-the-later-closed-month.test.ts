import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { finraCapReport } from '../../src/reports/finraCapReport.js';
import { monthJournal } from '../../src/reports/journal.js';
import { priorPeriodFeeAdjustments } from '../../src/reports/priorPeriodFeeAdjustments.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * FINRA Rule 2341 (SPEC §10) with SPEC §12. Worked by hand. AIM Value Fund class C (ABSC 0.75%,
 * service 0.25%; 2004 a leap year: 7,320,000.00 → 150.00 + 50.00 a day, 3,660,000.00 → 75.00 +
 * 25.00, 999,668.00 → 20.49 + 6.83), from Thu 2004-02-12; gross sales 100,000.00 in 2004-02
 * (6.25% = 6,250.00 of room); prime 4.00 (interest 5% a year, days / 365).
 *   2004-02: ABSC 75.00 + 4 × 20.49 + 13 × 150.00 = 2,106.96 → remaining 4,143.04 — sealed
 *   2004-03: interest 4,143.04 × 5% × 31/365 = 17.594… → 17.59; room 4,160.63: 27 × 150.00 =
 *            4,050.00, day 28 pays 110.63 → ABSC 4,160.63, exhausted 2004-03-28 — sealed
 * Then Fri 2004-02-27 is restated 7,320,000.00 → 10,980,000.00 (225.00 + 75.00 a day, Fri–Sun):
 *   2004-02: ABSC 2,106.96 + 3 × 75.00 = 2,331.96 → remaining 3,918.04; service + 3 × 25.00
 *   2004-03: interest 3,918.04 × 5% × 31/365 = 16.638… → 16.64; room 3,934.68: 26 × 150.00 =
 *            3,900.00, day 27 pays 34.68 → ABSC 3,934.68, exhausted 2004-03-27
 * The prior-period adjustments the next close (2004-04) reports: 2004-02 +225.00 ABSC, +75.00
 * service; and 2004-03, whose room the restatement used up, 3,934.68 − 4,160.63 = −225.95 ABSC.
 * Paid in all: 2,106.96 + 4,160.63 + 225.00 − 225.95 = 6,266.64 = 6,250.00 + 16.64, the cap —
 * not 6,492.59, 225.95 above it.
 */
const rows = (): string => {
  const out = ['date,portfolio,class,net_assets'];
  const holidays = new Set(['2004-02-16', '2004-04-09']);
  for (let t = Date.UTC(2004, 1, 12); t <= Date.UTC(2004, 3, 30); t += 86_400_000) {
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6 || holidays.has(iso)) continue;
    const na = iso === '2004-02-12' ? '3660000.00' : iso === '2004-02-13' ? '999668.00' : '7320000.00';
    out.push(`${iso},AIM Value Fund,C,${na}`);
  }
  return out.join('\n');
};

describe.skipIf(!seedsAvailable)('a restated closed month before a FINRA cap exhaustion', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
    );
    await importNetAssets(db, 'na.csv', Buffer.from(rows()));
    await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2004-01-01,4.00\n'));
    await importGrossSales(
      db,
      'gs.csv',
      Buffer.from('month,portfolio,class,gross_sales\n2004-02,AIM Value Fund,C,100000.00\n'),
    );
    await closeMonth(db, '2004-02', MONTH_CLOSE_STEPS);
    await closeMonth(db, '2004-03', MONTH_CLOSE_STEPS);
    await importNetAssets(
      db,
      'fix.csv',
      Buffer.from('date,portfolio,class,net_assets\n2004-02-27,AIM Value Fund,C,10980000.00'),
      { restate: true },
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('the ledger from today s data: 2004-03 allows 3,934.68, exhausted on 2004-03-27', async () => {
    const r = await db.transaction((q) => finraCapReport(q, { class: 'C', through: '2004-03' }));
    expect(r.months.map((m) => [m.month, m.interest, m.abscAllowed, m.remaining])).toEqual([
      ['2004-02', '0.00', '2331.96', '3918.04'],
      ['2004-03', '16.64', '3934.68', '0.00'],
    ]);
  });

  it('the next close adjusts 2004-02 and, through the cap, 2004-03', async () => {
    const adjustments = await db.transaction((q) => priorPeriodFeeAdjustments(q, '2004-04'));
    expect(adjustments.map((a) => [a.month, a.distributionCents, a.serviceCents])).toEqual([
      ['2004-02', 22_500n, 7_500n],
      ['2004-03', -22_595n, 0n],
    ]);
  });

  it('the 2004-04 close books both, and what was paid stays within the cap', async () => {
    await closeMonth(db, '2004-04', MONTH_CLOSE_STEPS);
    const journal = await db.transaction((q) => monthJournal(q, '2004-04', {}));
    const ppa = journal.lines.filter(
      (l) =>
        l.entry.startsWith('PPA-') &&
        l.account === '12b-1 distribution fee expense — prior-period adjustment',
    );
    expect(ppa.map((l) => [l.debit, l.credit])).toEqual([
      ['225.00', '0.00'],
      ['0.00', '225.95'],
    ]);
    expect(ppa[1]!.memo).toBe(
      'prior-period adjustment of 2004-03 (its FINRA cap room changed by an earlier restated month), reported in 2004-04 (SPEC §12)',
    );
  });
});
