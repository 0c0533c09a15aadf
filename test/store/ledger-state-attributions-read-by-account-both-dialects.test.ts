import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDayNumber } from '../../src/calendar/isoDate.js';
import type { FreeShareAttribution } from '../../src/class-b/freeShareAttribution.js';
import { type ClassBLedgerState, NO_LAST_HELD } from '../../src/class-b/monthPassColumns.js';
import {
  createDictionaries,
  KeyDictionary,
  type MonthPassDictionaries,
} from '../../src/class-b/monthPassRecords.js';
import { upsertAccounts } from '../../src/store/classBRepository.js';
import type { Database } from '../../src/store/database.js';
import { readLedgerStateChunk, writeLedgerStateChunk } from '../../src/store/ledgerStateRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { noSystematicWithdrawals } from '../support/ledgerStateFixtures.js';

// The Exhibit A 2(b) attributions of a chunk's Free Shares are read in account key order and
// found account by account (issue 14: no `account key|origin` string and map entry per stored row,
// and the JSON parsed once per distinct text). What must hold, for accounts of no, one, many (more
// than the 16 a linear search takes) and very many reinvestments, with hostile origins and the
// same attribution text in many accounts:
// - every Free Share lot reads back the attribution written for its reinvestment, on the three
//   reads (a close's whole range, an import's touched accounts, a report's few portfolios);
// - one object per reinvestment: the lots one reinvestment became share it, two reinvestments
//   never do, even with the same text (Exhibit A resolves each object once, by its first lot);
// - the close's write of the state it read writes no attribution again, and writes a new one
//   (its COPY has no ON CONFLICT: a stored one written again fails it).
const AS_OF = '2025-11-30';
const NEXT = '2025-12-31';
const EPOCH = toDayNumber('1970-01-01');
const NAMES = ['acct-none', 'acct "one"', 'acct\tmany', 'acct\\very many'];
const FREE_ORIGINS = [0, 1, 17, 60];

/** The attribution of account j's reinvestment i: three kinds, the empty one shared by text. */
function attributionOf(j: number, i: number): FreeShareAttribution {
  if (i % 3 === 0) return { kind: 'distributor', distributor: `Dist "${j}"\t${i % 2}` };
  if (i % 3 === 1) return { kind: 'derivedFrom', basis: 'accountCommissionShares', weights: [] };
  return {
    kind: 'derivedFrom',
    basis: 'statedDoi',
    weights: [
      {
        issuingPortfolioId: `fund\\${i}`,
        dateOfOriginalIssuance: '2019-03-01',
        shareUnits: BigInt(1_000 + i),
      },
    ],
  };
}
const originOf = (j: number, i: number) => `R|${j}|${i}\t"x"\\`;
const asJson = (a: FreeShareAttribution | null) =>
  JSON.stringify(a, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));

/**
 * The accounts' state: per account a Commission Share lot in portfolio 0, and per reinvestment a
 * Free Share lot in portfolio 0 and, for every other one, a second lot in portfolio 1 (an
 * exchange carried it). `extra` adds a reinvestment to the last account.
 */
function stateOf(keys: readonly number[], extra = 0): { state: ClassBLedgerState; d: MonthPassDictionaries } {
  const txns = new KeyDictionary();
  const lots: { portfolio: number; origin: string; free: boolean; attribution: number }[][] = [];
  const attributions: FreeShareAttribution[] = [];
  keys.forEach((_k, j) => {
    const own: (typeof lots)[number] = [{ portfolio: 0, origin: `P${j}`, free: false, attribution: -1 }];
    const n = FREE_ORIGINS[j]! + (j === keys.length - 1 ? extra : 0);
    for (let i = 0; i < n; i++) {
      const at = attributions.push(attributionOf(j, i)) - 1;
      own.push({ portfolio: 0, origin: originOf(j, i), free: true, attribution: at });
      if (i % 2 === 0) own.push({ portfolio: 1, origin: originOf(j, i), free: true, attribution: at });
    }
    lots.push(own);
  });
  const all = lots.flat();
  const m = all.length;
  const lotStart = new Int32Array(keys.length + 1);
  lots.forEach((own, j) => {
    lotStart[j + 1] = lotStart[j]! + own.length;
  });
  const state: ClassBLedgerState = {
    accounts: {
      count: keys.length,
      key: Int32Array.from(keys),
      omnibus: new Uint8Array(keys.length),
      nextSequence: Int32Array.from(lots, (own) => own.length),
      nextArrival: Int32Array.from(lots, (own) => own.length),
      lotStart,
      withdrawalStart: new Int32Array(keys.length + 1),
      lastHeldStart: new Int32Array(keys.length + 1),
    },
    lastHeld: NO_LAST_HELD,
    lots: {
      count: m,
      portfolio: Int32Array.from(all, (l) => l.portfolio),
      issuingPortfolio: Int32Array.from(all, (l) => l.portfolio),
      origin: Float64Array.from(all, (l) => txns.append(l.origin)),
      free: Uint8Array.from(all, (l) => (l.free ? 1 : 0)),
      doiDay: Int32Array.from(all, () => EPOCH + 18_000),
      sequence: Int32Array.from(lots.flatMap((own) => own.map((_l, i) => i))),
      arrival: Int32Array.from(lots.flatMap((own) => own.map((_l, i) => i))),
      shareUnits: Float64Array.from(all, (_l, i) => 10_000 + i),
      costCents: Float64Array.from(all, (_l, i) => i),
      attribution: Int32Array.from(all, (l) => l.attribution),
    },
    systematicWithdrawals: noSystematicWithdrawals(),
    attributions,
  };
  return { state, d: { ...createDictionaries(), txns } };
}

