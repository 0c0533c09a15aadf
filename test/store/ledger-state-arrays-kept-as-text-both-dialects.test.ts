import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDayNumber } from '../../src/calendar/isoDate.js';
import { type ClassBLedgerState, NO_LAST_HELD } from '../../src/class-b/monthPassColumns.js';
import { KeyDictionary, type MonthPassDictionaries } from '../../src/class-b/monthPassRecords.js';
import { InternalError } from '../../src/errors.js';
import { upsertAccounts } from '../../src/store/classBRepository.js';
import type { Database } from '../../src/store/database.js';
import { readLedgerStateChunk, writeLedgerStateChunk } from '../../src/store/ledgerStateRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { hostile } from '../support/hostileStrings.js';

// Migration 30 keeps the Class B ledger state's lot and allowance arrays as their text (issue 14:
// PostgreSQL no longer prints, parses and checks thirteen arrays per account on every COPY). What
// must hold: SQL still sees the arrays as they were written (the view class_b_ledger_state_arrays
// types them), plan12b reads back what it wrote, and the rules migration 28's CHECKs held are
// still refused — now by the writer, as a bug (InternalError), with nothing written.
const AS_OF = '2025-11-30';
const EPOCH = toDayNumber('1970-01-01');

interface LotSpec {
  portfolio: number;
  issuing: number;
  origin: string;
  doiEpochDay: number;
  sequence: number;
  arrival: number;
  shareUnits: number;
  costCents: number;
}
interface AllowanceSpec {
  portfolio: number;
  year: number;
  allowanceUnits: number;
  usedUnits: number;
}

/** One account's ledger state as the pass's columns, its lots Commission Shares. */
function stateOf(
  accountKey: number,
  lots: readonly LotSpec[],
  allowances: readonly AllowanceSpec[],
): { state: ClassBLedgerState; d: MonthPassDictionaries } {
  const txns = new KeyDictionary();
  const m = lots.length;
  const col = <T extends Int32Array | Float64Array>(
    make: new (n: number) => T,
    f: (l: LotSpec) => number,
  ) => {
    const c = new make(m);
    lots.forEach((l, i) => {
      c[i] = f(l);
    });
    return c;
  };
  const w = allowances.length;
  const state: ClassBLedgerState = {
    accounts: {
      count: 1,
      key: Int32Array.of(accountKey),
      omnibus: Uint8Array.of(0),
      nextSequence: Int32Array.of(m + 1),
      nextArrival: Int32Array.of(m + 2),
      lotStart: Int32Array.of(0, m),
      withdrawalStart: Int32Array.of(0, w),
      lastHeldStart: new Int32Array(2),
    },
    lastHeld: NO_LAST_HELD,
    lots: {
      count: m,
      portfolio: col(Int32Array, (l) => l.portfolio),
      issuingPortfolio: col(Int32Array, (l) => l.issuing),
      origin: col(Float64Array, (l) => txns.append(l.origin)),
      free: new Uint8Array(m),
      doiDay: col(Int32Array, (l) => EPOCH + l.doiEpochDay),
      sequence: col(Int32Array, (l) => l.sequence),
      arrival: col(Int32Array, (l) => l.arrival),
      shareUnits: col(Float64Array, (l) => l.shareUnits),
      costCents: col(Float64Array, (l) => l.costCents),
      attribution: new Int32Array(m).fill(-1),
    },
    systematicWithdrawals: {
      count: w,
      portfolio: Int32Array.from(allowances, (a) => a.portfolio),
      year: Int32Array.from(allowances, (a) => a.year),
      allowanceUnits: Float64Array.from(allowances, (a) => a.allowanceUnits),
      usedUnits: Float64Array.from(allowances, (a) => a.usedUnits),
    },
    attributions: [],
  };
  const d: MonthPassDictionaries = {
    accounts: new KeyDictionary(),
    portfolios: new KeyDictionary(),
    txns,
    exchanges: new KeyDictionary(),
    distributors: new KeyDictionary(),
  };
  return { state, d };
}

