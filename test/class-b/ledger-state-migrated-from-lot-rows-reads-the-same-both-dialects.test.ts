import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDayNumber } from '../../src/calendar/isoDate.js';
import { accountStateAtMonthEnd } from '../../src/class-b/accountStateAtMonthEnd.js';
import type { ClassBActivity } from '../../src/class-b/classBActivity.js';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { compareLots } from '../../src/class-b/lot.js';
import type { ClassBLedgerState } from '../../src/class-b/monthPassColumns.js';
import { type AccountRecordState, ledgerStateOf, lotsOfAccount } from '../../src/class-b/monthPassRecords.js';
import { upsertAccounts } from '../../src/store/classBRepository.js';
import { encodeCopyValue } from '../../src/store/copyText.js';
import { type Database, openDatabase, type Queryable } from '../../src/store/database.js';
import {
  accountKeyRanges,
  ledgerStateDictionaries,
  markLedgerStateMonth,
  readLedgerStateChunk,
  readStoredLedgersOf,
  recordLedgerPortfolios,
  writeLedgerStateChunk,
} from '../../src/store/ledgerStateRepository.js';
import { MIGRATIONS, migrate, schemaVersion } from '../../src/store/migrations.js';
import {
  dialects,
  emptyPgliteStore,
  freshDatabase,
  serverUrl,
  type TestDatabase,
} from '../support/databases.js';
import { GENERATED_TERMS, generateAccountActivity } from './support/generatedActivity.js';
import { fullJson } from './support/monthPassHarness.js';

// Migration 28 moves the stored Class B ledger from a row per lot (class_b_lot_state,
// class_b_withdrawal_allowance_state beside class_b_account_state) to a row per account with the
// lots as arrays. A store written by the old schema — migrated to 27, its state written as lot
// rows, lots in reverse order and txn_ids with quotes, backslashes, commas, braces, spaces, tabs,
// NULL and non-ASCII — must read back after migrating exactly as the same state written by this
// build reads back, and as the ledger's replay.
const ACCOUNTS = 120;
const CHUNK = 50;
const ENDS = ['2004-06-30', '2008-12-31'] as const;
const HOSTILE = [' "quoted"', '\\back\\slash', ',comma', '{brace}', '\ttab\nline', ' é€𝄞', '\\"x\\', ' '];

/** Account i's history, every third account's txn_ids made hostile (and one exactly NULL). */
function activityOf(i: number, account: string): ClassBActivity[] {
  const activity = generateAccountActivity(7_000 + i, account);
  if (i % 3 !== 0) return activity;
  let n = 0;
  const id = (txnId: string) =>
    i === 3 && n++ === 0 ? 'NULL' : `${txnId}${HOSTILE[(i / 3 + n++) % HOSTILE.length]}`;
  return activity.map((a) =>
    a.kind === 'exchange'
      ? { ...a, out: { ...a.out, txnId: id(a.out.txnId) }, in: { ...a.in, txnId: id(a.in.txnId) } }
      : { ...a, txnId: id(a.txnId) },
  );
}

const accounts = Array.from({ length: ACCOUNTS }, (_, i) => {
  const account = `mig-${String(i).padStart(4, '0')}`;
  return { account, omnibus: i % 10 === 1, activity: activityOf(i, account) };
});

/** At the later month end only every other account gets a row (the others' is the earlier one's). */
const writtenAt = (end: string, i: number) => end === ENDS[0] || i % 2 === 0;

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

/** The state of the accounts at `end`, keys the store's, for the accounts written then. */
async function stateAt(q: Queryable, end: string) {
  const d = await ledgerStateDictionaries(q);
  const keyOf = new Map(
    (await q.textRows('SELECT account, account_key FROM class_b_account')).map(([a, k]) => [a!, Number(k)]),
  );
  // without what the ledgers remember of DOIs no longer held (lastHeldIssuance.ts): schema 27 had no
  // place for it, and migration 35 marks a state "not recorded" only where the store holds an
  // exchange of the account, which this one (states, no transactions) does not; that path is
  // stated-doi-no-longer-held-traced-to-first-issuance-through-the-store-both-dialects.test.ts's
  const records: AccountRecordState[] = accounts
    .filter((_, i) => writtenAt(end, i))
    .map((a) => ({
      ...accountStateAtMonthEnd(a.account, a.omnibus, a.activity, GENERATED_TERMS, end),
      lastHeld: [],
    }));
  const state = ledgerStateOf(records, d, (r) => keyOf.get(r.account)!);
  await recordLedgerPortfolios(q, d.portfolios);
  return { state, d };
}

