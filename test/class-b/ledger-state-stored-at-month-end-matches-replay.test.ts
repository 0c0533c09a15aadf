import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthEnd, monthOf, yearOf } from '../../src/calendar/isoDate.js';
import { accountsChangedInMonth } from '../../src/class-b/accountsChangedInMonth.js';
import type { ClassBActivity } from '../../src/class-b/classBActivity.js';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { compareLots } from '../../src/class-b/lot.js';
import { compileMonthPass } from '../../src/class-b/monthPass.js';
import type { ClassBLedgerState } from '../../src/class-b/monthPassColumns.js';
import {
  lastHeldOfAccount,
  lotsOfAccount,
  type MonthPassDictionaries,
  monthRecordsOf,
  monthTransactionsOf,
} from '../../src/class-b/monthPassRecords.js';
import { formatPriceUnits } from '../../src/class-b/pricePerShare.js';
import { formatShareUnits } from '../../src/class-b/shareUnits.js';
import { bootstrapLedgerState } from '../../src/close/ledgerStateBootstrap.js';
import {
  insertTransactions,
  type NewClassBTransaction,
  upsertAccounts,
} from '../../src/store/classBRepository.js';
import type { Database } from '../../src/store/database.js';
import {
  accountKeyRanges,
  latestLedgerStateMonth,
  ledgerStateDictionaries,
  markLedgerStateMonth,
  readLedgerStateChunk,
  recordLedgerPortfolios,
  writeLedgerStateChunk,
} from '../../src/store/ledgerStateRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  GENERATED_PORTFOLIOS,
  GENERATED_TERMS,
  generateAccountActivity,
} from './support/generatedActivity.js';
import { fullJson, type HarnessAccount, monthsThrough, runMonthPass } from './support/monthPassHarness.js';

// Issue 14 item 1: the Class B ledger stored at month ends. The same generated histories as the
// month-pass differential test (seed 1,000 + i), recorded as transactions; the state built from
// them at two month ends (one mid-year, one a December) must read back as the ledger's replay
// through that day, and as what the month pass carries there month after month from empty; a
// month then applied by the pass on the state read back, and written for the accounts it changed
// only, must read back as the replay through its end.
const ACCOUNTS = 300;
const CHUNK = 120;
const ENDS = ['2003-06-30', '2008-12-31'] as const;
const NEXT_MONTH = '2009-01';

const accounts: HarnessAccount[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
  account: `gen-${String(i).padStart(4, '0')}`,
  omnibus: i % 10 === 0,
  activity: generateAccountActivity(1_000 + i, `gen-${String(i).padStart(4, '0')}`),
}));
const byName = new Map(accounts.map((a) => [a.account, a]));

/** The transfer agent's rows of a history, in its order (an exchange as its two legs). */
function rowsOf(account: string, activity: readonly ClassBActivity[]): NewClassBTransaction[] {
  const none = { exchangeId: null, waiver: null, attributedDistributor: null, derivedFromDoi: null };
  return activity.flatMap((a): NewClassBTransaction[] => {
    const common = { account, date: a.date, ...none };
    switch (a.kind) {
      case 'purchase':
      case 'reinvest':
        return [
          {
            ...common,
            txnId: a.txnId,
            portfolioId: a.portfolioId,
            portfolioName: a.portfolioId,
            type: a.kind,
            shares: formatShareUnits(a.shareUnits),
            price: formatPriceUnits(a.priceUnits),
            ...(a.kind === 'reinvest'
              ? {
                  attributedDistributor: a.attributedDistributor ?? null,
                  derivedFromDoi: a.derivedFromDoi ?? null,
                }
              : {}),
          },
        ];
      case 'redeem':
        return [
          {
            ...common,
            txnId: a.txnId,
            portfolioId: a.portfolioId,
            portfolioName: a.portfolioId,
            type: 'redeem',
            shares: formatShareUnits(a.shareUnits),
            price: formatPriceUnits(a.priceUnits),
            waiver: a.waiver,
          },
        ];
      case 'convert':
        return [
          {
            ...common,
            txnId: a.txnId,
            portfolioId: a.portfolioId,
            portfolioName: a.portfolioId,
            type: 'convert',
            shares: formatShareUnits(a.shareUnits),
            price: null,
          },
        ];
      default:
        return (['out', 'in'] as const).map((leg) => ({
          ...common,
          txnId: a[leg].txnId,
          portfolioId: a[leg].portfolioId,
          portfolioName: a[leg].portfolioId,
          type: leg === 'out' ? ('exchange_out' as const) : ('exchange_in' as const),
          shares: formatShareUnits(a[leg].shareUnits),
          price: formatPriceUnits(a[leg].priceUnits),
          exchangeId: a.exchangeId,
        }));
    }
  });
}

