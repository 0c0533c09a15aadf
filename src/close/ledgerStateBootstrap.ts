import { accountStateAtMonthEnd } from '../class-b/accountStateAtMonthEnd.js';
import type { ClassBTerms } from '../class-b/classBTerms.js';
import { type AccountRecordState, KeyDictionary, ledgerStateOf } from '../class-b/monthPassRecords.js';
import { activityOfRows, transactionsOfAccountKeys } from '../store/classBRepository.js';
import type { Queryable } from '../store/database.js';
import {
  accountKeyRanges,
  accountsInKeyRange,
  analyzeLedgerState,
  ledgerStateDictionaries,
  markLedgerStateMonth,
  recordLedgerPortfolios,
  writeLedgerStateChunk,
} from '../store/ledgerStateRepository.js';

/** Accounts per chunk: a chunk's transactions, records and columns are in memory at a time. */
export const LEDGER_STATE_CHUNK_ACCOUNTS = 100_000;

/**
 * The stored Class B ledger at a month end built from the stored transactions (issue 14 item 1),
 * where no month pass has written it: the first close, a store migrated from a version without
 * the state, a history loaded by SQL. Each account with activity by then is replayed once
 * (accountStateAtMonthEnd.ts), chunk by chunk of account keys, and written; the month end is then
 * marked complete. Runs inside the caller's transaction.
 */
export async function bootstrapLedgerState(
  q: Queryable,
  monthEnd: string,
  terms: ClassBTerms,
  opts: {
    readonly chunkAccounts?: number;
    /**
     * Replays and writes nothing: each chunk's rows go to this digest as the COPY text they would
     * be written as, no portfolio key is recorded and no month marked (the books' first close's
     * check of a state stored before it: ledgerStateAsSealed.ts).
     */
    readonly digestOnly?: { addCopyText(text: Uint8Array): void };
  } = {},
): Promise<{ accounts: number; lots: number }> {
  const d = await ledgerStateDictionaries(q);
  let accounts = 0;
  let lots = 0;
  for (const range of await accountKeyRanges(q, opts.chunkAccounts ?? LEDGER_STATE_CHUNK_ACCOUNTS)) {
    const keyOf = new Map<string, number>();
    const omnibus = new Map<string, boolean>();
    for (const a of await accountsInKeyRange(q, range)) {
      keyOf.set(a.account, a.key);
      omnibus.set(a.account, a.omnibus);
    }
    const records: AccountRecordState[] = [];
    for (const [account, rows] of await transactionsOfAccountKeys(q, range, monthEnd))
      records.push(
        accountStateAtMonthEnd(account, omnibus.get(account)!, activityOfRows(rows), terms, monthEnd),
      );
    // the chunk's transaction names are its own: the dictionary does not grow chunk after chunk
    const chunkDictionaries = { ...d, txns: new KeyDictionary() };
    const state = ledgerStateOf(records, chunkDictionaries, (r) => keyOf.get(r.account)!);
    if (opts.digestOnly !== undefined) {
      const replayed = await writeLedgerStateChunk(q, monthEnd, state, chunkDictionaries, {
        digestOnly: opts.digestOnly,
      });
      accounts += replayed.accounts;
      lots += replayed.lots;
      continue;
    }
    await recordLedgerPortfolios(q, d.portfolios);
    // an attribution already stored (from an earlier month end) is kept as it is
    const written = await writeLedgerStateChunk(q, monthEnd, state, chunkDictionaries);
    accounts += written.accounts;
    lots += written.lots;
  }
  if (opts.digestOnly !== undefined) return { accounts, lots };
  await markLedgerStateMonth(q, monthEnd, { accounts, lots, bootstrapped: true });
  await analyzeLedgerState(q);
  return { accounts, lots };
}
