import { sql } from 'kysely';
import { fromDayNumber, toDayNumber } from '../calendar/isoDate.js';
import { type CdscWaiver, isCdscWaiver } from '../class-b/cdscWaiver.js';
import {
  type ClassBActivity,
  createConversionNotice,
  createFreeExchange,
  createPurchase,
  createRedemption,
  createReinvestment,
} from '../class-b/classBActivity.js';
import type { RedemptionResult } from '../class-b/ledgerResults.js';
import { WAIVER_CODES } from '../class-b/monthPassColumns.js';
import { type PassRedemptionsToStore, redemptionRowsByAccount } from '../class-b/monthPassRecords.js';
import { formatPriceUnits, formatValueUnits, parsePriceUnits } from '../class-b/pricePerShare.js';
import { formatShareUnits, parseShareUnits } from '../class-b/shareUnits.js';
import { formatCents } from '../money/cents.js';
import { formatRatePct } from '../money/rate.js';
import { withStagedRows } from './bulkCopy.js';
import { type CopyValue, sqlTextArrayLiteral, sqlTextLiteral } from './copyText.js';
import { CopyTextBytes } from './copyTextBytes.js';
import type { Queryable, TextRowChunkSize } from './database.js';
import { typed } from './queryBuilder.js';

/**
 * The Class B share ledger's store (SPEC §6): transfer-agent accounts and transactions, and the
 * redemptions (with their lot pieces) the ledger computed from them.
 */

/** A stored transfer-agent transaction, as the class_b_transaction table holds it. */
export interface ClassBTransactionRow {
  readonly txn_id: string;
  readonly seq: string;
  readonly date: string;
  readonly account: string;
  readonly portfolio_id: string;
  readonly type: 'purchase' | 'reinvest' | 'redeem' | 'exchange_out' | 'exchange_in' | 'convert';
  readonly shares: string;
  readonly price: string | null;
  readonly exchange_id: string | null;
  readonly waiver: string | null;
  /** a reinvestment's stated attribution of its Free Shares (Exhibit A 2(b)): one or neither */
  readonly attributed_distributor: string | null;
  readonly derived_from_doi: string | null;
}

export const CLASS_B_TRANSACTION_COLUMNS =
  'txn_id, seq, date, account, portfolio_id, type, shares, price, exchange_id, waiver, attributed_distributor, derived_from_doi';

/** A row of CLASS_B_TRANSACTION_COLUMNS read through COPY (text forms: the same strings query() gives). */
function transactionOfCopyRow(f: (string | null)[]): ClassBTransactionRow {
  return {
    txn_id: f[0]!,
    seq: f[1]!,
    date: f[2]!,
    account: f[3]!,
    portfolio_id: f[4]!,
    type: f[5] as ClassBTransactionRow['type'],
    shares: f[6]!,
    price: f[7] ?? null,
    exchange_id: f[8] ?? null,
    waiver: f[9] ?? null,
    attributed_distributor: f[10] ?? null,
    derived_from_doi: f[11] ?? null,
  };
}

/** Stored transactions matching a condition on class_b_transaction `t`, read through COPY. */
async function copyTransactions(q: Queryable, from: string, orderBy = ''): Promise<ClassBTransactionRow[]> {
  const cols = CLASS_B_TRANSACTION_COLUMNS.split(', ')
    .map((c) => `t.${c}`)
    .join(', ');
  return (await q.textRows(`SELECT ${cols} FROM ${from}${orderBy}`)).map(transactionOfCopyRow);
}

/**
 * One account's transactions, in order (date, then arrival), as domain activity: the two legs of
 * an exchange become one Free Exchange Transaction at the place of its first leg.
 */
export function activityOfRows(rows: readonly ClassBTransactionRow[]): ClassBActivity[] {
  const legs = new Map<string, ClassBTransactionRow[]>();
  for (const r of rows)
    if (r.exchange_id !== null && (r.type === 'exchange_out' || r.type === 'exchange_in'))
      legs.set(r.exchange_id, [...(legs.get(r.exchange_id) ?? []), r]);
  const out: ClassBActivity[] = [];
  const done = new Set<string>();
  for (const r of rows) {
    const common = {
      txnId: r.txn_id,
      date: r.date,
      portfolioId: r.portfolio_id,
      shareUnits: parseShareUnits(r.shares),
    };
    switch (r.type) {
      case 'purchase':
        out.push(createPurchase({ ...common, priceUnits: parsePriceUnits(r.price ?? '') }));
        break;
      case 'reinvest':
        out.push(
          createReinvestment({
            ...common,
            priceUnits: parsePriceUnits(r.price ?? ''),
            attributedDistributor: r.attributed_distributor,
            derivedFromDoi: r.derived_from_doi,
          }),
        );
        break;
      case 'redeem':
        out.push(
          createRedemption({
            ...common,
            priceUnits: parsePriceUnits(r.price ?? ''),
            waiver: r.waiver !== null && isCdscWaiver(r.waiver) ? (r.waiver as CdscWaiver) : null,
          }),
        );
        break;
      case 'convert':
        out.push(createConversionNotice(common));
        break;
      default: {
        const id = r.exchange_id!;
        if (done.has(id)) break;
        done.add(id);
        const pair = legs.get(id) ?? [];
        const o = pair.find((x) => x.type === 'exchange_out');
        const i = pair.find((x) => x.type === 'exchange_in');
        if (!o || !i) throw new Error(`exchange ${id} of account ${r.account} lacks a leg`);
        const leg = (x: ClassBTransactionRow) => ({
          txnId: x.txn_id,
          portfolioId: x.portfolio_id,
          shareUnits: parseShareUnits(x.shares),
          priceUnits: parsePriceUnits(x.price ?? ''),
        });
        out.push(createFreeExchange({ exchangeId: id, date: o.date, out: leg(o), in: leg(i) }));
      }
    }
  }
  return out;
}

