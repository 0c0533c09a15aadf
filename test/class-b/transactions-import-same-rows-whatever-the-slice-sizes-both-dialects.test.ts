import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassBActivity } from '../../src/class-b/classBActivity.js';
import { bootstrapLedgerState } from '../../src/close/ledgerStateBootstrap.js';
import { classBPortfolioIds, importDemoExhibits } from '../../src/demo/demoClassB.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { importTransactions, type TransactionsImportOptions } from '../../src/feeds/transactionsFeed.js';
import type { FeedProgress } from '../../src/import/feedImport.js';
import { loadClassBTerms } from '../../src/store/classBTermsRepository.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { GENERATED_PORTFOLIOS, generateAccountActivity } from './support/generatedActivity.js';
import { outcomeOf, storedTransactionsAndRedemptions } from './support/importOutcome.js';
import { fullJson } from './support/monthPassHarness.js';
import { accountsLines, generatedTermsRules, HEADER, linesOf } from './support/transactionLines.js';

// Issue 14: `transactions import` holds a file's rows as columns, decodes it a slice of records
// at a time, groups the new rows by account for the COPY (account by account) and for the
// holdings check (a chunk of accounts at a time). No slice boundary may lose, repeat or reorder a
// row: the same files imported with slices of 1 and 7 (records decoded and accounts checked at a
// time) and with the defaults give the same outcome, the same stored rows, each account's rows in
// the same arrival order (`seq`), and the same redemptions. The files interleave the accounts (in
// date order, each account's rows in its own order), so that an account's rows fall in many
// slices. A bad row in the file's last slice refuses the whole file: every problem listed, the
// same for every slice size, nothing written.
const ACCOUNTS = 40;
const STATE_MONTH_END = '2008-12-31';
const told: FeedProgress[] = [];
const SLICES: readonly (TransactionsImportOptions & { name: string })[] = [
  { name: 'slices of 1', decodeSliceRecords: 1, ledgerCheckAccounts: 1 },
  // told its progress (SPEC §11's bar): the same rows as the others, told a slice or chunk at a time
  { name: 'slices of 7', decodeSliceRecords: 7, ledgerCheckAccounts: 7, onProgress: (p) => told.push(p) },
  { name: 'defaults' },
];

const accounts = Array.from({ length: ACCOUNTS }, (_, i) => {
  const account = `sl-${String(ACCOUNTS - i).padStart(3, '0')}`;
  return { account, omnibus: i % 9 === 4, activity: generateAccountActivity(7_100 + i, account) };
});

/** Every stored transaction less its `seq`, each account's txn_ids in `seq` order, every redemption. */
async function storedRows(db: Database): Promise<string> {
  const stored = await storedTransactionsAndRedemptions(
    db,
    accounts.map((a) => a.account),
  );
  const arrival = [...stored.transactions].map(([account, rows]) => [
    account,
    [...rows].sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1)).map((r) => r.txn_id),
  ]);
  return fullJson({ stored: stored.json, arrival });
}

