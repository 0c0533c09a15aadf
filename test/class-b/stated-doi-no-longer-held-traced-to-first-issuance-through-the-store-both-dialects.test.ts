import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyClassBMonth } from '../../src/close/classBLedgerMonth.js';
import { bootstrapLedgerState } from '../../src/close/ledgerStateBootstrap.js';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importDistributors } from '../../src/feeds/distributorsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { distributorShareReport } from '../../src/reports/distributorShareReport.js';
import { loadClassBTerms } from '../../src/store/classBTermsRepository.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { readStoredLedgersOf } from '../../src/store/ledgerStateRepository.js';
import { MIGRATIONS, migrate } from '../../src/store/migrations.js';
import { LEDGER_LAST_HELD_MIGRATION } from '../../src/store/schema/ledgerLastHeldSchema.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const STATED =
  'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver,attributed_distributor,derived_from_doi';
const csv = (header: string, rows: string[]) => Buffer.from([header, ...rows].join('\n'));
const FUND_A = 'Summit Capital Growth Fund';
const FUND_B = 'Summit Dividend Value Fund';
const SUMMIT = 'Summit Distributors Inc.';
const OTHER = 'Other Distributor LLC';
const HARBOR = 'Harbor Distributors LLC';

/**
 * SPEC §6 ("a share reached through a chain of free exchanges is traced back to that first
 * issuance") and §7 2(b), through `transactions import`, the stored ledger and the close's month
 * pass, on both stores. Summit is the Distributor of every portfolio to 2024-05-31 (the Other
 * Distributor from 2024-06-01), except FUND_A's own term of Harbor, 2023-01-03 to 2023-05-31.
 *
 * A1 and A2 alike: P 100 FUND_A @ 10.00 on 2023-03-01 (DOI 2023-03-01, Harbor's term for FUND_A);
 * E 2023-06-01 exchanges them for 50 FUND_B @ 20.00 (100 × 10 / 20); Q 50 FUND_B @ 20.00 on
 * 2023-08-01; X 2024-05-03 redeems 50 FUND_B: no Free Shares, no Commission Share past its CDSC
 * period, so the oldest DOI first — the 50 of DOI 2023-03-01, first issued by FUND_A. From then on
 * the ledger remembers (FUND_B, 2023-03-01) ← FUND_A, 50 shares last held.
 * A1 then reinvests 2 FUND_B on 2024-06-04, the row stating derived_from_doi 2023-03-01: none of
 * that DOI is held in FUND_B, so the 2 Free Shares follow FUND_A's issuance: FUND_A's distributor
 * on 2023-03-01, Harbor.
 * Exhibit A for FUND_B at 2024-06-30 (Summit's term ended 2024-05-31): Summit 100 Commission Shares
 * (A1's and A2's Q, 2(a)); Harbor A1's 2 Free Shares (2(b)); 102 outstanding; Summit's share
 * 100 / 102 = 0.98039215… → 98.0392%. (Attributed to FUND_B's own issuance of that date, as before
 * the fix: Summit 102, 100%.)
 */