/** Stored transactions of the given accounts, grouped by account, in order. */
export async function loadTransactionsOf(
  q: Queryable,
  accounts: readonly string[],
  opts: {
    /** only the transactions dated after this day (those after the account's stored ledger) */
    readonly after?: string;
    /** without the rows of this import (the file being imported: its rows are given as new) */
    readonly excludingImport?: number;
  } = {},
): Promise<Map<string, ClassBTransactionRow[]>> {
  const out = new Map<string, ClassBTransactionRow[]>();
  const CHUNK = 50_000;
  const after =
    (opts.after === undefined ? '' : ` AND t.date > ${sqlTextLiteral(opts.after)}::date`) +
    (opts.excludingImport === undefined ? '' : ` AND t.import_id <> ${Number(opts.excludingImport)}`);
  for (let i = 0; i < accounts.length; i += CHUNK) {
    // Through COPY: one block of text instead of an object per row (issue 14 item 3).
    const rows = await copyTransactions(
      q,
      `class_b_transaction t WHERE t.account = ANY(${sqlTextArrayLiteral(accounts.slice(i, i + CHUNK))})${after}`,
      ' ORDER BY t.account, t.date, t.seq',
    );
    groupByAccount(rows, out);
  }
  return out;
}

/** Adds rows (in order) to their account's list. */
function groupByAccount(
  rows: readonly ClassBTransactionRow[],
  out: Map<string, ClassBTransactionRow[]>,
): Map<string, ClassBTransactionRow[]> {
  for (const r of rows) {
    const list = out.get(r.account);
    if (list) list.push(r);
    else out.set(r.account, [r]);
  }
  return out;
}

/**
 * Stored transactions dated on or before `through` (and on or after `from`, when given) of the
 * accounts whose keys are in the range (class_b_account.account_key, both ends included), grouped
 * by account, in order; read by COPY.
 */
export async function transactionsOfAccountKeys(
  q: Queryable,
  range: { readonly fromKey: number; readonly toKey: number },
  through: string,
  from?: string,
): Promise<Map<string, ClassBTransactionRow[]>> {
  const after = from === undefined ? '' : ` AND t.date >= ${sqlTextLiteral(from)}::date`;
  // by the accounts' names, so that each chunk is read through class_b_transaction_by_account
  // (account, date, seq) instead of a scan of every transaction
  const names = (
    await q.textRows(
      `SELECT account FROM class_b_account WHERE account_key BETWEEN ${range.fromKey} AND ${range.toKey}`,
    )
  ).map((r) => r[0]!);
  if (names.length === 0) return new Map();
  const rows = await copyTransactions(
    q,
    `class_b_transaction t WHERE t.account = ANY(${sqlTextArrayLiteral(names)}) AND t.date <= ${sqlTextLiteral(through)}::date${after}`,
    ' ORDER BY t.account, t.date, t.seq',
  );
  return groupByAccount(rows, new Map());
}

const REDEMPTION_COLUMNS = [
  'txn_id',
  'account',
  'portfolio_id',
  'date',
  'shares',
  'price',
  'waiver',
  'gross',
  'cdsc',
  'cdsc_waived',
  'redemption_fee',
  'net',
];
const REDEMPTION_PIECE_COLUMNS = [
  'txn_id',
  'piece',
  'lot_id',
  'kind',
  'doi',
  'issuing_portfolio_id',
  'shares',
  'cost',
  'rate_pct',
  'base',
  'cdsc',
  'cdsc_waived',
];

/** A redemption's class_b_redemption row (REDEMPTION_COLUMNS), as records write it. */
export function redemptionHeadRow(r: RedemptionResult, account: string): CopyValue[] {
  return [
    r.txnId,
    account,
    r.portfolioId,
    r.date,
    formatShareUnits(r.shareUnits),
    formatPriceUnits(r.priceUnits),
    r.waiver,
    formatCents(r.grossCents),
    formatCents(r.cdscCents),
    formatCents(r.waivedCents),
    formatCents(r.redemptionFeeCents),
    formatCents(r.netCents),
  ];
}

/** A redemption's class_b_redemption_piece rows (REDEMPTION_PIECE_COLUMNS), numbered from 0. */
export function redemptionPieceRows(r: RedemptionResult): CopyValue[][] {
  return r.pieces.map((p, n) => [
    r.txnId,
    n,
    p.lotId,
    p.kind,
    p.dateOfOriginalIssuance,
    p.issuingPortfolioId,
    formatShareUnits(p.shareUnits),
    formatCents(p.costCents),
    formatRatePct(p.rateMicroPct),
    formatValueUnits(p.baseValueUnits),
    formatCents(p.cdscCents),
    formatCents(p.waivedCents),
  ]);
}

/**
 * The COPY text of the pass's redemptions to store (class_b_redemption and
 * class_b_redemption_piece rows): for each account in order, its redemptions dated on or after its
 * `from`, in the pass's order — the bytes {@link redemptionHeadRow} and {@link redemptionPieceRows}
 * give for the same redemptions as records (monthPassRecords.ts `monthRecordsOf`), written from the
 * columns without a record per redemption (issue 14: a month's 200,000 redemptions and their pieces).
 */
