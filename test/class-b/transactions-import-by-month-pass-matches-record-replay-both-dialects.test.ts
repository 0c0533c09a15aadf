import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthOf, monthStart } from '../../src/calendar/isoDate.js';
import {
  type ClassBActivity,
  createFreeExchange,
  createPurchase,
  createRedemption,
  createReinvestment,
} from '../../src/class-b/classBActivity.js';
import { applyClassBMonth } from '../../src/close/classBLedgerMonth.js';
import { bootstrapLedgerState } from '../../src/close/ledgerStateBootstrap.js';
import { classBPortfolioIds, importDemoExhibits } from '../../src/demo/demoClassB.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { loadClassBTerms } from '../../src/store/classBTermsRepository.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { generateAccountActivity } from './support/generatedActivity.js';
import { outcomeOf, storedTransactionsAndRedemptions } from './support/importOutcome.js';
import { fullJson } from './support/monthPassHarness.js';
import {
  accountsLines,
  generatedTermsRules,
  HEADER,
  historyLines,
  linesOf,
} from './support/transactionLines.js';

// Issue 14 items 1–2: `transactions import` checks a file of the month after the stored ledger
// with the month pass (src/import/classBMonthCheck.ts), chunk by chunk of touched accounts, and
// falls back to the record replay where the pass refuses or does not apply. Differential: the
// same files go into a store checked by the pass (the default) and one checked by the record
// replay alone (`monthPass: false`, the reference), both resuming from the same stored ledger;
// after each file the outcome (result, or exit code and every problem line for line) and every
// stored transaction, redemption and piece must be the same. Files: a month's file, a month in
// two day files (the second meets the first's rows as recorded activity of the month, also in
// the reverse order, or the whole month's file after its first half), files refused for an overdrawn redemption (two accounts in different
// chunks), a convert row off by 0.0001 share and a systematic withdrawal past 12%, accounts
// opened in the month (no stored ledger: replayed beside the pass in the same chunks), and a file
// spanning two months (no pass). Histories: the generated ones (seed 3,000 + i: purchases,
// reinvestments with stated attributions, redemptions with waivers and fees, systematic
// withdrawals, chains of Free Exchanges, convert rows), a tenth of the accounts omnibus. After
// each month its close's Class B step runs on both stores (the month applied to the stored ledger
// by the pass, which must find the imports' redemptions): the next month resumes from that state.
// 140: every kind counted at the end still at least 3 times (the rarest, convert rows: 3)
const ACCOUNTS = 140;
const STATE_FROM = '2008-12-31';
const MONTHS = [
  '2009-01',
  '2009-02',
  '2009-03',
  '2009-04',
  '2009-05',
  '2009-06',
  '2009-07',
  '2009-08',
  '2009-09',
  '2009-10',
  '2009-11',
  '2009-12',
] as const;
/** one file for these two months: not checked by the pass */
const SPANNING = ['2010-01', '2010-02'] as const;
const AFTER_SPANNING = '2010-03';
const CHUNK_ACCOUNTS = 7;

interface Account {
  readonly account: string;
  readonly omnibus: boolean;
  readonly activity: readonly ClassBActivity[];
}

/** Accounts opened in 2009 (no stored ledger at the month end before their first row). */
function openedIn2009(i: number): Account {
  const account = `nw-${i}`;
  const id = (n: string) => `${account}-${n}`;
  return {
    account,
    omnibus: i === 1,
    activity: [
      createPurchase({
        txnId: id('buy'),
        date: `2009-03-1${i}`,
        portfolioId: 'fund-a',
        shareUnits: 1_000_000n + BigInt(i),
        priceUnits: 123_456n,
      }),
      createReinvestment({
        txnId: id('rein'),
        date: '2009-03-20',
        portfolioId: 'fund-a',
        shareUnits: 12_345n,
        priceUnits: 124_000n,
      }),
      createRedemption({
        txnId: id('sell'),
        date: '2009-04-06',
        portfolioId: 'fund-a',
        shareUnits: 400_001n,
        priceUnits: 125_000n,
        waiver: null,
      }),
      createFreeExchange({
        exchangeId: id('x'),
        date: '2009-05-04',
        out: { txnId: id('x-out'), portfolioId: 'fund-a', shareUnits: 300_000n, priceUnits: 120_000n },
        in: { txnId: id('x-in'), portfolioId: 'fund-b', shareUnits: 240_000n, priceUnits: 150_000n },
      }),
      createRedemption({
        txnId: id('sell-b'),
        date: '2009-05-12',
        portfolioId: 'fund-b',
        shareUnits: 100_000n,
        priceUnits: 151_000n,
        waiver: null,
      }),
    ],
  };
}

