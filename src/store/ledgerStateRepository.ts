import { fromDayNumber, toDayNumber } from '../calendar/isoDate.js';
import { type CdscWaiver, isCdscWaiver } from '../class-b/cdscWaiver.js';
import type { FreeShareAttribution } from '../class-b/freeShareAttribution.js';
import { compareLastHeld, type LastHeldIssuance } from '../class-b/lastHeldIssuance.js';
import type { Lot } from '../class-b/lot.js';
import {
  type ClassBLedgerState,
  finishedMonthTransactions,
  type MonthTransactionColumns,
  monthTransactionsBuilder,
  NO_DAY,
  TXN_CONVERT,
  TXN_EXCHANGE,
  TXN_PURCHASE,
  TXN_REDEEM,
  TXN_REINVEST,
  waiverCode,
} from '../class-b/monthPassColumns.js';
import { KeyDictionary, type MonthPassDictionaries } from '../class-b/monthPassRecords.js';
import type { StoredAccountLedger } from '../class-b/storedAccountLedger.js';
import { InternalError } from '../errors.js';
import { withStagedKeys } from './bulkCopy.js';
import {
  type CopyColumnKind,
  decodeCopyColumns,
  encodeCopyValue,
  sqlTextArrayLiteral,
  sqlTextLiteral,
} from './copyText.js';
import { CopyTextBytes } from './copyTextBytes.js';
import type { Queryable } from './database.js';
import {
  ALLOWANCE_ARRAY_COLUMNS,
  decodeLedgerStateCopy,
  freeLotsOf,
  LOT_ARRAY_COLUMNS,
  stateArrays,
} from './ledgerStateRows.js';
import { encodeIntArray } from './pgArrayText.js';

/**
 * The Class B share ledger stored at month ends (issue 14 item 1; schema: ledgerStateSchema.ts):
 * a chunk of accounts' `ClassBLedgerState` (monthPassColumns.ts) written by COPY and read back by
 * COPY in the month pass's account order. Accounts are the store's `account_key`s; portfolios the
 * `class_b_ledger_portfolio` keys, which are also the keys of the dictionary the pass is given
 * (see {@link ledgerPortfolios}); lots' origins and the attributions' distributors are keys of the
 * caller's dictionaries.
 */

/** A range of account keys, both ends included. */
export interface AccountKeyRange {
  readonly fromKey: number;
  readonly toKey: number;
}

/** A chunk's stored ledger, with the attributions that are already stored (not to be written again). */
export interface StoredLedgerChunk {
  readonly asOf: string;
  readonly state: ClassBLedgerState;
  /** account key → account */
  readonly accountNames: ReadonlyMap<number, string>;
  readonly storedAttributions: ReadonlySet<FreeShareAttribution>;
  /**
   * Every attribution stored for the chunk's accounts, as `account key|origin` (read whole: a
   * ledger to apply a month to, not a report's or an import's read, which leave it empty): a write
   * can then tell the new ones itself (see {@link writeLedgerStateChunk}'s `attributionKeysStored`).
   */
  readonly storedAttributionKeys: { has(key: string): boolean };
  /**
   * The accounts (keys) whose remembered issuances were derived by replay (a state written before
   * migration 35 did not record them): to be written again, so that it is done once.
   */
  readonly lastHeldDerived: ReadonlySet<number>;
}

/**
 * Each account's remembered issuances (lastHeldIssuance.ts; class_b_ledger_last_held) at its latest
 * state on or before `asOf`, by account key: its entries in the ledger's order (portfolio id, DOI,
 * issuing portfolio id), or 'notRecorded' where that state was written before migration 35 and the
 * account had exchanged by then (derive by replay). Accounts with nothing remembered are absent.
 * The table holds rows of few accounts (those that exchanged and then gave up all of a DOI).
 */
async function lastHeldOfLatestStates(
  q: Queryable,
  asOf: string,
  range: AccountKeyRange | undefined,
  keys: readonly number[] | undefined,
  portfolioIds: readonly string[],
  /**
   * Each remembered issuance read (not the "not recorded" marks) as its COPY text line in the
   * columns of closeRepository.ts `ledgerStateAtCopyText`, with its account key and date (days
   * since 1970-01-01): the close's check hashes what the month pass reads (month9).
   */
  lines?: (key: number, day: number, line: string) => void,
): Promise<Map<number, StoredLastHeld[] | 'notRecorded'>> {
  const rows = await q.textRows(
    `SELECT m.account_key, m.portfolio_key IS NULL, coalesce(m.portfolio_key, 0), coalesce(m.doi_epoch_day, 0),
            coalesce(m.issuing_portfolio_key, 0), coalesce(m.share_units, 0), m.as_of - DATE '1970-01-01'
       FROM class_b_ledger_last_held m
      WHERE ${range === undefined ? 'true' : inRange('m.account_key', range)} ${amongKeys('m.account_key', keys)}
        AND m.as_of <= ${sqlTextLiteral(asOf)}::date
        AND NOT EXISTS (SELECT 1 FROM class_b_ledger_state st WHERE st.account_key = m.account_key
                          AND st.as_of > m.as_of AND st.as_of <= ${sqlTextLiteral(asOf)}::date)
      ORDER BY m.account_key`,
  );
  const out = new Map<number, StoredLastHeld[] | 'notRecorded'>();
  const id = (k: number) => {
    const name = portfolioIds[k];
    if (name === undefined) throw new Error(`class_b_ledger_last_held: portfolio key ${k} is not recorded`);
    return name;
  };
  const epochDay = toDayNumber('1970-01-01');
  for (const [k, notRecorded, p, doi, issuing, shares, day] of rows) {
    const key = Number(k);
    if (notRecorded === 't') {
      out.set(key, 'notRecorded');
      continue;
    }
    lines?.(
      key,
      Number(day),
      `${k}\t${fromDayNumber(epochDay + Number(day))}\t${p}\t${doi}\t${issuing}\t${shares}\n`,
    );
    const list = out.get(key) ?? [];
    if (list === 'notRecorded') continue;
    list.push({
      portfolioKey: Number(p),
      doiEpochDay: Number(doi),
      issuingPortfolioKey: Number(issuing),
      shareUnits: Number(shares),
      record: {
        portfolioId: id(Number(p)),
        dateOfOriginalIssuance: fromDayNumber(toDayNumber('1970-01-01') + Number(doi)),
        issuingPortfolioId: id(Number(issuing)),
        shareUnits: BigInt(shares!),
      },
    });
    out.set(key, list);
  }
  for (const list of out.values())
    if (list !== 'notRecorded') list.sort((a, b) => compareLastHeld(a.record, b.record));
  return out;
}

/** A stored remembered issuance: its keys as stored, and as the ledger's record. */
interface StoredLastHeld {
  readonly portfolioKey: number;
  readonly doiEpochDay: number;
  readonly issuingPortfolioKey: number;
  readonly shareUnits: number;
  readonly record: LastHeldIssuance;
}

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

/**
 * A new object saying what `a` says (its frozen weights shared): one per reinvestment, as the
 * ledger carries them, without parsing the same JSON again.
 */
function sameAttribution(a: FreeShareAttribution): FreeShareAttribution {
  return Object.freeze(
    a.kind === 'distributor'
      ? { kind: a.kind, distributor: a.distributor }
      : { kind: a.kind, basis: a.basis, weights: a.weights },
  );
}

/** The stored JSON of an attribution back to the record (freeShareAttribution.ts). */
export function attributionOfJson(text: string): FreeShareAttribution {
  const a = JSON.parse(text) as
    | { kind: 'distributor'; distributor: string }
    | {
        kind: 'derivedFrom';
        basis: 'statedDoi' | 'accountCommissionShares';
        weights: { issuingPortfolioId: string; dateOfOriginalIssuance: string; shareUnits: string }[];
      };
  if (a.kind === 'distributor') return Object.freeze({ kind: 'distributor', distributor: a.distributor });
  return Object.freeze({
    kind: 'derivedFrom',
    basis: a.basis,
    weights: Object.freeze(
      a.weights.map((w) =>
        Object.freeze({
          issuingPortfolioId: w.issuingPortfolioId,
          dateOfOriginalIssuance: w.dateOfOriginalIssuance,
          shareUnits: BigInt(w.shareUnits),
        }),
      ),
    ),
  });
}