export function passRedemptionCopyText(p: PassRedemptionsToStore): {
  heads: Uint8Array;
  pieces: Uint8Array;
  count: number;
} {
  const R = p.redemptions;
  const P = R.pieces;
  const d = p.naming;
  const rowsOf = redemptionRowsByAccount(R);
  const heads = new CopyTextBytes(1 << 16);
  const pieces = new CopyTextBytes(1 << 16);
  // cents as formatCents writes them (a negative amount, which no redemption has, by it)
  const cents = (w: CopyTextBytes, v: number) =>
    v >= 0 ? w.fixedPoint(v, 2) : w.text(formatCents(BigInt(v)));
  let count = 0;
  for (const { account, key, from } of p.accounts) {
    const fromDay = toDayNumber(from);
    for (const i of rowsOf.get(key) ?? []) {
      if (R.day[i]! < fromDay) continue;
      count++;
      const txnId = d.txns.name(R.txn[i]!);
      const waiver = WAIVER_CODES[R.waiver[i]!];
      if (waiver === undefined) throw new RangeError(`redemption ${txnId}: waiver code ${R.waiver[i]}`);
      heads.text(txnId).tab().text(account).tab().text(d.portfolios.name(R.portfolio[i]!)).tab();
      heads.text(fromDayNumber(R.day[i]!)).tab().fixedPoint(R.shareUnits[i]!, 4).tab();
      heads.fixedPoint(R.priceUnits[i]!, 4).tab().value(waiver).tab();
      cents(heads, R.grossCents[i]!).tab();
      cents(heads, R.cdscCents[i]!).tab();
      cents(heads, R.waivedCents[i]!).tab();
      cents(heads, R.redemptionFeeCents[i]!).tab();
      cents(heads, R.netCents[i]!).newline();
      for (let j = R.pieceStart[i]!; j < R.pieceStart[i + 1]!; j++) {
        pieces
          .text(txnId)
          .tab()
          .int(j - R.pieceStart[i]!)
          .tab()
          .text(d.txns.name(P.origin[j]!))
          .tab();
        pieces
          .text(P.free[j] === 1 ? 'free' : 'commission')
          .tab()
          .text(fromDayNumber(P.doiDay[j]!))
          .tab();
        pieces.text(d.portfolios.name(P.issuingPortfolio[j]!)).tab().fixedPoint(P.shareUnits[j]!, 4).tab();
        cents(pieces, P.costCents[j]!)
          .tab()
          .text(formatRatePct(BigInt(P.rateMicroPct[j]!)))
          .tab();
        pieces.text(formatValueUnits(P.baseValueUnits[j]!)).tab();
        cents(pieces, P.cdscCents[j]!).tab();
        cents(pieces, P.waivedCents[j]!).newline();
      }
    }
  }
  return { heads: heads.bytes(), pieces: pieces.bytes(), count };
}

/**
 * Replaces an account's stored redemptions dated on or after `from` with those the ledger now
 * computes (a replay never changes what happened before its first new transaction): the record
 * replay's as records, the month pass's (`pass`) straight from its columns.
 */
export async function replaceRedemptions(
  q: Queryable,
  changes: readonly { account: string; from: string; redemptions: readonly RedemptionResult[] }[],
  /**
   * the accounts that may have stored redemptions to replace ({@link accountsWithRedemptionsFrom}
   * on or before every change's `from`, read before this import wrote any): the others' DELETE
   * would find nothing (a month's file: normally every account)
   */
  storedFor?: ReadonlySet<string>,
  pass?: PassRedemptionsToStore,
): Promise<number> {
  const CHUNK = 20_000;
  const all: readonly { account: string; from: string }[] =
    pass === undefined ? changes : [...changes, ...pass.accounts];
  const deleting = storedFor === undefined ? all : all.filter((c) => storedFor.has(c.account));
  for (let i = 0; i < deleting.length; i += CHUNK) {
    const part = deleting.slice(i, i + CHUNK);
    await q.query(
      `DELETE FROM class_b_redemption r USING unnest($1::text[], $2::date[]) AS k(account, from_date)
        WHERE r.account = k.account AND r.date >= k.from_date`,
      [part.map((c) => c.account), part.map((c) => c.from)],
    );
  }
  const heads: (RedemptionResult & { account: string })[] = [];
  for (const c of changes)
    for (const r of c.redemptions) if (r.date >= c.from) heads.push({ ...r, account: c.account });
  for (let i = 0; i < heads.length; i += CHUNK) {
    const part = heads.slice(i, i + CHUNK);
    // COPY, not INSERT … unnest: the month's redemptions and their pieces are the bulk of a month.
    await q.copyIn(
      'class_b_redemption',
      REDEMPTION_COLUMNS,
      part.map((r) => redemptionHeadRow(r, r.account)),
    );
    await q.copyIn('class_b_redemption_piece', REDEMPTION_PIECE_COLUMNS, part.flatMap(redemptionPieceRows));
  }
  let written = heads.length;
  if (pass !== undefined) {
    const text = passRedemptionCopyText(pass);
    if (text.heads.length > 0) await q.copyIn('class_b_redemption', REDEMPTION_COLUMNS, text.heads);
    if (text.pieces.length > 0)
      await q.copyIn('class_b_redemption_piece', REDEMPTION_PIECE_COLUMNS, text.pieces);
    written += text.count;
  }
  return written;
}

