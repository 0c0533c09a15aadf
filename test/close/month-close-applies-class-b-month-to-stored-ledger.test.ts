import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { compareLots } from '../../src/class-b/lot.js';
import { lotsOfAccount } from '../../src/class-b/monthPassRecords.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { Plan12bError } from '../../src/errors.js';
import { activityOfRows, loadTransactionsOf } from '../../src/store/classBRepository.js';
import { loadClassBTerms } from '../../src/store/classBTermsRepository.js';
import { closedMonthsInOrder } from '../../src/store/closeRepository.js';
import type { Database } from '../../src/store/database.js';
import { loadDistributorTerms } from '../../src/store/distributorTermsRepository.js';
import { exhibitABasisHash, readExhibitAHoldings } from '../../src/store/exhibitAHoldingsRepository.js';
import {
  accountKeyRanges,
  ledgerStateDictionaries,
  ledgerStateMonths,
  readLedgerStateChunk,
} from '../../src/store/ledgerStateRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { buildPayeesComplex } from '../transfers/payeesComplexFixture.js';

const SUMMIT = 'Summit Distributors Inc.';
const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

/**
 * Issue 14 item 1: the close of January 2025 applies the Class B month to the stored ledger. The
 * fixture (payeesComplexFixture.ts) has no state before: the close builds the ledger at
 * 2024-12-31 from the transactions, applies January in one pass (R1 redeems 100 FUND shares of
 * A1's lot P1: the pass's CDSC 50.00 must be the import's), and writes the ledger at 2025-01-31.
 * Exhibit A's computation dates, the Distributor's term end 2024-11-30 and the month ends after
 * it, are kept for later closes; the 2024-12-31 holdings of FUND are A1's 600 Commission Shares
 * issued in Summit's term against A2's 200 in the Other Distributor's.
 */
describe.each(dialects)('a month close and the stored Class B ledger on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await buildPayeesComplex(db);
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('refuses (exit 70) to seal a month whose stored redemption the month pass does not compute, and writes nothing', async () => {
    // a stored CDSC one cent off (as a bug in an import would leave it)
    const shift = async (cents: string) => {
      await db.query(
        `UPDATE class_b_redemption SET cdsc = cdsc + ${cents}, net = net - ${cents} WHERE txn_id = 'R1'`,
      );
      await db.query(
        `UPDATE class_b_redemption_piece SET cdsc = cdsc + ${cents}
          WHERE txn_id = 'R1' AND piece = (SELECT min(piece) FROM class_b_redemption_piece WHERE txn_id = 'R1')`,
      );
    };
    await shift('0.01');
    const err = await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS).catch((e: unknown) => e);
    await shift('-0.01');
    expect(err).toBeInstanceOf(Plan12bError);
    expect((err as Plan12bError).code).toBe('INTERNAL');
    expect((err as Error).message).toMatch(/redemption R1 of account A1 .*the month is not sealed/);
    expect(await closedMonthsInOrder(db)).toEqual([]);
    expect([...(await ledgerStateMonths(db))]).toEqual([]);
  });

  it('closes January: the ledger stored at 2024-12-31 and 2025-01-31 reads back as the replay, and Exhibit A is kept', async () => {
    await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS);
    expect([...(await ledgerStateMonths(db))].sort()).toEqual(['2024-12-31', '2025-01-31']);
    const terms = await loadClassBTerms(db);
    const d = await ledgerStateDictionaries(db);
    for (const end of ['2024-12-31', '2025-01-31']) {
      for (const range of await accountKeyRanges(db, 2)) {
        const chunk = await readLedgerStateChunk(db, end, range, d);
        const history = await loadTransactionsOf(db, [...chunk.accountNames.values()]);
        for (let a = 0; a < chunk.state.accounts.count; a++) {
          const name = chunk.accountNames.get(chunk.state.accounts.key[a]!)!;
          const replayed = replayAccount(name, activityOfRows(history.get(name) ?? []), terms, {
            until: end,
          });
          expect(json(lotsOfAccount(chunk.state, a, d).sort(compareLots))).toBe(
            json([...replayed.lots].sort(compareLots)),
          );
        }
      }
    }
    // the portfolios by id, as the store keys them
    const ids = new Map(
      (await db.query<{ portfolio_id: string }>('SELECT DISTINCT portfolio_id FROM class_b_transaction')).map(
        (r) => [r.portfolio_id, r.portfolio_id],
      ),
    );
    const fundId = [...ids.keys()].find((id) => id.includes('capital-growth'))!;
    const fund2Id = [...ids.keys()].find((id) => id.includes('dividend-value'))!;
    const dates = ['2024-11-30', '2024-12-31', '2025-01-31'];
    const kept = await readExhibitAHoldings(
      db,
      exhibitABasisHash(SUMMIT, await loadDistributorTerms(db)),
      [fundId, fund2Id],
      dates,
    );
    expect([...kept.keys()].sort()).toEqual(
      [fundId, fund2Id].flatMap((p) => dates.map((date) => `${p}|${date}`)).sort(),
    );
    const fund = kept.get(`${fundId}|2024-12-31`)!.others;
    expect(fund.parties.map((p) => [p.distributor, p.commissionShares])).toEqual([
      [SUMMIT, 6_000_000n],
      ['Other Distributor LLC', 2_000_000n],
    ]);
    expect(fund.outstandingShares).toBe(8_000_000n);
    // computed under other distributor terms, nothing is found
    expect(
      (await readExhibitAHoldings(db, exhibitABasisHash(SUMMIT, []), [fundId], ['2024-12-31'])).size,
    ).toBe(0);
  });
});
