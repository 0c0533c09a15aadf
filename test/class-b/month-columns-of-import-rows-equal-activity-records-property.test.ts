import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthOf } from '../../src/calendar/isoDate.js';
import type { ClassBActivity } from '../../src/class-b/classBActivity.js';
import { createDictionaries, monthTransactionsOf } from '../../src/class-b/monthPassRecords.js';
import { formatPriceUnits, parsePriceUnits } from '../../src/class-b/pricePerShare.js';
import { formatShareUnits, parseShareUnits } from '../../src/class-b/shareUnits.js';
import { accountRowsInOrder, storedRowOf } from '../../src/import/classBLedgerReplay.js';
import {
  freshRecords,
  type MonthRowsOfAccount,
  monthColumnsOfRows,
  type NewRow,
} from '../../src/import/classBMonthCheck.js';
import type { DecodedRow } from '../../src/import/csvFeed.js';
import {
  NewTransactions,
  TransactionColumns,
  type TransactionStatementRow,
} from '../../src/import/transactionColumns.js';
import { activityOfRows, type ClassBTransactionRow } from '../../src/store/classBRepository.js';
import { generateAccountActivity } from './support/generatedActivity.js';
import { fullJson } from './support/monthPassHarness.js';

// Issue 14 items 1–2: `transactions import` builds the month pass's transaction columns straight
// from the file's rows and the month's recorded ones (classBMonthCheck.ts `monthColumnsOfRows`).
// The reference is the record path the close and the record replay take: the rows in the replay's
// order (`accountRowsInOrder`), paired into activity (`activityOfRows`), then columns
// (`monthTransactionsOf`). Generated months of generated accounts (every kind of row, exchanges
// with both legs), each activity recorded or new at random, the new rows in a random file order,
// their decoded shares and price given or not: the same columns and the same dictionaries. The
// same rows as a file's columns (the import's form: rows of TransactionColumns, no record per row;
// an account with recorded rows, or a row's shares past 2^53, goes by its records): the same again.

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

/**
 * The accounts' new rows as one file's columns (TransactionColumns, the accounts' rows one after
 * another, each account's in its file order), each account's given as rows of those columns.
 */
function fileRowsOfAccounts(accounts: readonly MonthRowsOfAccount[]): MonthRowsOfAccount[] {
  const gather = TransactionColumns.gatherer('month.csv', 16);
  const decoded: DecodedRow<TransactionStatementRow>[] = [];
  for (const a of accounts)
    for (const r of freshRecords(a.fresh))
      decoded.push({
        line: decoded.length + 2,
        row: {
          date: r.date,
          txn_id: r.txnId,
          account: r.account,
          portfolio: r.portfolioId, // the portfolio's name here is its id
          class: 'B',
          type: r.type,
          shares: r.shareUnits ?? parseShareUnits(r.shares),
          price:
            r.priceUnits !== undefined ? r.priceUnits : r.price === null ? null : parsePriceUnits(r.price),
          exchange_id: r.exchangeId,
          waiver: r.waiver,
          attributed_distributor: r.attributedDistributor,
          derived_from_doi: r.derivedFromDoi,
        },
      });
  gather.add(decoded);
  const columns = gather.done();
  const changes = new NewTransactions(columns, columns.portfolios.names, Uint32Array.from(decoded.keys()));
  const byAccount = changes.byAccount();
  const slot = new Map(byAccount.accounts.map((a, k) => [a, k]));
  return accounts.map((a) => {
    const k = slot.get(a.account);
    return k === undefined ? a : { ...a, fresh: byAccount.fileRowsOf(k) };
  });
}

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
              // now and then a redemption's waiver none of the CDSC waivers (read as none)
              const rows = rowsOf(account, a, flip(50)).map((r) =>
                r.type === 'redeem' && r.waiver === null && flip(20) ? { ...r, waiver: 'reinvestment' } : r,
              );
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
          // now and then a row's shares past 2^53 (the columns keep its bigint beside: records)
          if (flip(10)) {
            const a = accounts.find((x) => (x.fresh as NewRow[]).length > 0);
            const rows = a?.fresh as NewRow[] | undefined;
            if (rows !== undefined) {
              const big = 2n ** 53n + BigInt(coins[0]!);
              rows[0] = { ...rows[0]!, shares: formatShareUnits(big), shareUnits: big };
            }
          }
          const mine = createDictionaries(['fund-b']);
          const got = monthColumnsOfRows(accounts, mine);
          // the same rows as a file's columns (the import's own form: no record per row)
          const asFile = fileRowsOfAccounts(accounts);
          const fromFile = createDictionaries(['fund-b']);
          const gotFromFile = monthColumnsOfRows(asFile, fromFile);
          const reference = createDictionaries(['fund-b']);
          const want = monthTransactionsOf(
            accounts.map((a) => ({
              account: a.account,
              activity: activityOfRows(accountRowsInOrder(a.recorded, freshRecords(a.fresh))),
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
          expect(plain(gotFromFile)).toBe(plain(want));
          for (const d of ['txns', 'portfolios', 'exchanges', 'distributors'] as const) {
            expect(mine[d].names).toEqual(reference[d].names);
            expect(fromFile[d].names).toEqual(reference[d].names);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
