import { addDays } from '../../../src/calendar/isoDate.js';
import { Plan12bError, ProblemsError } from '../../../src/errors.js';
import {
  type ClassBTransactionRow,
  loadTransactionsOf,
  redemptionsBetween,
} from '../../../src/store/classBRepository.js';
import type { Database } from '../../../src/store/database.js';
import { fullJson } from './monthPassHarness.js';

/** What an import did: its result, or its exit code and every problem (for differential tests). */
export async function outcomeOf(run: () => Promise<unknown>): Promise<string> {
  try {
    return fullJson({ ok: await run() });
  } catch (e) {
    if (e instanceof ProblemsError) return fullJson({ exit: e.exitCode, problems: e.problems });
    if (e instanceof Plan12bError) return fullJson({ exit: e.exitCode, message: e.message });
    throw e;
  }
}

/**
 * The accounts' stored transactions (less their arrival numbers, which differ between stores that
 * took the same rows in other imports), and every stored redemption with its pieces; with `after`,
 * only those dated after that day.
 */
export async function storedTransactionsAndRedemptions(
  db: Database,
  accounts: readonly string[],
  opts: { readonly after?: string } = {},
): Promise<{
  transactions: ReadonlyMap<string, readonly ClassBTransactionRow[]>;
  json: string;
}> {
  const transactions = await loadTransactionsOf(db, accounts, opts);
  const from = opts.after === undefined ? '1990-01-01' : addDays(opts.after, 1);
  const redemptions = await redemptionsBetween(db, from, '2099-12-31');
  return {
    transactions,
    json: fullJson({
      transactions: [...transactions.values()].flat().map(({ seq: _seq, ...t }) => t),
      redemptions,
    }),
  };
}