const ID_CHUNK = 50_000;

async function inChunks<T, R>(items: readonly T[], fn: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += ID_CHUNK) out.push(...(await fn(items.slice(i, i + ID_CHUNK))));
  return out;
}

export interface ClassBAccountRecord {
  readonly account: string;
  readonly omnibus: boolean;
  readonly dealerOfRecord: string | null;
}

/** The recorded accounts among these. */
export async function recordedAccounts(
  q: Queryable,
  accounts: readonly string[],
): Promise<Map<string, ClassBAccountRecord>> {
  const rows = await inChunks(accounts, (part) =>
    typed(q)
      .selectFrom('class_b_account')
      .select(['account', 'omnibus', 'dealer_of_record'])
      .where('account', '=', sql<string>`ANY(${part}::text[])`)
      .execute(),
  );
  return new Map(
    rows.map((r) => [
      r.account,
      { account: r.account, omnibus: r.omnibus, dealerOfRecord: r.dealer_of_record },
    ]),
  );
}

/** A file's accounts staged once for the import's questions about them (withStagedAccounts). */
export interface StagedAccounts {
  /** each account's key (class_b_account.account_key) by its place in the names (NaN: not recorded) */
  readonly keys: Float64Array;
  /**
   * The staged accounts with a transaction dated after `date` (each probed in
   * class_b_transaction_by_account): {@link accountsWithTransactionsAfter} of all of them.
   */
  withTransactionsAfter(date: string): Promise<Set<string>>;
}

/**
 * Stages a file's accounts (distinct names) once and runs fn with what the import asks of them:
 * their keys (which also say which are not recorded) and which have activity after a date. Issue
 * 14: a month's file names a million accounts, and staging them for each question — the unknown
 * accounts, the activity after the stored ledger, the keys — was three COPYs, three ANALYZEs and a
 * probe more than one. The staged table is dropped when fn returns.
 */
export async function withStagedAccounts<T>(
  q: Queryable,
  accounts: readonly string[],
  fn: (staged: StagedAccounts) => Promise<T>,
): Promise<T> {
  const keys = new Float64Array(accounts.length).fill(Number.NaN);
  const none: StagedAccounts = { keys, withTransactionsAfter: async () => new Set() };
  if (accounts.length === 0) return fn(none);
  return withStagedRows(
    q,
    { ord: 'integer', key: 'text' },
    (function* () {
      for (let i = 0; i < accounts.length; i++) yield [i, accounts[i]!];
    })(),
    async (staged) => {
      for await (const rows of q.textRowChunks(
        `SELECT k.ord, a.account_key FROM ${staged} k JOIN class_b_account a ON a.account = k.key`,
      ))
        for (const [ord, key] of rows) keys[Number(ord)] = Number(key);
      return fn({
        keys,
        async withTransactionsAfter(date) {
          const rows = await q.textRows(
            `SELECT k.key FROM ${staged} k WHERE EXISTS (SELECT 1 FROM class_b_transaction t WHERE t.account = k.key AND t.date > ${sqlTextLiteral(date)}::date)`,
          );
          return new Set(rows.map((r) => r[0]!));
        },
      });
    },
  );
}

/**
 * Every recorded account's name, for the "did you mean …?" of an account nothing was recorded
 * under (`lots --account`): read only on that error's path, one text column through the text-row
 * reader (no row objects), so a complex of a million accounts pays it once, when a name is mistyped.
 */
export async function recordedAccountNames(q: Queryable): Promise<string[]> {
  const names: string[] = [];
  for await (const rows of q.textRowChunks('SELECT account FROM class_b_account'))
    for (const [account] of rows) names.push(account!);
  return names;
}

/** One account as recorded, or undefined. */
export async function recordedAccount(
  q: Queryable,
  account: string,
): Promise<ClassBAccountRecord | undefined> {
  return (await recordedAccounts(q, [account])).get(account);
}

/** The accounts among these with a transaction dated on or before `date`. */
export async function accountsWithActivityThrough(
  q: Queryable,
  accounts: readonly string[],
  date: string,
): Promise<Set<string>> {
  const rows = await inChunks(accounts, (part) =>
    typed(q)
      .selectFrom('class_b_transaction')
      .select('account')
      .distinct()
      .where('account', '=', sql<string>`ANY(${part}::text[])`)
      .where('date', '<=', date)
      .execute(),
  );
  return new Set(rows.map((r) => r.account));
}

/**
 * The accounts with a stored redemption dated on or after `date` (through the date index): the
 * only ones whose redemptions a rewrite from that date can replace.
 */
export async function accountsWithRedemptionsFrom(q: Queryable, date: string): Promise<Set<string>> {
  const rows = await q.textRows(
    `SELECT DISTINCT account FROM class_b_redemption WHERE date >= ${sqlTextLiteral(date)}::date`,
  );
  return new Set(rows.map((r) => r[0]!));
}

/**
 * The accounts among these with a transaction dated after `date` (set-based: the names staged and
 * each probed in class_b_transaction_by_account; {@link withStagedAccounts}). Read before an import writes its rows, it tells
 * which touched accounts have recorded activity after their stored ledger; normally none has, and
 * then the reads of that activity are skipped (issue 14).
 */
