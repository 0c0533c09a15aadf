import { addDays, yearOf } from '../calendar/isoDate.js';
import { systematicWithdrawalAllowanceCents } from './cdscWaiver.js';
import type { ClassBActivity } from './classBActivity.js';
import { AccountBook } from './classBLedger.js';
import type { ClassBTerms } from './classBTerms.js';
import type { AccountRecordState } from './monthPassRecords.js';
import { valueCents } from './pricePerShare.js';

/**
 * One account's share ledger at the close of a month end, built from its whole history by one
 * replay of the ledger (classBLedger.ts, through its public methods only): what the month pass
 * would have carried to that month end had it applied every month (issue 14 item 1, the bootstrap
 * of the stored state). Besides the lots (SPEC §6):
 * - the sequence the next issued lot gets: one per purchase or reinvestment applied;
 * - the arrival the next lot reaching a portfolio gets: one per issue, one per exchanged piece
 *   that landed with shares;
 * - the systematic-withdrawal allowances of the month end's year (DOMAIN §4.3: 12% a year of the
 *   account value at the year's first one, and the gross proceeds waived since, both in cents), the
 *   only year a later month of that year reads.
 * @example
 *   // bought 100 shares of fund-a in 2005-01, redeemed 5 of them at $10.00 as a systematic withdrawal in 2005-02
 *   accountStateAtMonthEnd('A1', false, activity, terms, '2005-03-31')
 *   // → { nextSequence: 1, nextArrival: 1, lots: [95 shares], systematicWithdrawals:
 *   //     [{ portfolioId: 'fund-a', year: 2005, allowanceUnits: 12_000n, usedUnits: 5_000n }] } (cents)
 */
export function accountStateAtMonthEnd(
  account: string,
  omnibus: boolean,
  activities: readonly ClassBActivity[],
  terms: ClassBTerms,
  monthEnd: string,
): AccountRecordState {
  const book = new AccountBook(account, terms);
  const year = yearOf(monthEnd);
  const withdrawals = new Map<string, { portfolioId: string; allowanceUnits: bigint; usedUnits: bigint }>();
  let issued = 0;
  for (const a of activities) {
    if (a.date > monthEnd) break;
    if (a.kind === 'redeem' && a.waiver === 'systematic_withdrawal' && yearOf(a.date) === year) {
      let row = withdrawals.get(a.portfolioId);
      if (!row) {
        // the shares held as the ledger sees them when it applies this redemption: after the
        // conversions due before its date and the earlier activity of the day
        book.closeThrough(addDays(a.date, -1));
        row = {
          portfolioId: a.portfolioId,
          allowanceUnits: systematicWithdrawalAllowanceCents(book.sharesHeld(a.portfolioId), a.priceUnits),
          usedUnits: 0n,
        };
        withdrawals.set(a.portfolioId, row);
      }
      row.usedUnits += valueCents(a.shareUnits, a.priceUnits);
    }
    book.apply(a);
    if (a.kind === 'purchase' || a.kind === 'reinvest') issued++;
  }
  book.closeThrough(monthEnd);
  book.checkConversionNotices(monthEnd);
  const ledger = book.result();
  let landed = 0;
  for (const x of ledger.exchanges) for (const p of x.pieces) if (p.deliveredShareUnits !== 0n) landed++;
  return {
    account,
    omnibus,
    lots: ledger.lots,
    lastHeld: ledger.lastHeld,
    nextSequence: issued,
    nextArrival: issued + landed,
    systematicWithdrawals: [...withdrawals.values()].map((w) => ({ ...w, year })),
  };
}