describe.each(dialects)('transactions import with any slice sizes on %s', (dialect) => {
  const stores: { tdb: TestDatabase; db: Database }[] = [];
  let name: (pid: string) => string;

  /** The accounts' activity in (from, to], interleaved: date order, each account's own order kept. */
  const fileOf = (from: string, to: string): string[] =>
    accounts
      .flatMap((a) =>
        linesOf(
          a.account,
          a.activity.filter((x: ClassBActivity) => x.date > from && x.date <= to),
          name,
        ),
      )
      .map((line, i) => ({ line, date: line.slice(0, 10), i }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i))
      .map((x) => x.line);

  /** One file into every store, each with its slice sizes: the same outcome and stored rows. */
  async function importAll(file: string, lines: readonly string[]): Promise<string> {
    const bytes = Buffer.from(`${[HEADER, ...lines].join('\n')}\n`);
    const before = await storedRows(stores[0]!.db);
    const outcomes: string[] = [];
    const rows: string[] = [];
    for (const [i, { db }] of stores.entries()) {
      outcomes.push(await outcomeOf(() => importTransactions(db, file, bytes, SLICES[i])));
      rows.push(await storedRows(db));
    }
    for (let i = 1; i < stores.length; i++) {
      expect(outcomes[i], SLICES[i]!.name).toBe(outcomes[0]);
      expect(rows[i], SLICES[i]!.name).toBe(rows[0]);
    }
    if (!outcomes[0]!.includes('"ok"')) expect(rows[0]).toBe(before);
    return outcomes[0]!;
  }

  beforeAll(async () => {
    for (let i = 0; i < SLICES.length; i++) {
      const tdb = await freshDatabase(dialect);
      stores.push({ tdb, db: await tdb.open() });
    }
    const registry = await importDemoExhibits(stores[0]!.db);
    for (const { db } of stores.slice(1)) await importDemoExhibits(db);
    const classB = classBPortfolioIds(registry);
    const names = new Map(
      GENERATED_PORTFOLIOS.map((pid, i) => [
        pid as string,
        registry.identities.nameOn(classB[i]!, '2025-12-31'),
      ]),
    );
    name = (pid) => names.get(pid)!;
    const terms = Buffer.from(`${generatedTermsRules(name).join('\n')}\n`);
    const accountsCsv = Buffer.from(`${accountsLines(accounts).join('\n')}\n`);
    for (const { db } of stores) {
      await importClassBTerms(db, 'terms.csv', terms);
      await importAccounts(db, 'accounts.csv', accountsCsv);
    }
  });

  afterAll(async () => {
    for (const { db, tdb } of stores) {
      await db.close();
      await tdb.drop();
    }
  });

  it('stores the same rows in the same order, replayed from the first transaction and from the stored ledger', async () => {
    const history = fileOf('1990-01-01', STATE_MONTH_END);
    expect(history.length).toBeGreaterThan(200);
    told.length = 0;
    expect(await importAll('history.csv', history)).toMatch(/"ok"/);
    // the ledgers of the file's accounts checked 7 at a time, told per chunk up to every account
    const ledgers = told.filter((p) => p.phase === 'ledgers');
    expect(ledgers.map((p) => p.done)).toEqual(
      Array.from({ length: Math.ceil(ledgers[0]!.total / 7) }, (_, k) =>
        Math.min(7 * (k + 1), ledgers[0]!.total),
      ),
    );
    expect(ledgers[0]!.total).toBeGreaterThan(7);
    expect(told.filter((p) => p.phase === 'reading').at(-1)).toEqual({
      phase: 'reading',
      done: history.length,
      total: history.length,
    });
    for (const { db } of stores) {
      const terms = await loadClassBTerms(db);
      await db.transaction((tx) => bootstrapLedgerState(tx, STATE_MONTH_END, terms));
    }
    const h1 = fileOf(STATE_MONTH_END, '2010-06-30');
    expect(h1.length).toBeGreaterThan(50);
    const outcome = await importAll('2009-2010.csv', h1);
    expect(outcome).toMatch(/"ok"/);
    expect(outcome).toMatch(/"redemptionsWritten":[1-9]/);
  });

  it('refuses a file whose last row is bad, whole, with every problem, for every slice size', async () => {
    const rest = fileOf('2010-06-30', '2099-12-31');
    expect(rest.length).toBeGreaterThan(20);
    const last = rest[rest.length - 1]!.split(',');
    const account = last[2]!;
    const portfolio = rest[rest.length - 1]!.match(/"[^"]*"/)![0];
    // the last row redeems far more than the account holds (found by the holdings check)
    const overdrawn = [
      ...rest,
      `${last[0]},${account}-too-much,${account},${portfolio},B,redeem,99999999.0000,1.0000,,,,`,
    ];
    const refused = await importAll('2010-h2 overdrawn.csv', overdrawn);
    expect(refused).toMatch(/"exit":68/);
    expect(refused).toMatch(/but the account holds/);
    expect(refused).toContain(`"line":${overdrawn.length + 1}`);
    // and a row that does not decode, with a txn_id named twice across slices, in the last slice
    const twice = rest[0]!.split(',')[1]!;
    const undecodable = [
      ...rest,
      `${last[0]},${twice},${account},${portfolio},B,redeem,1.0000,1.0000,,,,`,
      `2010-13-45,${account}-bad-date,${account},${portfolio},B,purchase,1.0000,1.0000,,,,`,
    ];
    const bad = await importAll('2010-h2 undecodable.csv', undecodable);
    expect(bad).toMatch(/"exit":65/);
    expect(bad).toContain(`appears twice in the file (first on line 2)`);
    expect(bad).toContain(`"line":${undecodable.length + 1}`);
    // the good file after them: every row, as if the bad ones had never come
    expect(await importAll('2010-h2.csv', rest)).toMatch(/"ok"/);
  });
});