/** The state as migration 26's tables held it (the old build's writeLedgerStateChunk), lots in reverse. */
async function writeLotRows(
  q: Queryable,
  asOf: string,
  state: ClassBLedgerState,
  txnName: (k: number) => string,
) {
  const acc = state.accounts;
  const l = state.lots;
  const sw = state.systematicWithdrawals;
  const accountLines: string[] = [];
  const lotLines: string[] = [];
  const withdrawalLines: string[] = [];
  for (let a = 0; a < acc.count; a++) {
    const k = acc.key[a]!;
    accountLines.push(`${k}\t${asOf}\t${acc.nextSequence[a]}\t${acc.nextArrival[a]}\n`);
    for (let i = acc.lotStart[a + 1]! - 1; i >= acc.lotStart[a]!; i--) {
      const origin = txnName(l.origin[i]!);
      lotLines.push(
        `${k}\t${asOf}\t${l.arrival[i]}\t${l.portfolio[i]}\t${l.issuingPortfolio[i]}\t${encodeCopyValue(origin)}\t${
          l.free[i] === 1 ? 't' : 'f'
        }\t${fromDayNumber(l.doiDay[i]!)}\t${l.sequence[i]}\t${l.shareUnits[i]}\t${l.costCents[i]}\n`,
      );
      if (l.free[i] === 1)
        await q.query(
          'INSERT INTO class_b_lot_attribution VALUES ($1, $2, $3) ON CONFLICT (account_key, origin_txn_id) DO NOTHING',
          [k, origin, json(state.attributions[l.attribution[i]!])],
        );
    }
    for (let i = acc.withdrawalStart[a + 1]! - 1; i >= acc.withdrawalStart[a]!; i--)
      withdrawalLines.push(
        `${k}\t${asOf}\t${sw.portfolio[i]}\t${sw.year[i]}\t${sw.allowanceUnits[i]}\t${sw.usedUnits[i]}\n`,
      );
  }
  await q.copyIn(
    'class_b_account_state',
    ['account_key', 'as_of', 'next_sequence', 'next_arrival'],
    accountLines.join(''),
  );
  if (lotLines.length > 0)
    await q.copyIn(
      'class_b_lot_state',
      [
        'account_key',
        'as_of',
        'arrival',
        'portfolio_key',
        'issuing_portfolio_key',
        'origin_txn_id',
        'free',
        'doi',
        'sequence',
        'share_units',
        'cost_cents',
      ],
      lotLines.join(''),
    );
  if (withdrawalLines.length > 0)
    await q.copyIn(
      'class_b_withdrawal_allowance_state',
      ['account_key', 'as_of', 'portfolio_key', 'year', 'allowance_units', 'used_units'],
      withdrawalLines.join(''),
    );
  return lotLines.length;
}

