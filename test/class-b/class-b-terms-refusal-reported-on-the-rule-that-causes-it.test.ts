import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { ProblemsError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { storeSnapshot } from '../support/storeSnapshot.js';

const FUND = 'Summit Capital Growth Fund';
const TERMS_HEADER =
  'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days';

/**
 * FORMATS "Class B terms": "a refusal caused by the replay is reported on the line of the rule that
 * caused it". A1 bought 100 shares on 2004-01-15 and redeems all 100 on 2010-03-01. A file with two
 * rules for the fund: line 2, a CDSC schedule 4-3-2-1 (the redemption, in year 7, bears none either
 * way: harmless); line 3, a conversion period of 6 years — the shares would convert to Class A at
 * the end of January 2010 (the 6th anniversary), leaving nothing to redeem in March. The refusal
 * is the conversion period's: line 3, field conversion_years — not the first rule of the file.
 */
describe('class-b-terms: a replay refusal names the rule that causes it', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      demoExhibits().map(({ fileName, doc }) => ({
        fileName,
        bytes: Buffer.from(renderExhibit(doc, { marked: false })),
      })),
    );
    await importAccounts(db, 'a.csv', Buffer.from('account,omnibus,dealer_of_record\nA1,no,D\n'));
    await importTransactions(
      db,
      't.csv',
      Buffer.from(
        [
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          `2004-01-15,P1,A1,${FUND},B,purchase,100,10,,`,
          `2010-03-01,R1,A1,${FUND},B,redeem,100,12,,`,
        ].join('\n'),
      ),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('refuses on line 3, conversion_years; nothing written', async () => {
    const before = await storeSnapshot(db);
    const err = await importClassBTerms(
      db,
      'terms.csv',
      Buffer.from(
        [TERMS_HEADER, `cdsc-schedule,${FUND},,,"4,3,2,1",,,`, `conversion-period,${FUND},,,,6,,`].join('\n'),
      ),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemsError);
    const e = err as ProblemsError;
    expect(e.exitCode).toBe(68);
    expect(e.problems.map((p) => [p.line, p.field])).toEqual([[3, 'conversion_years']]);
    expect(e.problems[0]!.reason).toContain('R1');
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it('the harmless rule alone is accepted', async () => {
    const r = await importClassBTerms(
      db,
      'terms.csv',
      Buffer.from([TERMS_HEADER, `cdsc-schedule,${FUND},,,"4,3,2,1",,,`].join('\n')),
    );
    expect(r.inserted).toBe(1);
  });
});
