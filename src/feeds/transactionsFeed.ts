import { monthEnd } from '../calendar/isoDate.js';
import { CDSC_WAIVERS } from '../class-b/cdscWaiver.js';
import type { ClassBTerms } from '../class-b/classBTerms.js';
import {
  CLASS_B_TRANSACTION_TYPES,
  exchangeLegProblems,
  recordedExchangeIdProblems,
} from '../class-b/classBTransactionRules.js';
import { type DistributorTerm, distributorsOfPortfolio } from '../class-b/distributorTerm.js';
import type { StoredAccountLedger } from '../class-b/storedAccountLedger.js';
import { type Problem, ProblemsError } from '../errors.js';
import { replayNewTransactions } from '../import/classBLedgerReplay.js';
import type { FileRowsOfAccount } from '../import/classBMonthCheck.js';
import {
  enumField,
  isoDateField,
  nameField,
  optionalField,
  priceField,
  sharesField,
} from '../import/feedFields.js';
import {
  type ApplyContext,
  type FeedDefinition,
  type FeedOptions,
  runFeedImport,
  sortProblems,
} from '../import/feedImport.js';
import type { ImportPlan, PlannedChange } from '../import/importPlan.js';
import {
  type NewRowsByAccount,
  NewTransactions,
  TransactionColumns,
  type TxnChange,
} from '../import/transactionColumns.js';
import { classBPortfolioResolver } from '../registry/classBPortfolio.js';
import { nameKey } from '../registry/portfolioName.js';
import type { Registry } from '../registry/registry.js';
import {
  accountsWithRedemptionsFrom,
  type ClassBTransactionRow,
  exchangeLegKey,
  insertTransactionCopyText,
  loadTransactionsOf,
  recordedExchangeLegs,
  recordedTransactions,
  replaceRedemptions,
  sameRecordedTransaction,
  withStagedAccounts,
} from '../store/classBRepository.js';
import { loadClassBTerms } from '../store/classBTermsRepository.js';
import type { Database, Queryable } from '../store/database.js';
import { loadDistributorTerms } from '../store/distributorTermsRepository.js';
import {
  forgetLedgerStatesFrom,
  latestLedgerStateMonthBefore,
  readStoredLedgersOf,
} from '../store/ledgerStateRepository.js';
import { loadRegistry } from '../store/registryStore.js';
import { checkChunkWithMonthPass, monthPassCheckOf } from './transactionsMonthCheck.js';

/**
 * `date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver` (SPEC §6), and on a
 * reinvest row, optionally, `attributed_distributor` or `derived_from_doi` (Exhibit A 2(b); SPEC §7).
 */
export const TRANSACTIONS_FEED_COLUMNS = {
  date: { type: isoDateField() },
  txn_id: { type: nameField('transfer agent’s transaction id') },
  account: { type: nameField('account') },
  portfolio: { type: nameField('portfolio') },
  class: { type: nameField('class') },
  type: { type: enumField(CLASS_B_TRANSACTION_TYPES) },
  shares: { type: sharesField({ positive: true }) },
  price: { type: optionalField(priceField()) },
  exchange_id: { type: optionalField(nameField('exchange id')) },
  waiver: { type: optionalField(enumField(Object.keys(CDSC_WAIVERS))) },
  attributed_distributor: { type: optionalField(nameField('distributor')), optional: true },
  derived_from_doi: { type: optionalField(isoDateField()), optional: true },
} as const;
export const TRANSACTIONS_COLUMNS = Object.keys(TRANSACTIONS_FEED_COLUMNS);

interface TransactionsState {
  readonly registry: Registry;
  /** the file's accounts that are not recorded (normally none) */
  readonly unknownAccounts: ReadonlySet<string>;
  /** each of the file's accounts' key (class_b_account.account_key), by its place in the columns' account names (NaN: not recorded) */
  readonly accountKeys: Float64Array;
  readonly recorded: ReadonlyMap<string, ClassBTransactionRow>;
  /** the txn_ids recorded under each of the file's (account, exchange_id), by exchangeLegKey */
  readonly recordedExchanges: ReadonlyMap<string, readonly string[]>;
  /** the distributors' terms: a stated attribution must name one of the portfolio's (Exhibit A 2(b)) */
  readonly distributorTerms: readonly DistributorTerm[];
  /**
   * the latest month end with a stored ledger before the file's first new row: the touched
   * accounts resume from their ledgers there (null: each replays from its first transaction)
   */
  readonly asOf: string | null;
  /**
   * the touched accounts with recorded activity after `asOf` (found before this file's rows are
   * written): only theirs is read back for the replay (normally none)
   */
  readonly activeAfterAsOf: ReadonlySet<string>;
  readonly terms: ClassBTerms;
  /** what the ledger's check found, filled in by `apply` (it runs a chunk of accounts at a time) */
  readonly replayed: { accounts: number; redemptionsWritten: number };
}

