import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearOf } from '../../src/calendar/isoDate.js';
import { accountStateAtMonthEnd } from '../../src/class-b/accountStateAtMonthEnd.js';
import type { ClassBActivity } from '../../src/class-b/classBActivity.js';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { compareLots } from '../../src/class-b/lot.js';
import { formatPriceUnits } from '../../src/class-b/pricePerShare.js';
import { formatShareUnits } from '../../src/class-b/shareUnits.js';
import { bootstrapLedgerState } from '../../src/close/ledgerStateBootstrap.js';
import { classBPortfolioIds, importDemoExhibits } from '../../src/demo/demoClassB.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import {
  accountsWithTransactionsAfter,
  activityOfRows,
  type ClassBTransactionRow,
  loadTransactionsOf,
} from '../../src/store/classBRepository.js';
import { loadClassBTerms } from '../../src/store/classBTermsRepository.js';
import { insertClosedMonth } from '../../src/store/closeRepository.js';
import type { Database } from '../../src/store/database.js';
import { ledgerStateMonths, readStoredLedgersOf } from '../../src/store/ledgerStateRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  GENERATED_PORTFOLIOS,
  GENERATED_TERMS,
  generateAccountActivity,
} from './support/generatedActivity.js';
import { outcomeOf, storedTransactionsAndRedemptions } from './support/importOutcome.js';
import { fullJson } from './support/monthPassHarness.js';
import {
  accountsLines,
  generatedTermsRules,
  HEADER,
  historyLines,
  linesOf,
} from './support/transactionLines.js';

// Issue 14 item 1, stage 3: `transactions import` resumes each touched account from its ledger
// stored at the latest month end before the file's first new row. Differential: the same files —
// good and bad, back-dated ones included — go into a store with the ledger stored at three month
// ends (as the benchmark and the closes leave it) and into one without; after each, the exit code,
// every problem (file, line, field, reason) and every stored transaction, redemption and piece must
// be the same, and what stays stored of the ledger must be the replay's. The histories are the
// generated ones (seed 2,000 + i: purchases, reinvestments with stated attributions, redemptions
// with waivers and fees, systematic withdrawals, chains of Free Exchanges, convert rows), a tenth
// of the accounts omnibus; the generator's terms imported as rules on five demo portfolios.
// The store with the ledger also checks the touched accounts a few at a time (issue 14: the
// import in bounded memory), the other all at once: chunks change nothing, problems included.
// 130: the fewest with the three accounts the back-dated file needs (reinvested after it, unstated);
// the tests below assert each kind they build on is there.
const ACCOUNTS = 130;
const STATE_MONTH_ENDS = ['2008-10-31', '2008-11-30', '2008-12-31'] as const;
const CLOSED_MONTH = '2008-06';
const BACK_DATE = '2008-11-14';
/** touched accounts checked at a time in the store with the ledger (the other: all in one) */
const CHUNK_ACCOUNTS = 7;

interface Account {
  readonly account: string;
  readonly omnibus: boolean;
  readonly activity: readonly ClassBActivity[];
}
const accounts: Account[] = Array.from({ length: ACCOUNTS }, (_, i) => {
  const account = `st-${String(i).padStart(4, '0')}`;
  return { account, omnibus: i % 10 === 3, activity: generateAccountActivity(2_000 + i, account) };
});

/** Every stored transaction (less its arrival number), redemption and piece. */
const storedRows = async (db: Database): Promise<string> =>
  (
    await storedTransactionsAndRedemptions(
      db,
      accounts.map((a) => a.account),
    )
  ).json;

