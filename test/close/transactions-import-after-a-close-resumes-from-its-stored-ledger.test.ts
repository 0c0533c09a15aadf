import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { ProblemsError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { redemptionsBetween } from '../../src/store/classBRepository.js';
import { closedMonthsInOrder } from '../../src/store/closeRepository.js';
import type { Database } from '../../src/store/database.js';
import { ledgerStateMonths, readStoredLedgersOf } from '../../src/store/ledgerStateRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  buildPayeesComplex,
  FUND,
  FUND2,
  netAssetsRows,
  providerAssetsRows,
} from '../transfers/payeesComplexFixture.js';

const HEADER = 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver';
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));

/**
 * Issue 14 item 1, stage 3, the product's own path: the close of January 2025 stores the ledger at
 * 2025-01-31; February's `transactions import` then resumes A1 from it (not from P1), and the close
 * of February must find, in its month pass, exactly the redemption the import stored (else exit 70).
 *
 * A1 at 2025-01-31 (payeesComplexFixture.ts): P1 200 shares, cost 2,000.00 (R1 took 100 of 300 and
 * 1,000.00 of 3,000.00); P2 300 shares, cost 3,000.00.
 * R2 2025-02-10: A1 redeems 250 FUND shares @ 11.00, gross 2,750.00. The oldest DOI first:
 *   P1 200 shares, DOI 2024-02-01, second year (anniversary 2025-02-01): 4% × min(2,000.00, 2,200.00) = 80.00
 *   P2  50 shares, DOI 2024-09-03, first year: cost round(3,000.00 × 50 / 300) = 500.00;
 *       5% × min(500.00, 550.00) = 25.00
 *   CDSC 105.00, net 2,645.00.
 * A2 redeeming 201 of its 200 FUND shares is refused on its line, as the full replay refuses it.
 */
describe.each(dialects)('transactions import after a close, from its stored ledger, on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await buildPayeesComplex(db);
    await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS);
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('refuses a redemption of more shares than the stored ledger holds, on its line', async () => {
    expect([...(await ledgerStateMonths(db))].sort()).toEqual(['2024-12-31', '2025-01-31']);
    const err = await importTransactions(
      db,
      'feb-bad.csv',
      csv([`2025-02-10,R2,A1,${FUND},B,redeem,250,11,,`, `2025-02-11,R3,A2,${FUND},B,redeem,201,11,,`]),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemsError);
    const problems = (err as ProblemsError).problems;
    expect(problems.map((p) => [p.code, p.line, p.field])).toEqual([['REFUSED', 3, 'shares']]);
    // the portfolio named as the file names it, not by its id (summit-capital-growth-fund)
    expect(problems[0]!.reason).toMatch(
      /^redeems 201\.0000 shares of Summit Capital Growth Fund on 2025-02-11 but the account holds 200\.0000/,
    );
    expect((await redemptionsBetween(db, '2025-02-01', '2025-02-28')).heads).toEqual([]);
  });

  it('stores R2 as computed by hand from the ledger at 2025-01-31, and the close of February seals it', async () => {
    const a1 = (await readStoredLedgersOf(db, ['A1'], '2025-01-31')).get('A1')!;
    expect(a1.asOf).toBe('2025-01-31');
    expect(a1.lots.map((l) => [l.lotId, l.shareUnits, l.costCents])).toEqual([
      ['P1', 2_000_000n, 200_000n],
      ['P2', 3_000_000n, 300_000n],
    ]);
    const r = await importTransactions(db, 'feb.csv', csv([`2025-02-10,R2,A1,${FUND},B,redeem,250,11,,`]));
    expect([r.inserted, r.redemptionsWritten]).toEqual([1, 1]);
    const { heads, pieces } = await redemptionsBetween(db, '2025-02-01', '2025-02-28');
    expect(heads.map((h) => [h.txn_id, h.gross, h.cdsc, h.net])).toEqual([
      ['R2', '2750.00', '105.00', '2645.00'],
    ]);
    expect(pieces.map((p) => [p.lot_id, p.shares, p.cost, p.cdsc])).toEqual([
      ['P1', '200.0000', '2000.00', '80.00'],
      ['P2', '50.0000', '500.00', '25.00'],
    ]);
    await importNetAssets(
      db,
      'na-2025-02.csv',
      netAssetsRows('2025-02-03', '2025-02-28', { [FUND]: '36500000.00', [FUND2]: '3650000.00' }),
    );
    await importProviderAssets(
      db,
      'pa-2025-02.csv',
      providerAssetsRows('2025-02-03', '2025-02-28', '10000000.00'),
    );
    await closeMonth(db, '2025-02', MONTH_CLOSE_STEPS);
    expect(await closedMonthsInOrder(db)).toEqual(['2025-01', '2025-02']);
    const after = (await readStoredLedgersOf(db, ['A1'], '2025-02-28')).get('A1')!;
    expect([after.asOf, after.lots.map((l) => [l.lotId, l.shareUnits, l.costCents])]).toEqual([
      '2025-02-28',
      [['P2', 2_500_000n, 250_000n]],
    ]);
  });
});