/** The order the writer keeps: (portfolio, DOI, sequence, arrival). */
const stored = (lots: readonly LotSpec[]) =>
  [...lots].sort(
    (a, b) =>
      a.portfolio - b.portfolio ||
      a.doiEpochDay - b.doiEpochDay ||
      a.sequence - b.sequence ||
      a.arrival - b.arrival,
  );

const lotSpec = fc.record({
  portfolio: fc.integer({ min: 0, max: 32_767 }),
  issuing: fc.integer({ min: 0, max: 32_767 }),
  origin: hostile,
  doiEpochDay: fc.integer({ min: -20_000, max: 40_000 }),
  sequence: fc.integer({ min: 0, max: 1_000 }),
  shareUnits: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  costCents: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
});
/**
 * Lots with distinct arrivals (unique in an account), as the ledger gives them: a few, or more than
 * the writer sorts by insertion (an Omnibus Account's many).
 */
const lotsSpec = fc
  .oneof(
    { arbitrary: fc.array(lotSpec, { maxLength: 6 }), weight: 3 },
    { arbitrary: fc.array(lotSpec, { minLength: 65, maxLength: 80 }), weight: 1 },
  )
  .map((ls) => ls.map((l, i): LotSpec => ({ ...l, arrival: i * 3 + 1 })));
const allowancesSpec = fc.uniqueArray(
  fc.record({
    portfolio: fc.integer({ min: 0, max: 32_767 }),
    year: fc.integer({ min: 1990, max: 2100 }),
    allowanceUnits: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    usedUnits: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  }),
  { maxLength: 3, selector: (a) => `${a.portfolio}|${a.year}` },
);