const accounts: Account[] = [
  ...Array.from({ length: ACCOUNTS }, (_, i) => {
    const account = `mp-${String(i).padStart(4, '0')}`;
    return { account, omnibus: i % 10 === 3, activity: generateAccountActivity(3_000 + i, account) };
  }),
  ...[0, 1, 2].map(openedIn2009),
];

/**
 * Every stored transaction (less its arrival number), redemption and piece; with `after`, those
 * dated after that day (each file's rows fall in its month: compared after each file; the whole
 * store is compared at the end, which any lasting difference outside a file's month reaches).
 */
const storedRows = async (db: Database, after?: string): Promise<string> =>
  (
    await storedTransactionsAndRedemptions(
      db,
      accounts.map((a) => a.account),
      after === undefined ? {} : { after },
    )
  ).json;

interface ChunkSeen {
  byMonthPass: number;
  replayed: number;
  because?: string;
}

describe.each(dialects)('transactions import by the month pass on %s', (dialect) => {
  const stores: { tdb: TestDatabase; db: Database }[] = [];
  let byPass: Database;
  let byReplay: Database;
  let name: (pid: string) => string;
  /** every chunk the pass saw, file by file */
  const chunks = new Map<string, ChunkSeen[]>();

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const tdb = await freshDatabase(dialect);
      stores.push({ tdb, db: await tdb.open() });
    }
    [byPass, byReplay] = [stores[0]!.db, stores[1]!.db];
    const registry = await importDemoExhibits(byPass);
    await importDemoExhibits(byReplay);
    const classB = classBPortfolioIds(registry);
    const generated = ['fund-a', 'fund-b', 'fund-c', 'fund-d', 'fund-e'];
    const names = new Map(
      generated.map((pid, i) => [pid, registry.identities.nameOn(classB[i]!, '2025-12-31')]),
    );
    name = (pid) => names.get(pid)!;
    const terms = generatedTermsRules(name);
    const accountsCsv = accountsLines(accounts);
    const history = historyLines(accounts, STATE_FROM, name);
    for (const { db } of stores) {
      await importClassBTerms(db, 'terms.csv', Buffer.from(`${terms.join('\n')}\n`));
      await importAccounts(db, 'accounts.csv', Buffer.from(`${accountsCsv.join('\n')}\n`));
      await importTransactions(db, 'history.csv', Buffer.from(`${history.join('\n')}\n`));
      await storeLedgerAt(db, STATE_FROM);
    }
  });

  afterAll(async () => {
    for (const { db, tdb } of stores) {
      await db.close();
      await tdb.drop();
    }
  });

  /** The ledger stored at a month end from the transactions (before the first month). */
  async function storeLedgerAt(db: Database, end: string): Promise<void> {
    const terms = await loadClassBTerms(db);
    await db.transaction((tx) => bootstrapLedgerState(tx, end, terms));
  }

  /**
   * The ledger stored at the month's end as its close leaves it: the month applied to the stored
   * ledger by the month pass, which must find the redemptions the imports stored (else exit 70).
   */
  async function applyMonth(db: Database, month: string): Promise<void> {
    const terms = await loadClassBTerms(db);
    await db.transaction((tx) => applyClassBMonth(tx, month, terms));
  }

  /** Imports one file into both stores: the same outcome, the same stored rows. */
  async function importBoth(file: string, lines: readonly string[], after?: string): Promise<string> {
    const bytes = Buffer.from(`${[HEADER, ...lines].join('\n')}\n`);
    const seen: ChunkSeen[] = [];
    chunks.set(file, seen);
    const a = await outcomeOf(() =>
      importTransactions(byPass, file, bytes, {
        ledgerCheckAccounts: CHUNK_ACCOUNTS,
        onLedgerCheckChunk: (c) => seen.push(c),
      }),
    );
    const b = await outcomeOf(() =>
      importTransactions(byReplay, file, bytes, { ledgerCheckAccounts: CHUNK_ACCOUNTS, monthPass: false }),
    );
    expect(a, file).toBe(b);
    expect(await storedRows(byPass, after), file).toBe(await storedRows(byReplay, after));
    return a;
  }

  const inMonth = (month: string, list: readonly Account[] = accounts) =>
    list.map((a) => ({ ...a, activity: a.activity.filter((x) => monthOf(x.date) === month) }));
  const fileOf = (list: readonly Account[]) => list.flatMap((a) => linesOf(a.account, a.activity, name));
  /** each account's first half of the month's activity (convert rows kept for the second) */
  const halves = (list: readonly Account[]) => {
    const early = list.map((a) => {
      const acts = a.activity.filter((x) => x.kind !== 'convert');
      return { ...a, activity: acts.slice(0, Math.floor(acts.length / 2)) };
    });
    const late = list.map((a, i) => {
      const first = new Set<ClassBActivity>(early[i]!.activity);
      return { ...a, activity: a.activity.filter((x) => !first.has(x)) };
    });
    return { early, late };
  };
  /** The month's file made bad one way: the first activity `pick` changes (null: none fits). */
  function badFile(month: string, pick: (a: ClassBActivity) => ClassBActivity | null): string[] | null {
    const list = inMonth(month);
    for (const acc of list)
      for (let i = 0; i < acc.activity.length; i++) {
        const b = pick(acc.activity[i]!);
        if (b === null) continue;
        const changed = [...acc.activity.slice(0, i), b, ...acc.activity.slice(i + 1)];
        return fileOf(list.map((x) => (x === acc ? { ...acc, activity: changed } : x)));
      }
    return null;
  }

  it('stores the same redemptions and problems as the record replay, month after month', async () => {
    const refusedBy = new Map<string, RegExp>([
      ['redeems more than held', /but the account holds/],
      ['a convert row off by 0.0001 share', /the convert rows say/],
      ['a systematic withdrawal past 12%', /above the 12% a year waived/],
    ]);
    const bad = new Map<string, (a: ClassBActivity) => ClassBActivity | null>([
      [
        'redeems more than held',
        (a) =>
          a.kind === 'redeem' && a.waiver === null ? { ...a, shareUnits: a.shareUnits * 10_001n + 1n } : null,
      ],
      [
        'a convert row off by 0.0001 share',
        (a) => (a.kind === 'convert' ? { ...a, shareUnits: a.shareUnits + 1n } : null),
      ],
      [
        'a systematic withdrawal past 12%',
        (a) =>
          a.kind === 'redeem' && a.waiver === 'systematic_withdrawal'
            ? { ...a, shareUnits: a.shareUnits * 25n }
            : null,
      ],
    ]);
    const refusedFiles: string[] = [];
    const seen = {
      rows: 0,
      redeemed: 0,
      waived: 0,
      systematic: 0,
      exchanges: 0,
      converts: 0,
      stated: 0,
      feeRedemptions: 0,
      omnibusRows: 0,
      sameDayAsRecorded: 0,
    };
    const count = (list: readonly Account[]) => {
      for (const a of list)
        for (const x of a.activity) {
          seen.rows++;
          if (a.omnibus) seen.omnibusRows++;
          if (x.kind === 'redeem') {
            seen.redeemed++;
            if (x.waiver === 'systematic_withdrawal') seen.systematic++;
            else if (x.waiver !== null) seen.waived++;
            if (x.portfolioId === 'fund-b' || x.portfolioId === 'fund-e') seen.feeRedemptions++;
          }
          if (x.kind === 'exchange') seen.exchanges++;
          if (x.kind === 'convert') seen.converts++;
          if (x.kind === 'reinvest' && (x.attributedDistributor || x.derivedFromDoi)) seen.stated++;
        }
    };

    for (const [m, month] of MONTHS.entries()) {
      // the month's files write only rows of the month: their stored rows compared file by file
      const after = addDays(monthStart(month), -1);
      // the bad files first, each once, where the month has what it needs
      for (const [what, pick] of bad) {
        const lines = badFile(month, pick);
        if (lines === null) continue;
        const file = `${month} ${what}.csv`;
        const outcome = await importBoth(file, lines, after);
        expect(outcome, file).toMatch(/"exit":68/);
        expect(outcome, file).toMatch(refusedBy.get(what)!);
        refusedFiles.push(file);
        bad.delete(what);
      }
      const list = inMonth(month);
      count(list);
      if (m % 3 === 0) {
        expect(await importBoth(`${month}.csv`, fileOf(list), after), month).toMatch(/"ok"/);
      } else {
        const { early, late } = halves(list);
        for (const [i, a] of early.entries())
          if (a.activity.some((x) => late[i]!.activity.some((y) => y.date === x.date)))
            seen.sameDayAsRecorded++;
        if (m % 3 === 1) {
          expect(await importBoth(`${month} early.csv`, fileOf(early), after), month).toMatch(/"ok"/);
          // the whole month's file after its first half (a cumulative file): the early rows are
          // recorded and unchanged, and accounts with none of their own new are among the file's
          expect(await importBoth(`${month} whole after early.csv`, fileOf(list), after), month).toMatch(
            /"ok"/,
          );
        } else {
          // the later day file first (it may redeem what the earlier brings: then refused, and sent again after it)
          const first = await importBoth(`${month} late first.csv`, fileOf(late), after);
          expect(await importBoth(`${month} early after.csv`, fileOf(early), after), month).toMatch(/"ok"/);
          if (!first.includes('"ok"'))
            expect(await importBoth(`${month} late again.csv`, fileOf(late), after), month).toMatch(/"ok"/);
        }
      }
      for (const { db } of stores) await applyMonth(db, month);
    }
    // two months in one file: no month pass (the record replay checks it all); from here the
    // whole stores are compared, as after the files before
    const spanning = accounts.map((a) => ({
      ...a,
      activity: a.activity.filter((x) => (SPANNING as readonly string[]).includes(monthOf(x.date))),
    }));
    expect(await importBoth('spanning.csv', fileOf(spanning))).toMatch(/"ok"/);
    expect(chunks.get('spanning.csv')).toEqual([]);
    for (const { db } of stores) for (const month of SPANNING) await applyMonth(db, month);
    expect(await importBoth(`${AFTER_SPANNING}.csv`, fileOf(inMonth(AFTER_SPANNING)))).toMatch(/"ok"/);

    // every bad file was tried, and the pass gave each back to the replay for its refusal
    expect([...bad.keys()]).toEqual([]);
    for (const file of refusedFiles) {
      const what = [...refusedBy].find(([w]) => file.endsWith(`${w}.csv`))!;
      expect(
        chunks.get(file)!.some((c) => c.because !== undefined && what[1].test(c.because)),
        file,
      ).toBe(true);
    }
    // the good files went through the pass, accounts with no stored ledger beside it
    const all = [...chunks.values()].flat();
    const byPassAccounts = all.reduce((n, c) => n + c.byMonthPass, 0);
    expect(byPassAccounts).toBeGreaterThan(ACCOUNTS);
    expect(all.some((c) => c.byMonthPass > 0 && c.replayed > 0 && c.because === undefined)).toBe(true);
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThanOrEqual(3);
    console.info(
      `month-pass import differential (${dialect}): ${byPassAccounts} accounts by the pass, ${fullJson(seen)}`,
    );
  });
});
