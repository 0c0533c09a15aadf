import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthOf } from '../../src/calendar/isoDate.js';
import type { ClassBActivity } from '../../src/class-b/classBActivity.js';
import { createDictionaries, monthTransactionsOf } from '../../src/class-b/monthPassRecords.js';
import { formatPriceUnits } from '../../src/class-b/pricePerShare.js';
import { formatShareUnits } from '../../src/class-b/shareUnits.js';
import { accountRowsInOrder, storedRowOf } from '../../src/import/classBLedgerReplay.js';
import {
  type MonthRowsOfAccount,
  monthColumnsOfRows,
  type NewRow,
} from '../../src/import/classBMonthCheck.js';
import { activityOfRows, type ClassBTransactionRow } from '../../src/store/classBRepository.js';
import { generateAccountActivity } from './support/generatedActivity.js';
import { fullJson } from './support/monthPassHarness.js';

// Issue 14 items 1–2: `transactions import` builds the month pass's transaction columns straight
// from the file's rows and the month's recorded ones (classBMonthCheck.ts `monthColumnsOfRows`).
// The reference is the record path the close and the record replay take: the rows in the replay's
// order (`accountRowsInOrder`), paired into activity (`activityOfRows`), then columns
// (`monthTransactionsOf`). Generated months of generated accounts (every kind of row, exchanges
// with both legs), each activity recorded or new at random, the new rows in a random file order,
// their decoded shares and price given or not: the same columns and the same dictionaries.

/** An activity's rows (an exchange: its two legs), as the file gives them. */
function rowsOf(account: string, a: ClassBActivity, decoded: boolean): NewRow[] {
  const base = {
    account,
    portfolioName: 'P',
    exchangeId: null,
    waiver: null,
    attributedDistributor: null,
    derivedFromDoi: null,
  };
  const units = (shares: bigint, price: bigint | null) =>
    decoded ? { shareUnits: shares, priceUnits: price } : {};
  switch (a.kind) {
    case 'exchange':
      return [a.out, a.in].map((leg, i) => ({
        ...base,
        txnId: leg.txnId,
        date: a.date,
        portfolioId: leg.portfolioId,
        type: i === 0 ? 'exchange_out' : 'exchange_in',
        shares: formatShareUnits(leg.shareUnits),
        price: formatPriceUnits(leg.priceUnits),
        exchangeId: a.exchangeId,
        ...units(leg.shareUnits, leg.priceUnits),
      }));
    case 'convert':
      return [
        {
          ...base,
          txnId: a.txnId,
          date: a.date,
          portfolioId: a.portfolioId,
          type: 'convert',
          shares: formatShareUnits(a.shareUnits),
          price: null,
          ...units(a.shareUnits, null),
        },
      ];
    default:
      return [
        {
          ...base,
          txnId: a.txnId,
          date: a.date,
          portfolioId: a.portfolioId,
          type: a.kind,
          shares: formatShareUnits(a.shareUnits),
          price: formatPriceUnits(a.priceUnits),
          waiver: a.kind === 'redeem' ? a.waiver : null,
          attributedDistributor: a.kind === 'reinvest' ? (a.attributedDistributor ?? null) : null,
          derivedFromDoi: a.kind === 'reinvest' ? (a.derivedFromDoi ?? null) : null,
          ...units(a.shareUnits, a.priceUnits),
        },
      ];
  }
}

const recordedOf = (r: NewRow, seq: number): ClassBTransactionRow => storedRowOf(r, String(seq));

describe('the month pass columns of an import’s rows', () => {
  it('equal the columns of the rows as activity records, in the record replay’s order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 1_000 }), { minLength: 60, maxLength: 60 }),
        (seed, accountsN, coins) => {
          let coin = 0;
          const flip = (p: number) => coins[coin++ % coins.length]! % 100 < p;
          const accounts: MonthRowsOfAccount[] = [];
          for (let k = 0; k < accountsN; k++) {
            const account = `c-${k}`;
            const activity = generateAccountActivity(seed + k, account, 40);
            // the month with the most activity: exchanges, same-day rows and convert rows meet
            const byMonth = new Map<string, ClassBActivity[]>();
            for (const a of activity)
              byMonth.set(monthOf(a.date), [...(byMonth.get(monthOf(a.date)) ?? []), a]);
            const month = [...byMonth.values()].sort((x, y) => y.length - x.length)[0] ?? [];
            const recorded: ClassBTransactionRow[] = [];
            let fresh: NewRow[] = [];
            for (const a of month) {
              const asRecorded = flip(30);
              const rows = rowsOf(account, a, flip(50));
              if (asRecorded) for (const r of rows) recorded.push(recordedOf(r, recorded.length));
              else fresh.push(...rows);
            }
            // a file's order: now and then the rows shuffled (legs apart, dates out of order)
            if (flip(40))
              fresh = fresh
                .map((r, i) => ({ r, o: coins[(coin + i) % coins.length]! }))
                .sort((x, y) => x.o - y.o)
                .map((x) => x.r);
            if (recorded.length + fresh.length > 0)
              accounts.push({ account, key: 10 * k + 3, recorded, fresh });
          }
          const mine = createDictionaries(['fund-b']);
          const got = monthColumnsOfRows(accounts, mine);
          const reference = createDictionaries(['fund-b']);
          const want = monthTransactionsOf(
            accounts.map((a) => ({
              account: a.account,
              activity: activityOfRows(accountRowsInOrder(a.recorded, a.fresh)),
            })),
            reference,
            (name) => accounts.find((a) => a.account === name)!.key,
          );
          const plain = (cols: object) =>
            fullJson(
              Object.entries(cols).map(([k, v]) => [
                k,
                typeof v === 'number' ? v : Array.from(v as ArrayLike<number>),
              ]),
            );
          expect(plain(got)).toBe(plain(want));
          for (const d of ['txns', 'portfolios', 'exchanges', 'distributors'] as const)
            expect(mine[d].names).toEqual(reference[d].names);
        },
      ),
      { numRuns: 200 },
    );
  });
});
