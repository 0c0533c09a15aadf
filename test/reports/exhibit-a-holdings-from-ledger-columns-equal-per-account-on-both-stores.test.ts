import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllocationAccount } from '../../src/allocation/distributorShare.js';
import { bootstrapLedgerState } from '../../src/close/ledgerStateBootstrap.js';
import { classBPortfolioIds, importDemoExhibits } from '../../src/demo/demoClassB.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { importDistributors } from '../../src/feeds/distributorsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { holdingsAt, theDistributor } from '../../src/reports/distributorShareReport.js';
import {
  addDistributorHoldings,
  type DistributorHoldings,
} from '../../src/reports/monthlyCalculationReport.js';
import { loadClassBTerms, loadDistributorTerms } from '../../src/store/classBStore.js';
import type { Database } from '../../src/store/database.js';
import { ledgerStateMonths } from '../../src/store/ledgerStateRepository.js';
import { GENERATED_PORTFOLIOS, generateAccountActivity } from '../class-b/support/generatedActivity.js';
import { fullJson } from '../class-b/support/monthPassHarness.js';
import { accountsLines, generatedTermsRules, historyLines } from '../class-b/support/transactionLines.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

// Issue 14: the close's Exhibit A step sums a month end's holdings straight from the ledger columns
// (exhibitAOfLedgerState) instead of a record per lot visited account by account. Differential, on
// both stores: the same store asked for Exhibit A's holdings and the DOI counts at a month end read
// from the stored ledger (2008-10-31), the two month ends of the month pass (2008-11-30, 2008-12-31:
// the close of December applies the month) and a mid-month date (replayed), once by the columns
// and once by the per-account records (`perAccount`, the reference) — each in a transaction rolled
// back, as the pass writes the ledger at 2008-12-31. The histories are the generated ones (seed
// 3,000 + i: reinvestments with stated attributions, redemptions with waivers and fees, systematic
// withdrawals, Free Exchanges, conversions and convert rows), a tenth of the accounts omnibus;
// distributors change hands twice (rights assigned once), one portfolio on its own terms.
const ACCOUNTS = 150;
const MONTH = '2008-12';
const DATES = ['2008-10-31', '2008-11-30', '2008-12-15', '2008-12-31'];

const accounts = Array.from({ length: ACCOUNTS }, (_, i) => {
  const account = `xa-${String(i).padStart(4, '0')}`;
  return { account, omnibus: i % 10 === 4, activity: generateAccountActivity(3_000 + i, account) };
});

class RolledBack extends Error {}

describe.each(dialects)('Exhibit A holdings from the ledger columns on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  let pids: string[];

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    const registry = await importDemoExhibits(db);
    const classB = classBPortfolioIds(registry);
    const names = new Map(
      GENERATED_PORTFOLIOS.map((pid, i) => [
        pid as string,
        registry.identities.nameOn(classB[i]!, '2025-12-31'),
      ]),
    );
    pids = GENERATED_PORTFOLIOS.map((_, i) => classB[i]!);
    const name = (pid: string) => names.get(pid)!;
    const terms = generatedTermsRules(name);
    const distributors = [
      'portfolio,distributor,start,end,assigned_to',
      'all,INVESCO Distributors,1990-01-01,2001-06-30,A I M Distributors',
      'all,A I M Distributors,2001-07-01,2004-12-31,',
      'all,Other Distributor LLC,2005-01-01,,',
      `"${name('fund-c')}",A I M Distributors,2001-07-01,2003-03-15,`,
      `"${name('fund-c')}",Other Distributor LLC,2003-03-16,,`,
    ];
    const accountsCsv = accountsLines(accounts);
    const history = historyLines(accounts, '2008-12-31', name);
    await importClassBTerms(db, 'terms.csv', Buffer.from(`${terms.join('\n')}\n`));
    await importDistributors(db, 'distributors.csv', Buffer.from(`${distributors.join('\n')}\n`));
    await importAccounts(db, 'accounts.csv', Buffer.from(`${accountsCsv.join('\n')}\n`));
    await importTransactions(db, 'history.csv', Buffer.from(`${history.join('\n')}\n`));
    const storedTerms = await loadClassBTerms(db);
    for (const end of ['2008-10-31', '2008-11-30'])
      await db.transaction((tx) => bootstrapLedgerState(tx, end, storedTerms));
  });

  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  /** Exhibit A's holdings and the DOI counts at every date, by one path, in a transaction rolled back. */
  async function holdings(perAccount: boolean): Promise<{ exhibitA: string; counts: string }> {
    const classBTerms = await loadClassBTerms(db);
    const terms = await loadDistributorTerms(db);
    const distributor = theDistributor(terms)!;
    const requests = new Map(pids.map((pid) => [pid, DATES]));
    const counts = new Map<string, DistributorHoldings>();
    const countOf = (pid: string, date: string) => {
      let h = counts.get(`${pid}|${date}`);
      if (!h) {
        h = { byDoi: new Map(), total: 0n, allocated: 0n };
        counts.set(`${pid}|${date}`, h);
      }
      return h;
    };
    let out: { exhibitA: string; counts: string } | undefined;
    await db
      .transaction(async (tx) => {
        const found = await holdingsAt(
          tx,
          requests,
          classBTerms,
          terms,
          distributor,
          {
            requests,
            visit: (pid, date, account: AllocationAccount) =>
              addDistributorHoldings(countOf(pid, date), account, {
                portfolioId: pid,
                date,
                distributor,
                terms,
              }),
            addCounts: (pid, date, sums) => {
              const h = countOf(pid, date);
              h.total += sums.total;
              h.allocated += sums.allocated;
              for (const [k, s] of sums.byDoi) {
                const held = h.byDoi.get(k) ?? { ...s, shares: 0n, lots: 0 };
                held.shares += s.shares;
                held.lots += s.lots;
                h.byDoi.set(k, held);
              }
            },
          },
          { closedThrough: null, keep: false, monthPass: MONTH, perAccount },
        );
        expect([...(await ledgerStateMonths(tx))]).toContain('2008-12-31');
        out = {
          exhibitA: fullJson([...found].map(([pid, byDate]) => [pid, [...byDate]])),
          counts: fullJson(
            [...counts]
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, h]) => [k, h.total, h.allocated, [...h.byDoi].sort(([a], [b]) => (a < b ? -1 : 1))]),
          ),
        };
        throw new RolledBack();
      })
      .catch((e: unknown) => {
        if (!(e instanceof RolledBack)) throw e;
      });
    expect([...(await ledgerStateMonths(db))]).not.toContain('2008-12-31');
    return out!;
  }

  it('read, from the pass and replayed: the columns give the per-account records’ holdings and counts', async () => {
    const columns = await holdings(false);
    const records = await holdings(true);
    expect(columns.exhibitA).toBe(records.exhibitA);
    expect(columns.counts).toBe(records.counts);
    // the data reach what is compared: several parties, Omnibus Accounts' lots, DOI counts
    expect(records.exhibitA).toContain('Other Distributor LLC');
    expect(records.exhibitA).toMatch(/"omnibus":\[\{"account":"xa-/);
    expect(records.counts).toMatch(/"lots":[1-9]/);
  });
});