describe.each(dialects)('a stated DOI no longer held, traced through the store on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const history = (a: string) => [
    `2023-03-01,${a}-P,${a},${FUND_A},B,purchase,100,10,,,,`,
    `2023-06-01,${a}-EO,${a},${FUND_A},B,exchange_out,100,10,${a}-E,,,`,
    `2023-06-01,${a}-EI,${a},${FUND_B},B,exchange_in,50,20,${a}-E,,,`,
    `2023-08-01,${a}-Q,${a},${FUND_B},B,purchase,50,20,,,,`,
    `2024-05-03,${a}-X,${a},${FUND_B},B,redeem,50,20,,,,`,
  ];
  const reinvestment = csv(STATED, [`2024-06-04,A1-R,A1,${FUND_B},B,reinvest,2,20,,,,2023-03-01`]);
  const fundB = async () => {
    const report = await distributorShareReport(db, '2024-06');
    const p = report.portfolios.find((x) => x.portfolio === FUND_B)!;
    const c = p.computations.find((x) => x.date === '2024-06-30')!;
    return {
      parties: c.byRule.map((x) => [x.distributor, x.a_commissionShares, x.b_freeShares]),
      pct: c.sharePct,
    };
  };
  const expectedFundB = {
    parties: [
      [SUMMIT, '100.0000', '0.0000'],
      [HARBOR, '0.0000', '2.0000'],
    ],
    pct: '98.0392',
  };
  const lastHeldRows = async () =>
    (
      await db.query<{
        account: string;
        as_of: string;
        p: string | null;
        doi: string | null;
        shares: string | null;
      }>(
        `SELECT a.account, m.as_of::text AS as_of, lp.portfolio_id AS p,
                (DATE '1970-01-01' + m.doi_epoch_day)::text AS doi, m.share_units::text AS shares
           FROM class_b_ledger_last_held m JOIN class_b_account a ON a.account_key = m.account_key
           LEFT JOIN class_b_ledger_portfolio lp ON lp.portfolio_key = m.issuing_portfolio_key
          ORDER BY a.account, m.as_of`,
      )
    ).map((r) => [r.account, r.as_of, r.p, r.doi, r.shares]);

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(
      db,
      demoExhibits().map(({ fileName, doc }) => ({
        fileName,
        bytes: Buffer.from(renderExhibit(doc, { marked: false })),
      })),
    );
    await importAccounts(
      db,
      'a.csv',
      csv('account,omnibus,dealer_of_record', ['A1,no,Dealer One', 'A2,no,Dealer One']),
    );
    await importDistributors(
      db,
      'd.csv',
      csv('portfolio,distributor,start,end', [
        `all,${SUMMIT},2000-01-01,2024-05-31`,
        `all,${OTHER},2024-06-01,`,
        `${FUND_A},${HARBOR},2023-01-03,2023-05-31`,
      ]),
    );
    expect(
      (await importTransactions(db, 'h.csv', csv(STATED, [...history('A1'), ...history('A2')]))).inserted,
    ).toBe(10);
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('the ledger stored at 2024-05-31 remembers FUND_A as the first issuer of the 50 FUND_B shares of DOI 2023-03-01', async () => {
    const terms = await loadClassBTerms(db);
    await db.transaction((tx) => bootstrapLedgerState(tx, '2024-05-31', terms));
    const stored = await readStoredLedgersOf(db, ['A1', 'A2'], '2024-05-31');
    for (const a of ['A1', 'A2']) {
      const l = stored.get(a)!;
      // only Q's 50 Commission Shares of DOI 2023-08-01 are held
      expect(l.lots.map((x) => [x.lotId, x.portfolioId, x.dateOfOriginalIssuance, x.shareUnits])).toEqual([
        [`${a}-Q`, expect.any(String), '2023-08-01', 500_000n],
      ]);
      expect(l.lastHeld.map((m) => [m.dateOfOriginalIssuance, m.shareUnits])).toEqual([
        ['2023-03-01', 500_000n],
      ]);
      expect(l.lastHeld[0]!.issuingPortfolioId).not.toBe(l.lastHeld[0]!.portfolioId);
    }
    expect(await lastHeldRows()).toEqual([
      ['A1', '2024-05-31', expect.any(String), '2023-03-01', '500000'],
      ['A2', '2024-05-31', expect.any(String), '2023-03-01', '500000'],
    ]);
  });

  it('the reinvestment imported after it and the month applied by the close give Harbor the 2 Free Shares', async () => {
    const r = await importTransactions(db, 'r.csv', reinvestment);
    expect(r.inserted).toBe(1);
    // before the close: the report replays the accounts from their transactions
    expect(await fundB()).toEqual(expectedFundB);
    const terms = await loadClassBTerms(db);
    await db.transaction((tx) => applyClassBMonth(tx, '2024-06', terms));
    // after it: the report reads the ledger stored at 2024-06-30, the attribution fixed at the import
    expect(await fundB()).toEqual(expectedFundB);
    // A1 changed in June (written at 2024-06-30, still remembering); A2 did not (its 2024-05-31 row stands)
    expect((await lastHeldRows()).map((x) => x.slice(0, 2))).toEqual([
      ['A1', '2024-05-31'],
      ['A1', '2024-06-30'],
      ['A2', '2024-05-31'],
    ]);
  });

  it('a store migrated from before migration 35 marks the states of accounts that exchanged, and the close derives what they remember by replay', async () => {
    // the store as a build before migration 35 left it: no table, the states as they were
    await db.query('DROP TABLE class_b_ledger_last_held');
    await db.query(`DELETE FROM schema_migration WHERE version = ${LEDGER_LAST_HELD_MIGRATION.version}`);
    expect(await migrate(db)).toEqual([LEDGER_LAST_HELD_MIGRATION.version]);
    expect(MIGRATIONS).toContain(LEDGER_LAST_HELD_MIGRATION);
    // every state row of an account that had exchanged by its month end: "not recorded"
    expect(await lastHeldRows()).toEqual([
      ['A1', '2024-05-31', null, null, null],
      ['A1', '2024-06-30', null, null, null],
      ['A2', '2024-05-31', null, null, null],
    ]);
    // the imports leave such an account to the replay from its first transaction
    expect([...(await readStoredLedgersOf(db, ['A1', 'A2'], '2024-06-30')).keys()]).toEqual([]);
    expect(await fundB()).toEqual(expectedFundB);
    // the close of July derives A1's and A2's memory by replay and writes both at 2024-07-31
    const terms = await loadClassBTerms(db);
    await db.transaction((tx) => applyClassBMonth(tx, '2024-07', terms));
    const july = (await lastHeldRows()).filter((x) => x[1] === '2024-07-31');
    expect(july.map((x) => [x[0], x[3], x[4]])).toEqual([
      ['A1', '2023-03-01', '500000'],
      ['A2', '2023-03-01', '500000'],
    ]);
    const stored = await readStoredLedgersOf(db, ['A1', 'A2'], '2024-07-31');
    expect(stored.get('A2')!.lastHeld.map((m) => [m.dateOfOriginalIssuance, m.shareUnits])).toEqual([
      ['2023-03-01', 500_000n],
    ]);
  });
});