/**
 * Touched accounts whose ledgers are read, replayed and their redemptions written at a time (issue
 * 14: a month of a million accounts in bounded memory — whole, their stored lots alone took
 * gigabytes). A replay reads only its own account's rows, so the chunks give the same results.
 */
export const LEDGER_CHECK_ACCOUNTS = 20_000;

export interface TransactionsImportOptions extends FeedOptions {
  /** touched accounts checked at a time (default {@link LEDGER_CHECK_ACCOUNTS}; smaller in tests) */
  readonly ledgerCheckAccounts?: number;
  /**
   * false: every chunk checked by the record replay, the reference (tests, comparisons); by
   * default a file of the month after the stored ledger is checked by the month pass
   * (transactionsMonthCheck.ts)
   */
  readonly monthPass?: boolean;
  /** sees how each chunk was checked: accounts by the month pass, accounts replayed, and why */
  readonly onLedgerCheckChunk?: (c: { byMonthPass: number; replayed: number; because?: string }) => void;
}

export interface TransactionsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly unchanged: number;
  readonly accounts: number;
  readonly redemptionsWritten: number;
}

/**
 * The transactions feed: transfer-agent activity on Class B shares, idempotent by txn_id (a txn_id
 * recorded with the same content is skipped; with other content it conflicts: a correction is a
 * new transaction). The holdings check — every touched account replayed through the share ledger
 * — is part of the plan, under the writer lock, so two imports redeeming the same shares cannot
 * both pass it. A transaction dated in or before a closed month is refused: the close counted the
 * holdings it would change.
 */
export const transactionsFeed: FeedDefinition<
  typeof TRANSACTIONS_FEED_COLUMNS,
  TransactionsState,
  PlannedChange,
  TransactionsImportResult,
  TransactionsImportOptions,
  TransactionColumns,
  NewTransactions
