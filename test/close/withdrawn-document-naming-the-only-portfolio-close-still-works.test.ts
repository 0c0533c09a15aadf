import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { closeMonth } from '../../src/close/monthClose.js';
import type { Journal } from '../../src/reports/journal.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { closeFebruaryAfterWithdrawingTheMistakenPlan } from './mistakenPlanFixture.js';

const FUND = 'AIM Mistaken Fund';

// A plan listing a fund no other document names, imported by mistake and withdrawn after January
// closed: the fund was never in the registry.

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
      feb = await closeFebruaryAfterWithdrawingTheMistakenPlan(db, FUND);
    });
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
