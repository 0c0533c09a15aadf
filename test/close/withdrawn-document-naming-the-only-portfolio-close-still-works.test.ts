import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { documentId, importExhibits } from '../../src/import/exhibitImport.js';
import { withdrawExhibit } from '../../src/import/exhibitWithdrawal.js';
import type { Journal } from '../../src/reports/journal.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';
import { mistakenClassKPlan } from './mistakenPlanFixture.js';

const FUND = 'AIM Mistaken Fund';

// A plan listing a fund no other document names, imported by mistake and withdrawn after January
// closed: the fund was never in the registry.
const { file } = mistakenClassKPlan(FUND);

/**
 * Withdrawing the only document that names a portfolio leaves its net assets stored under a
 * portfolio the registry no longer knows. February's close must still work: January's sealed fee
 * for it (17 days × 500.00 = 8,500.00; × 250.00 = 4,250.00) is adjusted away under the name the
 * close sealed, and its February net assets, for a portfolio no document lists, are warned about,
 * not charged — never a crash (exit 70).
 */
describe.skipIf(!seedsAvailable).each(dialects)(
  'a withdrawn document that was the only one naming a portfolio, on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    let feb: Awaited<ReturnType<typeof closeMonth>>;
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      await importExhibits(db, [...seedExhibitFiles().filter((f) => f.fileName.includes('002_')), file]);
      const rows = businessDaysBetween('2007-01-03', '2007-02-28').map((d) => `${d},${FUND},K,36500000.00`);
      await importNetAssets(
        db,
        'na.csv',
        Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')),
      );
      // a dealer whose customers hold 10,000,000.00 of it: 0.25% / 365 → 68.49 a day in January
      await importProviders(
        db,
        'providers.csv',
        Buffer.from(
          'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Granite Securities,dealer,2006-01-02,,\n',
        ),
      );
      await importProviderAssets(
        db,
        'pa.csv',
        Buffer.from(
          [
            'date,provider,portfolio,class,net_assets',
            ...businessDaysBetween('2007-01-16', '2007-02-28').map((d) => `${d},DLR-1,${FUND},K,10000000.00`),
          ].join('\n'),
        ),
      );
      await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS);
      await withdrawExhibit(db, documentId(file.bytes).slice(0, 12), 'imported by mistake');
      feb = await closeMonth(db, '2007-02', MONTH_CLOSE_STEPS);
    }, 240_000);
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    it("February's close adjusts January's whole fee away, under the sealed name", () => {
      const adjustments = (
        feb.parts.adjustments as {
          adjustments: {
            month: string;
            portfolio: string;
            class: string;
            distributionFee: string;
            serviceFee: string;
          }[];
        }
      ).adjustments;
      expect(
        adjustments.map((a) => [a.month, a.portfolio, a.class, a.distributionFee, a.serviceFee]),
      ).toEqual([['2007-01', FUND, 'K', '-8500.00', '-4250.00']]);
    });

    it("and the dealer's January service fee, 16 days × 68.49 = 1,095.84, is adjusted away", () => {
      const providers = (
        feb.parts.adjustments as {
          serviceFees: { providers: { month: string; provider: string; amount: string }[] };
        }
      ).serviceFees.providers;
      expect(providers.map((p) => [p.month, p.provider, p.amount])).toEqual([
        ['2007-01', 'DLR-1', '-1095.84'],
      ]);
    });

    it('and charges nothing for February', () => {
      const journal = feb.parts.journal as Journal;
      expect(journal.totalDebits).toBe(journal.totalCredits);
      const accruals = journal.lines.filter(
        (l) => !l.entry.startsWith('PPA-') && l.account.includes('expense'),
      );
      expect(accruals).toEqual([]);
    });
  },
);