/**
 * The portfolio dictionary of the stored state, its keys the stored ones (0, 1, 2 … in order),
 * with `portfolioIds` added at the next keys and recorded.
 */
export async function ledgerPortfolios(
  q: Queryable,
  portfolioIds: Iterable<string> = [],
): Promise<KeyDictionary> {
  const d = await storedLedgerPortfolios(q);
  await recordLedgerPortfolios(q, d, portfolioIds);
  return d;
}

/** The stored portfolio keys as a dictionary (0, 1, 2 … in order), read only. */
async function storedLedgerPortfolios(q: Queryable): Promise<KeyDictionary> {
  const rows = await q.textRows(
    'SELECT portfolio_key, portfolio_id FROM class_b_ledger_portfolio ORDER BY portfolio_key',
  );
  const d = new KeyDictionary();
  for (const [k, id] of rows) {
    if (d.key(id!) !== Number(k)) throw new Error(`class_b_ledger_portfolio: key ${k} is out of sequence`);
  }
  return d;
}

/** Records the dictionary's portfolios not yet stored (its keys past the stored ones), and `more`. */
export async function recordLedgerPortfolios(
  q: Queryable,
  d: KeyDictionary,
  more: Iterable<string> = [],
): Promise<void> {
  for (const id of more) d.key(id);
  const [row] = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM class_b_ledger_portfolio');
  const stored = Number(row?.n ?? 0);
  if (d.names.length > stored)
    await q.copyIn(
      'class_b_ledger_portfolio',
      ['portfolio_key', 'portfolio_id'],
      d.names.slice(stored).map((id, i) => [stored + i, id]),
    );
}