describe.each(dialects)('the ledger state arrays kept as text on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  let accountKey: number;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await upsertAccounts(db, [{ account: 'acct "1"\t{x}', omnibus: false, dealerOfRecord: null }], 0);
    const [row] = await db.query<{ k: number }>('SELECT account_key AS k FROM class_b_account');
    accountKey = Number(row!.k);
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  const arraysInSql = async () =>
    db.query<Record<string, unknown>>(
      `SELECT lot_arrival, lot_portfolio_key, lot_issuing_portfolio_key, lot_origin_txn_id, lot_free,
              lot_doi_epoch_day, lot_sequence, lot_share_units::text[] AS lot_share_units,
              lot_cost_cents::text[] AS lot_cost_cents, allowance_portfolio_key, allowance_year,
              allowance_units::text[] AS allowance_units, allowance_used_units::text[] AS allowance_used_units
         FROM class_b_ledger_state_arrays WHERE account_key = $1 AND as_of = $2`,
      [accountKey, AS_OF],
    );
  const rowsStored = async () =>
    Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM class_b_ledger_state'))[0]!.n);

  it('is seen by SQL as the arrays written, and read back by plan12b as written (hostile origins, any safe integers)', async () => {
    await fc.assert(
      fc.asyncProperty(lotsSpec, allowancesSpec, async (lots, allowances) => {
        const { state, d } = stateOf(accountKey, lots, allowances);
        await db.transaction(async (tx) => {
          await tx.query('DELETE FROM class_b_ledger_state');
          await writeLedgerStateChunk(tx, AS_OF, state, d);
        });
        const want = stored(lots);
        const wantAllowances = [...allowances].sort((a, b) => a.portfolio - b.portfolio || a.year - b.year);
        const [sql] = await arraysInSql();
        expect(sql).toEqual({
          lot_arrival: want.map((l) => l.arrival),
          lot_portfolio_key: want.map((l) => l.portfolio),
          lot_issuing_portfolio_key: want.map((l) => l.issuing),
          lot_origin_txn_id: want.map((l) => l.origin),
          lot_free: want.map(() => false),
          lot_doi_epoch_day: want.map((l) => l.doiEpochDay),
          lot_sequence: want.map((l) => l.sequence),
          lot_share_units: want.map((l) => String(l.shareUnits)),
          lot_cost_cents: want.map((l) => String(l.costCents)),
          allowance_portfolio_key: wantAllowances.map((a) => a.portfolio),
          allowance_year: wantAllowances.map((a) => a.year),
          allowance_units: wantAllowances.map((a) => String(a.allowanceUnits)),
          allowance_used_units: wantAllowances.map((a) => String(a.usedUnits)),
        });
        const rd: MonthPassDictionaries = { ...d, txns: new KeyDictionary() };
        const back = await readLedgerStateChunk(db, AS_OF, { fromKey: accountKey, toKey: accountKey }, rd);
        const s = back.state;
        expect([s.accounts.count, s.accounts.nextSequence[0], s.accounts.nextArrival[0]]).toEqual([
          1,
          lots.length + 1,
          lots.length + 2,
        ]);
        expect(
          Array.from({ length: s.lots.count }, (_, i) => ({
            portfolio: s.lots.portfolio[i],
            issuing: s.lots.issuingPortfolio[i],
            origin: rd.txns.name(s.lots.origin[i]!),
            doiEpochDay: s.lots.doiDay[i]! - EPOCH,
            sequence: s.lots.sequence[i],
            arrival: s.lots.arrival[i],
            shareUnits: s.lots.shareUnits[i],
            costCents: s.lots.costCents[i],
          })),
        ).toEqual(want);
        const sw = s.systematicWithdrawals;
        expect(
          Array.from({ length: sw.count }, (_, i) => ({
            portfolio: sw.portfolio[i],
            year: sw.year[i],
            allowanceUnits: sw.allowanceUnits[i],
            usedUnits: sw.usedUnits[i],
          })),
        ).toEqual(wantAllowances);
      }),
      { numRuns: 25 },
    );
  });

  const good: LotSpec = {
    portfolio: 2,
    issuing: 2,
    origin: 'T-1',
    doiEpochDay: 20_000,
    sequence: 1,
    arrival: 1,
    shareUnits: 1_000_000,
    costCents: 1_000_00,
  };
  const goodAllowance: AllowanceSpec = { portfolio: 2, year: 2025, allowanceUnits: 120_000, usedUnits: 0 };
  it.each([
    ['a lot of no shares', [{ ...good, shareUnits: 0 }], [goodAllowance], /holds 0 share units/],
    ['a lot of negative shares', [{ ...good, shareUnits: -5 }], [goodAllowance], /holds -5 share units/],
    ['a lot of negative cost', [{ ...good, costCents: -1 }], [goodAllowance], /costs -1 cents/],
    ['a portfolio key past a smallint', [{ ...good, portfolio: 40_000 }], [goodAllowance], /not smallints/],
    [
      'an issuing portfolio key below a smallint',
      [{ ...good, issuing: -40_000 }],
      [goodAllowance],
      /not smallints/,
    ],
    ['a negative allowance', [good], [{ ...goodAllowance, allowanceUnits: -1 }], /allowance 0 \(2025\)/],
    ['a negative allowance used', [good], [{ ...goodAllowance, usedUnits: -2 }], /-2 used/],
    ['a year past a smallint', [good], [{ ...goodAllowance, year: 40_000 }], /allowance 0 \(40000\)/],
  ] as const)(
    'refuses %s as a bug in plan12b, and writes nothing',
    async (_what, lots, allowances, reason) => {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM class_b_ledger_state');
      });
      const { state, d } = stateOf(accountKey, lots, allowances);
      const write = db.transaction((tx) => writeLedgerStateChunk(tx, AS_OF, state, d));
      await expect(write).rejects.toBeInstanceOf(InternalError);
      await expect(write).rejects.toThrow(reason);
      expect(await rowsStored()).toBe(0);
      // and the same account's state within the rules is written
      const ok = stateOf(accountKey, [good], [goodAllowance]);
      await db.transaction((tx) => writeLedgerStateChunk(tx, AS_OF, ok.state, ok.d));
      expect(await rowsStored()).toBe(1);
    },
  );
});
