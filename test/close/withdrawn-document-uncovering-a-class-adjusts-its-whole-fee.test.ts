import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { documentId, importExhibits } from '../../src/import/exhibitImport.js';
import { withdrawExhibit } from '../../src/import/exhibitWithdrawal.js';
import { parseCents } from '../../src/money/cents.js';
import type { Journal } from '../../src/reports/journal.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';
import { mistakenClassKPlan } from './mistakenPlanFixture.js';

const FUND = 'AIM Value Fund';

// The only plan covering AIM Value Fund class K (the Sixth A&R Plan, seed 002, covers its A, C and R), at 0.50% / 0.25% from 2007-01-15, imported by
// mistake and withdrawn after January closed: the class was never covered.
const { file } = mistakenClassKPlan(FUND);

/**
 * SPEC §12: a restatement of a closed month is adjusted at the next close by what the month would
 * now say less what was sealed — also when it would now say nothing. January sealed, for
 * 2007-01-15..31 (17 days) at 36,500,000.00: 0.50% / 365 = 500.00 a day → 8,500.00, and 0.25% /
 * 365 = 250.00 a day → 4,250.00. With the plan withdrawn the class has no fees in January at all,
 * so February's close adjusts −8,500.00 and −4,250.00 — and February's journal books them against
 * the Distributor's payable (a recovery of 12,750.00).
 */
describe.skipIf(!seedsAvailable).each(dialects)(
  'a withdrawn document that uncovers a class, on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    let adjustments: {
      month: string;
      portfolio: string;
      class: string;
      distributionFee: string;
      serviceFee: string;
    }[];
    let journal: Journal;
    let retained: { month: string; class: string; amount: string }[];
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
      await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS);
      await withdrawExhibit(db, documentId(file.bytes).slice(0, 12), 'imported by mistake');
      const feb = await closeMonth(db, '2007-02', MONTH_CLOSE_STEPS);
      adjustments = (feb.parts.adjustments as { adjustments: typeof adjustments }).adjustments;
      retained = (feb.parts.adjustments as { serviceFees: { distributorRetained: typeof retained } })
        .serviceFees.distributorRetained;
      journal = feb.parts.journal as Journal;
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    it("February's close adjusts January's whole fee away", () => {
      expect(
        adjustments.map((a) => [a.month, a.portfolio, a.class, a.distributionFee, a.serviceFee]),
      ).toEqual([['2007-01', FUND, 'K', '-8500.00', '-4250.00']]);
    });

    it('and what the Distributor kept of the service fee (no service providers): −4,250.00', () => {
      expect(retained.map((a) => [a.month, a.class, a.amount])).toEqual([['2007-01', 'K', '-4250.00']]);
    });

    it("February's journal books the recovery against the Distributor's payable, and balances", () => {
      const ppa = journal.lines.filter((l) => l.entry.startsWith('PPA-2007-02-'));
      const net = (account: string) =>
        ppa
          .filter((l) => l.account === account)
          .reduce((s, l) => s + parseCents(l.debit) - parseCents(l.credit), 0n);
      expect(net('12b-1 distribution fee expense — prior-period adjustment')).toBe(-850_000n);
      expect(net('12b-1 service fee expense — prior-period adjustment')).toBe(-425_000n);
      expect(net('Payable to Distributor — distribution fee')).toBe(850_000n);
      expect(net('Payable to Distributor — service fee')).toBe(425_000n);
      expect(journal.totalDebits).toBe(journal.totalCredits);
    });
  },
);
