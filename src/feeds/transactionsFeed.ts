import { isIsoDate } from '../calendar/isoDate.js';
import { isCdscWaiver } from '../class-b/cdscWaiver.js';
import { exchangeSharesConsistent } from '../class-b/classBActivity.js';
import { replayAccount } from '../class-b/classBLedger.js';
import { LedgerRefusal } from '../class-b/ledgerRefusal.js';
import { formatPriceUnits, PriceFormatError, parsePriceUnits } from '../class-b/pricePerShare.js';
import { formatShareUnits, parseShareUnits, ShareFormatError } from '../class-b/shareUnits.js';
import { BadInputError, type RowProblem } from '../errors.js';
import {
  activityOfRows,
  type ClassBTransactionRow,
  loadClassBTerms,
  loadTransactionsOf,
  replaceRedemptions,
} from '../store/classBStore.js';
import type { Database, Queryable } from '../store/database.js';
import { recordFeedImport } from '../store/feedImport.js';
import { loadRegistry } from '../store/registryStore.js';
import { classBPortfolioResolver } from './classBPortfolio.js';
import { readCsvFeed } from './csvRows.js';

export const TRANSACTIONS_COLUMNS = [
  'date',
  'txn_id',
  'account',
  'portfolio',
  'class',
  'type',
  'shares',
  'price',
  'exchange_id',
  'waiver',
] as const;

const TYPES = ['purchase', 'reinvest', 'redeem', 'exchange_out', 'exchange_in', 'convert'] as const;
type TxnType = (typeof TYPES)[number];

interface TxnIn {
  readonly line: number;
  readonly txnId: string;
  readonly date: string;
  readonly account: string;
  readonly portfolioId: string;
  readonly portfolioName: string;
  readonly type: TxnType;
  readonly shares: string;
  readonly price: string | null;
  readonly exchangeId: string | null;
  readonly waiver: string | null;
}

export interface TransactionsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  readonly accounts: number;
  readonly redemptionsWritten: number;
}

/** Reads and checks every row on its own (formats, codes, the registry); collects every problem. */
function readRows(
  file: string,
  bytes: Uint8Array,
  resolvePortfolio: (name: string) => { id: string } | { problem: string },
): { rows: TxnIn[]; problems: RowProblem[] } {
  const csv = readCsvFeed(file, bytes, TRANSACTIONS_COLUMNS);
  const problems: RowProblem[] = [];
  const rows: TxnIn[] = [];
  const seen = new Map<string, number>();
  for (const { line, values: v } of csv) {
    const bad = (field: string, reason: string) => problems.push({ file, line, field, reason });
    const type = v.type!.toLowerCase() as TxnType;
    if (!isIsoDate(v.date!)) {
      bad('date', `${JSON.stringify(v.date)} is not a date (YYYY-MM-DD)`);
      continue;
    }
    if (v.txn_id === '') {
      bad('txn_id', 'empty; every transaction needs the transfer agent’s id');
      continue;
    }
    if (seen.has(v.txn_id!)) {
      bad('txn_id', `${v.txn_id} appears twice in the file (first on line ${seen.get(v.txn_id!)})`);
      continue;
    }
    seen.set(v.txn_id!, line);
    if (v.account === '') {
      bad('account', 'empty');
      continue;
    }
    const p = resolvePortfolio(v.portfolio!);
    if ('problem' in p) {
      bad('portfolio', p.problem);
      continue;
    }
    if (v.class!.toUpperCase() !== 'B') {
      bad(
        'class',
        `class ${JSON.stringify(v.class)}: the share ledger records Class B shares only (write B)`,
      );
      continue;
    }
    if (!TYPES.includes(type)) {
      bad('type', `${JSON.stringify(v.type)} is not one of ${TYPES.join(', ')}`);
      continue;
    }
    let shares: string;
    try {
      const units = parseShareUnits(v.shares!);
      if (units === 0n) throw new ShareFormatError(v.shares!, 'zero shares');
      shares = formatShareUnits(units);
    } catch (e) {
      bad('shares', e instanceof ShareFormatError ? e.reason : String(e));
      continue;
    }
    let price: string | null = null;
    if (type !== 'convert' || v.price !== '') {
      try {
        price = formatPriceUnits(parsePriceUnits(v.price!));
      } catch (e) {
        bad('price', e instanceof PriceFormatError ? `${JSON.stringify(v.price)}: ${e.reason}` : String(e));
        continue;
      }
    }
    const isExchange = type === 'exchange_out' || type === 'exchange_in';
    if (isExchange && v.exchange_id === '') {
      bad('exchange_id', `an ${type} row needs the exchange_id that pairs it with its other leg`);
      continue;
    }
    if (!isExchange && v.exchange_id !== '') {
      bad('exchange_id', `a ${type} row has no exchange_id; only exchange_out and exchange_in rows do`);
      continue;
    }
    const waiver = v.waiver === '' ? null : v.waiver!.toLowerCase();
    if (waiver !== null && type !== 'redeem') {
      bad('waiver', 'a CDSC waiver applies to a redeem row only');
      continue;
    }
    if (waiver !== null && !isCdscWaiver(waiver)) {
      bad(
        'waiver',
        `unknown waiver ${JSON.stringify(v.waiver)}; use one of death, disability, systematic_withdrawal, required_minimum_distribution, excess_contribution, involuntary_small_account, reorganization`,
      );
      continue;
    }
    rows.push({
      line,
      txnId: v.txn_id!,
      date: v.date!,
      account: v.account!,
      portfolioId: p.id,
      portfolioName: v.portfolio!,
      type,
      shares,
      price,
      exchangeId: isExchange ? v.exchange_id! : null,
      waiver,
    });
  }
  return { rows, problems };
}

