import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { loadProviderHoldings } from '../../src/store/providerAssetsRepository.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

/**
 * SPEC §5 (a provider's customers' assets carry forward, as net assets do, SPEC §4): the holdings a
 * month's service fees are computed from are each holding's rows within the month and, carried in,
 * its latest row before the month — whatever rows lie further back, and whichever holdings sort
 * before or after it (the carried-in rows are found holding by holding by the table's key).
 *
 * Rows (provider, portfolio|class, date: cents), the month asked for March 2025 (Sat 1 … Mon 31):
 *   P0 X|A: Fri 02-28 1                               → carried in: [02-28 1]; no row after, so taken
 *                                                       as ended on Mon 03-03, the business day after
 *   P1 X|A: 01-31 100, 02-27 200, 02-28 300, 03-03 400, 03-31 500
 *                                                     → [02-28 300, 03-03 400, 03-31 500]
 *   P1 X|B: 02-14 10, 03-31 20                        → [02-14 10, 03-31 20]
 *   P2 X|A: 03-05 7                                   → [03-05 7] (nothing before the month)
 *   P2 Y|A: 04-01 9                                   → no holding (its only row is after the month)
 */
describe.each(dialects)(
  'provider holdings of a month carry in each holding’s latest row before it (%s)',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;

    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      // rows set down directly: what is read back is the subject, not an import's checks
      for (const id of ['P0', 'P1', 'P2'])
        await db.query(
          `INSERT INTO service_provider (id, name, kind, agreement_date, import_id, recorded_by)
         VALUES ($1, $1, 'dealer', '2024-01-01', 1, 'test')`,
          [id],
        );
      const rows: [string, string, string, string, string][] = [
        ['P0', 'X', 'A', '2025-02-28', '0.01'],
        ['P1', 'X', 'A', '2025-01-31', '1.00'],
        ['P1', 'X', 'A', '2025-02-27', '2.00'],
        ['P1', 'X', 'A', '2025-02-28', '3.00'],
        ['P1', 'X', 'A', '2025-03-03', '4.00'],
        ['P1', 'X', 'A', '2025-03-31', '5.00'],
        ['P1', 'X', 'B', '2025-02-14', '0.10'],
        ['P1', 'X', 'B', '2025-03-31', '0.20'],
        ['P2', 'X', 'A', '2025-03-05', '0.07'],
        ['P2', 'Y', 'A', '2025-04-01', '0.09'],
      ];
      for (const [provider, portfolio, cls, date, assets] of rows)
        await db.query(
          `INSERT INTO provider_assets (provider_id, portfolio_id, class, date, net_assets, portfolio_name, import_id)
         VALUES ($1, $2, $3, $4, $5, $2, 1)`,
          [provider, portfolio, cls, date, assets],
        );
    });

    afterAll(async () => {
      await db?.close();
      await tdb?.drop();
    });

    it('March 2025: each holding’s rows of the month, after its latest row before the month', async () => {
      const { holdings, ended } = await db.transaction(async (q) =>
        loadProviderHoldings(q, await loadRegistry(q), '2025-03-01', '2025-03-31'),
      );
      const shown = holdings.map((h) => ({
        holding: `${h.providerId} ${h.classKey}`,
        assets: h.assets.map((a) => `${a.date} ${a.netAssetsCents}`),
        endDate: h.endDate,
      }));
      expect(shown).toEqual([
        { holding: 'P0 X|A', assets: ['2025-02-28 1'], endDate: '2025-03-03' },
        { holding: 'P1 X|A', assets: ['2025-02-28 300', '2025-03-03 400', '2025-03-31 500'], endDate: null },
        { holding: 'P1 X|B', assets: ['2025-02-14 10', '2025-03-31 20'], endDate: null },
        { holding: 'P2 X|A', assets: ['2025-03-05 7'], endDate: '2025-03-06' },
      ]);
      expect(ended.map((e) => `${e.providerId} ${e.classKey} ${e.endDate}`)).toEqual([
        'P0 X|A 2025-03-03',
        'P2 X|A 2025-03-06',
      ]);
    });

    it('January 2025: a holding whose first row is in the month has nothing carried in', async () => {
      const { holdings } = await db.transaction(async (q) =>
        loadProviderHoldings(q, await loadRegistry(q), '2025-01-01', '2025-01-31'),
      );
      // P1 X|A's 01-31 is its first row; every other row is after January
      expect(holdings.map((h) => [h.providerId, h.classKey, h.assets.map((a) => a.date)])).toEqual([
        ['P1', 'X|A', ['2025-01-31']],
      ]);
    });
  },
);