export async function accountsWithTransactionsAfter(
  q: Queryable,
  accounts: readonly string[],
  date: string,
): Promise<Set<string>> {
  return withStagedAccounts(q, [...new Set(accounts)], (staged) => staged.withTransactionsAfter(date));
}

/** Records new accounts and the new flag or dealer of recorded ones (bulk). */
export async function upsertAccounts(
  q: Queryable,
  accounts: readonly ClassBAccountRecord[],
  importId: number,
): Promise<void> {
  for (let i = 0; i < accounts.length; i += ID_CHUNK) {
    const part = accounts.slice(i, i + ID_CHUNK);
    await q.query(
      `INSERT INTO class_b_account (account, omnibus, dealer_of_record, import_id)
       SELECT a, o, d, $4 FROM unnest($1::text[], $2::boolean[], $3::text[]) AS t(a, o, d)
       ON CONFLICT (account) DO UPDATE SET omnibus = EXCLUDED.omnibus,
         dealer_of_record = EXCLUDED.dealer_of_record, import_id = EXCLUDED.import_id`,
      [part.map((r) => r.account), part.map((r) => r.omnibus), part.map((r) => r.dealerOfRecord), importId],
    );
  }
}

/** The recorded transactions among these txn_ids. */
export async function recordedTransactions(
  q: Queryable,
  txnIds: Iterable<string> & { readonly length: number },
): Promise<Map<string, ClassBTransactionRow>> {
  if (txnIds.length === 0) return new Map();
  // Set-based: the file's txn_ids staged and joined to the recorded ones once (idempotency check).
  // Staged as given, a row at a time (a txn_id named twice, which the file's rules refuse, is
  // joined twice: the map keeps one). Each staged key probes the primary key (the LATERAL's
  // OFFSET 0 keeps the planner from a hash join): a month's file is a small part of the recorded
  // rows, and hashing it meant reading every recorded row (at 1,000,000 accounts, 1,050,600 keys
  // against 7 million rows: 4.0–4.2 s, probed 1.6–1.7 s; docs/PERFORMANCE.md, session 29).
  const rows = await withStagedRows(
    q,
    { key: 'text' },
    (function* () {
      for (const k of txnIds) yield [k];
    })(),
    (staged) =>
      copyTransactions(
        q,
        `${staged} k CROSS JOIN LATERAL (SELECT * FROM class_b_transaction r WHERE r.txn_id = k.key OFFSET 0) t`,
      ),
  );
  return new Map(rows.map((r) => [r.txn_id, r]));
}

/**
 * The recorded legs of the given exchanges, each named by its account and exchange_id: the
 * txn_ids recorded with that exchange_id in that account, by `exchangeLegKey`. Each staged pair
 * probes its account's rows (class_b_transaction_by_account): a file's exchanges are few beside
 * the recorded rows.
 */
export async function recordedExchangeLegs(
  q: Queryable,
  pairs: Iterable<{ readonly account: string; readonly exchangeId: string }>,
): Promise<Map<string, string[]>> {
  const staged = [...pairs];
  if (staged.length === 0) return new Map();
  const rows = await withStagedRows(
    q,
    { account: 'text', exchange_id: 'text' },
    (function* () {
      for (const p of staged) yield [p.account, p.exchangeId];
    })(),
    (table) =>
      q.textRows(
        `SELECT DISTINCT t.account, t.exchange_id, t.txn_id FROM ${table} k CROSS JOIN LATERAL (SELECT r.account, r.exchange_id, r.txn_id FROM class_b_transaction r WHERE r.account = k.account AND r.exchange_id = k.exchange_id AND r.type IN ('exchange_out', 'exchange_in') OFFSET 0) t`,
      ),
  );
  const out = new Map<string, string[]>();
  for (const [account, exchangeId, txnId] of rows) {
    const key = exchangeLegKey(account!, exchangeId!);
    out.set(key, [...(out.get(key) ?? []), txnId!]);
  }
  for (const ids of out.values()) ids.sort();
  return out;
}

/** The key of an exchange of an account in {@link recordedExchangeLegs}. */
export function exchangeLegKey(account: string, exchangeId: string): string {
  return `${account}\u0000${exchangeId}`;
}

/** A new transaction as the feed gives it (the store numbers its arrival). */
export interface NewClassBTransaction {
  readonly txnId: string;
  readonly date: string;
  readonly account: string;
  readonly portfolioId: string;
  readonly portfolioName: string;
  readonly type: ClassBTransactionRow['type'];
  readonly shares: string;
  readonly price: string | null;
  readonly exchangeId: string | null;
  readonly waiver: string | null;
  /** a reinvestment's stated attribution of its Free Shares: one or neither */
  readonly attributedDistributor: string | null;
  readonly derivedFromDoi: string | null;
}

/** Whether a recorded transaction says what a new one with its txn_id says. */
export function sameRecordedTransaction(
  a: ClassBTransactionRow,
  b: NewClassBTransaction & { readonly shareUnits: bigint; readonly priceUnits: bigint | null },
): boolean {
  return (
    a.date === b.date &&
    a.account === b.account &&
    a.portfolio_id === b.portfolioId &&
    a.type === b.type &&
    parseShareUnits(a.shares) === b.shareUnits &&
    (a.price === null ? b.priceUnits === null : parsePriceUnits(a.price) === b.priceUnits) &&
    a.exchange_id === b.exchangeId &&
    a.waiver === b.waiver &&
    a.attributed_distributor === b.attributedDistributor &&
    a.derived_from_doi === b.derivedFromDoi
  );
}

