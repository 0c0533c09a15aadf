import { monthEnd } from '../calendar/isoDate.js';
import { Plan12bError } from '../errors.js';
import { closedMonthsInOrder } from '../store/closeRepository.js';
import type { Queryable } from '../store/database.js';
import { exhibitAHoldingsDatedAfter } from '../store/exhibitAHoldingsRepository.js';

/**
 * SPEC §12 (what was changed outside plan12b is exit 69): only a close keeps Exhibit A holdings
 * (`exhibit_a_holdings`), for dates through its own month's end, in its transaction. So before a
 * close none is dated after the last month closed; one that is was written by SQL — and the close
 * would have taken it as its own computation and sealed it, so that even `audit verify` passed
 * (hostile5: a row planted for the month's end moved its 12b-1 Share between distributors).
 */
export async function refuseHoldingsKeptAhead(q: Queryable, month: string): Promise<void> {
  const before = (await closedMonthsInOrder(q)).filter((m) => m < month);
  const after = before.length === 0 ? null : monthEnd(before[before.length - 1]!);
  const ahead = await exhibitAHoldingsDatedAfter(q, after);
  if (ahead.length > 0)
    throw new Plan12bError(
      'DATABASE',
      `exhibit_a_holdings holds Exhibit A holdings dated after ${after === null ? 'no month closed' : `the last month closed (${after})`}: ${ahead.map((a) => `${a.portfolioId} ${a.date}`).join(', ')}${ahead.length === 5 ? ', …' : ''} — only a close keeps them, for its own month: the table was changed outside plan12b`,
      'run `plan12b audit verify` to find what changed, and restore the database from a backup',
    );
}
