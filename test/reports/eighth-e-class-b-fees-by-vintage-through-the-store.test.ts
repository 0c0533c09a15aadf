import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { feesReport } from '../../src/reports/feesReport.js';
import { writeMonthlyCalculationPdf } from '../../src/reports/monthlyCalculationPdf.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable, seedsDir } from '../support/seeds.js';

const AGREEMENT = '003_1b015b91f472160a.txt'; // Class B Agreement: SEVENTH(B) 0.75%, TENTH 0.25%
const BLUE_CHIP = 'AIM Blue Chip Fund';
const CHARTER = 'AIM Charter Fund';

function netAssetsCsv(): Buffer {
  const rows = ['date,portfolio,class,net_assets'];
  for (const d of businessDaysBetween('2025-06-02', '2025-07-31')) {
    rows.push(`${d},${BLUE_CHIP},B,${d < '2025-07-01' ? '1000000.00' : '1500000.00'}`);
    rows.push(`${d},${CHARTER},B,2000000.00`);
  }
  return Buffer.from(rows.join('\n'));
}

/**
 * AIM Blue Chip Fund Class B: 100,000 shares bought 2025-06-02 (account A1), 50,000 on 2025-07-01
 * (A2), $10 each; net assets $1,000,000.00 in June, $1,500,000.00 from July 1. The Board lowers
 * the Class B distribution fee from 0.75% to 0.50% from 2025-07-01 — for both portfolios.
 *
 * July, Blue Chip (365-day year):
 *   July 1 (no count yet: every share outstanding was issued before the reduction):
 *     1,500,000.00 × 0.75% / 365 = 30.8219… → 30.82, all to the pre-reduction vintage.
 *   July 2–31, 30 days, governed by the count at the close of July 1 (100,000 old : 50,000 new):
 *     the whole 1,500,000.00 × (0.75 × 2/3 + 0.50 × 1/3)% / 365 = 27.3972… → 27.40 a day;
 *     split 2,740 cents by 100,000 × 0.75 : 50,000 × 0.50 = 3 : 1 → 2,055 and 685
 *     (by hand per vintage: 1,000,000.00 × 0.75% / 365 = 20.5479… → 20.55; 500,000.00 × 0.50% / 365 = 6.8493… → 6.85);
 *     30 × 27.40 = 822.00 = 30 × 20.55 (616.50) + 30 × 6.85 (205.50).
 *   Month: 30.82 + 822.00 = 852.82 (at 0.50% on every share it would be 31 × 20.55 = 637.05).
 *   Service fee, untouched: 1,500,000.00 × 0.25% / 365 = 10.2739… → 10.27; × 31 = 318.37.
 * AIM Charter Fund has no Class B ledger: a warning, and 0.50% on all of it as before:
 *   2,000,000.00 × 0.50% / 365 = 27.3972… → 27.40; × 31 = 849.40.
 */
describe.skipIf(!seedsAvailable).each(dialects)('EIGHTH(E) through the store on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(db, [{ fileName: AGREEMENT, bytes: readFileSync(join(seedsDir, AGREEMENT)) }]);
    await importAccounts(
      db,
      'accounts.csv',
      Buffer.from('account,omnibus,dealer_of_record\nA1,no,Dealer One\nA2,no,Dealer Two\n'),
    );
    await importTransactions(
      db,
      'transactions.csv',
      Buffer.from(
        [
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          `2025-06-02,T-1,A1,${BLUE_CHIP},B,purchase,100000.0000,10.0000,,`,
          `2025-07-01,T-2,A2,${BLUE_CHIP},B,purchase,50000.0000,10.0000,,`,
        ].join('\n'),
      ),
    );
    await importNetAssets(db, 'net-assets.csv', netAssetsCsv());
    for (const portfolio of [BLUE_CHIP, CHARTER])
      await setBoardRate(db, {
        portfolio,
        class: 'B',
        effectiveDate: '2025-07-01',
        distributionFeePct: '0.50',
        serviceFeePct: null,
        reason: 'Board reduces the Class B distribution fee',
      });
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('the fees: pre-reduction shares keep 0.75%, the class without a ledger says so and keeps the rate in force', async () => {
    const july = await feesReport(db, { from: '2025-07-01', to: '2025-07-31' });
    const row = (p: string) => july.classes.find((c) => c.portfolio === p)!;
    expect([row(BLUE_CHIP).distributionFee, row(BLUE_CHIP).serviceFee]).toEqual(['852.82', '318.37']);
    expect(row(CHARTER).distributionFee).toBe('849.40');
    expect(july.warnings.some((w) => w.includes(CHARTER) && w.includes('no Class B ledger data'))).toBe(true);
    const daily = await feesReport(db, {
      from: '2025-07-01',
      to: '2025-07-03',
      portfolio: BLUE_CHIP,
      daily: true,
    });
    expect(daily.daily!.map((d) => d.distributionFee)).toEqual(['30.82', '27.40', '27.40']);
    // June, before any reduction: nothing by vintage, 20.55 a day over 29 days from June 2 = 595.95
    const june = await feesReport(db, { from: '2025-06-01', to: '2025-06-30', portfolio: BLUE_CHIP });
    expect(june.classBVintages).toBeUndefined();
    expect(june.classes[0]!.distributionFee).toBe('595.95');
  });

  it('the Monthly Calculation shows both vintages: shares, weight, rate and dollars adding up to the whole', async () => {
    const mc = await monthlyCalculationReport(db, '2025-07');
    const blueChip = mc.portfolios.find((p) => p.portfolio === BLUE_CHIP)!;
    expect([blueChip.distributionFee, blueChip.distributor12b1Share]).toEqual(['852.82', '852.82']);
    const v = mc.classBVintages!.find((m) => m.portfolio === BLUE_CHIP)!;
    expect(v.distributionFee).toBe('852.82');
    expect(v.reductions).toEqual([{ date: '2025-07-01', fromPct: '0.75', toPct: '0.50' }]);
    expect(
      v.runs.map((r) => [
        r.countedOn,
        r.from,
        r.to,
        r.days,
        r.distributionFee,
        r.vintages.map((x) => [
          x.issuedBefore ?? `from ${x.issuedFrom}`,
          x.shares,
          x.weightPct,
          x.distributionFeePct,
          x.distributionFee,
        ]),
      ]),
    ).toEqual([
      [
        null,
        '2025-07-01',
        '2025-07-01',
        1,
        '30.82',
        [
          ['2025-07-01', '—', '100.0000', '0.75', '30.82'],
          ['from 2025-07-01', '—', '0.0000', '0.50', '0.00'],
        ],
      ],
      [
        '2025-07-01',
        '2025-07-02',
        '2025-07-31',
        30,
        '822.00',
        [
          ['2025-07-01', '100000.0000', '66.6667', '0.75', '616.50'],
          ['from 2025-07-01', '50000.0000', '33.3333', '0.50', '205.50'],
        ],
      ],
    ]);
    // no Class B ledger, no vintage section
    expect(mc.classBVintages!.some((m) => m.portfolio === CHARTER)).toBe(false);
    const pdf = join(mkdtempSync(join(tmpdir(), 'plan12b-vintage-')), 'mc.pdf');
    await writeMonthlyCalculationPdf(
      mc.portfolios,
      {
        month: mc.month,
        distributor: mc.distributor,
        preparedAt: '2025-08-01T00:00:00Z',
        vintages: mc.classBVintages!,
      },
      pdf,
    );
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
