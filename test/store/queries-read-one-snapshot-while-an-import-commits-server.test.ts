import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { withActor } from '../../src/store/actor.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, serverUrl, type TestDatabase } from '../support/databases.js';
import { holdAfterFirstStatement } from '../support/holdAfterFirstStatement.js';
import { buildPayeesComplex, FUND, FUND2, SUMMIT } from '../transfers/payeesComplexFixture.js';

/**
 * SPEC §11, §12 (concurrent users): a query answers from ONE snapshot of the database, also on a
 * PostgreSQL server where another process writes meanwhile. Each case interleaves deterministically,
 * without sleeps: the query command runs (the CLI's own `main`, on a store lent to it as `plan12b
 * serve` lends one) on a connection whose FIRST statement, once answered, waits until a
 * `transactions import` on a second connection has committed a redemption; the command's remaining
 * statements must still see the store as it was at its start.
 *
 * The store is the payees complex (test/transfers/payeesComplexFixture.ts): A1 bought P1 300 FUND
 * shares on 2024-02-01 and P2 300 on 2024-09-03 at 10.00 (Summit's term), A3 P4 100 FUND2 shares
 * on 2024-03-01; R1 2025-01-15 redeemed 100 of P1 at 12.00 (CDSC 5% × min(1,000.00, 1,200.00) =
 * 50.00, Summit's). Each case adds one redemption after the last; all are in the CDSC's first year
 * (5%) and go oldest DOI first (SPEC §6).
 */

const CSV_HEADER = 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver';