/** The account keys in ranges of `size` accounts, ascending. */
export async function accountKeyRanges(q: Queryable, size: number): Promise<AccountKeyRange[]> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a chunk of ${size} accounts`);
  // the ranges computed by the database: one row per chunk, not one per account (issue 14 item 3)
  const rows = await q.textRows(
    `SELECT min(account_key), max(account_key) FROM (
       SELECT account_key, (row_number() OVER (ORDER BY account_key) - 1) / ${size} AS chunk FROM class_b_account) c
      GROUP BY chunk ORDER BY chunk`,
  );
  return rows.map(([from, to]) => ({ fromKey: Number(from), toKey: Number(to) }));
}

/** The accounts whose keys are in the range, ascending by key, with their omnibus flag. */
export async function accountsInKeyRange(
  q: Queryable,
  range: AccountKeyRange,
): Promise<{ key: number; account: string; omnibus: boolean }[]> {
  return (
    await q.textRows(
      `SELECT account_key, account, omnibus FROM class_b_account WHERE ${inRange('account_key', range)} ORDER BY account_key`,
    )
  ).map(([k, account, omnibus]) => ({ key: Number(k), account: account!, omnibus: omnibus === 't' }));
}

/**
 * Fresh planner statistics for the state's tables after a month end is written: PGlite has no
 * autovacuum, and without them the reads' joins are planned for a handful of rows.
 */
export async function analyzeLedgerState(q: Queryable): Promise<void> {
  await q.query('ANALYZE class_b_ledger_state, class_b_lot_attribution');
}

/** The latest month end on or before `date` whose state is complete, or null. */
export async function latestLedgerStateMonth(q: Queryable, date: string): Promise<string | null> {
  const [row] = await q.query<{ as_of: string | null }>(
    'SELECT max(as_of)::text AS as_of FROM class_b_ledger_state_month WHERE as_of <= $1',
    [date],
  );
  return row?.as_of ?? null;
}

/** The latest month end strictly before `date` whose state is complete, or null. */
export async function latestLedgerStateMonthBefore(q: Queryable, date: string): Promise<string | null> {
  const [row] = await q.query<{ as_of: string | null }>(
    'SELECT max(as_of)::text AS as_of FROM class_b_ledger_state_month WHERE as_of < $1',
    [date],
  );
  return row?.as_of ?? null;
}

/**
 * Each account's latest state on or before `asOf`, as a LATERAL subquery `s` of the accounts `a`:
 * one probe of the primary key per account, backwards, one row fetched (not every month end's), and
 * no sort of the wide rows (a DISTINCT ON of the chunk sorted 50 MB of them on disk).
 */
const latestStateOf = (a: string, asOf: string) =>
  `LATERAL (SELECT * FROM class_b_ledger_state st WHERE st.account_key = ${a}.account_key
     AND st.as_of <= ${sqlTextLiteral(asOf)}::date ORDER BY st.as_of DESC LIMIT 1) s`;

/** The accounts of the range (those of `keys` only), in key order (sorted before the state joins them). */
const accountsInOrder = (range: AccountKeyRange, keys: readonly number[] | undefined) =>
  `(SELECT account_key, account, omnibus FROM class_b_account
     WHERE ${inRange('account_key', range)} ${amongKeys('account_key', keys)} ORDER BY account_key) a`;

/**
 * The Exhibit A 2(b) attributions of the named lots (`account key|origin` → stored JSON): probed
 * one (account, origin) at a time through the primary key, for reads that take only some lots.
 */
async function attributionsOfLots(
  q: Queryable,
  lots: Iterable<readonly [accountKey: number, origin: string]>,
): Promise<Map<string, string>> {
  const keys: number[] = [];
  const origins: string[] = [];
  const seen = new Set<string>();
  for (const [k, origin] of lots) {
    const ak = `${k}|${origin}`;
    if (seen.has(ak)) continue;
    seen.add(ak);
    keys.push(k);
    origins.push(origin);
  }
  const text = new Map<string, string>();
  if (keys.length === 0) return text;
  const rows = await q.textRows(
    `SELECT t.account_key, t.origin_txn_id, t.attribution
       FROM unnest('${encodeIntArray(keys)}'::int[], ${sqlTextArrayLiteral(origins)}) AS u(account_key, origin_txn_id)
       JOIN class_b_lot_attribution t ON t.account_key = u.account_key AND t.origin_txn_id = u.origin_txn_id`,
  );
  for (const [k, origin, json] of rows) text.set(`${k}|${origin}`, json!);
  return text;
}

/**
 * The named accounts' ledgers at `asOf` (each one's latest stored state on or before it), for the
 * import of new transactions (issue 14 item 1, stage 3): only these accounts are read, through a
 * staged table of their names joined to the state (issue 14 item 3). An account with no stored
 * state by then is absent.
 */
export async function readStoredLedgersOf(
  q: Queryable,
  accounts: readonly string[],
  asOf: string,
  /**
   * the accounts' keys lie in this range: each read is then a range of the state tables' primary
   * keys, not a scan of them (a month's import reads its accounts a chunk at a time)
   */
  range?: AccountKeyRange,
): Promise<Map<string, StoredAccountLedger>> {
  const out = new Map<string, StoredAccountLedger>();
  if (accounts.length === 0) return out;
  const within = (col: string) => (range === undefined ? 'true' : inRange(col, range));
  const portfolioIds = (await storedLedgerPortfolios(q)).names;
  const s = await withStagedKeys(q, accounts, (staged) =>
    // each account's latest state, one row holding its lots and allowances
    q.copyOut(
      `SELECT a.account_key, a.account, s.as_of - DATE '1970-01-01', s.next_sequence, s.next_arrival,
              ${stateArrays('s', true)}
         FROM (SELECT a.account_key, a.account FROM ${staged} k JOIN class_b_account a ON a.account = k.key
                WHERE ${within('a.account_key')} ORDER BY a.account_key) a
         JOIN ${latestStateOf('a', asOf)} ON true
        ORDER BY a.account_key`,
    ),
  ).then((text) => decodeLedgerStateCopy(text, true));
  const L = s.lots;
  const attributionText = await attributionsOfLots(q, freeLotsOf(s));
  const lastHeld =
    s.count === 0 ? new Map() : await lastHeldOfLatestStates(q, asOf, range, Array.from(s.key), portfolioIds);
  const epochDay = toDayNumber('1970-01-01');
  const dates = new Map<number, string>();
  const iso = (days: number) => {
    let d = dates.get(days);
    if (d === undefined) {
      d = fromDayNumber(epochDay + days);
      dates.set(days, d);
    }
    return d;
  };
  const portfolioId = (k: number) => {
    const id = portfolioIds[k];
    if (id === undefined) throw new Error(`class_b_ledger_state: portfolio key ${k} is not recorded`);
    return id;
  };
  for (let a = 0; a < s.count; a++) {
    const account = s.name[a]!;
    const remembered = lastHeld.get(s.key[a]!) ?? [];
    // a state that did not record what it remembers: the account replays from its first transaction
    if (remembered === 'notRecorded') continue;
    // one attribution object per (account, reinvestment), as the ledger carries it
    const attributions = new Map<string, FreeShareAttribution>();
    const lots: Lot[] = [];
    for (let i = s.lotStart[a]!; i < s.lotStart[a + 1]!; i++) {
      const origin = L.origin.get(i);
      let attribution: FreeShareAttribution | null = null;
      if (L.free[i] === 1) {
        attribution = attributions.get(origin) ?? null;
        if (attribution === null) {
          const text = attributionText.get(`${s.key[a]}|${origin}`);
          if (text === undefined)
            throw new Error(
              `class_b_lot_attribution: no attribution for Free Shares ${origin} of ${account}`,
            );
          attribution = attributionOfJson(text);
          attributions.set(origin, attribution);
        }
      }
      // a plain record, not createLot's frozen copy: the stored state's CHECKs (shares above
      // zero, cost not negative) already hold, and the import reads half a million of them
      lots.push({
        kind: L.free[i] === 1 ? 'free' : 'commission',
        lotId: origin,
        sequence: L.sequence[i]!,
        arrival: L.arrival[i]!,
        portfolioId: portfolioId(L.portfolio[i]!),
        issuingPortfolioId: portfolioId(L.issuingPortfolio[i]!),
        dateOfOriginalIssuance: iso(L.doiEpochDay[i]!),
        shareUnits: BigInt(L.shareUnits[i]!),
        costCents: BigInt(L.costCents[i]!),
        attribution,
      });
    }
    const W = s.allowances;
    const systematicWithdrawals: StoredAccountLedger['systematicWithdrawals'][number][] = [];
    for (let i = s.withdrawalStart[a]!; i < s.withdrawalStart[a + 1]!; i++)
      systematicWithdrawals.push({
        portfolioId: portfolioId(W.portfolio[i]!),
        year: W.year[i]!,
        allowanceUnits: BigInt(W.allowanceUnits[i]!),
        usedUnits: BigInt(W.usedUnits[i]!),
      });
    out.set(account, {
      account,
      asOf: iso(s.third[a]!),
      lots,
      lastHeld: remembered.map((m: StoredLastHeld) => m.record),
      nextSequence: s.nextSequence[a]!,
      nextArrival: s.nextArrival[a]!,
      systematicWithdrawals,
    });
  }
  return out;
}

/**
 * Forgets the stored ledger at every month end on or after `from` (issue 14 item 1, stage 3): a
 * transaction dated on or before a stored month end makes that state stale. The state is derived
 * from the transactions, so the close builds it again where it needs it (ledgerStateBootstrap.ts).
 * The Exhibit A 2(b) attributions of the touched accounts' reinvestments from `from` on go too:
 * a back-dated purchase changes the Commission Shares a later reinvestment's Free Shares follow.
 * Closes write state only at closed month ends, and the transactions feed refuses a row dated on
 * or before one, so only a state written ahead of the closes (a benchmark, a restore) is ever
 * forgotten. New Class B terms forget every account's state after the closed months (the terms
 * feed refuses a change inside them). Returns the month ends forgotten.
 */
export async function forgetLedgerStatesFrom(
  q: Queryable,
  from: string,
  touchedAccounts: readonly string[] | 'all',
): Promise<string[]> {
  const months = (
    await q.textRows(
      `SELECT as_of::text FROM class_b_ledger_state_month WHERE as_of >= ${sqlTextLiteral(from)}::date ORDER BY as_of`,
    )
  ).map((r) => r[0]!);
  // a month end's rows are written and marked complete in one transaction: none marked, none stored
  if (months.length === 0) return months;
  const stale = `as_of >= ${sqlTextLiteral(from)}::date`;
  await q.query(`DELETE FROM class_b_ledger_state WHERE ${stale}`);
  await q.query(`DELETE FROM class_b_ledger_state_month WHERE ${stale}`);
  if (touchedAccounts === 'all')
    await q.query(
      `DELETE FROM class_b_lot_attribution at USING class_b_transaction t
        WHERE t.txn_id = at.origin_txn_id AND t.date >= ${sqlTextLiteral(from)}::date`,
    );
  else if (touchedAccounts.length > 0)
    await withStagedKeys(q, touchedAccounts, (staged) =>
      q.query(
        `DELETE FROM class_b_lot_attribution at USING class_b_account a, ${staged} k, class_b_transaction t
          WHERE a.account = k.key AND at.account_key = a.account_key
            AND t.txn_id = at.origin_txn_id AND t.date >= ${sqlTextLiteral(from)}::date`,
      ),
    );
  return months;
}

/** Every month end whose state is complete. */
export async function ledgerStateMonths(q: Queryable): Promise<Set<string>> {
  return new Set((await q.textRows('SELECT as_of FROM class_b_ledger_state_month')).map((r) => r[0]!));
}

/**
 * The dates of the ledger's rows after `after` and before `before` (the close's check of what it
 * starts from: SPEC §12, a row no close wrote).
 */
export async function ledgerStateDatesBetween(
  q: Queryable,
  after: string,
  before: string,
): Promise<string[]> {
  const rows = await q.query<{ as_of: string }>(
    'SELECT DISTINCT as_of::text AS as_of FROM class_b_ledger_state WHERE as_of > $1::date AND as_of < $2::date ORDER BY 1',
    [after, before],
  );
  return rows.map((r) => r.as_of);
}

/** Records that the state at `asOf` is complete. */
export async function markLedgerStateMonth(
  q: Queryable,
  asOf: string,
  written: { readonly accounts: number; readonly lots: number; readonly bootstrapped: boolean },
): Promise<void> {
  await q.query(
    `INSERT INTO class_b_ledger_state_month (as_of, accounts, lots, bootstrapped) VALUES ($1, $2, $3, $4)`,
    [asOf, written.accounts, written.lots, written.bootstrapped],
  );
}

const inRange = (col: string, r: AccountKeyRange) => `${col} BETWEEN ${r.fromKey} AND ${r.toKey}`;

/** `AND <col> = ANY(<the keys>)`: a constant array, which PostgreSQL probes by hash. */
function amongKeys(col: string, keys: readonly number[] | undefined): string {
  if (keys === undefined) return '';
  for (const k of keys) if (!Number.isSafeInteger(k)) throw new RangeError(`account key ${k}`);
  return `AND ${col} = ANY('{${keys.join(',')}}'::int[])`;
}

/**
 * What the close's check of the ledger it starts from takes from the month pass's reads (month9,
 * issue 14: the state at the end of M−1 hashed as the pass reads it, not read again): every whole
 * read of the state at `asOf` through a transaction ({@link readLedgerStateChunk} of a range, no
 * portfolios or accounts picked) hands over each account's state row and remembered issuances as
 * closeRepository.ts `ledgerStateAtCopyText` gives them, in account key order.
 */
export interface LedgerStateReadsDigest {
  /** the month end whose whole reads are handed over */
  readonly asOf: string;
  /**
   * The later date (the month's end) the state rows are probed through, as the check read them:
   * a row stored after `asOf` and by then is seen ({@link LedgerStateReadsDigest.rowAfter}).
   */
  readonly through: string;
  /** false once a row after `asOf` was seen: reads then go on as if none were registered */
  readonly taking: boolean;
  /** one whole COPY text line (ending in its line end) of the account `key` at `day` (days since 1970-01-01) */
  addLine(key: number, day: number, line: string): void;
  /** a row after `asOf` stands where the pass reads: the chunk is read again at `asOf` and nothing more is taken */
  rowAfter(): void;
  /** the month pass read every range of accounts at `asOf` (classBLedgerMonth.ts): the rows handed over are all */
  readWhole(): void;
}

/** Where a close's transaction hands the ledger state it reads whole at a month end (month9). */
const digestedReads = new WeakMap<Queryable, LedgerStateReadsDigest>();

/** Hands every whole read of the ledger state at `digest.asOf` through `q` to `digest` from now on, or stops (null). */
export function digestLedgerStateReads(q: Queryable, digest: LedgerStateReadsDigest | null): void {
  if (digest === null) digestedReads.delete(q);
  else digestedReads.set(q, digest);
}

/** The month pass read every range of accounts at `asOf`: said to the reads' digest, if one takes them. */
export function ledgerStateReadWhole(q: Queryable, asOf: string): void {
  const digest = digestedReads.get(q);
  if (digest?.taking && digest.asOf === asOf) digest.readWhole();
}

/**
 * Every account of the range, ascending by key, with its ledger at `asOf` (its latest stored state
 * on or before it; none: no lot yet). Origins go into `d.txns`, attributions' distributors are
 * kept by name; portfolios are the stored keys (`d.portfolios` from {@link ledgerPortfolios}).
 */
export async function readLedgerStateChunk(
  q: Queryable,
  asOf: string,
  range: AccountKeyRange,
  d: MonthPassDictionaries,
  opts: {
    /**
     * Only the lots of these portfolios (keys of `d.portfolios`), with their attributions, and no
     * systematic withdrawal allowances: the holdings a report reads (Exhibit A at a few portfolios),
     * not a ledger to apply a month to.
     */
    readonly portfolioKeys?: readonly number[];
    /**
     * Only these accounts of the range, and of them only those with a stored state on or before
     * `asOf` (`transactions import` checks its touched accounts by the month pass: the others
     * replay from their first transaction). Without it, every account of the range (none stored:
     * no lot yet).
     */
    readonly accountKeys?: readonly number[];
    /**
     * The remembered issuances (lastHeldIssuance.ts) of accounts whose state did not record them
     * (written before migration 35): derived by replaying the accounts through `asOf` (the close).
     * Without it, such accounts are left out of an `accountKeys` read (they replay from their first
     * transaction), and a read of the whole range fails (a bug: the close always passes it).
     */
    readonly deriveLastHeld?: (
      accounts: readonly { readonly key: number; readonly account: string; readonly omnibus: boolean }[],
    ) => Promise<ReadonlyMap<number, readonly LastHeldIssuance[]>>;
  } = {},
): Promise<StoredLedgerChunk> {
  const only = opts.portfolioKeys;
  const withAllowances = only === undefined;
  // the close's check hashes a whole read of the state it starts from (month9)
  const digest = digestedReads.get(q);
  const digested =
    digest?.taking && digest.asOf === asOf && only === undefined && opts.accountKeys === undefined
      ? digest
      : undefined;
  const lastHeldLines = new Map<number, { day: number; line: string }[]>();
  // a report's holdings need no memory; a ledger to apply a month to does
  const lastHeld =
    only !== undefined
      ? new Map<number, StoredLastHeld[] | 'notRecorded'>()
      : await lastHeldOfLatestStates(
          q,
          asOf,
          range,
          opts.accountKeys,
          d.portfolios.names,
          digested &&
            ((key, day, line) => {
              const list = lastHeldLines.get(key);
              if (list === undefined) lastHeldLines.set(key, [{ day, line }]);
              else list.push({ day, line });
            }),
        );
  let keys = opts.accountKeys;
  if (keys !== undefined && opts.deriveLastHeld === undefined)
    keys = keys.filter((k) => lastHeld.get(k) !== 'notRecorded');
  // each account's latest state, found once: one row per account with its lots and allowances as
  // arrays (issue 14), decoded straight into columns (no string per field, only the origins')
  // the state and the range's attributions asked for together. The third field is the omnibus
  // flag (its lowest bit) and the state's date (days since 1970-01-01, the rest): hashed, a whole
  // read is probed through the check's later date, so that a row after `asOf` is seen.
  const [stateText, attributionRows] = await Promise.all([
    q.copyOut(
      `SELECT a.account_key, a.account, a.omnibus::int + 2 * coalesce(s.as_of - DATE '1970-01-01', 0),
              s.next_sequence, s.next_arrival, ${stateArrays('s', withAllowances)}
         FROM ${accountsInOrder(range, keys)} ${keys === undefined ? 'LEFT JOIN' : 'JOIN'} ${latestStateOf('a', digested?.through ?? asOf)} ON true
        ORDER BY a.account_key`,
    ),
    only === undefined
      ? q.copyOut(
          `SELECT account_key, origin_txn_id, attribution FROM class_b_lot_attribution
            WHERE ${inRange('account_key', range)} ${amongKeys('account_key', keys)} ORDER BY account_key`,
        )
      : undefined,
  ]);
  const onlySet = only === undefined ? undefined : new Set(only);
  const s = decodeLedgerStateCopy(stateText, withAllowances, onlySet && ((k) => onlySet.has(k)));
  if (digested !== undefined && !digestStateRead(digested, asOf, stateText, s, lastHeldLines)) {
    // a row after `asOf`: the check reads the ledger itself; the pass reads the chunk at `asOf`
    digested.rowAfter();
    return readLedgerStateChunk(q, asOf, range, d, opts);
  }
  const R = s.lots;
  const rows = attributionRows !== undefined ? StoredAttributions.ofCopy(attributionRows) : undefined;
  const stored: Pick<StoredAttributions, 'text'> =
    rows ??
    // the attributions of the Free Shares read, only (a report's few portfolios)
    (await attributionsOfLots(q, freeLotsOf(s)).then((byKey) => ({
      text: (k: number, origin: string) => byKey.get(`${k}|${origin}`),
    })));

  const n = s.count;
  const key = new Int32Array(s.key);
  const accountNames = new Map<number, string>();
  for (let i = 0; i < n; i++) accountNames.set(s.key[i]!, s.name[i]!);
  const m = R.arrival.length;
  const L = {
    portfolio: new Int32Array(R.portfolio),
    issuingPortfolio: new Int32Array(R.issuingPortfolio),
    origin: new Float64Array(m),
    free: new Uint8Array(R.free),
    doiDay: new Int32Array(m),
    sequence: new Int32Array(R.sequence),
    arrival: new Int32Array(R.arrival),
    shareUnits: new Float64Array(R.shareUnits),
    costCents: new Float64Array(R.costCents),
    attribution: new Int32Array(m),
  };
  const attributions: FreeShareAttribution[] = [];
  // an account's attributions by origin: one object per reinvestment, shared by the lots it became
  // (never across reinvestments: Exhibit A resolves each object once, by its first lot's DOI where
  // it derives from no Commission Share, distributorShare.ts)
  const accountAttributions = new Map<string, number>();
  // the stored JSON parsed once per distinct text (many reinvestments state the same), each
  // reinvestment still its own object: most of a close's are never looked at (Exhibit A resolves
  // only the portfolios it computes), so the parse was a million JSON.parse calls for nothing
  const parsed = new Map<string, FreeShareAttribution>();
  // the 1970-01-01 day number: the state holds days since then
  const epochDay = toDayNumber('1970-01-01');
  // a key per lot: origins are the pass's payload (KeyDictionary.appendAll), named when asked
  const firstOrigin = d.txns.appendAll(R.origin);
  for (let a = 0; a < n; a++) {
    const k = s.key[a]!;
    accountAttributions.clear();
    for (let i = s.lotStart[a]!; i < s.lotStart[a + 1]!; i++) {
      L.origin[i] = firstOrigin + i;
      L.doiDay[i] = epochDay + R.doiEpochDay[i]!;
      if (L.free[i] !== 1) {
        L.attribution[i] = -1;
        continue;
      }
      const origin = R.origin.get(i);
      let at = accountAttributions.get(origin);
      if (at === undefined) {
        const text = stored.text(k, origin);
        if (text === undefined)
          throw new Error(
            `class_b_lot_attribution: no attribution for Free Shares ${origin} of account key ${k}`,
          );
        let same = parsed.get(text);
        if (same === undefined) {
          same = attributionOfJson(text);
          parsed.set(text, same);
        }
        at = attributions.length;
        attributions.push(sameAttribution(same));
        accountAttributions.set(origin, at);
      }
      L.attribution[i] = at;
    }
  }
  // the remembered issuances, in columns (the month pass's order: portfolio rank, DOI, issuing rank)
  const notRecorded: { key: number; account: string; omnibus: boolean }[] = [];
  for (let a = 0; a < n; a++)
    if (lastHeld.get(s.key[a]!) === 'notRecorded')
      notRecorded.push({ key: s.key[a]!, account: s.name[a]!, omnibus: (s.third[a]! & 1) === 1 });
  const derived = new Map<number, readonly LastHeldIssuance[]>();
  if (notRecorded.length > 0) {
    if (opts.deriveLastHeld === undefined)
      throw new Error(
        `class_b_ledger_last_held: the state of account key ${notRecorded[0]!.key} did not record its remembered issuances, and nothing derives them`,
      );
    for (const [k, list] of await opts.deriveLastHeld(notRecorded)) derived.set(k, list);
  }
  const lastHeldStart = new Int32Array(n + 1);
  const LH = {
    portfolio: [] as number[],
    doiDay: [] as number[],
    issuing: [] as number[],
    shares: [] as number[],
  };
  for (let a = 0; a < n; a++) {
    lastHeldStart[a] = LH.portfolio.length;
    const k = s.key[a]!;
    const stored = lastHeld.get(k);
    if (stored === 'notRecorded')
      for (const m of [...(derived.get(k) ?? [])].sort(compareLastHeld)) {
        LH.portfolio.push(d.portfolios.key(m.portfolioId));
        LH.doiDay.push(toDayNumber(m.dateOfOriginalIssuance));
        LH.issuing.push(d.portfolios.key(m.issuingPortfolioId));
        LH.shares.push(Number(m.shareUnits));
      }
    else if (stored !== undefined)
      for (const m of stored) {
        LH.portfolio.push(m.portfolioKey);
        LH.doiDay.push(epochDay + m.doiEpochDay);
        LH.issuing.push(m.issuingPortfolioKey);
        LH.shares.push(m.shareUnits);
      }
  }
  lastHeldStart[n] = LH.portfolio.length;
  const W = s.allowances;
  return {
    asOf,
    lastHeldDerived: new Set(notRecorded.map((x) => x.key)),
    state: {
      accounts: {
        count: n,
        key,
        omnibus: Uint8Array.from(s.third, (t) => t & 1),
        nextSequence: new Int32Array(s.nextSequence),
        nextArrival: new Int32Array(s.nextArrival),
        lotStart: new Int32Array(s.lotStart),
        withdrawalStart: new Int32Array(s.withdrawalStart),
        lastHeldStart,
      },
      lots: { count: m, ...L },
      lastHeld: {
        count: LH.portfolio.length,
        portfolio: Int32Array.from(LH.portfolio),
        doiDay: Int32Array.from(LH.doiDay),
        issuingPortfolio: Int32Array.from(LH.issuing),
        shareUnits: Float64Array.from(LH.shares),
      },
      systematicWithdrawals: {
        count: W.year.length,
        portfolio: new Int32Array(W.portfolio),
        year: new Int32Array(W.year),
        allowanceUnits: new Float64Array(W.allowanceUnits),
        usedUnits: new Float64Array(W.usedUnits),
      },
      attributions,
    },
    accountNames,
    storedAttributions: new Set(attributions),
    // the read's own rows of them, not a copy of their keys
    storedAttributionKeys: rows !== undefined && keys === undefined ? rows : new Set<string>(),
  };
}

/**
 * Hands a whole chunk read's state rows and remembered issuances to the close's check (month9),
 * each state row as its COPY text line in the check's columns (closeRepository.ts
 * `ledgerStateAtCopyText`: account key, date, then the read's own text from the next sequence on)
 * — or hands nothing and answers false where a row is dated after `asOf`.
 */
function digestStateRead(
  digest: LedgerStateReadsDigest,
  asOf: string,
  text: string,
  s: { readonly count: number; readonly key: ArrayLike<number>; readonly third: ArrayLike<number> },
  lastHeldLines: ReadonlyMap<number, readonly { day: number; line: string }[]>,
): boolean {
  const epochDay = toDayNumber('1970-01-01');
  const last = toDayNumber(asOf) - epochDay;
  for (let a = 0; a < s.count; a++) if ((s.third[a]! - (s.third[a]! & 1)) / 2 > last) return false;
  const dates = new Map<number, string>();
  let p = 0;
  for (let a = 0; a < s.count; a++) {
    // account key TAB account TAB flag and date TAB next sequence … (COPY escapes a tab in a field)
    const fromSequence = text.indexOf('\t', text.indexOf('\t', text.indexOf('\t', p) + 1) + 1) + 1;
    const end = text.indexOf('\n', fromSequence) + 1;
    p = end;
    // an account with no state: every state field is \N
    if (text.charCodeAt(fromSequence) === 92 && text.charCodeAt(fromSequence + 1) === 78) continue;
    const key = s.key[a]!;
    const day = (s.third[a]! - (s.third[a]! & 1)) / 2;
    let date = dates.get(day);
    if (date === undefined) {
      date = fromDayNumber(epochDay + day);
      dates.set(day, date);
    }
    digest.addLine(key, day, `${key}\t${date}\t${text.slice(fromSequence, end)}`);
    // the remembered issuances of the state read (a row at another date is no state's, as the check reads them)
    for (const m of lastHeldLines.get(key) ?? []) if (m.day === day) digest.addLine(key, day, m.line);
  }
  return true;
}

/**
 * The stored attributions a chunk's read found (`class_b_lot_attribution` rows), looked up by
 * account key and origin: read in account key order as columns and found by a binary search of
 * the account's rows — no `account key|origin` string and map entry per row (issue 14: a close
 * reads every account's, a million rows at the benchmark's size).
 */
class StoredAttributions {
  private constructor(
    /** account keys, ascending */
    private readonly keys: ArrayLike<number>,
    private readonly origins: readonly string[],
    private readonly texts: readonly string[],
  ) {}

  /** COPY text of (account_key, origin_txn_id, attribution) rows ordered by account key. */
  static ofCopy(text: string): StoredAttributions {
    const { columns } = decodeCopyColumns(text, ['int', 'text', 'text']);
    const keys = columns[0] as Float64Array;
    for (let i = 1; i < keys.length; i++)
      if (keys[i]! < keys[i - 1]!) throw new Error('class_b_lot_attribution: rows not in account key order');
    return new StoredAttributions(keys, columns[1] as string[], columns[2] as string[]);
  }

  /** The last account with many rows looked up, its rows by origin. */
  private many: { accountKey: number; byOrigin: Map<string, string> } | undefined;

  /** The stored JSON of the attribution of `origin`'s Free Shares in the account. */
  text(accountKey: number, origin: string): string | undefined {
    if (this.many?.accountKey === accountKey) return this.many.byOrigin.get(origin);
    const K = this.keys;
    // the account's rows [from, to)
    let from = 0;
    let hi = K.length;
    while (from < hi) {
      const mid = (from + hi) >>> 1;
      if (K[mid]! < accountKey) from = mid + 1;
      else hi = mid;
    }
    let to = from;
    while (to < K.length && K[to] === accountKey) to++;
    if (to - from > 16) {
      // an account of many reinvestments: its rows by origin, once (looked up account by account)
      const byOrigin = new Map<string, string>();
      for (let i = from; i < to; i++) byOrigin.set(this.origins[i]!, this.texts[i]!);
      this.many = { accountKey, byOrigin };
      return byOrigin.get(origin);
    }
    for (let i = from; i < to; i++) if (this.origins[i] === origin) return this.texts[i];
    return undefined;
  }

  /** Whether the attribution of `account key|origin` is stored (writeLedgerStateChunk's question). */
  has(key: string): boolean {
    const bar = key.indexOf('|');
    return this.text(Number(key.slice(0, bar)), key.slice(bar + 1)) !== undefined;
  }
}

/**
 * The indices [from, to) in the stored order, by `before` (a < b: a first), for one account at a
 * time: the array handed out is this scratch's, of the range's length, and stays valid until the
 * next call. An account written in a close most often has lots the month appended out of order
 * (a million accounts at full size, issue 14): a new array and a sort per account were ~0.65 GB of
 * garbage a close, so short ranges are insertion-sorted in a kept array of their length.
 */
class StoredOrder {
  /** by length: the kept array */
  private readonly byLength: number[][] = [];

  constructor(private readonly before: (i: number, j: number) => boolean) {}

  of(from: number, to: number): readonly number[] {
    const n = to - from;
    if (n > INSERTION_SORTED) {
      const order = Array.from({ length: n }, (_, j) => from + j);
      return order.sort((i, j) => (this.before(i, j) ? -1 : this.before(j, i) ? 1 : 0));
    }
    let order = this.byLength[n];
    if (order === undefined) {
      order = new Array<number>(n).fill(0);
      this.byLength[n] = order;
    }
    for (let j = 0; j < n; j++) {
      // insert from + j among the first j, which are in order (stable: after its equals)
      const i = from + j;
      let at = j;
      while (at > 0 && this.before(i, order[at - 1]!)) {
        order[at] = order[at - 1]!;
        at--;
      }
      order[at] = i;
    }
    return order;
  }
}

/** The longest range {@link StoredOrder} sorts by insertion (longer ones: a new array, sorted). */
const INSERTION_SORTED = 64;

const isSmallint = (v: number) => Number.isInteger(v) && v >= -32_768 && v <= 32_767;

/** A ledger state that breaks the stored state's rules: a bug in plan12b (exit 70), never bad input. */
function invalidState(accountKey: number, asOf: string, why: string): InternalError {
  return new InternalError(
    new Error(`class_b_ledger_state of account key ${accountKey} at ${asOf} not written: ${why}`),
  );
}

/**
 * Writes the state of the chunk's accounts at `asOf` (those `include` selects: an account whose
 * ledger did not change keeps its earlier row), by COPY, one row per account with its lots in
 * (portfolio, DOI, sequence, arrival) order and its allowances in (portfolio, year) order; the
 * attributions of Free Shares not in `storedAttributions` are written once. Returns the accounts
 * and lots written.
 */
/** Where a close's transaction hands the ledger state it writes, as COPY text (digest v4). */
const sealedWrites = new WeakMap<Queryable, { addCopyText(text: Uint8Array): void }>();

/**
 * Hands every ledger state row written through `q` from now on to `digest` as the COPY text
 * written (SPEC §12: the close seals the ledger it writes; ledgerStateDigest.ts), or stops (null).
 */
export function sealLedgerStateWrites(
  q: Queryable,
  digest: { addCopyText(text: Uint8Array): void } | null,
): void {
  if (digest === null) sealedWrites.delete(q);
  else sealedWrites.set(q, digest);
}

export async function writeLedgerStateChunk(
  q: Queryable,
  asOf: string,
  state: ClassBLedgerState,
  d: MonthPassDictionaries,
  opts: {
    readonly include?: (accountIndex: number) => boolean;
    readonly storedAttributions?: ReadonlySet<FreeShareAttribution>;
    /**
     * Every attribution already stored for the chunk's accounts (`account key|origin`,
     * {@link StoredLedgerChunk.storedAttributionKeys}): the others are COPYed straight in. Without
     * it, they go through a staged table and `ON CONFLICT DO NOTHING` (the reference; the bootstrap).
     */
    readonly attributionKeysStored?: { has(key: string): boolean };
    /**
     * Writes nothing: the state rows and remembered issuances are handed to this digest as the
     * COPY text they would be written as (the books' first close's replay, compared with the state
     * stored before it: close/ledgerStateAsSealed.ts), and no attribution is made.
     */
    readonly digestOnly?: { addCopyText(text: Uint8Array): void };
  } = {},
): Promise<{ accounts: number; lots: number }> {
  const acc = state.accounts;
  const l = state.lots;
  const sw = state.systematicWithdrawals;
  const epochDay = toDayNumber('1970-01-01');
  const origins = new Array<string>(l.count);
  const doiEpochDays = new Int32Array(l.count);
  const lotBefore = (i: number, j: number) =>
    l.portfolio[i]! !== l.portfolio[j]!
      ? l.portfolio[i]! < l.portfolio[j]!
      : l.doiDay[i]! !== l.doiDay[j]!
        ? l.doiDay[i]! < l.doiDay[j]!
        : l.sequence[i]! !== l.sequence[j]!
          ? l.sequence[i]! < l.sequence[j]!
          : l.arrival[i]! < l.arrival[j]!;
  const allowanceBefore = (i: number, j: number) =>
    sw.portfolio[i]! !== sw.portfolio[j]! ? sw.portfolio[i]! < sw.portfolio[j]! : sw.year[i]! < sw.year[j]!;
  // two scratches: an account's lot order and allowance order are used together
  const lotsInOrder = new StoredOrder(lotBefore);
  const allowancesInOrder = new StoredOrder(allowanceBefore);
  // one COPY line per account, written as bytes (copyTextBytes.ts): ~300 bytes an account
  const stateText = new CopyTextBytes(Math.min(acc.count, 100_000) * 320);
  let accounts = 0;
  const attributionLines: string[] = [];
  const attributionWritten = new Set<string>();
  const lastHeldLines: string[] = [];
  const lh = state.lastHeld;
  let lots = 0;
  for (let a = 0; a < acc.count; a++) {
    if (opts.include && !opts.include(a)) continue;
    const k = acc.key[a]!;
    const lotOrder = lotsInOrder.of(acc.lotStart[a]!, acc.lotStart[a + 1]!);
    for (const i of lotOrder) {
      origins[i] = d.txns.name(l.origin[i]!);
      doiEpochDays[i] = l.doiDay[i]! - epochDay;
      // the rules migration 28's CHECKs held, checked here since migration 30 keeps the arrays as text
      if (!(l.shareUnits[i]! > 0))
        throw invalidState(k, asOf, `lot ${origins[i]} holds ${l.shareUnits[i]} share units`);
      if (!(l.costCents[i]! >= 0))
        throw invalidState(k, asOf, `lot ${origins[i]} costs ${l.costCents[i]} cents`);
      if (!isSmallint(l.portfolio[i]!) || !isSmallint(l.issuingPortfolio[i]!))
        throw invalidState(k, asOf, `lot ${origins[i]}'s portfolio keys are not smallints`);
    }
    lots += lotOrder.length;
    const w = allowancesInOrder.of(acc.withdrawalStart[a]!, acc.withdrawalStart[a + 1]!);
    for (const i of w)
      if (
        !(sw.allowanceUnits[i]! >= 0 && sw.usedUnits[i]! >= 0) ||
        !isSmallint(sw.portfolio[i]!) ||
        !isSmallint(sw.year[i]!)
      )
        throw invalidState(
          k,
          asOf,
          `allowance ${i} (${sw.year[i]}): ${sw.allowanceUnits[i]} units, ${sw.usedUnits[i]} used`,
        );
    // the columns of LOT_ARRAY_COLUMNS and ALLOWANCE_ARRAY_COLUMNS, in their order
    stateText
      .int(k)
      .tab()
      .text(asOf)
      .tab()
      .int(acc.nextSequence[a]!)
      .tab()
      .int(acc.nextArrival[a]!)
      .tab()
      .intArray(l.arrival, lotOrder)
      .tab()
      .intArray(l.portfolio, lotOrder)
      .tab()
      .intArray(l.issuingPortfolio, lotOrder)
      .tab()
      .textArray(origins, lotOrder)
      .tab()
      .boolArray(l.free, lotOrder)
      .tab()
      .intArray(doiEpochDays, lotOrder)
      .tab()
      .intArray(l.sequence, lotOrder)
      .tab()
      .intArray(l.shareUnits, lotOrder)
      .tab()
      .intArray(l.costCents, lotOrder)
      .tab()
      .intArray(sw.portfolio, w)
      .tab()
      .intArray(sw.year, w)
      .tab()
      .intArray(sw.allowanceUnits, w)
      .tab()
      .intArray(sw.usedUnits, w)
      .newline();
    accounts++;
    // what the account remembers of DOIs no longer held (lastHeldIssuance.ts): most have nothing
    for (let i = acc.lastHeldStart[a]!; i < acc.lastHeldStart[a + 1]!; i++) {
      if (!(lh.shareUnits[i]! > 0) || !isSmallint(lh.portfolio[i]!) || !isSmallint(lh.issuingPortfolio[i]!))
        throw invalidState(k, asOf, `remembered issuance ${i}: ${lh.shareUnits[i]} share units`);
      lastHeldLines.push(
        `${k}\t${asOf}\t${lh.portfolio[i]}\t${lh.doiDay[i]! - epochDay}\t${lh.issuingPortfolio[i]}\t${lh.shareUnits[i]}`,
      );
    }
    for (let i = acc.lotStart[a]!; i < acc.lotStart[a + 1]!; i++) {
      if (l.free[i] !== 1 || opts.digestOnly !== undefined) continue;
      const origin = origins[i]!;
      const attribution = state.attributions[l.attribution[i]!];
      if (attribution === undefined)
        throw new Error(`Free Shares ${origin} of account key ${k}: no attribution`);
      if (opts.storedAttributions?.has(attribution)) continue;
      const ak = `${k}|${origin}`;
      if (attributionWritten.has(ak) || opts.attributionKeysStored?.has(ak)) continue;
      attributionWritten.add(ak);
      attributionLines.push(`${k}\t${encodeCopyValue(origin)}\t${encodeCopyValue(json(attribution))}`);
    }
  }
  const text = (lines: string[]) => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);
  if (opts.digestOnly !== undefined) {
    if (accounts > 0) opts.digestOnly.addCopyText(stateText.bytes());
    if (lastHeldLines.length > 0) opts.digestOnly.addCopyText(Buffer.from(text(lastHeldLines)));
    return { accounts, lots };
  }
  if (accounts > 0)
    await q.copyIn(
      'class_b_ledger_state',
      [
        'account_key',
        'as_of',
        'next_sequence',
        'next_arrival',
        ...LOT_ARRAY_COLUMNS,
        ...ALLOWANCE_ARRAY_COLUMNS,
      ],
      stateText.bytes(),
    );
  if (accounts > 0) sealedWrites.get(q)?.addCopyText(stateText.bytes());
  if (lastHeldLines.length > 0) {
    await q.copyIn(
      'class_b_ledger_last_held',
      ['account_key', 'as_of', 'portfolio_key', 'doi_epoch_day', 'issuing_portfolio_key', 'share_units'],
      text(lastHeldLines),
    );
    // sealed with the state rows: the same COPY text lines (closeRepository.ts ledgerStateCopyText)
    sealedWrites.get(q)?.addCopyText(Buffer.from(text(lastHeldLines)));
  }
  if (attributionLines.length > 0 && opts.attributionKeysStored !== undefined)
    // none of these is stored (the chunk's stored ones were left out above): no staging, no conflict
    await q.copyIn(
      'class_b_lot_attribution',
      ['account_key', 'origin_txn_id', 'attribution'],
      text(attributionLines),
    );
  else if (attributionLines.length > 0) {
    // fixed at the reinvestment: one already stored (an earlier month end's) is the same, and kept
    const staged = `plan12b_attribution_${process.pid}`;
    await q.query(`CREATE TEMPORARY TABLE ${staged} (LIKE class_b_lot_attribution)`);
    try {
      await q.copyIn(staged, ['account_key', 'origin_txn_id', 'attribution'], text(attributionLines));
      await q.query(
        `INSERT INTO class_b_lot_attribution SELECT * FROM ${staged} ON CONFLICT (account_key, origin_txn_id) DO NOTHING`,
      );
    } finally {
      await q.query(`DROP TABLE IF EXISTS ${staged}`).catch(() => {});
    }
  }
  return { accounts, lots };
}