describe.each(dialects)('transactions import from the stored ledger on %s', (dialect) => {
  const stores: { tdb: TestDatabase; db: Database }[] = [];
  let withState: Database;
  let without: Database;
  /** a generated portfolio's demo name */
  let name: (pid: string) => string;
  /** a generated portfolio's demo portfolio id */
  let idOf: (pid: string) => string;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const tdb = await freshDatabase(dialect);
      stores.push({ tdb, db: await tdb.open() });
    }
    [withState, without] = [stores[0]!.db, stores[1]!.db];
    const registry = await importDemoExhibits(withState);
    await importDemoExhibits(without);
    const classB = classBPortfolioIds(registry);
    expect(classB.length).toBeGreaterThanOrEqual(GENERATED_PORTFOLIOS.length);
    const names = new Map(
      GENERATED_PORTFOLIOS.map((pid, i) => [
        pid as string,
        registry.identities.nameOn(classB[i]!, '2025-12-31'),
      ]),
    );
    name = (pid) => names.get(pid)!;
    idOf = (pid) => classB[GENERATED_PORTFOLIOS.indexOf(pid as (typeof GENERATED_PORTFOLIOS)[number])]!;
    // GENERATED_TERMS, as rules on the demo portfolios
    const terms = generatedTermsRules(name);
    const accountsCsv = accountsLines(accounts);
    const history = historyLines(accounts, STATE_MONTH_ENDS[2], name);
    for (const { db } of stores) {
      await importClassBTerms(db, 'terms.csv', Buffer.from(`${terms.join('\n')}\n`));
      await importAccounts(db, 'accounts.csv', Buffer.from(`${accountsCsv.join('\n')}\n`));
      await importTransactions(db, 'history.csv', Buffer.from(`${history.join('\n')}\n`));
      await db.transaction((tx) => insertClosedMonth(tx, CLOSED_MONTH, 'test'));
    }
    const storedTerms = await loadClassBTerms(withState);
    for (const end of STATE_MONTH_ENDS)
      await withState.transaction((tx) => bootstrapLedgerState(tx, end, storedTerms));
  });

  afterAll(async () => {
    for (const { db, tdb } of stores) {
      await db.close();
      await tdb.drop();
    }
  });

  /** both stores' rows after the last {@link importBoth} (they are equal), while nothing else wrote */
  let storedAfterLast: string | undefined;

  /** Imports one file into both stores: the same outcome, the same stored rows. */
  async function importBoth(file: string, lines: readonly string[]): Promise<string> {
    const bytes = Buffer.from(`${[HEADER, ...lines].join('\n')}\n`);
    const before = storedAfterLast ?? (await storedRows(without));
    const a = await outcomeOf(() =>
      importTransactions(withState, file, bytes, { ledgerCheckAccounts: CHUNK_ACCOUNTS }),
    );
    const b = await outcomeOf(() => importTransactions(without, file, bytes));
    expect(a).toBe(b);
    const after = await storedRows(withState);
    expect(after).toBe(await storedRows(without));
    // a refused file writes nothing, though earlier chunks of accounts had passed the check
    if (!a.includes('"ok"')) expect(after).toBe(before);
    storedAfterLast = after;
    return a;
  }

  const between = (from: string, to: string) =>
    accounts.map((a) => ({ ...a, activity: a.activity.filter((x) => x.date > from && x.date <= to) }));
  const fileOf = (list: readonly Account[]) => list.flatMap((a) => linesOf(a.account, a.activity, name));

  /** The 2009 H1 file made bad one way: the first activity `pick` changes. */
  function badFile(pick: (a: ClassBActivity) => ClassBActivity | null): string[] | null {
    const list = between('2008-12-31', '2009-06-30');
    for (const acc of list)
      for (let i = 0; i < acc.activity.length; i++) {
        const b = pick(acc.activity[i]!);
        if (b === null) continue;
        const changed = [...acc.activity.slice(0, i), b, ...acc.activity.slice(i + 1)];
        return fileOf(list.map((x) => (x === acc ? { ...acc, activity: changed } : x)));
      }
    return null;
  }

  it('refuses the same bad files with the same problems, line for line', async () => {
    const bad = {
      'redeems more than held': badFile((a) =>
        a.kind === 'redeem' && a.waiver === null ? { ...a, shareUnits: a.shareUnits * 10_001n + 1n } : null,
      ),
      'a convert row off by 0.0001 share': badFile((a) =>
        a.kind === 'convert' ? { ...a, shareUnits: a.shareUnits + 1n } : null,
      ),
      'a systematic withdrawal past 12%': badFile((a) =>
        a.kind === 'redeem' && a.waiver === 'systematic_withdrawal'
          ? { ...a, shareUnits: a.shareUnits * 25n }
          : null,
      ),
      'a row in a closed month': badFile((a) =>
        a.kind === 'purchase' ? { ...a, date: `${CLOSED_MONTH}-16` } : null,
      ),
    };
    // two accounts' holdings exceeded, far apart in account order (in different chunks)
    const list = between('2008-12-31', '2009-06-30');
    const redeems = (acc: Account) => acc.activity.findIndex((x) => x.kind === 'redeem' && x.waiver === null);
    const picked = [list.find((x) => redeems(x) >= 0)!, list.findLast((x) => redeems(x) >= 0)!];
    expect(list.indexOf(picked[1]!) - list.indexOf(picked[0]!)).toBeGreaterThan(CHUNK_ACCOUNTS);
    const overdrawn = (acc: Account): Account => ({
      ...acc,
      activity: acc.activity.map((x, j) =>
        j === redeems(acc) && x.kind === 'redeem' ? { ...x, shareUnits: x.shareUnits * 10_001n + 1n } : x,
      ),
    });
    const twice = fileOf(list.map((x) => (picked.includes(x) ? overdrawn(x) : x)));
    const reasons: string[] = [];
    const both = await importBoth('two accounts overdrawn.csv', twice);
    expect(both).toMatch(/"exit":68/);
    expect(both.match(/but the account holds/g)?.length).toBe(2);
    for (const [what, lines] of Object.entries(bad)) {
      expect(lines, what).not.toBeNull();
      const outcome = await importBoth(`${what}.csv`, lines!);
      expect(outcome, what).toMatch(/"exit":68/);
      reasons.push(outcome);
    }
    expect(reasons[0]).toMatch(/but the account holds/);
    expect(reasons[1]).toMatch(/the convert rows say/);
    expect(reasons[2]).toMatch(/above the 12% a year waived/);
    expect(reasons[3]).toMatch(/closed/);
  });

  it('writes the same redemptions for the months after the stored ledger, then after a back-dated file', async () => {
    // the touched accounts have a stored ledger to resume from
    const h1 = between('2008-12-31', '2009-06-30').filter((a) => a.activity.length > 0);
    expect(h1.length).toBeGreaterThan(20);
    const stored = await readStoredLedgersOf(
      withState,
      h1.map((a) => a.account),
      STATE_MONTH_ENDS[2],
    );
    expect(stored.size).toBe(h1.length);
    expect(await importBoth('2009-h1.csv', fileOf(h1))).toMatch(/"ok"/);

    // Back-dated into 2008-11, before two stored month ends: a purchase for each account with an
    // unstated reinvestment later in 2008 (whose Free Shares now follow it too), and one
    // redemption of everything an account held, which a recorded later redemption then cannot take.
    const backDated: string[] = [];
    let reinvestedLater = 0;
    for (const a of accounts) {
      const later = a.activity.find(
        (x) =>
          x.kind === 'reinvest' &&
          x.date > BACK_DATE &&
          x.date <= STATE_MONTH_ENDS[2] &&
          !x.attributedDistributor &&
          !x.derivedFromDoi,
      );
      if (later === undefined || later.kind !== 'reinvest') continue;
      reinvestedLater++;
      backDated.push(
        `${BACK_DATE},${a.account}-back,${a.account},"${name(later.portfolioId)}",B,purchase,12.3456,${formatPriceUnits(later.priceUnits)},,,,`,
      );
    }
    expect(reinvestedLater).toBeGreaterThanOrEqual(3);
    // an account whose next activity is a redemption, emptied of every portfolio the day before
    const emptied = accounts.find((a) => {
      const next = a.activity.find((x) => x.date > BACK_DATE);
      return next?.kind === 'redeem' && next.date <= '2009-06-30';
    })!;
    expect(emptied).toBeDefined();
    const holdings = replayAccount(
      emptied.account,
      emptied.activity.filter((x) => x.date < BACK_DATE),
      GENERATED_TERMS,
    ).lots.reduce(
      (m, l) => m.set(l.portfolioId, (m.get(l.portfolioId) ?? 0n) + l.shareUnits),
      new Map<string, bigint>(),
    );
    expect(holdings.size).toBeGreaterThan(0);
    const emptying = [...holdings].map(
      ([pid, units], i) =>
        `${BACK_DATE},${emptied.account}-empty-${i},${emptied.account},"${name(pid)}",B,redeem,${formatShareUnits(units)},1.0000,,,,`,
    );
    const others = backDated.filter((l) => !l.includes(`,${emptied.account},`));
    const refused = await importBoth('back-dated-bad.csv', [...emptying, ...others]);
    expect(refused).toMatch(/"exit":68/);
    expect(refused).toMatch(/can no longer be applied/);
    expect([...(await ledgerStateMonths(withState))].sort()).toEqual([...STATE_MONTH_ENDS]);

    expect(await importBoth('back-dated.csv', backDated)).toMatch(/"ok"/);
    // the month ends on or after the back-dated rows are forgotten; the one before stays
    expect([...(await ledgerStateMonths(withState))].sort()).toEqual([STATE_MONTH_ENDS[0]]);

    const h2 = between('2009-06-30', '2010-06-30').filter((a) => a.activity.length > 0);
    expect(await importBoth('2009-h2.csv', fileOf(h2))).toMatch(/"ok"/);
  });

  it('keeps only stored ledgers the replay agrees with, and a close-time bootstrap after them too', async () => {
    const terms = await loadClassBTerms(without);
    const recorded = await loadTransactionsOf(
      without,
      accounts.map((a) => a.account),
    );
    // as the next close would: the month end before it built from the transactions
    await withState.transaction((tx) => bootstrapLedgerState(tx, '2010-06-30', terms));
    const mismatches: string[] = [];
    let compared = 0;
    for (const end of [...(await ledgerStateMonths(withState))].sort()) {
      const stored = await readStoredLedgersOf(
        withState,
        accounts.map((a) => a.account),
        end,
      );
      for (const a of accounts) {
        const rows = (recorded.get(a.account) ?? []).filter((r) => r.date <= end);
        if (rows.length === 0) {
          expect(stored.has(a.account)).toBe(false);
          continue;
        }
        const want = accountStateAtMonthEnd(a.account, a.omnibus, activityOfRows(rows), terms, end);
        const got = stored.get(a.account);
        const canonical = (s: Omit<typeof want, 'omnibus'> | undefined) =>
          fullJson({
            lots: [...(s?.lots ?? [])].sort(compareLots),
            nextSequence: s?.nextSequence,
            nextArrival: s?.nextArrival,
            withdrawals: (s?.systematicWithdrawals ?? [])
              .filter((w) => w.year === yearOf(end))
              .map((w) => `${w.portfolioId} ${w.year} ${w.allowanceUnits} ${w.usedUnits}`)
              .sort(),
          });
        if (canonical(got) !== canonical(want)) mismatches.push(`${a.account} at ${end}`);
        compared++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(ACCOUNTS);
  });

  it('forgets the ledger stored past the closed months when new terms arrive, and imports the same after', async () => {
    expect([...(await ledgerStateMonths(withState))].sort()).toEqual([STATE_MONTH_ENDS[0], '2010-06-30']);
    const terms = [
      'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days',
      `cdsc-schedule,"${name('fund-a')}",2008-07-01,,"6,5,4,3,2,1",,,`,
    ];
    const bytes = Buffer.from(`${terms.join('\n')}\n`);
    storedAfterLast = undefined; // new terms may rewrite the stored redemptions
    const a = await outcomeOf(() => importClassBTerms(withState, 'terms-2.csv', bytes));
    const b = await outcomeOf(() => importClassBTerms(without, 'terms-2.csv', bytes));
    expect(a).toBe(b);
    expect(a).toMatch(/"ok"/);
    expect(await storedRows(withState)).toBe(await storedRows(without));
    expect([...(await ledgerStateMonths(withState))]).toEqual([]);
    const h3 = between('2010-06-30', '2011-06-30').filter((x) => x.activity.length > 0);
    expect(await importBoth('2010-h2.csv', fileOf(h3))).toMatch(/"ok"/);
  });

  it('reads back only the later activity of the accounts that have any, and keeps each account’s rows in file order', async () => {
    // Issue 14: the import finds, set-based and before writing its rows, which touched accounts
    // have recorded activity after their stored ledger, and reads only theirs. Here some do (a file
    // of another import dated after the stored month end) and some do not, in the same chunks.
    const end = '2011-06-30';
    const terms = await loadClassBTerms(without);
    await withState.transaction((tx) => bootstrapLedgerState(tx, end, terms));
    const names = accounts.map((a) => a.account);
    /** the reference: every recorded row's account, filtered */
    const laterOf = async (db: Database) =>
      new Set(
        [...(await loadTransactionsOf(db, names)).entries()]
          .filter(([, rows]) => rows.some((r) => r.date > end))
          .map(([account]) => account),
      );
    expect(await accountsWithTransactionsAfter(withState, names, end)).toEqual(new Set());
    expect(await laterOf(withState)).toEqual(new Set());

    // fund-a an account holds at the start of a day, by the full replay of what the other store
    // recorded before it (a probe purchase of one share on that day applies the conversions due)
    const heldA = async (account: string, day: string) => {
      const rows = ((await loadTransactionsOf(without, [account])).get(account) ?? []).filter(
        (r) => r.date < day,
      );
      const probe: ClassBTransactionRow = {
        txn_id: 'probe',
        seq: 'probe',
        date: day,
        account,
        portfolio_id: idOf('fund-a'),
        type: 'purchase',
        shares: '1.0000',
        price: '10.0000',
        exchange_id: null,
        waiver: null,
        attributed_distributor: null,
        derived_from_doi: null,
      };
      const lots = replayAccount(account, activityOfRows([...rows, probe]), terms).lots;
      return lots.reduce((s, l) => (l.portfolioId === idOf('fund-a') ? s + l.shareUnits : s), 0n) - 10_000n;
    };
    // another import: every third account holding fund-a on 2011-08-01 buys 100 shares of it that day and
    // redeems 100.0001 the same day (more than it bought), the accounts' rows interleaved in
    // reverse account order (within an account: the purchase first, its txn_id sorting after the
    // redemption's)
    const later: Account[] = [];
    for (const [i, a] of accounts.entries())
      if (i % 3 === 0 && (await heldA(a.account, '2011-08-01')) > 0n) later.push(a);
    expect(later.length).toBeGreaterThanOrEqual(5);
    later.reverse();
    const fundA = `"${name('fund-a')}"`;
    const otherLines = [
      ...later.map(
        (a) => `2011-08-01,${a.account}-z-buy,${a.account},${fundA},B,purchase,100.0000,10.0000,,,,`,
      ),
      ...later.map(
        (a) => `2011-08-01,${a.account}-a-sell,${a.account},${fundA},B,redeem,100.0001,10.0000,,,,`,
      ),
    ];
    expect(await importBoth('2011-08 other.csv', otherLines)).toMatch(/"ok"/);
    const recorded = await loadTransactionsOf(withState, names);
    for (const a of later)
      expect(
        recorded
          .get(a.account)!
          .filter((r) => r.date === '2011-08-01')
          .map((r) => r.txn_id),
      ).toEqual([`${a.account}-z-buy`, `${a.account}-a-sell`]);
    expect([...(await ledgerStateMonths(withState))]).toContain(end);
    const want = await laterOf(withState);
    expect(want).toEqual(new Set(later.map((a) => a.account)));
    expect(await accountsWithTransactionsAfter(withState, names, end)).toEqual(want);
    expect(await accountsWithTransactionsAfter(withState, names, '2011-08-01')).toEqual(new Set());

    // back-dated before that file, one account emptied of its fund-a shares: its recorded
    // redemption of 2011-08-01 can no longer be applied (a replay without that account's later
    // activity would let the file pass)
    const emptied = later[0]!;
    const july = accounts
      .filter((_, i) => i % 3 !== 1)
      .map((a) => `2011-07-15,${a.account}-jul,${a.account},${fundA},B,purchase,2.5000,10.0000,,,,`);
    const refused = await importBoth('2011-07 emptied.csv', [
      `2011-07-14,${emptied.account}-empty,${emptied.account},${fundA},B,redeem,${formatShareUnits(await heldA(emptied.account, '2011-07-14'))},10.0000,,,,`,
      ...july.filter((l) => !l.includes(`,${emptied.account},`)),
    ]);
    expect(refused).toMatch(/"exit":68/);
    expect(refused).toMatch(/can no longer be applied/);

    // and accepted without it: accounts with and without later activity, their redemptions of
    // 2011-08-01 rewritten as the full replay's
    expect(await importBoth('2011-07.csv', july)).toMatch(/"ok"/);
  });
});