/**
 * Appends transactions; each account's rows keep the order given (their arrival order, `seq`,
 * breaks ties within a date; nothing reads `seq` across accounts).
 */
export async function insertTransactions(
  q: Queryable,
  rows: readonly NewClassBTransaction[],
  importId: number,
): Promise<void> {
  // a stable sort: each account's rows in the order given
  const inAccountOrder = [...rows].sort((a, b) =>
    a.account < b.account ? -1 : a.account > b.account ? 1 : 0,
  );
  await insertTransactionsByAccount(q, inAccountOrder, importId);
}

/**
 * Appends transactions given account by account, the accounts in the order of their names (each
 * account's rows in arrival order: `seq` breaks ties within a date); rows out of that order are a
 * bug. COPY assigns `seq` row by row in the order given. The order of the accounts is the order of
 * class_b_transaction_by_account and of the reference check's probes of class_b_account (migration
 * 29: the statement's rows in their order against the primary key): in file
 * order a month's million rows touched those indexes' pages at random, and at 1,000,000 accounts
 * (6 million stored rows) the pages no longer fit PGlite's buffer pool (issue 14).
 */
export async function insertTransactionsByAccount(
  q: Queryable,
  rows: Iterable<NewClassBTransaction>,
  importId: number,
): Promise<void> {
  let last: string | null = null;
  await q.copyIn(
    'class_b_transaction',
    TRANSACTION_COPY_COLUMNS,
    // a row at a time, as COPY takes them: a month's million rows are never built as arrays at once
    (function* () {
      for (const r of rows) {
        if (last !== null && r.account < last)
          throw new Error(`insertTransactionsByAccount: account ${r.account} after ${last}`);
        last = r.account;
        yield transactionCopyRow(r, importId);
      }
    })(),
  );
}

/** A new transaction's values for {@link TRANSACTION_COPY_COLUMNS}. */
export function transactionCopyRow(r: NewClassBTransaction, importId: number): CopyValue[] {
  return [
    r.txnId,
    r.date,
    r.account,
    r.portfolioId,
    r.portfolioName,
    'B',
    r.type,
    r.shares,
    r.price,
    r.exchangeId,
    r.waiver,
    r.attributedDistributor,
    r.derivedFromDoi,
    importId,
  ];
}

/**
 * The columns of class_b_transaction a new row's COPY line gives, in order: what
 * {@link insertTransactionsByAccount} writes, and what {@link insertTransactionCopyText}'s lines
 * must hold (`seq` is the column's default, assigned row by row).
 */
export const TRANSACTION_COPY_COLUMNS = [
  'txn_id',
  'date',
  'account',
  'portfolio_id',
  'portfolio_name',
  'class',
  'type',
  'shares',
  'price',
  'exchange_id',
  'waiver',
  'attributed_distributor',
  'derived_from_doi',
  'import_id',
] as const;

/**
 * Appends transactions given as COPY text of {@link TRANSACTION_COPY_COLUMNS}, a piece at a time
 * (one COPY each), written by the caller in {@link insertTransactionsByAccount}'s order — account
 * by account in the order of their names — which this cannot check without decoding the text:
 * `transactions import` writes a month's rows from its columns this way (issue 14), the same bytes
 * as insertTransactionsByAccount's (test: new-transactions-copy-text-equals-the-row-path).
 */
export async function insertTransactionCopyText(q: Queryable, pieces: Iterable<Uint8Array>): Promise<void> {
  for (const text of pieces) await q.copyIn('class_b_transaction', TRANSACTION_COPY_COLUMNS, text);
}

/** Accounts with activity in these portfolios (null: in any portfolio), in order. */
export async function accountsInPortfolios(
  q: Queryable,
  portfolioIds: readonly string[] | null,
): Promise<string[]> {
  // the output column, byte-ordered (with DISTINCT, ORDER BY must name what is selected)
  let query = typed(q)
    .selectFrom('class_b_transaction')
    .select(sql<string>`account collate "C"`.as('account'))
    .distinct()
    .orderBy('account');
  if (portfolioIds !== null) {
    if (portfolioIds.length === 0) return [];
    query = query.where('portfolio_id', '=', sql<string>`ANY(${[...portfolioIds]}::text[])`);
  }
  return (await query.execute()).map((r) => r.account);
}

/** Accounts with a purchase dated in [from, to]. */
export async function accountsPurchasingBetween(q: Queryable, from: string, to: string): Promise<string[]> {
  const rows = await typed(q)
    .selectFrom('class_b_transaction')
    .select('account')
    .distinct()
    .where('type', '=', 'purchase')
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  return rows.map((r) => r.account);
}

/** How many purchases of the portfolio are dated in [from, to ?? forever]. */
export async function purchaseCountBetween(
  q: Queryable,
  portfolioId: string,
  from: string,
  to: string | null,
): Promise<number> {
  let query = typed(q)
    .selectFrom('class_b_transaction')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('type', '=', 'purchase')
    .where('portfolio_id', '=', portfolioId)
    .where('date', '>=', from);
  if (to !== null) query = query.where('date', '<=', to);
  const rows = await query.execute();
  return Number(rows[0]?.n ?? 0);
}