/** A dictionary set for the stored state: portfolios the stored keys, the rest empty. */
export async function ledgerStateDictionaries(q: Queryable): Promise<MonthPassDictionaries> {
  return {
    accounts: new KeyDictionary(),
    portfolios: await ledgerPortfolios(q),
    txns: new KeyDictionary(),
    exchanges: new KeyDictionary(),
    distributors: new KeyDictionary(),
  };
}

/** The month's transaction read's columns (see {@link readMonthTransactionColumns}). */
const MONTH_TRANSACTION_COLUMN_KINDS: readonly CopyColumnKind[] = [
  'text', // account
  'int', // day since 1970-01-01
  'int', // type code
  'text', // txn_id
  'text', // portfolio_id
  'int', // shares, 1/10,000 share
  'bool', // price is null
  'int', // price, 1/10,000 dollar
  'bool', // exchange_id is null
  'text', // exchange_id
  'text', // waiver
  'text', // attributed distributor
  'int', // derived-from DOI, day since 1970-01-01 (or the smallest int32: none)
];

/** class_b_transaction.type → the read's code (the pass's TXN_* codes; an exchange's legs apart). */
const EXCHANGE_OUT_CODE = 10;
const EXCHANGE_IN_CODE = 11;
const TYPE_CODE_SQL = `CASE t.type WHEN 'purchase' THEN ${TXN_PURCHASE} WHEN 'reinvest' THEN ${TXN_REINVEST}
  WHEN 'redeem' THEN ${TXN_REDEEM} WHEN 'convert' THEN ${TXN_CONVERT} WHEN 'exchange_out' THEN ${EXCHANGE_OUT_CODE}
  WHEN 'exchange_in' THEN ${EXCHANGE_IN_CODE} END`;