> = {
  name: 'transactions',
  columns: TRANSACTIONS_FEED_COLUMNS,
  closedMonthRule: 'refuse',
  conflictHint:
    'nothing was written; a recorded transaction is never edited: send the correction as a new transaction with a new txn_id',
  // the rows held as columns, the rules across them checked as each slice arrives (issue 14)
  gather: TransactionColumns.gatherer,
  fileRules: (rows) => rows.problems,

  async load(tx, rows) {
    const registry = await loadRegistry(tx);
    const accounts = rows.accounts.names;
    // the file's accounts staged once: their keys (NaN: not recorded) and, below, their activity
    // after the stored ledger (issue 14)
    const found = await withStagedAccounts(tx, accounts, async (staged) => {
      const { keys } = staged;
      const unknown = new Set(accounts.filter((_, k) => Number.isNaN(keys[k]!)));
      const recorded = await recordedTransactions(tx, rows.txnId);
      const exchanges = new Map<string, { account: string; exchangeId: string }>();
      for (const [i, exchangeId] of rows.exchangeId) {
        const account = rows.accountOf(i);
        exchanges.set(exchangeLegKey(account, exchangeId), { account, exchangeId });
      }
      const recordedExchanges = await recordedExchangeLegs(tx, exchanges.values());
      // the dates and accounts of the rows not recorded (normally every row)
      const freshDate = new Uint8Array(rows.dates.names.length);
      const freshAccount = new Uint8Array(accounts.length);
      for (let i = 0; i < rows.length; i++) {
        if (recorded.size > 0 && recorded.has(rows.txnId.get(i))) continue;
        freshDate[rows.date[i]!] = 1;
        freshAccount[rows.account[i]!] = 1;
      }
      const touched = accounts.some((a, k) => freshAccount[k] === 1 && !unknown.has(a));
      // Issue 14 item 1, stage 3: each touched account resumes from its ledger stored at the latest
      // month end before the file's first new row, and only its activity after that is read (in
      // `apply`, a chunk of accounts at a time).
      const first = rows.dates.names.reduce<string | null>(
        (m, d, k) => (freshDate[k] === 1 && (m === null || d < m) ? d : m),
        null,
      );
      const asOf = first === null || !touched ? null : await latestLedgerStateMonthBefore(tx, first);
      // one set-based probe instead of reading every touched account's activity after `asOf` (at
      // 1,000,000 accounts 34 reads of 20,000 names' index probes, each finding nothing but this
      // file's own rows); the file's other accounts, normally none, are probed with them
      const activeAfterAsOf = asOf === null ? new Set<string>() : await staged.withTransactionsAfter(asOf);
      return { keys, unknown, recorded, recordedExchanges, asOf, activeAfterAsOf };
    });
    return {
      registry,
      unknownAccounts: found.unknown,
      accountKeys: found.keys,
      recorded: found.recorded,
      recordedExchanges: found.recordedExchanges,
      asOf: found.asOf,
      activeAfterAsOf: found.activeAfterAsOf,
      terms: await loadClassBTerms(tx),
      distributorTerms: await loadDistributorTerms(tx),
      replayed: { accounts: 0, redemptionsWritten: 0 },
    };
  },

  plan(rows, state, ctx): ImportPlan<PlannedChange, NewTransactions> {
    const resolvePortfolio = classBPortfolioResolver(
      state.registry,
      'import the exhibit that lists it first',
    );
    // each distinct portfolio name, account and date decided once (a month repeats them)
    const portfolios = rows.portfolios.names.map((n) => resolvePortfolio(n));
    const portfolioIds = portfolios.map((p) => ('id' in p ? p.id : null));
    // SPEC §2: a name handed from one portfolio to another is the one that bore it on the row's
    // date; only rows naming such a name are resolved one by one
    const handedOver = new Set(state.registry.identities.nameHandovers.map((h) => nameKey(h.name)));
    const perRow = new Map<number, ReturnType<typeof resolvePortfolio>>();
    const rowPortfolioIds = new Map<number, string>();
    if (handedOver.size > 0) {
      const handed = rows.portfolios.names.map((nm) => handedOver.has(nameKey(nm)));
      for (let i = 0; i < rows.length; i++) {
        if (!handed[rows.portfolio[i]!]) continue;
        const p = resolvePortfolio(rows.portfolioNameOf(i), rows.dateOf(i));
        perRow.set(i, p);
        if ('id' in p && p.id !== portfolioIds[rows.portfolio[i]!]) rowPortfolioIds.set(i, p.id);
      }
    }
    const portfolioOf = (i: number) => perRow.get(i) ?? portfolios[rows.portfolio[i]!]!;
    const unknown = rows.accounts.names.map((a) => state.unknownAccounts.has(a));
    const latestClosedEnd = ctx.closed.latest === null ? null : monthEnd(ctx.closed.latest);
    // Inside a closed month the pipeline refuses it; before one, the close counted what it changes.
    const beforeClosed = rows.dates.names.map(
      (d) => latestClosedEnd !== null && d <= latestClosedEnd && ctx.closed.closedMonthOf(d) === null,
    );
    const problems: Problem[] = [];
    const fresh = new Uint32Array(rows.length);
    let n = 0;
    let unchanged = 0;
    for (let i = 0; i < rows.length; i++) {
      const line = rows.line[i]!;
      const p = portfolioOf(i);
      if ('problem' in p) {
        const value = rows.portfolioNameOf(i);
        problems.push({ file: ctx.file, line, field: 'portfolio', value, reason: p.problem });
        continue;
      }
      if (unknown[rows.account[i]!]) {
        const account = rows.accountOf(i);
        problems.push({
          file: ctx.file,
          line,
          field: 'account',
          value: account,
          reason: `unknown account ${JSON.stringify(account)}; import it with \`plan12b accounts import\` first`,
        });
        continue;
      }
      const s = state.recorded.size === 0 ? undefined : state.recorded.get(rows.txnId.get(i));
      if (s) {
        if (sameRecordedTransaction(s, rows.change(i, p.id))) unchanged++;
        else
          problems.push({
            code: 'CONFLICT',
            file: ctx.file,
            line,
            field: 'txn_id',
            value: s.txn_id,
            reason: `${s.txn_id} is already recorded with other content (${s.type} ${s.shares} on ${s.date}); a transaction is never edited — send a correcting transaction with a new txn_id`,
          });
        continue;
      }
      if (beforeClosed[rows.date[i]!]) {
        const date = rows.dateOf(i);
        problems.push({
          code: 'REFUSED',
          file: ctx.file,
          line,
          field: 'date',
          value: date,
          reason: `${date} is before ${ctx.closed.latest}, a closed month whose sealed results count the holdings this transaction would change; date it in an open month`,
        });
      }
      fresh[n++] = i;
    }
    // Exhibit A 2(b): a stated attribution names the Distributor or an Other Distributor of the
    // portfolio; any other name (a misspelling) would make a party of the fees of no one's term.
    // Checked against the terms recorded for the portfolio (the ledger may be loaded before them).
    for (const [i, name] of rows.attributedDistributor) {
      const p = portfolioOf(i);
      if ('problem' in p || (state.recorded.size > 0 && state.recorded.has(rows.txnId.get(i)))) continue;
      const known = distributorsOfPortfolio(state.distributorTerms, p.id);
      if (known.size === 0 || known.has(name)) continue;
      problems.push({
        file: ctx.file,
        line: rows.line[i]!,
        field: 'attributed_distributor',
        value: name,
        reason: `${JSON.stringify(name)} is neither the Distributor nor an Other Distributor of ${rows.portfolioNameOf(i)}: no distributor term of it names it (Exhibit A 2(b)); the terms name ${[...known].sort().join(', ')}`,
      });
    }
    const changes = new NewTransactions(rows, portfolioIds, fresh.slice(0, n), rowPortfolioIds);
    // both legs of each exchange among the new rows (few: only those rows are made objects)
    const isNew = new Uint8Array(rows.length);
    for (let k = 0; k < n; k++) isNew[fresh[k]!] = 1;
    const legs: TxnChange[] = [];
    for (const i of rows.exchangeId.keys()) if (isNew[i] === 1) legs.push(changes.change(i));
    problems.push(...exchangeLegProblems(ctx.file, legs));
    problems.push(
      ...recordedExchangeIdProblems(ctx.file, legs, (account, id) =>
        state.recordedExchanges.get(exchangeLegKey(account, id)),
      ),
    );
    // The ledger's check of the holdings (every touched account replayed with the new rows) runs
    // in `apply`, a chunk of accounts at a time, and only for a file with no other problem.
    return { changes, unchanged, problems, warnings: [] };
  },

  async apply(tx, plan, state, ctx) {
    const changes = plan.changes;
    // the rows' COPY text written from the file's columns (insertTransactionsByAccount's bytes)
    await insertTransactionCopyText(tx, changes.copyTextInAccountOrder(ctx.importId));
    const byAccount = changes.byAccount();
    const dates = changes.dates();
    // the earliest new row's date (ISO dates order as strings)
    const first = dates.reduce<string | null>((m, d) => (m === null || d < m ? d : m), null);
    // the accounts with stored redemptions a rewrite may replace (each account's rewrite is from
    // its first new row, on or after `first`), read before any is written: normally none
    const storedFor = first === null ? new Set<string>() : await accountsWithRedemptionsFrom(tx, first);
    const problems = await checkLedgerInChunks(tx, byAccount, dates, storedFor, state, ctx);
    // Nothing is kept: the import's transaction rolls back what the earlier chunks wrote.
    if (problems.length > 0) throw new ProblemsError(sortProblems(problems));
    // A ledger stored at a month end on or after a new row is stale: forgotten in the same
    // transaction (issue 14 item 1, stage 3). Closed month ends never are: those rows are refused.
    if (first !== null) await forgetLedgerStatesFrom(tx, first, byAccount.accounts);
  },

  result(plan, state, ctx) {
    return {
      file: ctx.file,
      rows: ctx.rows,
      inserted: plan.changes.length,
      unchanged: plan.unchanged,
      accounts: plan.changes.length === 0 ? 0 : state.replayed.accounts,
      redemptionsWritten: state.replayed.redemptionsWritten,
    };
  },
};