/** An account's state as one comparable text: lots in canonical order, next numbers, allowances of the year. */
function canonical(state: ClassBLedgerState, a: number, d: MonthPassDictionaries, year: number): string {
  const acc = state.accounts;
  const sw = state.systematicWithdrawals;
  const withdrawals: string[] = [];
  for (let i = acc.withdrawalStart[a]!; i < acc.withdrawalStart[a + 1]!; i++)
    if (sw.year[i] === year)
      withdrawals.push(
        `${d.portfolios.name(sw.portfolio[i]!)} ${sw.year[i]} ${sw.allowanceUnits[i]} ${sw.usedUnits[i]}`,
      );
  return fullJson({
    nextSequence: acc.nextSequence[a],
    nextArrival: acc.nextArrival[a],
    withdrawals: withdrawals.sort(),
    lots: lotsOfAccount(state, a, d).sort(compareLots),
    lastHeld: lastHeldOfAccount(state, a, d),
  });
}

const sortedLotsJson = (lots: Parameters<typeof compareLots>[0][]) => fullJson([...lots].sort(compareLots));

/** What the month pass carries to each of ENDS, month after month from empty ledgers: account → canonical text. */
async function monthPassStates(): Promise<Map<string, Map<string, string>>> {
  let first = '9999-12';
  for (const a of accounts) for (const x of a.activity) if (monthOf(x.date) < first) first = monthOf(x.date);
  const wanted = new Map<string, Map<string, string>>(ENDS.map((e) => [monthOf(e), new Map()]));
  await runMonthPass(
    accounts,
    GENERATED_TERMS,
    GENERATED_PORTFOLIOS,
    monthsThrough(first, monthOf(ENDS[1])),
    {
      chunkSize: CHUNK,
      atMonthEnd(month, r, d) {
        const out = wanted.get(month);
        if (!out) return;
        for (let a = 0; a < r.state.accounts.count; a++)
          out.set(
            d.accounts.name(r.state.accounts.key[a]!),
            canonical(r.state, a, d, yearOf(monthEnd(month))),
          );
      },
    },
  );
  return new Map([...wanted].map(([m, v]) => [monthEnd(m), v]));
}