/** An empty store of its own, not migrated. */
async function unmigratedStore(dialect: 'pglite' | 'postgres') {
  if (dialect === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-test-'));
    await emptyPgliteStore(join(dir, 'db')); // a copy of the run's initdb, not one of its own
    return {
      db: await openDatabase(join(dir, 'db')),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const u = new URL(serverUrl!);
  u.searchParams.set('schema', schema);
  return {
    db: await openDatabase(u.toString()),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

/** Everything the reads give at `asOf`: every chunk's state, names, attributions, and the ledgers by name. */
async function reads(q: Queryable, asOf: string): Promise<string> {
  const d = await ledgerStateDictionaries(q);
  const chunks: unknown[] = [];
  for (const range of await accountKeyRanges(q, CHUNK)) {
    const c = await readLedgerStateChunk(q, asOf, range, d);
    chunks.push([
      c.state,
      [...c.accountNames],
      c.state.lots.count === 0 ? [] : d.txns.allNames().slice(-c.state.lots.count),
    ]);
    const some = await readLedgerStateChunk(q, asOf, range, d, { portfolioKeys: [1, 3] });
    chunks.push(some.state);
  }
  const ledgers = await readStoredLedgersOf(
    q,
    accounts.map((a) => a.account),
    asOf,
  );
  return fullJson([chunks, [...ledgers]]);
}

describe.each(dialects)('the stored ledger migrated from lot rows (migration 28) on %s', (dialect) => {
  let old: { db: Database; drop(): Promise<void> };
  let fresh: TestDatabase;
  let db: Database;
  let lotRows = 0;
  beforeAll(async () => {
    old = await unmigratedStore(dialect);
    await schemaVersion(old.db);
    for (const m of MIGRATIONS.filter((x) => x.version <= 27))
      await old.db.transaction(async (tx) => {
        await tx.exec(m.sql);
        await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [m.version, m.name]);
      });
    fresh = await freshDatabase(dialect);
    db = await fresh.open();
    const records = accounts.map((a) => ({ account: a.account, omnibus: a.omnibus, dealerOfRecord: null }));
    await upsertAccounts(old.db, records, 0);
    await upsertAccounts(db, records, 0);
    for (const end of ENDS) {
      await old.db.transaction(async (tx) => {
        const { state, d } = await stateAt(tx, end);
        lotRows += await writeLotRows(tx, end, state, (k) => d.txns.name(k));
        await markLedgerStateMonth(tx, end, {
          accounts: state.accounts.count,
          lots: state.lots.count,
          bootstrapped: true,
        });
      });
      await db.transaction(async (tx) => {
        const { state, d } = await stateAt(tx, end);
        const written = await writeLedgerStateChunk(tx, end, state, d);
        await markLedgerStateMonth(tx, end, { ...written, bootstrapped: true });
      });
    }
  });
  afterAll(async () => {
    await db?.close();
    await fresh?.drop();
    await old?.db.close();
    await old?.drop();
  });

  it(`${ACCOUNTS} accounts at ${ENDS.join(' and ')} written as lot rows by schema 27 read back after migrating as this build's writes and as the replay`, async () => {
    expect(lotRows).toBeGreaterThan(ACCOUNTS);
    // 28, and every later migration (29: the Class B references checked per statement; 30: the
    // arrays kept as their text, on this data)
    expect(await migrate(old.db)).toEqual(MIGRATIONS.filter((m) => m.version >= 28).map((m) => m.version));
    for (const table of ['class_b_lot_state', 'class_b_withdrawal_allowance_state', 'class_b_account_state'])
      expect((await old.db.query('SELECT to_regclass($1)::text AS t', [table]))[0]).toEqual({ t: null });
    const [moved] = await old.db.query<{ rows: number; lots: number }>(
      // the arrays as SQL sees them since migration 30 keeps them as text: through the view
      'SELECT count(*)::int AS rows, sum(cardinality(lot_arrival))::int AS lots FROM class_b_ledger_state_arrays',
    );
    expect(moved!.lots).toBe(lotRows);
    expect(moved!.rows).toBe(ACCOUNTS + ACCOUNTS / 2);

    let hostile = 0;
    for (const asOf of [ENDS[0], '2006-01-31', ENDS[1], '2020-12-31']) {
      expect(await reads(old.db, asOf)).toBe(await reads(db, asOf));
      // and what they read is the ledger: each account's lots as its replay through its state's month end
      const ledgers = await readStoredLedgersOf(
        old.db,
        accounts.map((a) => a.account),
        asOf,
      );
      const mismatches: string[] = [];
      accounts.forEach((a, i) => {
        const until = asOf >= ENDS[1] && writtenAt(ENDS[1], i) ? ENDS[1] : ENDS[0];
        const replayed = replayAccount(a.account, a.activity, GENERATED_TERMS, { until });
        const stored = ledgers.get(a.account)!;
        expect(stored.asOf).toBe(until);
        if (fullJson([...stored.lots].sort(compareLots)) !== fullJson([...replayed.lots].sort(compareLots)))
          mismatches.push(a.account);
        hostile += stored.lots.filter((l) => /["\\,{}\s\u00e9]|^NULL$/.test(l.lotId)).length;
      });
      expect(mismatches).toEqual([]);
    }
    expect(hostile).toBeGreaterThan(50);
    // the columns' lots are the records' (a second look, through lotsOfAccount)
    const d = await ledgerStateDictionaries(old.db);
    const [first] = await accountKeyRanges(old.db, ACCOUNTS);
    const chunk = await readLedgerStateChunk(old.db, ENDS[1], first!, d);
    const byName = await readStoredLedgersOf(
      old.db,
      accounts.map((a) => a.account),
      ENDS[1],
    );
    for (let a = 0; a < chunk.state.accounts.count; a++) {
      const name = chunk.accountNames.get(chunk.state.accounts.key[a]!)!;
      expect(fullJson(lotsOfAccount(chunk.state, a, d).sort(compareLots))).toBe(
        fullJson([...byName.get(name)!.lots].sort(compareLots)),
      );
    }
  });
});