describe.skipIf(!serverUrl)('a query reads one snapshot while an import commits (PostgreSQL server)', () => {
  let tdb: TestDatabase;
  let reader: Database;
  let writer: Database;

  beforeAll(async () => {
    tdb = await freshDatabase('postgres');
    const db = await tdb.open();
    try {
      await withActor('test setup', () => buildPayeesComplex(db));
    } finally {
      await db.close();
    }
    reader = await tdb.open();
    writer = await tdb.open();
  });
  afterAll(async () => {
    await reader?.close();
    await writer?.close();
    await tdb?.drop();
  });

  /** A redemption committed by another connection, through the door (`transactions import`). */
  const redeem = (row: string) => async () => {
    await withActor('concurrent writer', () =>
      importTransactions(writer, 'redemption.csv', Buffer.from(`${CSV_HEADER}\n${row}\n`)),
    );
  };

  /** The command, run as `plan12b serve` runs a forwarded query, with the write after its first statement. */
  async function runDuring(args: readonly string[], write: () => Promise<void>): Promise<unknown> {
    let stdout = '';
    let stderr = '';
    let wrote = false;
    const lent = holdAfterFirstStatement(reader, async () => {
      await write();
      wrote = true;
    });
    const code = await main(['--db', tdb.target, ...args, '--json'], {
      output: { out: (t) => (stdout += t), err: (t) => (stderr += t) },
      database: (fn) => fn(lent),
    });
    expect(code, stderr).toBe(0);
    expect(wrote, 'the write ran between the query’s statements').toBe(true);
    return JSON.parse(stdout);
  }

  /** The command as anyone asking now would see it (the write has committed). */
  async function runNow(args: readonly string[]): Promise<unknown> {
    let stdout = '';
    const code = await main(['--db', tdb.target, ...args, '--json'], {
      output: { out: (t) => (stdout += t), err: () => {} },
      database: (fn) => fn(reader),
    });
    expect(code).toBe(0);
    return JSON.parse(stdout);
  }

  type Lots = { asOf: string; lots: { lotId: string; shares: string; cost: string }[] };
  const lotsOf = (r: unknown) => {
    const l = r as Lots;
    return { asOf: l.asOf, lots: l.lots.map((x) => [x.shares, x.cost]) };
  };

  /**
   * `lots --account A1` while R2 (2025-01-20, 100 FUND shares) commits: as of its start A1 holds
   * P1 300 − 100 = 200 shares, cost 3,000.00 − 1,000.00 = 2,000.00, and P2 300 shares, 3,000.00,
   * as of R1's day. After R2, P1 holds 100 shares, 1,000.00.
   */
  it('lots: the account’s lots as of the query’s start, not after the redemption', async () => {
    const during = await runDuring(
      ['lots', '--account', 'A1'],
      redeem(`2025-01-20,R2,A1,${FUND},B,redeem,100,12,,`),
    );
    expect(lotsOf(during)).toEqual({
      asOf: '2025-01-15',
      lots: [
        ['200.0000', '2000.00'],
        ['300.0000', '3000.00'],
      ],
    });
    expect(lotsOf(await runNow(['lots', '--account', 'A1']))).toEqual({
      asOf: '2025-01-20',
      lots: [
        ['100.0000', '1000.00'],
        ['300.0000', '3000.00'],
      ],
    });
  });

  /**
   * `redemptions --distributor Summit` for January while R3 (2025-01-22, A3 redeems 50 FUND2
   * shares at 10.00: 5% × min(500.00, 500.00) = 25.00) commits: R1 and R2 (P1's next 100 at
   * 12.00, 5% × min(1,000.00, 1,200.00) = 50.00), CDSC 100.00 — not R3.
   */
  it('redemptions: those recorded at the query’s start only', async () => {
    const args = ['redemptions', '--from', '2025-01-01', '--to', '2025-01-31', '--distributor', SUMMIT];
    type Redemptions = { redemptions: { txnId: string; cdsc: string }[]; totals: { cdsc: string } };
    const during = (await runDuring(
      args,
      redeem(`2025-01-22,R3,A3,${FUND2},B,redeem,50,10,,`),
    )) as Redemptions;
    expect(during.redemptions.map((r) => [r.txnId, r.cdsc])).toEqual([
      ['R1', '50.00'],
      ['R2', '50.00'],
    ]);
    expect(during.totals.cdsc).toBe('100.00');
    const now = (await runNow(args)) as Redemptions;
    expect(now.redemptions.map((r) => r.txnId)).toEqual(['R1', 'R2', 'R3']);
    expect(now.totals.cdsc).toBe('125.00');
  });

  /**
   * `transfers statement` of Alpha (FUND, 40% of the 12b-1 Share and 50% of the Earned CDSC for
   * DOI 2024-01-01 – 2024-06-30) while R4 (2025-01-27, P1's last 100 FUND shares: 50.00) commits:
   * its 12b-1 Portion 3,375.00 (the fixture's hand computation: the 2024-12-31 count governs
   * January) and its CDSC Portion 50% × (R1 50.00 + R2 50.00) = 50.00, total 3,425.00.
   */
  it('an Assignee’s statement: the CDSC pieces as of the query’s start', async () => {
    const args = ['transfers', 'statement', '--assignee', 'Alpha Funding LLC', '--month', '2025-01'];
    type Statement = { totals: { twelveB1Portion: string; cdscPortion: string; total: string } };
    const during = (await runDuring(args, redeem(`2025-01-27,R4,A1,${FUND},B,redeem,100,12,,`))) as Statement;
    expect(during.totals).toMatchObject({
      twelveB1Portion: '3375.00',
      cdscPortion: '50.00',
      total: '3425.00',
    });
    expect(((await runNow(args)) as Statement).totals).toMatchObject({
      cdscPortion: '75.00',
      total: '3450.00',
    });
  });

  /**
   * `monthly-calculation --month 2025-01` (an open month) while R5 (2025-01-29, A1: P2's first
   * 100 FUND shares, 50.00) commits: Summit's Earned CDSC on FUND is R1 + R2 + R4 = 150.00, and
   * on FUND2 R3's 25.00.
   */
  it('the Monthly Calculation: Earned CDSC as of the query’s start', async () => {
    const args = ['monthly-calculation', '--month', '2025-01'];
    type Calculation = { portfolios: { portfolio: string; earnedCdsc: string }[] };
    const earned = (r: unknown) =>
      Object.fromEntries((r as Calculation).portfolios.map((p) => [p.portfolio, p.earnedCdsc]));
    const during = await runDuring(args, redeem(`2025-01-29,R5,A1,${FUND},B,redeem,100,12,,`));
    expect(earned(during)).toEqual({ [FUND]: '150.00', [FUND2]: '25.00' });
    expect(earned(await runNow(args))).toEqual({ [FUND]: '200.00', [FUND2]: '25.00' });
  });
});