/** Each account's Free Share lots as (portfolio, origin, attribution), and the objects' sharing. */
function freeLotsRead(state: ClassBLedgerState, txns: KeyDictionary) {
  const byAccount = new Map<number, string[]>();
  const objectOf = new Map<string, FreeShareAttribution>();
  const seen = new Set<FreeShareAttribution>();
  for (let a = 0; a < state.accounts.count; a++) {
    const k = state.accounts.key[a]!;
    const rows: string[] = [];
    for (let i = state.accounts.lotStart[a]!; i < state.accounts.lotStart[a + 1]!; i++) {
      if (state.lots.free[i] !== 1) continue;
      const origin = txns.name(state.lots.origin[i]!);
      const attribution = state.attributions[state.lots.attribution[i]!]!;
      rows.push(`${state.lots.portfolio[i]}|${origin}|${asJson(attribution)}`);
      const mine = objectOf.get(`${k}|${origin}`);
      if (mine === undefined) {
        // a reinvestment's object belongs to it alone
        expect(seen.has(attribution)).toBe(false);
        seen.add(attribution);
        objectOf.set(`${k}|${origin}`, attribution);
      } else expect(attribution).toBe(mine);
    }
    byAccount.set(k, rows.sort());
  }
  return byAccount;
}

/** What was written: account index j's Free Share lots, as freeLotsRead lists them. */
function freeLotsWritten(j: number, portfolios: readonly number[] = [0, 1]): string[] {
  const rows: string[] = [];
  for (let i = 0; i < FREE_ORIGINS[j]!; i++)
    for (const p of i % 2 === 0 ? [0, 1] : [0])
      if (portfolios.includes(p)) rows.push(`${p}|${originOf(j, i)}|${asJson(attributionOf(j, i))}`);
  return rows.sort();
}

describe.each(dialects)('the ledger state attributions read by account on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  let keys: number[];
  const dictionaries = (): MonthPassDictionaries => createDictionaries();
  const attributionRows = async () =>
    Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM class_b_lot_attribution'))[0]!.n);

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await upsertAccounts(
      db,
      NAMES.map((account) => ({ account, omnibus: false, dealerOfRecord: null })),
      0,
    );
    const rows = await db.query<{ k: number; account: string }>(
      'SELECT account_key AS k, account FROM class_b_account',
    );
    keys = NAMES.map((n) => Number(rows.find((r) => r.account === n)!.k));
    const { state, d } = stateOf(keys);
    await db.transaction((tx) => writeLedgerStateChunk(tx, AS_OF, state, d));
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it("a close's, an import's and a report's reads find every lot's attribution, one object per reinvestment", async () => {
    expect(await attributionRows()).toBe(FREE_ORIGINS.reduce((a, b) => a + b, 0));
    const range = { fromKey: Math.min(...keys), toKey: Math.max(...keys) };
    const whole = dictionaries();
    const close = freeLotsRead((await readLedgerStateChunk(db, AS_OF, range, whole)).state, whole.txns);
    for (const [j, k] of keys.entries()) expect(close.get(k), NAMES[j]).toEqual(freeLotsWritten(j));

    const touched = dictionaries();
    const some = [keys[1]!, keys[3]!];
    const imported = await readLedgerStateChunk(db, AS_OF, range, touched, { accountKeys: some });
    const importRead = freeLotsRead(imported.state, touched.txns);
    expect([...importRead.keys()].sort()).toEqual([...some].sort());
    for (const j of [1, 3]) expect(importRead.get(keys[j]!), NAMES[j]).toEqual(freeLotsWritten(j));

    const few = dictionaries();
    const report = await readLedgerStateChunk(db, AS_OF, range, few, { portfolioKeys: [1] });
    const reportRead = freeLotsRead(report.state, few.txns);
    for (const [j, k] of keys.entries())
      expect(reportRead.get(k) ?? [], NAMES[j]).toEqual(freeLotsWritten(j, [1]));
  });

  it("the close's write of what it read writes no stored attribution again, and a new one once", async () => {
    const range = { fromKey: Math.min(...keys), toKey: Math.max(...keys) };
    const rd = dictionaries();
    const read = await readLedgerStateChunk(db, AS_OF, range, rd);
    const before = await attributionRows();
    // the state as a month pass gives it: new objects (none is the read's), one reinvestment more
    // in the account of very many; only the stored keys tell the writer what is stored
    const { state, d } = stateOf(keys, 1);
    await db.transaction((tx) =>
      writeLedgerStateChunk(tx, NEXT, state, d, {
        storedAttributions: read.storedAttributions,
        attributionKeysStored: read.storedAttributionKeys,
      }),
    );
    expect(await attributionRows()).toBe(before + 1);
    const [row] = await db.query<{ origin: string }>(
      'SELECT origin_txn_id AS origin FROM class_b_lot_attribution WHERE account_key = $1 AND origin_txn_id = $2',
      [keys[3]!, originOf(3, FREE_ORIGINS[3]!)],
    );
    expect(row?.origin).toBe(originOf(3, FREE_ORIGINS[3]!));
  });
});
