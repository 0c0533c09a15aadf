import { monthEnd, monthOf, toDayNumber } from '../../../src/calendar/isoDate.js';
import type { ClassBActivity } from '../../../src/class-b/classBActivity.js';
import type { ClassBTerms } from '../../../src/class-b/classBTerms.js';
import type { AccountLedger } from '../../../src/class-b/ledgerResults.js';
import type { ClassBMonthResult } from '../../../src/class-b/monthPass.js';
import { applyMonthByChunks, type ClassBMonthChunk } from '../../../src/class-b/monthPassByChunks.js';
import type { ClassBLedgerState } from '../../../src/class-b/monthPassColumns.js';
import {
  createDictionaries,
  lastHeldOfAccount,
  ledgerStateOf,
  lotsOfAccount,
  type MonthPassDictionaries,
  monthRecordsOf,
  monthTransactionsOf,
} from '../../../src/class-b/monthPassRecords.js';
import { generateAccountActivity } from './generatedActivity.js';

/** The months from `first` through `last`, YYYY-MM. */
export function monthsThrough(first: string, last: string): string[] {
  const out: string[] = [];
  for (let y = Number(first.slice(0, 4)), m = Number(first.slice(5, 7)); ; m++) {
    if (m > 12) {
      y++;
      m = 1;
    }
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    out.push(month);
  }
  return out;
}

export interface HarnessAccount {
  readonly account: string;
  readonly omnibus: boolean;
  readonly activity: readonly ClassBActivity[];
}

/**
 * Runs histories through the month pass month after month, from empty ledgers, in chunks of
 * `chunkSize` accounts (the chunks' states carried from month to month, as the store will keep
 * them). `atMonthEnd` sees every chunk's result. Returns every account's ledger through the last
 * month: the lots after it and all the redemptions, exchanges and conversions on the way.
 */
export async function runMonthPass(
  accounts: readonly HarnessAccount[],
  terms: ClassBTerms,
  portfolioIds: readonly string[],
  months: readonly string[],
  opts: {
    chunkSize: number;
    /** also the holdings at the close of this day of every month (Exhibit A mid-month computation dates) */
    holdingsAfterDayOfMonth?: number;
    atMonthEnd?: (month: string, result: ClassBMonthResult, d: MonthPassDictionaries) => void;
  },
): Promise<{
  ledgers: Map<string, AccountLedger>;
  dictionaries: MonthPassDictionaries;
  transactions: number;
}> {
  const d = createDictionaries(portfolioIds);
  const byMonth = accounts.map((a) => {
    d.accounts.key(a.account);
    const m = new Map<string, ClassBActivity[]>();
    for (const x of a.activity) {
      const k = monthOf(x.date);
      m.set(k, [...(m.get(k) ?? []), x]);
    }
    return m;
  });
  const chunks: { members: number[]; state: ClassBLedgerState }[] = [];
  for (let s = 0; s < accounts.length; s += opts.chunkSize) {
    const members = accounts.slice(s, s + opts.chunkSize).map((_, i) => s + i);
    chunks.push({
      members,
      state: ledgerStateOf(
        members.map((i) => ({
          account: accounts[i]!.account,
          omnibus: accounts[i]!.omnibus,
          lots: [],
          nextSequence: 0,
          nextArrival: 0,
        })),
        d,
      ),
    });
  }
  const records = new Map<string, Omit<AccountLedger, 'account' | 'lots' | 'lastHeld'>>(
    accounts.map((a) => [a.account, { redemptions: [], exchanges: [], conversions: [] }]),
  );
  let transactions = 0;
  let last: ClassBLedgerState[] = chunks.map((c) => c.state);
  for (const month of months) {
    // let the test runner's worker breathe (its RPC times out if the loop never yields)
    await new Promise((resolve) => setImmediate(resolve));
    const input = chunks.map(
      (c, ci): ClassBMonthChunk => ({
        state: last[ci]!,
        transactions: monthTransactionsOf(
          c.members.map((i) => ({ account: accounts[i]!.account, activity: byMonth[i]!.get(month) ?? [] })),
          d,
        ),
      }),
    );
    const next: ClassBLedgerState[] = [];
    const ctx = {
      month,
      ...(opts.holdingsAfterDayOfMonth !== undefined
        ? {
            holdingsAfterDay: toDayNumber(
              `${month}-${String(opts.holdingsAfterDayOfMonth).padStart(2, '0')}`,
            ),
          }
        : {}),
      terms,
      portfolioIds: d.portfolios.names,
      distributors: d.distributors.names,
      txnIdOf: (k: number) => d.txns.name(k),
    };
    for (const r of applyMonthByChunks(ctx, input)) {
      for (const [name, x] of monthRecordsOf(r, d)) {
        const acc = records.get(name)! as {
          redemptions: unknown[];
          exchanges: unknown[];
          conversions: unknown[];
        };
        acc.redemptions.push(...x.redemptions);
        acc.exchanges.push(...x.exchanges);
        acc.conversions.push(...x.conversions);
      }
      opts.atMonthEnd?.(month, r, d);
      next.push(r.state);
    }
    for (const c of input) transactions += c.transactions.count;
    last = next;
  }
  const ledgers = new Map<string, AccountLedger>();
  for (const state of last)
    for (let a = 0; a < state.accounts.count; a++) {
      const name = d.accounts.name(state.accounts.key[a]!);
      ledgers.set(name, {
        account: name,
        lots: lotsOfAccount(state, a, d),
        lastHeld: lastHeldOfAccount(state, a, d),
        ...records.get(name)!,
      });
    }
  return { ledgers, dictionaries: d, transactions };
}

/** Every field of a ledger, bigints as strings: what the month pass must reproduce exactly. */
export function fullJson(l: unknown): string {
  return JSON.stringify(l, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
}

export const monthEndOf = (month: string) => monthEnd(month);

/** `count` generated accounts `gen-0`, `gen-1`, …: account i's history from seed `firstSeed + i`, every tenth omnibus. */
export function generatedAccounts(count: number, firstSeed: number): HarnessAccount[] {
  return Array.from({ length: count }, (_, i) => ({
    account: `gen-${i}`,
    omnibus: i % 10 === 0,
    activity: generateAccountActivity(firstSeed + i, `gen-${i}`),
  }));
}

/** Every month from the first to the last in which some account has activity. */
export function monthsSpanned(accounts: readonly HarnessAccount[]): string[] {
  let first = '9999-12';
  let last = '0000-01';
  for (const a of accounts)
    for (const x of a.activity) {
      const m = monthOf(x.date);
      if (m < first) first = m;
      if (m > last) last = m;
    }
  return monthsThrough(first, last);
}
