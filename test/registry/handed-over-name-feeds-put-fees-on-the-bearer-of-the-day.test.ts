import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { BadInputError, Plan12bError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { importExpenditures } from '../../src/feeds/expendituresFeed.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importOmnibusMonths } from '../../src/feeds/omnibusFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import { serviceFeesReport } from '../../src/reports/serviceFeesReport.js';
import { whatIfReport } from '../../src/reports/whatIfReport.js';
import { loadApprovals } from '../../src/store/approvalsRepository.js';
import { loadClassBTermRules } from '../../src/store/classBTermsRepository.js';
import type { Database } from '../../src/store/database.js';
import { loadExpenditures } from '../../src/store/expendituresRepository.js';
import { loadGrossSales } from '../../src/store/finraCapRepository.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { storeDocuments } from '../governance/support/storeWithPlan.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { CORE, HANDOVER_DOCUMENTS, IGB, TRB } from './support/handedOverNameDocuments.js';

const file = (lines: readonly string[]) => Buffer.from(`${lines.join('\n')}\n`);

/**
 * SPEC §2, §5, §6: Core Bond Fund passes from one portfolio to another on 2020-06-01 (see the
 * support documents). A provider's customers hold 3,660,000.00 of "Core Bond Fund" class A every
 * business day of May and June 2020: in May that is the portfolio now Total Return Bond Fund, in
 * June the one formerly Investment Grade Bond Fund. Rate 0.25% (the class's service fee rate),
 * 2020 a leap year: 3,660,000.00 × 0.25 / 100 / 366 = 25.00 a day; May 31 days → 775.00 on the
 * first, June 30 days → 750.00 on the second. A Class B purchase of "Core Bond Fund" on
 * 2020-05-29 is the first portfolio's, one on 2020-06-01 the second's.
 */
describe.each(dialects)('feeds naming a handed-over name, on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  let igb: string;
  let oldCore: string;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await storeDocuments(db, HANDOVER_DOCUMENTS);
    const registry = await loadRegistry(db);
    igb = registry.identities.resolve(IGB)!;
    oldCore = registry.identities.resolve(TRB)!;
    const days = businessDaysBetween('2020-05-01', '2020-06-30');
    // net assets: the first bearer 5,000,000.00, the second 10,000,000.00, each under its name of the day
    await importNetAssets(
      db,
      'na.csv',
      file([
        'date,portfolio,class,net_assets',
        ...days.flatMap((d) => [
          `${d},${d < '2020-06-01' ? CORE : TRB},A,5000000.00`,
          `${d},${d < '2020-06-01' ? IGB : CORE},A,10000000.00`,
        ]),
      ]),
    );
    await importProviders(
      db,
      'providers.csv',
      file([
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-1,Dealer One,dealer,2019-01-02,,',
      ]),
    );
    await importProviderAssets(
      db,
      'pa.csv',
      file([
        'date,provider,portfolio,class,net_assets',
        ...days.map((d) => `${d},DLR-1,${CORE},A,3660000.00`),
      ]),
    );
    await importAccounts(
      db,
      'accounts.csv',
      file(['account,omnibus,dealer_of_record', 'TA-1,no,Dealer One']),
    );
    await importTransactions(
      db,
      'txns.csv',
      file([
        'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
        `2020-05-29,T-1,TA-1,${CORE},B,purchase,100.0000,10.0000,,`,
        `2020-06-01,T-2,TA-1,${CORE},B,purchase,200.0000,10.0000,,`,
      ]),
    );
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('May’s provider fee is the first bearer’s class, June’s the second’s', async () => {
    const lines = async (month: string) =>
      (await serviceFeesReport(db, month)).providers.flatMap((p) =>
        p.classes.map((c) => [p.id, c.portfolioId, c.class, c.days, c.amount]),
      );
    expect(await lines('2020-05')).toEqual([['DLR-1', oldCore, 'A', 31, '775.00']]);
    expect(await lines('2020-06')).toEqual([['DLR-1', igb, 'A', 30, '750.00']]);
  });

  it('each Class B purchase is recorded on the portfolio that bore the name that day', async () => {
    const rows = await db.query<{ txn_id: string; portfolio_id: string }>(
      'SELECT txn_id, portfolio_id FROM class_b_transaction ORDER BY txn_id',
    );
    expect(rows.map((r) => [r.txn_id, r.portfolio_id])).toEqual([
      ['T-1', oldCore],
      ['T-2', igb],
    ]);
  });

  // (large enough that the FINRA cap they give stops no fee of the what-if below)
  it('a month’s gross sales are the class of the portfolio that bore the name that month', async () => {
    await importGrossSales(
      db,
      'gs.csv',
      file([
        'month,portfolio,class,gross_sales,front_end_sales_charges,deferred_sales_charges',
        `2020-05,${CORE},A,1000000.00,,`,
        `2020-06,${CORE},A,2000000.00,,`,
      ]),
    );
    const rows = await loadGrossSales(db);
    expect(rows.map((r) => [r.month, r.portfolioId, r.class, r.grossSales])).toEqual(
      expect.arrayContaining([
        ['2020-05', oldCore, 'A', '1000000.00'],
        ['2020-06', igb, 'A', '2000000.00'],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('an expenditure whose period the name changed hands in is refused, not put on either', async () => {
    const header = 'portfolio,class,period,purpose,amount,description';
    const refused = await importExpenditures(
      db,
      'q2.csv',
      file([header, `${CORE},A,2020Q2,dealer-compensation,300.00,`]),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(BadInputError);
    expect((refused as BadInputError).problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [2, 'portfolio', CORE],
    ]);
    expect((refused as BadInputError).problems[0]!.reason).toContain('2020-06-01');
    await importExpenditures(
      db,
      'ok.csv',
      file([
        header,
        `${CORE},A,2020-05-15,dealer-compensation,100.00,`,
        `${CORE},A,2020Q3,dealer-compensation,200.00,`,
      ]),
    );
    const rows = await loadExpenditures(db);
    expect(rows.map((r) => [r.period, r.portfolioId, r.amount]).sort()).toEqual(
      [
        ['2020-05-15', oldCore, '100.00'],
        ['2020Q3', igb, '200.00'],
      ].sort(),
    );
  });

  it('what-if over a year the name changed hands in counts the portfolio’s fees under each of its names', async () => {
    // --from 2020-07-01: the year July 2019 – June 2020; "Core Bond Fund" on 2020-07-01 is the one
    // formerly Investment Grade Bond Fund, 10,000,000.00 every day of May and June 2020.
    // Distribution fee: May 0.30% → 10,000,000.00 × 0.30 / 100 / 366 = 81.967… → 81.97 × 31 = 2,541.07;
    // June 0.35% → 95.628… → 95.63 × 30 = 2,868.90; 5,409.97 in all. At 0.20% from the year's
    // start: 54.644… → 54.64 × 61 = 3,333.04. Service fee 0.25%: 68.306… → 68.31 × 61 = 4,166.91.
    const r = await whatIfReport(db, {
      portfolio: CORE,
      class: 'A',
      distributionFeePct: '0.20',
      from: '2020-07-01',
    });
    expect(r.portfolioId).toBe(igb);
    expect(r.fees.distributionFee).toEqual({ before: '5409.97', after: '3333.04', difference: '-2076.93' });
    expect(r.fees.serviceFee.before).toBe('4166.91');
    expect(r.warnings.some((w) => w.includes('2020-06-01') && w.includes('as of 2020-07-01'))).toBe(true);
  });

  it('rates set: a second rate for the same class and day by another of its names is a conflict', async () => {
    const rate = (portfolio: string, pct: string) => ({
      portfolio,
      class: 'A',
      effectiveDate: '2020-05-15',
      distributionFeePct: pct,
      serviceFeePct: null,
      reason: null,
    });
    // "Core Bond Fund" on 2020-05-15 is the portfolio called Total Return Bond Fund from 2020-06-01
    expect(await setBoardRate(db, rate(CORE, '0.10'))).toMatchObject({ recorded: true });
    const second = await setBoardRate(db, rate(TRB, '0.15')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(Plan12bError);
    expect((second as Plan12bError).code).toBe('CONFLICT');
  });

  it('class-b-terms: a term is the portfolio that bore the name over its dates of issue; one spanning the change is refused', async () => {
    const header =
      'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days';
    const refused = await importClassBTerms(
      db,
      'open.csv',
      file([header, `conversion-period,${CORE},,,,8,,`]),
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(BadInputError);
    expect((refused as BadInputError).problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [2, 'portfolio', CORE],
    ]);
    await importClassBTerms(
      db,
      'split.csv',
      file([
        header,
        `cdsc-schedule,${CORE},2010-01-01,2020-05-31,"5,4,3,3,2,1",,,`,
        `cdsc-schedule,${CORE},2020-06-01,,"4,3,2,2,1,0",,,`,
      ]),
    );
    const terms = (await loadClassBTermRules(db)).filter((t) => t.rule === 'cdsc-schedule');
    expect(terms.map((t) => [t.portfolioId, t.doiFrom]).sort()).toEqual(
      [
        [oldCore, '2010-01-01'],
        [igb, '2020-06-01'],
      ].sort(),
    );
  });

  it('approvals: a shareholder vote is the portfolio that bore the name on the meeting date', async () => {
    const header =
      'meeting_date,body,approves,document,instrument,portfolio,class,trustees_for,trustees_against,trustees_absent,disinterested_for,disinterested_against,disinterested_absent,in_person,called_for_purpose,shares_outstanding,shares_present,shares_for';
    await importApprovals(
      db,
      'votes.csv',
      file([
        header,
        `2020-05-15,shareholders,amendment,a1.txt,,${CORE},A,,,,,,,,,1000,900,800`,
        `2020-06-15,shareholders,amendment,a1.txt,,${CORE},A,,,,,,,,,1000,900,800`,
      ]),
    );
    const votes = (await loadApprovals(db)).filter((a) => a.portfolioName === CORE);
    expect(votes.map((a) => [a.meetingDate, a.portfolioId]).sort()).toEqual(
      [
        ['2020-05-15', oldCore],
        ['2020-06-15', igb],
      ].sort(),
    );
  });

  it('omnibus months: the portfolio that bore the name in the month', async () => {
    await importAccounts(db, 'omni.csv', file(['account,omnibus,dealer_of_record', 'OMNI-1,yes,Dealer Two']));
    await importOmnibusMonths(
      db,
      'omnibus.csv',
      file([
        'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
        `2020-05,OMNI-1,${CORE},0.0000,0.0000,0.0000`,
        `2020-06,OMNI-1,${CORE},0.0000,0.0000,0.0000`,
      ]),
    );
    const rows = await db.query<{ month: string; portfolio_id: string }>(
      'SELECT month, portfolio_id FROM omnibus_month ORDER BY month',
    );
    expect(rows.map((r) => [r.month, r.portfolio_id])).toEqual([
      ['2020-05', oldCore],
      ['2020-06', igb],
    ]);
  });
});

describe.each(dialects)('rows filed before the document that hands a name over, on %s', (dialect) => {
  it('are re-keyed by their dates when it is imported', async () => {
    const tdb = await freshDatabase(dialect);
    const db = await tdb.open();
    try {
      await storeDocuments(db, HANDOVER_DOCUMENTS.slice(0, 1));
      await importAccounts(
        db,
        'accounts.csv',
        file(['account,omnibus,dealer_of_record', 'TA-1,no,Dealer One']),
      );
      await importTransactions(
        db,
        'txns.csv',
        file([
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          `2020-05-29,T-1,TA-1,${CORE},B,purchase,100.0000,10.0000,,`,
          `2020-06-02,T-2,TA-1,${CORE},B,purchase,200.0000,10.0000,,`,
        ]),
      );
      await storeDocuments(db, HANDOVER_DOCUMENTS.slice(1));
      const registry = await loadRegistry(db);
      const rows = await db.query<{ txn_id: string; portfolio_id: string }>(
        'SELECT txn_id, portfolio_id FROM class_b_transaction ORDER BY txn_id',
      );
      expect(rows.map((r) => [r.txn_id, r.portfolio_id])).toEqual([
        ['T-1', registry.identities.resolve(TRB)],
        ['T-2', registry.identities.resolve(IGB)],
      ]);
    } finally {
      await db.close();
      await tdb.drop();
    }
  });
});