/**
 * The month pass's transaction columns of a chunk's accounts, read by one COPY and decoded
 * straight into columns (issue 14: no text row, activity record or BigInt per transaction): the
 * accounts' transactions dated in [from, through], ascending by account key, each account's in
 * (date, seq) order, an exchange's two legs one row at its first leg, dated as its exchange_out
 * leg. The same columns as `monthTransactionsOf(activityOfRows(…))` of the same rows with the same
 * dictionaries, keys assigned in the same order (the reference; test:
 * month-transactions-read-as-columns-equal-activity-records). `accounts`: the chunk's accounts by
 * key (readLedgerStateChunk's `accountNames`), so that the read goes through the transactions'
 * (account, date, seq) index.
 */
export async function readMonthTransactionColumns(
  q: Queryable,
  accounts: ReadonlyMap<number, string>,
  from: string,
  through: string,
  d: MonthPassDictionaries,
): Promise<MonthTransactionColumns> {
  const c = monthTransactionsBuilder();
  if (accounts.size === 0) return finishedMonthTransactions(c);
  const text = await q.copyOut(
    `SELECT t.account, t.date - DATE '1970-01-01', ${TYPE_CODE_SQL}, t.txn_id, t.portfolio_id,
            (t.shares * 10000)::bigint, t.price IS NULL, coalesce((t.price * 10000)::bigint, 0),
            t.exchange_id IS NULL, coalesce(t.exchange_id, ''), coalesce(t.waiver, ''),
            coalesce(t.attributed_distributor, ''), coalesce(t.derived_from_doi - DATE '1970-01-01', ${NO_DAY})
       FROM class_b_transaction t
      WHERE t.account = ANY(${sqlTextArrayLiteral([...accounts.values()])})
        AND t.date BETWEEN ${sqlTextLiteral(from)}::date AND ${sqlTextLiteral(through)}::date
      ORDER BY t.account, t.date, t.seq`,
  );
  const { rows, columns } = decodeCopyColumns(text, MONTH_TRANSACTION_COLUMN_KINDS);
  const [
    name,
    day,
    type,
    txn,
    portfolio,
    shares,
    priceNull,
    price,
    exchangeNull,
    exchange,
    waiver,
    distributor,
    derived,
  ] = columns as [
    string[],
    Float64Array,
    Float64Array,
    string[],
    string[],
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    string[],
    string[],
    string[],
    Float64Array,
  ];
  const epochDay = toDayNumber('1970-01-01');
  const waiverCodes = new Map<string, number>();
  const waiverOf = (w: string) => {
    let code = waiverCodes.get(w);
    if (code === undefined) {
      // as activityOfRows reads it: a waiver that is none of the CDSC waivers is none
      code = w !== '' && isCdscWaiver(w) ? waiverCode(w as CdscWaiver) : waiverCode(null);
      waiverCodes.set(w, code);
    }
    return code;
  };
  const priceOf = (i: number) => {
    // activityOfRows parses a missing price as '' (a bad decimal): the imports never store one
    if (priceNull[i] === 1) throw new Error(`class_b_transaction ${txn[i]}: no price`);
    return price[i]!;
  };
  // each account's rows [start, end), read by name through the (account, date, seq) index (a
  // join to the accounts' keys scanned every account, each chunk), then taken in key order, as the
  // pass and the dictionaries' keys want them; an account's exchange legs are paired among its rows
  const keyOf = new Map<string, number>();
  for (const [k, n] of accounts) keyOf.set(n, k);
  /** The exchange legs among rows [start, end) by exchange_id (the first of each kind, as activityOfRows takes them). */
  const exchangeLegsAmong = (start: number, end: number) => {
    const legs = new Map<string, { out: number; in: number; done: boolean }>();
    for (let j = start; j < end; j++) {
      if (exchangeNull[j] === 1 || (type[j] !== EXCHANGE_OUT_CODE && type[j] !== EXCHANGE_IN_CODE)) continue;
      let pair = legs.get(exchange[j]!);
      if (pair === undefined) {
        pair = { out: -1, in: -1, done: false };
        legs.set(exchange[j]!, pair);
      }
      if (type[j] === EXCHANGE_OUT_CODE) {
        if (pair.out < 0) pair.out = j;
      } else if (pair.in < 0) pair.in = j;
    }
    return legs;
  };
  const groups: { key: number; start: number; end: number }[] = [];
  for (let start = 0; start < rows; ) {
    let end = start + 1;
    while (end < rows && name[end] === name[start]) end++;
    const k = keyOf.get(name[start]!);
    if (k === undefined) throw new Error(`class_b_transaction: account ${name[start]} is not in the chunk`);
    groups.push({ key: k, start, end });
    start = end;
  }
  groups.sort((a, b) => a.key - b.key);
  for (const { key: account, start, end } of groups) {
    let legs: Map<string, { out: number; in: number; done: boolean }> | undefined;
    for (let i = start; i < end; i++) {
      let t = type[i]!;
      let leg = i;
      let other = -1;
      if (t === EXCHANGE_OUT_CODE || t === EXCHANGE_IN_CODE) {
        legs ??= exchangeLegsAmong(start, end);
        const pair = exchangeNull[i] === 1 ? undefined : legs.get(exchange[i]!);
        if (pair?.done) continue;
        if (pair === undefined || pair.out < 0 || pair.in < 0)
          throw new Error(
            `exchange ${exchangeNull[i] === 1 ? null : exchange[i]} of account ${accounts.get(account)} lacks a leg`,
          );
        pair.done = true;
        leg = pair.out;
        other = pair.in;
        t = TXN_EXCHANGE;
      }
      // the dictionaries' keys in monthTransactionsOf's order: txn, portfolio, exchange, in-leg, distributor
      c.account.push(account);
      c.day.push(epochDay + day[leg]!);
      c.type.push(t);
      c.txn.push(d.txns.key(txn[leg]!));
      c.portfolio.push(d.portfolios.key(portfolio[leg]!));
      c.shareUnits.push(shares[leg]!);
      c.priceUnits.push(t === TXN_CONVERT ? 0 : priceOf(leg));
      c.waiver.push(t === TXN_REDEEM ? waiverOf(waiver[leg]!) : 0);
      c.exchange.push(other < 0 ? -1 : d.exchanges.key(exchange[i]!));
      c.inTxn.push(other < 0 ? -1 : d.txns.key(txn[other]!));
      c.inPortfolio.push(other < 0 ? -1 : d.portfolios.key(portfolio[other]!));
      c.inShareUnits.push(other < 0 ? 0 : shares[other]!);
      c.inPriceUnits.push(other < 0 ? 0 : priceOf(other));
      c.attributedDistributor.push(
        t === TXN_REINVEST && distributor[leg] !== '' ? d.distributors.key(distributor[leg]!) : -1,
      );
      c.derivedFromDoiDay.push(
        t === TXN_REINVEST && derived[leg] !== NO_DAY ? epochDay + derived[leg]! : NO_DAY,
      );
    }
  }
  return finishedMonthTransactions(c);
}

