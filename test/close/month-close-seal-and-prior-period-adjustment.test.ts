import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/auditChain.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth, loadCloseResult } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
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

describe.skipIf(!seedsAvailable).each(dialects)('month close on %s', (dialect) => {
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
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('closes in order and seals the results', async () => {
    // The net assets start on 2006-12-29: December is the first month with daily net assets.
    await expect(closeMonth(db, '2007-02', MONTH_CLOSE_STEPS)).rejects.toThrow(
      /2006-12 has daily net assets/,
    );
    // The books start at February, explicitly.
    await expect(closeMonth(db, '2007-02', MONTH_CLOSE_STEPS, { first: true })).resolves.toBeDefined();
    await expect(closeMonth(db, '2007-01', MONTH_CLOSE_STEPS)).rejects.toThrow(
      /before 2007-02, which is closed/,
    );
    await expect(closeMonth(db, '2007-02', MONTH_CLOSE_STEPS)).rejects.toThrow(/already closed/);
    await expect(closeMonth(db, '2007-04', MONTH_CLOSE_STEPS)).rejects.toThrow(/2007-03 is not closed yet/);
    const fees = (await loadCloseResult(db, '2007-02', 'fees')) as { classes: { distributionFee: string }[] };
    // 36,500,000.00 × 0.75% / 365 = 750.00 a day × 28
    expect(fees.classes).toEqual([
      expect.objectContaining({ month: '2007-02', distributionFee: '21000.00', serviceFee: '7000.00' }),
    ]);
    await expect(
      db.query("UPDATE close_result SET content_hash = 'x' WHERE month = '2007-02'"),
    ).rejects.toThrow(/sealed/);
    expect(verifyAuditChain(await loadAuditLog(db)).ok).toBe(true);
    expect((await loadAuditLog(db)).at(-1)!.action).toBe('month.close');
  });

  it('refuses late rows for a closed month; a restatement becomes a prior-period adjustment in the next close', async () => {
    await expect(
      importNetAssets(
        db,
        'late.csv',
        Buffer.from('date,portfolio,class,net_assets\n2007-02-28,AIM Balanced Fund,C,1.00'),
      ),
    ).rejects.toThrow(/late\.csv:2: date: 2007-02 is closed/);
    // Restate Friday 2007-02-09 (carried over Sat 10, Sun 11): 36,500,000.00 → 40,150,000.00
    // = 825.00 − 750.00 = +75.00 distribution and 275.00 − 250.00 = +25.00 service a day, 3 days.
    const restated = await importNetAssets(
      db,
      'fix.csv',
      Buffer.from('date,portfolio,class,net_assets\n2007-02-09,AIM Value Fund,C,40150000.00'),
      { restate: true },
    );
    expect(restated.restated[0]!.closedMonth).toBe('2007-02');
    // The dealer's customers' assets on Friday 2007-02-09 restated 10,000,000.00 → 20,000,000.00:
    // 136.99 − 68.49 = +68.50 a day × 3 days = +205.50 to the dealer; the Distributor keeps
    // +75.00 − 205.50 = −130.50. A late row for the closed month is refused.
    await expect(
      importProviderAssets(
        db,
        'late.csv',
        Buffer.from('date,provider,portfolio,class,net_assets\n2007-02-28,DLR-1,AIM Balanced Fund,C,1.00'),
      ),
    ).rejects.toThrow(/late\.csv:2: date: 2007-02 is closed/);
    await importProviderAssets(
      db,
      'fix.csv',
      Buffer.from('date,provider,portfolio,class,net_assets\n2007-02-09,DLR-1,AIM Value Fund,C,20000000.00'),
      { restate: true },
    );
    await importNetAssets(db, 'mar.csv', netAssetsCsv('2007-03-01', '2007-03-31'));
    const march = await closeMonth(db, '2007-03', MONTH_CLOSE_STEPS);
    expect(march.parts.adjustments).toEqual({
      reportedIn: '2007-03',
      adjustments: [
        {
          month: '2007-02',
          portfolio: 'AIM Value Fund',
          class: 'C',
          distributionFee: '225.00',
          serviceFee: '75.00',
          totalFee: '300.00',
        },
      ],
      serviceFees: {
        providers: [{ month: '2007-02', provider: 'DLR-1', name: 'Granite Securities', amount: '205.50' }],
        distributorRetained: [
          { month: '2007-02', portfolio: 'AIM Value Fund', class: 'C', amount: '-130.50' },
        ],
      },
      // Per payee (SPEC §12), as March's service-fee statements show them: the dealer 28 × 68.49 =
      // 1,917.72 sealed, 3 × 136.99 + 25 × 68.49 = 2,123.22 restated; the Distributor keeps
      // 7,000.00 − 1,917.72 = 5,082.28 sealed, 7,075.00 − 2,123.22 = 4,951.78 restated.
      payees: {
        monthlyCalculation: [],
        serviceFees: {
          providers: [
            expect.objectContaining({
              providerId: 'DLR-1',
              month: '2007-02',
              class: 'C',
              original: '1917.72',
              restated: '2123.22',
              difference: '205.50',
            }),
          ],
          distributor: [
            expect.objectContaining({
              payee: 'Distributor',
              month: '2007-02',
              class: 'C',
              original: '5082.28',
              restated: '4951.78',
              difference: '-130.50',
            }),
          ],
        },
      },
    });
    const feb = (await loadCloseResult(db, '2007-02', 'fees')) as { classes: { distributionFee: string }[] };
    expect(feb.classes[0]!.distributionFee).toBe('21000.00');
  });
});