/** Whether any transaction (of these portfolios; null: any) is dated in [from, to ?? forever]. */
export async function hasTransactionsBetween(
  q: Queryable,
  portfolioId: string | null,
  from: string,
  to: string | null,
): Promise<boolean> {
  let query = typed(q).selectFrom('class_b_transaction').select('txn_id').where('date', '>=', from).limit(1);
  if (to !== null) query = query.where('date', '<=', to);
  if (portfolioId !== null) query = query.where('portfolio_id', '=', portfolioId);
  return (await query.execute()).length > 0;
}

/** A stored redemption, as the reports read it. */
export interface RedemptionHeadRow {
  txn_id: string;
  date: string;
  account: string;
  portfolio_id: string;
  shares: string;
  price: string;
  waiver: string | null;
  gross: string;
  cdsc: string;
  cdsc_waived: string;
  redemption_fee: string;
  net: string;
}

/** A stored lot piece of a redemption. */
export interface RedemptionPieceRow {
  txn_id: string;
  lot_id: string;
  kind: 'commission' | 'free';
  doi: string;
  issuing_portfolio_id: string;
  shares: string;
  cost: string;
  rate_pct: string;
  base: string;
  cdsc: string;
  cdsc_waived: string;
}

/** A stored redemption with its lot pieces in order (SPEC §6). */
export interface StoredRedemption {
  readonly head: RedemptionHeadRow;
  readonly pieces: readonly RedemptionPieceRow[];
}

/** Each redemption with its pieces, one row per piece (one with null pieces if it has none). */
const STORED_REDEMPTION_ROWS = `SELECT r.txn_id, r.date::text, r.account, r.portfolio_id, r.shares::text, r.price::text,
         r.waiver, r.gross::text, r.cdsc::text, r.cdsc_waived::text, r.redemption_fee::text, r.net::text,
         p.lot_id, p.kind, p.doi::text, p.issuing_portfolio_id, p.shares::text, p.cost::text, p.rate_pct::text,
         p.base::text, p.cdsc::text, p.cdsc_waived::text
    FROM class_b_redemption r LEFT JOIN class_b_redemption_piece p ON p.txn_id = r.txn_id`;

/** A redemption's head from a text row of its fields in RedemptionHeadRow's order. */
function redemptionHeadOfRow(f: readonly (string | null)[]): RedemptionHeadRow {
  return {
    txn_id: f[0]!,
    date: f[1]!,
    account: f[2]!,
    portfolio_id: f[3]!,
    shares: f[4]!,
    price: f[5]!,
    waiver: f[6]!,
    gross: f[7]!,
    cdsc: f[8]!,
    cdsc_waived: f[9]!,
    redemption_fee: f[10]!,
    net: f[11]!,
  };
}

/** A lot piece of redemption `txnId` from a text row whose piece fields begin at `at`. */
function redemptionPieceOfRow(txnId: string, f: readonly (string | null)[], at: number): RedemptionPieceRow {
  return {
    txn_id: txnId,
    lot_id: f[at]!,
    kind: f[at + 1] as RedemptionPieceRow['kind'],
    doi: f[at + 2]!,
    issuing_portfolio_id: f[at + 3]!,
    shares: f[at + 4]!,
    cost: f[at + 5]!,
    rate_pct: f[at + 6]!,
    base: f[at + 7]!,
    cdsc: f[at + 8]!,
    cdsc_waived: f[at + 9]!,
  };
}

/**
 * Rows of STORED_REDEMPTION_ROWS (a redemption's rows together, its pieces in order) as stored
 * redemptions, a chunk at a time; a redemption whose rows straddle two chunks of the read is
 * handed over whole, with the later chunk.
 */
async function* storedRedemptionChunks(
  q: Queryable,
  sql: string,
  chunkSize?: TextRowChunkSize,
): AsyncGenerator<StoredRedemption[]> {
  let open: { head: RedemptionHeadRow; pieces: RedemptionPieceRow[] } | null = null;
  for await (const rows of q.textRowChunks(sql, chunkSize)) {
    const whole: StoredRedemption[] = [];
    for (const f of rows) {
      if (open === null || open.head.txn_id !== f[0]) {
        if (open !== null) whole.push(open);
        open = { head: redemptionHeadOfRow(f), pieces: [] };
      }
      if (f[12] !== null) open.pieces.push(redemptionPieceOfRow(f[0]!, f, 12));
    }
    if (whole.length > 0) yield whole;
  }
  if (open !== null) yield [open];
}

/**
 * The stored redemptions dated in [from, to] with their pieces, in the report's order (date,
 * account, transaction), a chunk at a time (issue 14: a month of 370,000 redemptions is never
 * held at once by the close).
 */
export function storedRedemptionsInOrder(
  q: Queryable,
  from: string,
  to: string,
  chunkSize?: TextRowChunkSize,
): AsyncGenerator<StoredRedemption[]> {
  return storedRedemptionChunks(
    q,
    `${STORED_REDEMPTION_ROWS}
      WHERE r.date BETWEEN ${sqlTextLiteral(from)}::date AND ${sqlTextLiteral(to)}::date
      ORDER BY r.date, r.account COLLATE "C", r.txn_id COLLATE "C", p.piece`,
    chunkSize,
  );
}

/** The stored redemptions of these accounts dated in [from, to] with their pieces (a chunk of the close's accounts). */
export function storedRedemptionsOfAccounts(
  q: Queryable,
  accounts: readonly string[],
  from: string,
  to: string,
): AsyncGenerator<StoredRedemption[]> {
  return storedRedemptionChunks(
    q,
    `${STORED_REDEMPTION_ROWS}
      WHERE r.account = ANY(${sqlTextArrayLiteral(accounts)})
        AND r.date BETWEEN ${sqlTextLiteral(from)}::date AND ${sqlTextLiteral(to)}::date
      ORDER BY r.txn_id, p.piece`,
  );
}