/**
 * The stored redemptions of a chunk's accounts dated in [from, to] with their lot pieces, as
 * integers in columns (issue 14: the close's cross-check of the month pass against the imports,
 * SPEC §6, Agreement FOURTH(D)): one row per piece, a redemption's rows together and its pieces in
 * order (a redemption with no piece: one row, `noPiece`). Shares in 1/10,000 share, prices in
 * 1/10,000 dollar, amounts in cents, dates as day numbers: the integers `parseShareUnits`,
 * `parsePriceUnits` and `parseCents` give of the stored decimals (numeric(20,4) and (20,2): the
 * scaled value is exact). The rows `storedRedemptionsOfAccounts` gives (the reference), decoded.
 */
export interface StoredRedemptionColumns {
  readonly rows: number;
  readonly txnId: readonly string[];
  readonly account: readonly string[];
  readonly portfolioId: readonly string[];
  readonly day: Float64Array;
  readonly shareUnits: Float64Array;
  readonly priceUnits: Float64Array;
  /** 1: no waiver stored */
  readonly waiverNull: Float64Array;
  readonly waiver: readonly string[];
  readonly grossCents: Float64Array;
  readonly cdscCents: Float64Array;
  readonly waivedCents: Float64Array;
  readonly redemptionFeeCents: Float64Array;
  readonly netCents: Float64Array;
  /** 1: the redemption has no piece (this row is its head alone) */
  readonly noPiece: Float64Array;
  readonly lotId: readonly string[];
  readonly kind: readonly string[];
  readonly doiDay: Float64Array;
  readonly issuingPortfolioId: readonly string[];
  readonly pieceShareUnits: Float64Array;
  readonly pieceCostCents: Float64Array;
  readonly pieceCdscCents: Float64Array;
  readonly pieceWaivedCents: Float64Array;
}

