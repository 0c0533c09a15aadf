import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth, loadCloseResult } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { parseCents } from '../../src/money/cents.js';
import { distributorShareReport } from '../../src/reports/distributorShareReport.js';
import { feesAsRead } from '../../src/reports/feesAsRead.js';
import { type Journal, monthJournal } from '../../src/reports/journal.js';
import type { MonthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import { sealedDistributorShare } from '../../src/reports/sealedDistributorShare.js';
import { adjustmentLines, readingDocument, readMonth } from '../../src/reports/sealedOrRecomputed.js';
import { type ServiceFeesReport, serviceFeesReport } from '../../src/reports/serviceFeesReport.js';
import type { Database } from '../../src/store/database.js';
import { readSnapshot } from '../../src/store/readSnapshot.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

function netAssetsCsv(from: string, to: string, amount = '36500000.00'): Buffer {
  const rows = [
    'date,portfolio,class,net_assets',
    ...businessDaysBetween(from, to).map((d) => `${d},AIM Value Fund,C,${amount}`),
  ];
  return Buffer.from(rows.join('\n'));
}

const journalOf = (db: Database, month: string, recompute: boolean) =>
  readMonth(db, month, {
    part: 'journal',
    recompute,
    sealed: (c) => c as Journal,
    compute: (q) => monthJournal(q, month),
  });

const serviceFeesOf = (db: Database, month: string, recompute: boolean) =>
  readMonth(db, month, {
    part: 'service-fees',
    recompute,
    sealed: (c) => c as ServiceFeesReport,
    compute: (q) => serviceFeesReport(q, month),
  });

describe.skipIf(!seedsAvailable).each(dialects)('reading a closed month on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
    );
    await importNetAssets(db, 'na.csv', netAssetsCsv('2006-12-29', '2007-02-28'));
    await importProviders(
      db,
      'providers.csv',
      Buffer.from(
        'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Granite Securities,dealer,2000-01-01,,',
      ),
    );
    const assets = [
      'date,provider,portfolio,class,net_assets',
      ...businessDaysBetween('2007-01-02', '2007-03-30').map(
        (d) => `${d},DLR-1,AIM Value Fund,C,10000000.00`,
      ),
    ];
    await importProviderAssets(db, 'assets.csv', Buffer.from(assets.join('\n')));
    await closeMonth(db, '2007-02', MONTH_CLOSE_STEPS, { first: true });
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('an open month is computed from today’s data and carries no mark', async () => {
    const r = await journalOf(db, '2007-01', false);
    expect(r.basis).toBe('open');
    expect(r.closed).toBeNull();
    expect(readingDocument(r)).toEqual(r.report);
    expect(readingDocument(r)).not.toHaveProperty('basis');
  });

  it('before any change, the sealed journal is what the close stored', async () => {
    const r = await journalOf(db, '2007-02', false);
    expect(r.basis).toBe('sealed');
    expect(r.report).toEqual(await loadCloseResult(db, '2007-02', 'journal'));
    // 36,500,000.00 × 0.75% / 365 = 750.00 and × 0.25% / 365 = 250.00 a day, 28 days: accruals
    // debit 28 × 1,000.00 = 28,000.00 and the payment debits the payables 28,000.00 again.
    expect(r.report.totalDebits).toBe('56000.00');
    expect(r.closed!.adjustmentsSince).toEqual([]);
  });

  it('after a restatement, the sealed figures stay, the restatement is listed as pending, and --recompute shows today’s', async () => {
    // Friday 2007-02-09 (carried over Sat 10, Sun 11) restated 36,500,000.00 → 40,150,000.00:
    // +75.00 distribution and +25.00 service a day for 3 days = +300.00 of accruals.
    await importNetAssets(
      db,
      'fix.csv',
      Buffer.from('date,portfolio,class,net_assets\n2007-02-09,AIM Value Fund,C,40150000.00'),
      { restate: true },
    );
    const sealed = await journalOf(db, '2007-02', false);
    expect(sealed.basis).toBe('sealed');
    expect(sealed.report.totalDebits).toBe('56000.00');
    expect(sealed.closed!.adjustmentsSince).toEqual([
      expect.objectContaining({
        kind: 'restatement',
        feed: 'net-assets',
        reportedIn: null,
        month: '2007-02',
        portfolio: 'AIM Value Fund',
        class: 'C',
        date: '2007-02-09',
        old: '36500000.00',
        new: '40150000.00',
      }),
    ]);
    expect(adjustmentLines(sealed).join('\n')).toMatch(
      /net-assets restated AIM Value Fund class C 2007-02-09: 36500000.00 → 40150000.00 .*pending/,
    );
    const doc = readingDocument(sealed);
    expect(doc).toMatchObject({ month: '2007-02', basis: 'sealed', totalDebits: '56000.00' });
    expect(doc.close).toMatchObject({ resultsHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const recomputed = await journalOf(db, '2007-02', true);
    expect(recomputed.basis).toBe('recomputed');
    // 56,000.00 + 300.00 of accruals + 300.00 more paid = 56,600.00
    expect(recomputed.report.totalDebits).toBe('56600.00');
    expect(readingDocument(recomputed)).toMatchObject({ basis: 'recomputed', totalDebits: '56600.00' });
    expect(recomputed.closed!.adjustmentsSince).toHaveLength(1);
  });

  it('once the next close reports them, the adjustments are listed beside the sealed results with the month that reported them', async () => {
    // The dealer's customers' assets on 2007-02-09 restated 10,000,000.00 → 20,000,000.00:
    // 136.99 − 68.49 = +68.50 a day × 3 days = +205.50 to the dealer; the Distributor keeps
    // +75.00 (service fee) − 205.50 = −130.50.
    await importProviderAssets(
      db,
      'fix.csv',
      Buffer.from('date,provider,portfolio,class,net_assets\n2007-02-09,DLR-1,AIM Value Fund,C,20000000.00'),
      { restate: true },
    );
    const sealedBefore = await serviceFeesOf(db, '2007-02', false);
    await importNetAssets(db, 'mar.csv', netAssetsCsv('2007-03-01', '2007-03-31'));
    await closeMonth(db, '2007-03', MONTH_CLOSE_STEPS);

    const sealed = await serviceFeesOf(db, '2007-02', false);
    expect(sealed.basis).toBe('sealed');
    expect(sealed.report).toEqual(sealedBefore.report);
    expect(sealed.report).toEqual(await loadCloseResult(db, '2007-02', 'service-fees'));
    const since = sealed.closed!.adjustmentsSince;
    expect(since.filter((a) => a.kind === 'restatement').map((a) => [a.feed, a.reportedIn])).toEqual([
      ['net-assets', '2007-03'],
      ['provider-assets', '2007-03'],
    ]);
    expect(since.filter((a) => a.kind !== 'restatement')).toEqual([
      {
        kind: 'fees',
        reportedIn: '2007-03',
        month: '2007-02',
        portfolio: 'AIM Value Fund',
        class: 'C',
        distributionFee: '225.00',
        serviceFee: '75.00',
        totalFee: '300.00',
      },
      {
        kind: 'service-fee',
        reportedIn: '2007-03',
        month: '2007-02',
        provider: 'DLR-1',
        name: 'Granite Securities',
        amount: '205.50',
      },
      {
        kind: 'distributor-retained',
        reportedIn: '2007-03',
        month: '2007-02',
        portfolio: 'AIM Value Fund',
        class: 'C',
        amount: '-130.50',
      },
    ]);
    // What today's data says differs from the seal by exactly the adjustment: +205.50 to the dealer.
    const recomputed = await serviceFeesOf(db, '2007-02', true);
    const dealer = (r: ServiceFeesReport) => r.providers.find((p) => p.id === 'DLR-1')!.amount;
    expect(parseCents(dealer(recomputed.report)) - parseCents(dealer(sealed.report))).toBe(20550n);
    // 2007-03 itself has no adjustments since its close.
    expect((await journalOf(db, '2007-03', false)).closed!.adjustmentsSince).toEqual([]);
  });

  it('fees over two closed months: each lists the adjustments made to it, none of the other’s', async () => {
    // February: its net assets restated (an earlier test) and March's close reported the fee
    // adjustment (225.00 + 75.00); March: nothing since its close.
    const reading = await readSnapshot(db, (q) =>
      feesAsRead(q, { from: '2007-02-01', to: '2007-03-31' }, { recompute: false }),
    );
    const byMonth = new Map(reading.closedMonths.map((c) => [c.month, c.adjustmentsSince]));
    expect([...byMonth.keys()]).toEqual(['2007-02', '2007-03']);
    expect(byMonth.get('2007-03')).toEqual([]);
    const feb = byMonth.get('2007-02')!;
    expect(feb.map((a) => [a.kind, a.month, a.reportedIn])).toEqual([
      ['restatement', '2007-02', '2007-03'],
      ['fees', '2007-02', '2007-03'],
    ]);
    const fees = feb.find((a) => a.kind === 'fees');
    expect(fees && [fees.distributionFee, fees.serviceFee, fees.totalFee]).toEqual([
      '225.00',
      '75.00',
      '300.00',
    ]);
  });

  it('distributor-share and monthly-calculation of a closed month read the sealed Monthly Calculation', async () => {
    const mc = await readMonth(db, '2007-02', {
      part: 'monthly-calculation',
      recompute: false,
      sealed: (c) => sealedDistributorShare(c as MonthlyCalculationReport),
      compute: (q) => distributorShareReport(q, '2007-02'),
    });
    expect(mc.basis).toBe('sealed');
    const stored = (await loadCloseResult(db, '2007-02', 'monthly-calculation')) as MonthlyCalculationReport;
    expect(mc.report).toEqual(sealedDistributorShare(stored));
    const again = await readMonth(db, '2007-02', {
      part: 'monthly-calculation',
      recompute: true,
      sealed: (c) => sealedDistributorShare(c as MonthlyCalculationReport),
      compute: (q) => distributorShareReport(q, '2007-02'),
    });
    expect(again.basis).toBe('recomputed');
    expect(again.report).toHaveProperty('portfolios');
  });
});
