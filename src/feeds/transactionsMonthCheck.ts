import type { ClassBTerms } from '../class-b/classBTerms.js';
import type { PassRedemptionsToStore } from '../class-b/monthPassRecords.js';
import { KeyDictionary } from '../class-b/monthPassRecords.js';
import {
  type AccountLookup,
  checkChunkByMonthPass,
  type FreshRows,
  monthPassMonth,
  recordedWithinMonth,
} from '../import/classBMonthCheck.js';
import { type ClassBTransactionRow, loadTransactionsOf } from '../store/classBRepository.js';
import type { Queryable } from '../store/database.js';
import {
  type AccountKeyRange,
  ledgerPortfolios,
  readLedgerStateChunk,
} from '../store/ledgerStateRepository.js';

/** What the month pass needs of the import, the same for every chunk. */
export interface MonthPassCheck {
  /** the month every new row is dated in (classBMonthCheck.ts `monthPassMonth`) */
  readonly month: string;
  /** the stored ledger's month end, the one before `month` */
  readonly asOf: string;
  readonly terms: ClassBTerms;
  readonly importId: number;
  /** the stored ledger's portfolio keys (ledgerStateRepository.ts `ledgerPortfolios`), read once */
  readonly portfolios: KeyDictionary;
  /** the touched accounts with recorded activity after `asOf` (found before this file's rows were written) */
  readonly activeAfterAsOf: ReadonlySet<string>;
  /** the import's counts, which the pass adds to */
  readonly replayed: { accounts: number; redemptionsWritten: number };
  readonly onChunk?: (c: { byMonthPass: number; replayed: number; because?: string }) => void;
}

/**
 * The month pass's part of an import, or null where it does not apply: no stored ledger to
 * resume from, or new rows outside the month after it (then every chunk is replayed by records).
 */
export async function monthPassCheckOf(
  tx: Queryable,
  /** the new rows' dates (each once will do) */
  dates: Iterable<string>,
  state: {
    readonly asOf: string | null;
    readonly terms: ClassBTerms;
    readonly activeAfterAsOf: ReadonlySet<string>;
    readonly replayed: { accounts: number; redemptionsWritten: number };
  },
  ctx: {
    readonly importId: number;
    readonly options: { readonly onLedgerCheckChunk?: MonthPassCheck['onChunk'] };
  },
): Promise<MonthPassCheck | null> {
  const month = monthPassMonth(state.asOf, dates);
  if (month === null || state.asOf === null) return null;
  return {
    month,
    asOf: state.asOf,
    terms: state.terms,
    importId: ctx.importId,
    portfolios: await ledgerPortfolios(tx),
    activeAfterAsOf: state.activeAfterAsOf,
    replayed: state.replayed,
    ...(ctx.options.onLedgerCheckChunk === undefined ? {} : { onChunk: ctx.options.onLedgerCheckChunk }),
  };
}

/** What the pass did with a chunk: its redemptions to store (none: null), and the accounts left to the record replay. */
export interface MonthPassChunkCheck {
  readonly store: PassRedemptionsToStore | null;
  readonly rest: readonly string[];
}

/**
 * A chunk of `transactions import`'s touched accounts (ascending by key, within `range`) checked
 * by the month pass (issue 14 items 1–2): the stored ledger columns of those with one at `asOf`
 * (readLedgerStateChunk, these accounts only), their recorded rows of the month (other imports'),
 * and the file's rows, in one pass. Left to the record replay: accounts with no stored ledger,
 * accounts with recorded rows after the month, and the whole chunk when the pass refuses a row
 * (the replay then reports every refusal, each on its line).
 */
export async function checkChunkWithMonthPass(
  tx: Queryable,
  check: MonthPassCheck,
  chunk: readonly string[],
  range: AccountKeyRange,
  /** each of the chunk's accounts' new rows, in file order */
  fresh: AccountLookup<FreshRows>,
  /** the chunk's accounts' keys */
  keys: AccountLookup<number>,
): Promise<MonthPassChunkCheck> {
  const replayAll = (because: string): MonthPassChunkCheck => {
    check.onChunk?.({ byMonthPass: 0, replayed: chunk.length, because });
    return { store: null, rest: chunk };
  };
  const later = chunk.filter((a) => check.activeAfterAsOf.has(a));
  const recorded: ReadonlyMap<string, ClassBTransactionRow[]> =
    later.length === 0
      ? new Map()
      : await loadTransactionsOf(tx, later, { excludingImport: check.importId, after: check.asOf });
  const eligible = chunk.filter((a) => recordedWithinMonth(recorded.get(a) ?? [], check.month));
  if (eligible.length === 0) return replayAll('recorded rows after the month');
  // a chunk's transaction and exchange names are its own, so memory stays bounded
  const dictionaries = {
    accounts: new KeyDictionary(),
    portfolios: check.portfolios,
    txns: new KeyDictionary(),
    exchanges: new KeyDictionary(),
    distributors: new KeyDictionary(),
  };
  const stored = await readLedgerStateChunk(tx, check.asOf, range, dictionaries, {
    accountKeys: eligible.map((a) => keys.get(a)!),
  });
  if (stored.state.accounts.count === 0) return replayAll('no stored ledger');
  const outcome = checkChunkByMonthPass({
    month: check.month,
    terms: check.terms,
    state: stored.state,
    accountNames: stored.accountNames,
    dictionaries,
    fresh,
    recorded,
  });
  if (outcome.kind === 'replay') return replayAll(outcome.reason);
  check.replayed.accounts += outcome.accounts;
  check.replayed.redemptionsWritten += outcome.redemptionsWritten;
  const byPass = new Set(stored.accountNames.values());
  const rest = chunk.filter((a) => !byPass.has(a));
  check.onChunk?.({ byMonthPass: chunk.length - rest.length, replayed: rest.length });
  return { store: outcome.store, rest };
}