describe.each(dialects)('the Class B ledger stored at month ends on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  let passStates: Map<string, Map<string, string>>;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await db.transaction(async (tx) => {
      await upsertAccounts(
        tx,
        accounts.map((a) => ({ account: a.account, omnibus: a.omnibus, dealerOfRecord: null })),
        0,
      );
      await insertTransactions(
        tx,
        accounts.flatMap((a) => rowsOf(a.account, a.activity)),
        0,
      );
    });
    passStates = await monthPassStates();
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it(`built from ${ACCOUNTS} accounts' transactions at ${ENDS.join(' and ')}, in chunks of ${CHUNK}: reads back as the replay and as the month pass carries it`, async () => {
    expect(await latestLedgerStateMonth(db, '2099-12-31')).toBeNull();
    const seen = { accounts: 0, lots: 0, withdrawals: 0, freeLots: 0, remembered: 0 };
    for (const end of ENDS) {
      const written = await db.transaction((tx) =>
        bootstrapLedgerState(tx, end, GENERATED_TERMS, { chunkAccounts: CHUNK }),
      );
      expect(written.accounts).toBeGreaterThan(0);
      const d = await ledgerStateDictionaries(db);
      const ranges = await accountKeyRanges(db, CHUNK);
      expect(ranges.length).toBe(Math.ceil(ACCOUNTS / CHUNK));
      const lotMismatches: string[] = [];
      const passMismatches: string[] = [];
      for (const range of ranges) {
        const chunk = await readLedgerStateChunk(db, end, range, d);
        const s = chunk.state;
        for (let a = 0; a < s.accounts.count; a++) {
          const name = chunk.accountNames.get(s.accounts.key[a]!)!;
          const acct = byName.get(name)!;
          expect(s.accounts.omnibus[a]).toBe(acct.omnibus ? 1 : 0);
          const replayed = replayAccount(name, acct.activity, GENERATED_TERMS, { until: end });
          const lots = lotsOfAccount(s, a, d);
          if (sortedLotsJson(lots) !== sortedLotsJson([...replayed.lots])) lotMismatches.push(name);
          // what it remembers of DOIs no longer held (lastHeldIssuance.ts), through the store
          const lastHeld = lastHeldOfAccount(s, a, d);
          if (fullJson(lastHeld) !== fullJson(replayed.lastHeld)) lotMismatches.push(`${name} (last held)`);
          seen.remembered += lastHeld.length;
          if (canonical(s, a, d, yearOf(end)) !== passStates.get(end)!.get(name)) passMismatches.push(name);
          seen.accounts++;
          seen.lots += lots.length;
          seen.freeLots += lots.filter((l) => l.kind === 'free').length;
          seen.withdrawals += s.accounts.withdrawalStart[a + 1]! - s.accounts.withdrawalStart[a]!;
        }
      }
      expect(lotMismatches).toEqual([]);
      expect(passMismatches).toEqual([]);
      expect(await latestLedgerStateMonth(db, end)).toBe(end);
    }
    expect(seen.accounts).toBe(ACCOUNTS * ENDS.length);
    // the histories exercise what the state holds: lots of both kinds, and allowances of the year
    expect(seen.lots).toBeGreaterThan(ACCOUNTS);
    expect(seen.freeLots).toBeGreaterThan(50);
    expect(seen.withdrawals).toBeGreaterThan(0);
    expect(seen.remembered).toBeGreaterThan(0);
  });

  it(`${NEXT_MONTH} applied by the month pass on the stored state, written for the accounts it changed only, reads back as the replay`, async () => {
    const start = ENDS[1];
    const end = monthEnd(NEXT_MONTH);
    const d = await ledgerStateDictionaries(db);
    let changed = 0;
    let unchanged = 0;
    const redemptionMismatches: string[] = [];
    await db.transaction(async (tx) => {
      let lots = 0;
      for (const range of await accountKeyRanges(tx, CHUNK)) {
        const chunk = await readLedgerStateChunk(tx, start, range, d);
        const keyOf = new Map([...chunk.accountNames].map(([k, n]) => [n, k]));
        const transactions = monthTransactionsOf(
          [...chunk.accountNames.values()].map((account) => ({
            account,
            activity: byName.get(account)!.activity.filter((x) => monthOf(x.date) === NEXT_MONTH),
          })),
          d,
          (account) => keyOf.get(account)!,
        );
        const pass = compileMonthPass({
          month: NEXT_MONTH,
          terms: GENERATED_TERMS,
          portfolioIds: d.portfolios.names,
          distributors: d.distributors.names,
          txnIdOf: (k) => d.txns.name(k),
        });
        const result = pass.apply(chunk.state, transactions);
        const flags = accountsChangedInMonth(result, transactions);
        changed += flags.filter(Boolean).length;
        unchanged += flags.filter((f) => !f).length;
        // the month's redemptions, as the replay computes them
        const named = {
          ...d,
          accounts: { name: (k: number) => chunk.accountNames.get(k)! },
        } as MonthPassDictionaries;
        for (const [name, records] of monthRecordsOf(result, named)) {
          const replayed = replayAccount(name, byName.get(name)!.activity, GENERATED_TERMS, { until: end });
          const want = replayed.redemptions.filter((r) => monthOf(r.date) === NEXT_MONTH);
          if (fullJson(records.redemptions) !== fullJson(want)) redemptionMismatches.push(name);
        }
        await recordLedgerPortfolios(tx, d.portfolios);
        lots += (
          await writeLedgerStateChunk(tx, end, result.state, d, {
            include: (a) => flags[a]!,
            storedAttributions: chunk.storedAttributions,
          })
        ).lots;
      }
      await markLedgerStateMonth(tx, end, { accounts: changed, lots, bootstrapped: false });
    });
    expect(redemptionMismatches).toEqual([]);
    expect(changed).toBeGreaterThan(0);
    expect(unchanged).toBeGreaterThan(changed); // most accounts are quiet in a month: no new row
    const mismatches: string[] = [];
    for (const range of await accountKeyRanges(db, CHUNK)) {
      const chunk = await readLedgerStateChunk(db, end, range, d);
      for (let a = 0; a < chunk.state.accounts.count; a++) {
        const name = chunk.accountNames.get(chunk.state.accounts.key[a]!)!;
        const replayed = replayAccount(name, byName.get(name)!.activity, GENERATED_TERMS, { until: end });
        if (sortedLotsJson(lotsOfAccount(chunk.state, a, d)) !== sortedLotsJson([...replayed.lots]))
          mismatches.push(name);
        if (fullJson(lastHeldOfAccount(chunk.state, a, d)) !== fullJson(replayed.lastHeld))
          mismatches.push(`${name} (last held)`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(await latestLedgerStateMonth(db, '2009-02-15')).toBe(end);
  });

  it('a read of some portfolios only (Exhibit A) gives each account the same lots in them as the whole read, and the chunks cover every account once', async () => {
    const d = await ledgerStateDictionaries(db);
    const some = ['fund-b', 'fund-d'];
    const portfolioKeys = some.map((pid) => d.portfolios.names.indexOf(pid));
    expect(portfolioKeys.every((k) => k >= 0)).toBe(true);
    const ranges = await accountKeyRanges(db, CHUNK);
    // contiguous, ascending, CHUNK accounts each but the last
    const keys = (await db.textRows('SELECT account_key FROM class_b_account ORDER BY account_key')).map(
      (r) => Number(r[0]),
    );
    expect(ranges.map((r) => keys.filter((k) => k >= r.fromKey && k <= r.toKey).length)).toEqual(
      ranges.map((_, i) => (i < ranges.length - 1 ? CHUNK : ACCOUNTS - CHUNK * (ranges.length - 1))),
    );
    expect(ranges[0]!.fromKey).toBe(keys[0]);
    expect(ranges.at(-1)!.toKey).toBe(keys.at(-1));
    let compared = 0;
    let freeLots = 0;
    const mismatches: string[] = [];
    for (const end of [ENDS[0], monthEnd(NEXT_MONTH)])
      for (const range of ranges) {
        const whole = await readLedgerStateChunk(db, end, range, d);
        const part = await readLedgerStateChunk(db, end, range, d, { portfolioKeys });
        expect(part.state.accounts.count).toBe(whole.state.accounts.count);
        expect(part.state.systematicWithdrawals.count).toBe(0);
        for (let a = 0; a < whole.state.accounts.count; a++) {
          const want = lotsOfAccount(whole.state, a, d).filter((l) => some.includes(l.portfolioId));
          const got = lotsOfAccount(part.state, a, d);
          if (fullJson(got) !== fullJson(want))
            mismatches.push(`${end} ${whole.accountNames.get(whole.state.accounts.key[a]!)}`);
          compared += want.length;
          freeLots += want.filter((l) => l.kind === 'free').length;
        }
      }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(ACCOUNTS);
    expect(freeLots).toBeGreaterThan(10); // their attributions are read too
  });
});
