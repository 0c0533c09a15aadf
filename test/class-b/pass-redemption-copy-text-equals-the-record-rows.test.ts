import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, monthStart } from '../../src/calendar/isoDate.js';
import {
  monthRecordsOf,
  type PassRedemptionsToStore,
  redemptionRowsByAccount,
} from '../../src/class-b/monthPassRecords.js';
import {
  passRedemptionCopyText,
  redemptionHeadRow,
  redemptionPieceRows,
} from '../../src/store/classBRepository.js';
import { encodeCopyRowsBytes } from '../../src/store/copyTextBytes.js';
import { GENERATED_PORTFOLIOS, GENERATED_TERMS } from './support/generatedActivity.js';
import { generatedAccounts, monthsSpanned, runMonthPass } from './support/monthPassHarness.js';

// Issue 14: `transactions import` stores the redemptions the month pass computes straight from the
// pass's columns (classBRepository.ts `passRedemptionCopyText`), without a record per redemption.
// The reference is the record path the record replay still takes: the redemptions as records
// (monthPassRecords.ts `monthRecordsOf`), each written as `redemptionHeadRow` and
// `redemptionPieceRows` and encoded as COPY text. Generated histories (redemptions with waivers,
// redemption fees and pieces of every kind) run through the pass month after month; for every
// month's result, each account with a redemption is written from a `from` date — the month's first
// day, a day inside the month (some of its redemptions are then left out), or the day after its
// last — in an order of names of our own: the same bytes, heads and pieces, and the same count.

describe('the pass’s redemptions written from its columns', () => {
  it('are the bytes of the record rows, whatever the accounts’ from dates and order', async () => {
    const accounts = generatedAccounts(120, 7_000);
    const months = monthsSpanned(accounts);
    const seen = { months: 0, written: 0, leftOut: 0, pieces: 0, waived: 0, fees: 0 };
    await runMonthPass(accounts, GENERATED_TERMS, GENERATED_PORTFOLIOS, months, {
      chunkSize: 40,
      atMonthEnd: (month, result, d) => {
        const R = result.redemptions;
        if (R.count === 0) return;
        seen.months++;
        const rows = redemptionRowsByAccount(R);
        // each account's from date: the month's start, its second redemption's day, or after all
        const list = [...rows].map(([key, idx], n) => {
          const account = d.accounts.name(key);
          const from =
            n % 3 === 0
              ? monthStart(month)
              : n % 3 === 1
                ? fromDayNumber(R.day[idx[Math.min(1, idx.length - 1)]!]!)
                : addDays(fromDayNumber(R.day[idx[idx.length - 1]!]!), 1);
          return { account, key, from };
        });
        // an order of names of our own (reversed): the writer follows the list as given
        list.sort((a, b) => (a.account < b.account ? 1 : -1));
        const store: PassRedemptionsToStore = { redemptions: R, naming: d, accounts: list };
        const got = passRedemptionCopyText(store);

        const records = monthRecordsOf(result, d);
        const heads: ReturnType<typeof redemptionHeadRow>[] = [];
        const pieces: ReturnType<typeof redemptionPieceRows> = [];
        for (const { account, from } of list)
          for (const r of records.get(account)?.redemptions ?? []) {
            if (r.date < from) {
              seen.leftOut++;
              continue;
            }
            heads.push(redemptionHeadRow(r, account));
            pieces.push(...redemptionPieceRows(r));
            if (r.waivedCents > 0n) seen.waived++;
            if (r.redemptionFeeCents > 0n) seen.fees++;
          }
        expect(Buffer.from(got.heads).toString('utf8')).toBe(
          Buffer.from(encodeCopyRowsBytes(heads)).toString('utf8'),
        );
        expect(Buffer.from(got.pieces).toString('utf8')).toBe(
          Buffer.from(encodeCopyRowsBytes(pieces)).toString('utf8'),
        );
        expect(got.count).toBe(heads.length);
        seen.written += heads.length;
        seen.pieces += pieces.length;
      },
    });
    // the histories gave what the comparison needs
    expect(seen.months).toBeGreaterThan(10);
    expect(seen.written).toBeGreaterThan(200);
    expect(seen.leftOut).toBeGreaterThan(20);
    expect(seen.pieces).toBeGreaterThan(seen.written);
    expect(seen.waived).toBeGreaterThan(5);
    expect(seen.fees).toBeGreaterThan(5);
  });
});
