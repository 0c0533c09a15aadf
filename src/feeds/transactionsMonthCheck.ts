import type { ClassBTerms } from '../class-b/classBTerms.js';
import { KeyDictionary } from '../class-b/monthPassRecords.js';
import type { RedemptionRewrite } from '../import/classBLedgerReplay.js';
import { checkChunkByMonthPass, monthPassMonth, recordedWithinMonth } from '../import/classBMonthCheck.js';
import {
  type ClassBTransactionRow,
  loadTransactionsOf,
  type NewClassBTransaction,
} from '../store/classBRepository.js';
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
}

/**
 * The month pass's part of an import, or null where it does not apply: no stored ledger to
 * resume from, or new rows outside the month after it (then every chunk is replayed by records).
 */
export async function monthPassCheckOf(
  tx: Queryable,
  newRowDates: Iterable<string>,
  state: {
    readonly asOf: string | null;
    readonly terms: ClassBTerms;
    readonly activeAfterAsOf: ReadonlySet<string>;
  },
  importId: number,
): Promise<MonthPassCheck | null> {
  const month = monthPassMonth(state.asOf, newRowDates);
  if (month === null || state.asOf === null) return null;
  return {
    month,
    asOf: state.asOf,
    terms: state.terms,
    importId,
    portfolios: await ledgerPortfolios(tx),
    activeAfterAsOf: state.activeAfterAsOf,
  };
}

/** What the pass did with a chunk; `rest` are the accounts left to the record replay. */
export interface MonthPassChunkCheck {
  readonly checked: {
    readonly rewrites: readonly RedemptionRewrite[];
    readonly redemptionsWritten: number;
    readonly accounts: number;
  } | null;
  readonly rest: readonly string[];
  /** why the pass gave the chunk back, when it did */
  readonly replayedBecause?: string;
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
  keys: ReadonlyMap<string, number>,
  range: AccountKeyRange,
  fresh: ReadonlyMap<string, readonly NewClassBTransaction[]>,
): Promise<MonthPassChunkCheck> {
  const later = chunk.filter((a) => check.activeAfterAsOf.has(a));
  const recorded: ReadonlyMap<string, ClassBTransactionRow[]> =
    later.length === 0
      ? new Map()
      : await loadTransactionsOf(tx, later, { excludingImport: check.importId, after: check.asOf });
  const eligible = chunk.filter((a) => recordedWithinMonth(recorded.get(a) ?? [], check.month));
  if (eligible.length === 0) return { checked: null, rest: chunk, replayedBecause: 'no account eligible' };
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
  if (stored.state.accounts.count === 0)
    return { checked: null, rest: chunk, replayedBecause: 'no stored ledger' };
  const outcome = checkChunkByMonthPass({
    month: check.month,
    terms: check.terms,
    state: stored.state,
    accountNames: stored.accountNames,
    dictionaries,
    fresh,
    recorded,
  });
  if (outcome.kind === 'replay') return { checked: null, rest: chunk, replayedBecause: outcome.reason };
  const byPass = new Set(stored.accountNames.values());
  return { checked: outcome, rest: chunk.filter((a) => !byPass.has(a)) };
}
