/**
 * SPEC §12: a closed month is never edited — by a change of Class B terms either. A CDSC schedule
 * decides the order in which a Free Exchange Transaction takes lots (SPEC §6: Free Shares, then
 * Commission Shares past the CDSC period, then those still bearing a CDSC, oldest DOI first), so a
 * new schedule can make an exchange in a closed month move other lots without changing any
 * redemption or conversion. The close counted those lots by DOI (Exhibit A 2(a)) and stored the
 * ledger at that month end: the terms are refused on their line.
 *
 * Account X1 bought 100 shares on 2000-01-03 (lot 1) and 100 on 2001-01-02 (lot 2), and exchanged
 * 50 on 2007-03-01. Under the default 6-year schedule both lots are past their CDSC period in
 * March 2007, so the exchange takes the older, lot 1. A 10-year schedule for DOIs up to 2000-12-31
 * puts lot 1 back under a CDSC: the exchange would take lot 2 first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { ProblemsError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const TXN_HEADER = 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver';
const TERMS_HEADER =
  'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days';
const csv = (header: string, rows: string[]) => Buffer.from([header, ...rows].join('\n'));
const FROM = 'Summit Capital Growth Fund';
const TO = 'Summit Core Stock Fund';
const LONGER_SCHEDULE = [`cdsc-schedule,${FROM},,2000-12-31,"5,4,3,3,2,1,1,1,1,1",,,`];

describe.each(dialects)('Class B terms that move an exchange of a closed month on %s', (dialect) => {
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
    await importAccounts(db, 'accounts.csv', Buffer.from('account,omnibus,dealer_of_record\nX1,no,D\n'));
    await importTransactions(
      db,
      'txns.csv',
      csv(TXN_HEADER, [
        `2000-01-03,X1-1,X1,${FROM},B,purchase,100.0000,10.0000,,`,
        `2001-01-02,X1-2,X1,${FROM},B,purchase,100.0000,10.0000,,`,
        `2007-03-01,X1-3,X1,${FROM},B,exchange_out,50.0000,10.0000,EX1,`,
        `2007-03-01,X1-4,X1,${TO},B,exchange_in,50.0000,10.0000,EX1,`,
      ]),
    );
    await db.query("INSERT INTO closed_month (month, closed_by) VALUES ('2007-03', 'test')");
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('refuses the schedule on its line (68), naming the exchange and the closed month; nothing is written', async () => {
    const err = await importClassBTerms(db, 'terms.csv', csv(TERMS_HEADER, LONGER_SCHEDULE)).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProblemsError);
    const e = err as ProblemsError;
    expect([e.code, e.exitCode]).toEqual(['REFUSED', 68]);
    expect(e.problems.map((p) => [p.line, p.field])).toEqual([[2, 'cdsc_schedule_pct']]);
    expect(e.problems[0]!.reason).toContain(
      'Free Exchange EX1 of account X1 on 2007-03-01 would move other lots',
    );
    expect(e.problems[0]!.reason).toContain('2007-03 is closed');
    const rules = await db.query<{ n: string }>('SELECT count(*) AS n FROM class_b_terms_rule');
    expect(Number(rules[0]!.n)).toBe(0);
  });

  it('accepts the same schedule once no closed month holds the exchange (the refusal was the closed month’s)', async () => {
    await db.query("DELETE FROM closed_month WHERE month = '2007-03'");
    const r = await importClassBTerms(db, 'terms.csv', csv(TERMS_HEADER, LONGER_SCHEDULE));
    expect(r.inserted).toBe(1);
  });
});
