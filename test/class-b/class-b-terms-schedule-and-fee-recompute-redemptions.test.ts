import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { BadInputError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importClassBTerms, listClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { lotsReport } from '../../src/reports/classBLotsReport.js';
import { redemptionsReport } from '../../src/reports/classBRedemptionsReport.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { loadClassBTerms } from '../../src/store/classBStore.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const TXN_HEADER = 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver';
const TERMS_HEADER =
  'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days';
const csv = (header: string, rows: string[]) => Buffer.from([header, ...rows].join('\n'));

// Summit Core Stock Fund was Harbor Core Equity Fund before the demo's 2025 rename: the terms name
// it by its old name, the transactions by its new one.
const TERMS = [
  'cdsc-schedule,Harbor Core Equity Fund,2006-01-01,,"4,3,2,1",,,',
  'redemption-fee,Summit Capital Growth Fund,,,,,2,30',
  'conversion-period,Summit Capital Growth Fund,,,,10,,',
];

async function counts(db: Database) {
  const out: Record<string, string> = {};
  for (const t of [
    'class_b_terms_rule',
    'class_b_redemption',
    'class_b_redemption_piece',
    'feed_import',
    'audit_log',
  ])
    out[t] = (await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n;
  return out;
}

const shown = async (db: Database, from: string, to: string) =>
  (await redemptionsReport(db, from, to)).redemptions.map((r) => ({
    txn: r.txnId,
    gross: r.gross,
    cdsc: r.cdsc,
    fee: r.redemptionFee,
    net: r.net,
    rates: r.pieces.map((p) => `${p.lotId}@${p.ratePct}=${p.cdsc}`),
  }));

describe.each(dialects)('class B terms change redemptions on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
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
      'accounts.csv',
      Buffer.from('account,omnibus,dealer_of_record\nA1,no,D\nA2,no,D\nA3,no,D\nA4,no,D\n'),
    );
    // Recorded before any terms: the default 5-4-3-3-2-1 and no fee apply.
    await importTransactions(
      db,
      'txns.csv',
      csv(TXN_HEADER, [
        '2005-06-01,A1-1,A1,Summit Core Stock Fund,B,purchase,100.0000,10.0000,,',
        '2006-02-01,A1-2,A1,Summit Core Stock Fund,B,purchase,100.0000,10.0000,,',
        '2007-03-01,A1-3,A1,Summit Core Stock Fund,B,redeem,150.0000,12.0000,,',
        '2007-01-02,A2-1,A2,Summit Capital Growth Fund,B,purchase,100.0000,20.0000,,',
        '2007-01-20,A2-2,A2,Summit Capital Growth Fund,B,redeem,10.0000,21.0000,,',
        '2007-03-01,A2-3,A2,Summit Capital Growth Fund,B,redeem,10.0000,22.0000,,',
        '2007-01-02,A4-1,A4,Summit Small Cap Fund,B,purchase,10.0000,10.0000,,',
        '2007-02-01,A4-2,A4,Summit Small Cap Fund,B,redeem,5.0000,10.0000,,',
      ]),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('with no terms recorded, the defaults apply (hand-computed)', async () => {
    expect(await loadClassBTerms(db)).toMatchObject({ redemptionFees: [] });
    expect(await shown(db, '2007-01-01', '2007-12-31')).toEqual([
      { txn: 'A2-2', gross: '210.00', cdsc: '10.00', fee: '0.00', net: '200.00', rates: ['A2-1@5.00=10.00'] },
      { txn: 'A4-2', gross: '50.00', cdsc: '2.50', fee: '0.00', net: '47.50', rates: ['A4-1@5.00=2.50'] },
      {
        txn: 'A1-3',
        gross: '1800.00',
        cdsc: '60.00',
        fee: '0.00',
        net: '1740.00',
        rates: ['A1-1@4.00=40.00', 'A1-2@4.00=20.00'],
      },
      { txn: 'A2-3', gross: '220.00', cdsc: '10.00', fee: '0.00', net: '210.00', rates: ['A2-1@5.00=10.00'] },
    ]);
  });

  it('importing terms recomputes the stored redemptions of every account holding an affected portfolio', async () => {
    const before = await counts(db);
    const result = await importClassBTerms(db, 'terms.csv', csv(TERMS_HEADER, TERMS));
    expect(result).toEqual({
      file: 'terms.csv',
      rows: 3,
      inserted: 3,
      restated: 0,
      unchanged: 0,
      accountsReplayed: 2,
      redemptionsChanged: 2,
      warnings: [],
    });
    // A1-3 redeems 150 shares on 2007-03-01, both lots in year 2 since their DOI, oldest first:
    //   A1-1 (DOI 2005-06-01, before the new schedule): 100 sh, 4% (default) × min(1000.00, 1200.00) = 40.00
    //   A1-2 (DOI 2006-02-01, 4-3-2-1):                  50 sh, 3% × min(500.00, 600.00)            = 15.00
    // A2-2 redeems 10 shares 18 days after their DOI: fee 2% × 210.00 = 4.20; A2-3 (58 days): no fee.
    // A4 holds Summit Small Cap Fund, which no rule touches: not replayed.
    expect(await shown(db, '2007-01-01', '2007-12-31')).toEqual([
      { txn: 'A2-2', gross: '210.00', cdsc: '10.00', fee: '4.20', net: '195.80', rates: ['A2-1@5.00=10.00'] },
      { txn: 'A4-2', gross: '50.00', cdsc: '2.50', fee: '0.00', net: '47.50', rates: ['A4-1@5.00=2.50'] },
      {
        txn: 'A1-3',
        gross: '1800.00',
        cdsc: '55.00',
        fee: '0.00',
        net: '1745.00',
        rates: ['A1-1@4.00=40.00', 'A1-2@3.00=15.00'],
      },
      { txn: 'A2-3', gross: '220.00', cdsc: '10.00', fee: '0.00', net: '210.00', rates: ['A2-1@5.00=10.00'] },
    ]);
    const after = await counts(db);
    expect(Number(after.class_b_terms_rule)).toBe(3);
    expect(Number(after.feed_import)).toBe(Number(before.feed_import) + 1);
    expect(Number(after.audit_log)).toBe(Number(before.audit_log) + 1);
    const audit = (await loadAuditLog(db)).at(-1)!;
    expect(audit).toMatchObject({ action: 'class-b-terms.import', subject: 'terms.csv' });
    expect(audit.detail).toContain(
      '3 new, 0 restated, 0 unchanged; 2 accounts replayed, 2 redemptions changed',
    );
  });

  it('the conversion period per portfolio moves the conversion date; lots show the schedule in force', async () => {
    const lots = await lotsReport(db, 'A2', '2007-03-01');
    expect(lots.lots.map((l) => [l.lotId, l.shares, l.conversionDate])).toEqual([
      ['A2-1', '80.0000', '2017-01-31'],
    ]);
    const a1 = await lotsReport(db, 'A1', '2007-03-01');
    expect(a1.lots.map((l) => [l.lotId, l.shares, l.cdscRatePct, l.conversionDate])).toEqual([
      ['A1-2', '50.0000', '3.00', '2014-02-28'],
    ]);
  });

  it('the same file again changes nothing', async () => {
    const before = await counts(db);
    const again = await importClassBTerms(db, 'terms.csv', csv(TERMS_HEADER, TERMS));
    expect(again).toMatchObject({ inserted: 0, restated: 0, unchanged: 3, accountsReplayed: 0 });
    expect(await counts(db)).toEqual(before);
  });

  it('transactions imported later are computed with the recorded terms', async () => {
    await importTransactions(
      db,
      'later.csv',
      csv(TXN_HEADER, [
        '2008-01-02,A3-1,A3,Harbor Core Equity Fund,B,purchase,10.0000,10.0000,,',
        '2008-03-03,A3-2,A3,Summit Core Stock Fund,B,redeem,10.0000,9.0000,,',
      ]),
    );
    // year 1 of 4-3-2-1: 4% × min(100.00, 90.00) = 3.60
    expect(await shown(db, '2008-01-01', '2008-12-31')).toEqual([
      { txn: 'A3-2', gross: '90.00', cdsc: '3.60', fee: '0.00', net: '86.40', rates: ['A3-1@4.00=3.60'] },
    ]);
  });

  it('lists the rules by current portfolio name, with the defaults beneath them', async () => {
    const list = await listClassBTerms(db);
    expect(
      list.rules.map((r) => [r.rule, r.portfolio, r.doiFrom, r.cdscSchedulePct, r.conversionYears]),
    ).toEqual([
      ['cdsc-schedule', 'Summit Core Stock Fund', '2006-01-01', ['4.00', '3.00', '2.00', '1.00'], null],
      ['conversion-period', 'Summit Capital Growth Fund', null, null, 10],
      ['redemption-fee', 'Summit Capital Growth Fund', null, null, null],
    ]);
    expect(list.rules[2]).toMatchObject({ redemptionFeePct: '2.00', redemptionFeeDays: 30 });
    expect(list.defaults).toEqual({
      cdscSchedulePct: ['5.00', '4.00', '3.00', '3.00', '2.00', '1.00'],
      conversionYears: 8,
      redemptionFeePct: null,
    });
  });

  it('a restated rule rewrites the redemptions it changes', async () => {
    const r = await importClassBTerms(
      db,
      'fee.csv',
      csv(TERMS_HEADER, ['redemption-fee,Summit Capital Growth Fund,,,,,1.5,']),
    );
    expect(r).toMatchObject({ inserted: 0, restated: 1, accountsReplayed: 1, redemptionsChanged: 2 });
    // 1.5% on every share redeemed: 3.15 on 210.00, 3.30 on 220.00
    const fees = (await shown(db, '2007-01-01', '2007-12-31')).filter((x) => x.txn.startsWith('A2'));
    expect(fees.map((x) => [x.txn, x.fee, x.net])).toEqual([
      ['A2-2', '3.15', '196.85'],
      ['A2-3', '3.30', '206.70'],
    ]);
  });

  it('refuses terms that would change a redemption in a closed month; nothing written', async () => {
    await db.query("INSERT INTO closed_month (month, closed_by) VALUES ('2007-03', 'test')");
    const before = await counts(db);
    const beforeReport = await shown(db, '2007-01-01', '2008-12-31');
    const err = await importClassBTerms(
      db,
      'closed.csv',
      csv(TERMS_HEADER, [
        'conversion-period,Summit Small Cap Fund,,,,6,,',
        'cdsc-schedule,Summit Core Stock Fund,2006-01-01,,"3,2,1",,,',
      ]),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadInputError);
    expect((err as BadInputError).problems).toEqual([
      {
        code: 'REFUSED',
        file: 'closed.csv',
        line: 3,
        field: 'cdsc_schedule_pct',
        reason: expect.stringContaining(
          'redemption A1-3 of account A1 on 2007-03-01 would change (CDSC 55.00 → 50.00), but 2007-03 is closed',
        ),
      },
    ]);
    expect(await counts(db)).toEqual(before);
    expect(await shown(db, '2007-01-01', '2008-12-31')).toEqual(beforeReport);
    expect((await listClassBTerms(db)).rules).toHaveLength(3);
  });
});