const STORED_REDEMPTION_COLUMN_KINDS: readonly CopyColumnKind[] = [
  'text',
  'text',
  'text',
  'int',
  'int',
  'int',
  'bool',
  'text',
  'int',
  'int',
  'int',
  'int',
  'int',
  'bool',
  'text',
  'text',
  'int',
  'text',
  'int',
  'int',
  'int',
  'int',
];

/** See {@link StoredRedemptionColumns}; `accounts`: the chunk's accounts. */
export async function readStoredRedemptionColumns(
  q: Queryable,
  accounts: readonly string[],
  from: string,
  to: string,
): Promise<StoredRedemptionColumns> {
  const text =
    accounts.length === 0
      ? ''
      : await q.copyOut(
          `SELECT r.txn_id, r.account, r.portfolio_id, r.date - DATE '1970-01-01', (r.shares * 10000)::bigint,
                  (r.price * 10000)::bigint, r.waiver IS NULL, coalesce(r.waiver, ''), (r.gross * 100)::bigint,
                  (r.cdsc * 100)::bigint, (r.cdsc_waived * 100)::bigint, (r.redemption_fee * 100)::bigint,
                  (r.net * 100)::bigint, p.txn_id IS NULL, coalesce(p.lot_id, ''), coalesce(p.kind, ''),
                  coalesce(p.doi - DATE '1970-01-01', 0), coalesce(p.issuing_portfolio_id, ''),
                  coalesce((p.shares * 10000)::bigint, 0), coalesce((p.cost * 100)::bigint, 0),
                  coalesce((p.cdsc * 100)::bigint, 0), coalesce((p.cdsc_waived * 100)::bigint, 0)
             FROM class_b_redemption r LEFT JOIN class_b_redemption_piece p ON p.txn_id = r.txn_id
            WHERE r.account = ANY(${sqlTextArrayLiteral(accounts)})
              AND r.date BETWEEN ${sqlTextLiteral(from)}::date AND ${sqlTextLiteral(to)}::date
            ORDER BY r.txn_id, p.piece`,
        );
  const { rows, columns } = decodeCopyColumns(text, STORED_REDEMPTION_COLUMN_KINDS);
  const c = columns as unknown as (Float64Array & string[])[];
  const epochDay = toDayNumber('1970-01-01');
  const day = columns[3] as Float64Array;
  const doiDay = columns[16] as Float64Array;
  for (let i = 0; i < rows; i++) {
    day[i] = epochDay + day[i]!;
    doiDay[i] = epochDay + doiDay[i]!;
  }
  return {
    rows,
    txnId: c[0]!,
    account: c[1]!,
    portfolioId: c[2]!,
    day,
    shareUnits: c[4]!,
    priceUnits: c[5]!,
    waiverNull: c[6]!,
    waiver: c[7]!,
    grossCents: c[8]!,
    cdscCents: c[9]!,
    waivedCents: c[10]!,
    redemptionFeeCents: c[11]!,
    netCents: c[12]!,
    noPiece: c[13]!,
    lotId: c[14]!,
    kind: c[15]!,
    doiDay,
    issuingPortfolioId: c[17]!,
    pieceShareUnits: c[18]!,
    pieceCostCents: c[19]!,
    pieceCdscCents: c[20]!,
    pieceWaivedCents: c[21]!,
  };
}