/** Both legs of every exchange: one out, one in, same account and date, other portfolio, shares by the prices. */
function exchangeProblems(file: string, rows: readonly TxnIn[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const byId = new Map<string, TxnIn[]>();
  for (const r of rows)
    if (r.exchangeId !== null) byId.set(r.exchangeId, [...(byId.get(r.exchangeId) ?? []), r]);
  for (const [id, legs] of byId) {
    const out = legs.filter((l) => l.type === 'exchange_out');
    const into = legs.filter((l) => l.type === 'exchange_in');
    const first = legs[0]!;
    const bad = (r: TxnIn, field: string, reason: string) =>
      problems.push({ file, line: r.line, field, reason });
    if (out.length !== 1 || into.length !== 1) {
      bad(
        first,
        'exchange_id',
        out.length === 0 || into.length === 0
          ? `exchange ${id} has no ${out.length === 0 ? 'exchange_out' : 'exchange_in'} leg; both legs of a Free Exchange Transaction must be in the same file`
          : `exchange ${id} has ${out.length} exchange_out and ${into.length} exchange_in rows; it needs exactly one of each`,
      );
      continue;
    }
    const o = out[0]!;
    const i = into[0]!;
    if (o.account !== i.account)
      bad(i, 'account', `exchange ${id}: the legs are in accounts ${o.account} and ${i.account}`);
    else if (o.date !== i.date) bad(i, 'date', `exchange ${id}: the legs are dated ${o.date} and ${i.date}`);
    else if (o.portfolioId === i.portfolioId)
      bad(i, 'portfolio', `exchange ${id}: both legs are in ${i.portfolioName}`);
    else {
      const leg = (r: TxnIn) => ({
        shareUnits: parseShareUnits(r.shares),
        priceUnits: parsePriceUnits(r.price!),
      });
      const e = { out: leg(o), in: leg(i) };
      if (!exchangeSharesConsistent(e)) {
        const expected =
          (2n * e.out.shareUnits * e.out.priceUnits + e.in.priceUnits) / (2n * e.in.priceUnits);
        bad(
          i,
          'shares',
          `exchange ${id}: ${o.shares} shares at ${o.price} deliver ${formatShareUnits(expected)} shares at ${i.price} (to 0.0001 share), not ${i.shares}`,
        );
      }
    }
  }
  return problems;
}

function storedRowOf(r: TxnIn, seq: string): ClassBTransactionRow {
  return {
    txn_id: r.txnId,
    seq,
    date: r.date,
    account: r.account,
    portfolio_id: r.portfolioId,
    type: r.type,
    shares: r.shares,
    price: r.price,
    exchange_id: r.exchangeId,
    waiver: r.waiver,
  };
}

async function existingTransactions(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, ClassBTransactionRow>> {
  const out = new Map<string, ClassBTransactionRow>();
  const CHUNK = 50_000;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const found = await q.query<ClassBTransactionRow>(
      `SELECT txn_id, seq, date, account, portfolio_id, type, shares, price, exchange_id, waiver
         FROM class_b_transaction WHERE txn_id = ANY($1::text[])`,
      [ids.slice(i, i + CHUNK)],
    );
    for (const f of found) out.set(f.txn_id, f);
  }
  return out;
}

function sameTransaction(a: ClassBTransactionRow, b: ClassBTransactionRow): boolean {
  return (
    a.date === b.date &&
    a.account === b.account &&
    a.portfolio_id === b.portfolio_id &&
    a.type === b.type &&
    parseShareUnits(a.shares) === parseShareUnits(b.shares) &&
    (a.price === null
      ? b.price === null
      : b.price !== null && parsePriceUnits(a.price) === parsePriceUnits(b.price)) &&
    a.exchange_id === b.exchange_id &&
    a.waiver === b.waiver
  );
}

/**
 * `plan12b transactions import`: transfer-agent activity on Class B shares. All-or-nothing and
 * idempotent by txn_id (a txn_id already recorded with the same content is skipped; with other
 * content it is refused: a correction is a new transaction). Every touched account is replayed
 * through the share ledger with its recorded activity, so a redemption of more shares than held,
 * a convert row that does not match what is due, or a systematic withdrawal past its waiver is
 * refused with the file, line and field. The account's redemptions from its earliest new
 * transaction on are then rewritten.
 */
export async function importTransactions(
  db: Database,
  file: string,
  bytes: Uint8Array,
): Promise<TransactionsImportResult> {
  return db.transaction(async (tx) => {
    const registry = await loadRegistry(tx);
    const { rows, problems } = readRows(
      file,
      bytes,
      classBPortfolioResolver(registry, 'import the exhibit that lists it first'),
    );
    if (problems.length > 0) throw new BadInputError(problems);

    const known = new Set<string>();
    const accounts = [...new Set(rows.map((r) => r.account))];
    for (let i = 0; i < accounts.length; i += 50_000) {
      const found = await tx.query<{ account: string }>(
        'SELECT account FROM class_b_account WHERE account = ANY($1::text[])',
        [accounts.slice(i, i + 50_000)],
      );
      for (const f of found) known.add(f.account);
    }
    const closed = new Set(
      (await tx.query<{ month: string }>('SELECT month FROM closed_month')).map((r) => r.month),
    );
    const stored = await existingTransactions(
      tx,
      rows.map((r) => r.txnId),
    );
    const fresh: TxnIn[] = [];
    let unchanged = 0;
    for (const r of rows) {
      const bad = (field: string, reason: string) => problems.push({ file, line: r.line, field, reason });
      if (!known.has(r.account)) {
        bad(
          'account',
          `unknown account ${JSON.stringify(r.account)}; import it with \`plan12b accounts import\` first`,
        );
        continue;
      }
      const s = stored.get(r.txnId);
      if (s) {
        if (sameTransaction(s, storedRowOf(r, s.seq))) unchanged++;
        else
          bad(
            'txn_id',
            `${r.txnId} is already recorded with other content (${s.type} ${s.shares} on ${s.date}); a transaction is never edited — send a correcting transaction with a new txn_id`,
          );
        continue;
      }
      if (closed.has(r.date.slice(0, 7))) {
        bad(
          'date',
          `${r.date} is in ${r.date.slice(0, 7)}, a closed month; record it as a prior-period adjustment in an open month`,
        );
        continue;
      }
      fresh.push(r);
    }
    if (problems.length > 0) throw new BadInputError(problems);
    const pairing = exchangeProblems(file, fresh);
    if (pairing.length > 0) throw new BadInputError(pairing);

    // Replay every touched account: its recorded activity, then the new rows (date order; within a
    // date, recorded before new, new in file order).
    const touched = [...new Set(fresh.map((r) => r.account))].sort();
    const history = await loadTransactionsOf(tx, touched);
    const terms = await loadClassBTerms(tx);
    const newByAccount = new Map<string, TxnIn[]>();
    for (const r of fresh) newByAccount.set(r.account, [...(newByAccount.get(r.account) ?? []), r]);
    const lineOf = new Map(fresh.map((r) => [r.txnId, r.line]));
    const changes: Parameters<typeof replaceRedemptions>[1][number][] = [];
    for (const account of touched) {
      const mine = newByAccount.get(account)!;
      const merged = [...(history.get(account) ?? [])];
      let seq = 0;
      for (const r of mine) merged.push(storedRowOf(r, `new-${String(seq++).padStart(12, '0')}`));
      const ordered = merged
        .map((r, i) => ({ r, i }))
        .sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.i - b.i))
        .map((x) => x.r);
      try {
        const ledger = replayAccount(account, activityOfRows(ordered), terms);
        const from = mine.reduce((m, r) => (r.date < m ? r.date : m), mine[0]!.date);
        changes.push({ account, from, redemptions: ledger.redemptions });
      } catch (e) {
        if (!(e instanceof LedgerRefusal)) throw e;
        const line = lineOf.get(e.txnId);
        if (line !== undefined) problems.push({ file, line, field: e.field, reason: e.reason });
        else
          problems.push({
            file,
            line: mine[0]!.line,
            field: 'date',
            reason: `with this file's activity for account ${account}, the recorded transaction ${e.txnId} can no longer be applied: ${e.reason}`,
          });
      }
    }
    if (problems.length > 0) throw new BadInputError(problems);
    if (fresh.length === 0)
      return { file, rows: rows.length, inserted: 0, unchanged, accounts: 0, redemptionsWritten: 0 };

    const importId = await recordFeedImport(tx, {
      feed: 'class-b-transactions',
      file,
      bytes,
      rows: rows.length,
      inserted: fresh.length,
    });
    const CHUNK = 20_000;
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const part = fresh.slice(i, i + CHUNK);
      await tx.query(
        `INSERT INTO class_b_transaction (txn_id, date, account, portfolio_id, portfolio_name, class, type, shares, price,
           exchange_id, waiver, import_id)
         SELECT t, d, a, p, pn, 'B', ty, s, pr, x, w, $11 FROM unnest($1::text[], $2::date[], $3::text[], $4::text[],
           $5::text[], $6::text[], $7::numeric[], $8::numeric[], $9::text[], $10::text[])
           WITH ORDINALITY AS u(t, d, a, p, pn, ty, s, pr, x, w, n) ORDER BY n`,
        [
          part.map((r) => r.txnId),
          part.map((r) => r.date),
          part.map((r) => r.account),
          part.map((r) => r.portfolioId),
          part.map((r) => r.portfolioName),
          part.map((r) => r.type),
          part.map((r) => r.shares),
          part.map((r) => r.price),
          part.map((r) => r.exchangeId),
          part.map((r) => r.waiver),
          importId,
        ],
      );
    }
    const redemptionsWritten = await replaceRedemptions(tx, changes);
    return {
      file,
      rows: rows.length,
      inserted: fresh.length,
      unchanged,
      accounts: touched.length,
      redemptionsWritten,
    };
  });
}