/**
 * The holdings check and the redemptions it recomputes (SPEC §6, §12), for
 * {@link LEDGER_CHECK_ACCOUNTS} touched accounts at a time, in the order of their keys: their stored
 * ledgers at `state.asOf` and their recorded activity after it (or from their first transaction),
 * this file's rows (already inserted) left out and given as the new rows, replayed; the chunk's
 * redemptions are rewritten while no chunk has found a problem. Returns every problem of every
 * chunk (the caller refuses the file: its transaction rolls the writes back).
 */
async function checkLedgerInChunks(
  tx: Queryable,
  newRows: NewRowsByAccount,
  /** the new rows' dates, each once (whether the month pass applies) */
  dates: readonly string[],
  /** the accounts with stored redemptions on or after the earliest new row (replaceRedemptions) */
  storedFor: ReadonlySet<string>,
  state: TransactionsState,
  ctx: ApplyContext<TransactionsImportOptions>,
): Promise<Problem[]> {
  const size = ctx.options.ledgerCheckAccounts ?? LEDGER_CHECK_ACCOUNTS;
  const names = newRows.accounts;
  // in the order of the accounts' keys: a chunk's stored ledgers are then a range of the state
  // tables' keys (by name, each chunk scanned the tables whole: quadratic in the accounts)
  const keys = names.map((_, k) => state.accountKeys[newRows.columnAccount(k)]!);
  const order = Uint32Array.from(names.keys()).sort((a, b) => keys[a]! - keys[b]!);
  const problems: Problem[] = [];
  // issue 14 items 1–2: a file of the month after the stored ledger is checked by the month pass
  const monthPass = ctx.options.monthPass === false ? null : await monthPassCheckOf(tx, dates, state, ctx);
  for (let i = 0; i < order.length; i += size) {
    const slots = order.subarray(i, i + size);
    const range = { fromKey: keys[slots[0]!]!, toKey: keys[slots[slots.length - 1]!]! };
    // the chunk's new rows, account by account (each account's in file order, with their lines),
    // as rows of the file's columns: a record each only for the accounts the records replay
    // (one map of the accounts' places; their rows and keys found from there)
    const slotOf = new Map<string, number>();
    for (const k of slots) slotOf.set(names[k]!, k);
    const accounts = [...slotOf.keys()];
    const freshOf = {
      get: (a: string): FileRowsOfAccount | undefined => {
        const k = slotOf.get(a);
        return k === undefined ? undefined : newRows.fileRowsOf(k);
      },
    };
    const keyOf = {
      get: (a: string): number | undefined => {
        const k = slotOf.get(a);
        return k === undefined ? undefined : keys[k];
      },
    };
    // the accounts the pass did not check (all, without it) are replayed by their records
    const byPass =
      monthPass && (await checkChunkWithMonthPass(tx, monthPass, accounts, range, freshOf, keyOf));
    const chunk = byPass?.rest ?? accounts;
    const stored: ReadonlyMap<string, StoredAccountLedger> =
      state.asOf === null ? new Map() : await readStoredLedgersOf(tx, chunk, state.asOf, range);
    const others = { excludingImport: ctx.importId };
    const history = await loadTransactionsOf(
      tx,
      chunk.filter((a) => !stored.has(a)),
      others,
    );
    // a stored account's activity after its ledger: only those the load found with any
    const later = chunk.filter((a) => stored.has(a) && state.activeAfterAsOf.has(a));
    if (state.asOf !== null && later.length > 0)
      for (const [account, list] of await loadTransactionsOf(tx, later, { ...others, after: state.asOf }))
        history.set(account, list);
    const fresh = chunk.flatMap((a) => newRows.rowsOf(slotOf.get(a)!));
    const { identities } = state.registry;
    const replayed = replayNewTransactions(ctx.file, fresh, history, state.terms, stored, (pid, date) =>
      identities.nameOn(pid, date),
    );
    problems.push(...replayed.problems);
    state.replayed.accounts += replayed.accounts;
    state.replayed.redemptionsWritten += replayed.redemptionsWritten;
    if (problems.length === 0)
      // the record replay's redemptions as records, the pass's straight from its columns
      await replaceRedemptions(tx, replayed.rewrites, storedFor, byPass?.store ?? undefined);
    // SPEC §11: a chunk at a time, the accounts whose ledgers are checked so far
    ctx.options.onProgress?.({
      phase: 'ledgers',
      done: Math.min(i + size, order.length),
      total: order.length,
    });
  }
  return problems;
}

/** `plan12b transactions import`: the transactions feed through the one import pipeline. */
export function importTransactions(
  db: Database,
  file: string,
  bytes: Uint8Array,
  options: TransactionsImportOptions = {},
): Promise<TransactionsImportResult> {
  return runFeedImport(db, transactionsFeed, { file, bytes }, options);
}