/** How many redemptions are stored dated in [from, to]. */
export async function redemptionCountBetween(q: Queryable, from: string, to: string): Promise<number> {
  const [row] = await q.textRows(
    `SELECT count(*) FROM class_b_redemption WHERE date BETWEEN ${sqlTextLiteral(from)}::date AND ${sqlTextLiteral(to)}::date`,
  );
  return Number(row![0]);
}

/** The stored redemptions dated in [from, to] and their pieces, in order. */
export async function redemptionsBetween(
  q: Queryable,
  from: string,
  to: string,
): Promise<{ heads: RedemptionHeadRow[]; pieces: RedemptionPieceRow[] }> {
  // by COPY on PGlite: no row object per field (the FINRA cap ledger reads years of redemptions)
  const range = `${sqlTextLiteral(from)}::date AND ${sqlTextLiteral(to)}::date`;
  const heads = (
    await q.textRows(
      `SELECT txn_id, date::text, account, portfolio_id, shares::text, price::text, waiver, gross::text, cdsc::text,
              cdsc_waived::text, redemption_fee::text, net::text
         FROM class_b_redemption WHERE date BETWEEN ${range}
        ORDER BY date, account COLLATE "C", txn_id COLLATE "C"`,
    )
  ).map(redemptionHeadOfRow);
  const pieces = (
    await q.textRows(
      `SELECT p.txn_id, p.lot_id, p.kind, p.doi::text, p.issuing_portfolio_id, p.shares::text, p.cost::text,
              p.rate_pct::text, p.base::text, p.cdsc::text, p.cdsc_waived::text
         FROM class_b_redemption_piece p JOIN class_b_redemption r ON r.txn_id = p.txn_id
        WHERE r.date BETWEEN ${range}
        ORDER BY p.txn_id, p.piece`,
    )
  ).map((f) => redemptionPieceOfRow(f[0]!, f, 1));
  return { heads, pieces };
}

/** The accounts holding Class B shares of these portfolios, with their omnibus flag (Exhibit A 1.). */
export async function accountsHoldingPortfolios(
  q: Queryable,
  portfolioIds: readonly string[],
): Promise<{ account: string; omnibus: boolean }[]> {
  const rows = await q.textRows(`SELECT account, omnibus FROM (
        SELECT DISTINCT t.account, a.omnibus FROM class_b_transaction t JOIN class_b_account a ON a.account = t.account
         WHERE t.portfolio_id = ANY(${sqlTextArrayLiteral(portfolioIds)})) h
      ORDER BY account COLLATE "C"`);
  return rows.map((f) => ({ account: f[0]!, omnibus: f[1] === 't' }));
}

/** Every portfolio with Class B activity. */
export async function portfoliosWithClassBActivity(q: Queryable): Promise<string[]> {
  const rows = await typed(q)
    .selectFrom('class_b_transaction')
    .select(sql<string>`portfolio_id collate "C"`.as('portfolio_id'))
    .distinct()
    .orderBy('portfolio_id')
    .execute();
  return rows.map((r) => r.portfolio_id);
}

/** The CDSC of each redemption piece in a date range, for the Earned CDSC (Agreement FOURTH(D)). */
export async function cdscPiecesBetween(
  q: Queryable,
  from: string,
  to: string,
): Promise<
  {
    portfolio_id: string;
    date: string;
    txn_id: string;
    lot_id: string;
    doi: string;
    issuing_portfolio_id: string;
    cdsc: string;
  }[]
> {
  // a close's whole month of pieces (hundreds of thousands at a large complex): read by the bulk
  // path, not as a row object each (issue 14 item 3; docs/PERFORMANCE.md, session 31)
  const rows = await q.textRows(
    `SELECT r.portfolio_id, r.date::text, r.txn_id, p.lot_id, p.doi::text, p.issuing_portfolio_id, p.cdsc::text
       FROM class_b_redemption r JOIN class_b_redemption_piece p ON p.txn_id = r.txn_id
      WHERE r.date BETWEEN ${sqlTextLiteral(from)}::date AND ${sqlTextLiteral(to)}::date AND p.cdsc > 0
      ORDER BY r.date, r.txn_id COLLATE "C", p.piece`,
  );
  return rows.map((r) => ({
    portfolio_id: r[0]!,
    date: r[1]!,
    txn_id: r[2]!,
    lot_id: r[3]!,
    doi: r[4]!,
    issuing_portfolio_id: r[5]!,
    cdsc: r[6]!,
  }));
}

/** {@link cdscPiecesBetween} through `query()`, a row object each: the reference its bulk read is tested against. */
export async function cdscPiecesBetweenByQuery(
  q: Queryable,
  from: string,
  to: string,
): ReturnType<typeof cdscPiecesBetween> {
  return q.query(
    `SELECT r.portfolio_id, r.date, r.txn_id, p.lot_id, p.doi, p.issuing_portfolio_id, p.cdsc
       FROM class_b_redemption r JOIN class_b_redemption_piece p ON p.txn_id = r.txn_id
      WHERE r.date BETWEEN $1 AND $2 AND p.cdsc > 0 ORDER BY r.date, r.txn_id COLLATE "C", p.piece`,
    [from, to],
  );
}
