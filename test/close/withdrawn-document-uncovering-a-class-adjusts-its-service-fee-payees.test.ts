import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { closeMonth } from '../../src/close/monthClose.js';
import type { ServiceFeesReport } from '../../src/reports/serviceFeesReport.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { closeFebruaryAfterWithdrawingTheMistakenPlan } from './mistakenPlanFixture.js';

const FUND = 'AIM Value Fund';

// The only plan covering AIM Value Fund class K (seed 002 covers its A, C and R), at 0.50% / 0.25%
// from 2007-01-15, withdrawn after January closed: the class is left with no service fee at all.

/**
 * SPEC §5, §12: the service fee the sealed January split among its payees is adjusted away, split
 * among the same parties. January sealed for class K: 17 days (15th–31st) × 36,500,000.00 × 0.25% /
 * 365 = 17 × 250.00 = 4,250.00 of service fee; the dealer's customers held 10,000,000.00 from the
 * 16th: 16 days × 68.49 (10,000,000.00 × 0.25% / 365 = 68.4931…) = 1,095.84; the Distributor kept
 * 4,250.00 − 1,095.84 = 3,154.16. February's close adjusts −1,095.84 to the dealer and −3,154.16
 * to the Distributor (together −4,250.00), in its `adjustments` part and on its service-fee
 * statements alike.
 */
describe.skipIf(!seedsAvailable).each(dialects)(
  'a withdrawn document that leaves a class with no service fee, on %s',
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

    it("the close's adjustments: the dealer −1,095.84, the Distributor −3,154.16", () => {
      const sf = (
        feb.parts.adjustments as {
          serviceFees: {
            providers: { month: string; provider: string; amount: string }[];
            distributorRetained: { month: string; class: string; amount: string }[];
          };
        }
      ).serviceFees;
      expect(sf.providers.map((p) => [p.month, p.provider, p.amount])).toEqual([
        ['2007-01', 'DLR-1', '-1095.84'],
      ]);
      expect(sf.distributorRetained.map((d) => [d.month, d.class, d.amount])).toEqual([
        ['2007-01', 'K', '-3154.16'],
      ]);
    });

    it("February's service-fee statements show the same, per class", () => {
      const adj = (feb.parts['service-fees'] as ServiceFeesReport).priorPeriodAdjustments!;
      expect(
        adj.providers.map((p) => [p.month, p.providerId, p.class, p.original, p.restated, p.difference]),
      ).toEqual([['2007-01', 'DLR-1', 'K', '1095.84', '0.00', '-1095.84']]);
      expect(adj.distributor.map((d) => [d.month, d.class, d.original, d.restated, d.difference])).toEqual([
        ['2007-01', 'K', '3154.16', '0.00', '-3154.16'],
      ]);
    });
  },
);
