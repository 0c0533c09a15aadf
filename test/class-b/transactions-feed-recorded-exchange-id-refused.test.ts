import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { ProblemsError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const TXN_HEADER = 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver';
const csv = (header: string, rows: string[]) => Buffer.from([header, ...rows].join('\n'));
const GROWTH = 'Summit Capital Growth Fund';
const BOND = 'Summit Core Bond Fund';

async function transactionCount(db: Database): Promise<number> {
  return Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM class_b_transaction'))[0]!.n);
}

// SPEC §6 (Free Exchange Transaction, paired legs): an account's exchange_id names one exchange.
// The replay pairs legs by it, so a second exchange filed under a recorded exchange_id was accepted
// and then silently dropped from the account's lots (E2's 10 shares never reached the Growth Fund).
describe.each(dialects)('an exchange_id already recorded for the account, on %s', (dialect) => {
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
    await importAccounts(db, 'a.csv', csv('account,omnibus,dealer_of_record', ['X1,no,D', 'X2,no,D']));
    await importTransactions(
      db,
      't1.csv',
      csv(TXN_HEADER, [
        `2025-01-02,X1-P,X1,${GROWTH},B,purchase,100,10,,`,
        `2025-02-03,X1-E1-O,X1,${GROWTH},B,exchange_out,40,10,E1,`,
        `2025-02-03,X1-E1-I,X1,${BOND},B,exchange_in,80,5,E1,`,
      ]),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('a new exchange under it is a conflict (67) on exchange_id, and nothing is written', async () => {
    const before = await transactionCount(db);
    const err = await importTransactions(
      db,
      't2.csv',
      csv(TXN_HEADER, [
        `2025-03-03,X1-E2-O,X1,${BOND},B,exchange_out,20,5,E1,`,
        `2025-03-03,X1-E2-I,X1,${GROWTH},B,exchange_in,10,10,E1,`,
      ]),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemsError);
    const e = err as ProblemsError;
    expect([e.code, e.exitCode]).toEqual(['CONFLICT', 67]);
    expect(e.problems.map((p) => [p.file, p.line, p.field])).toEqual([['t2.csv', 2, 'exchange_id']]);
    expect(e.problems[0]!.reason).toContain(
      'exchange E1 of account X1 is already recorded (X1-E1-I, X1-E1-O)',
    );
    expect(await transactionCount(db)).toBe(before);
  });

  it('the recorded legs sent again are unchanged; the same exchange_id in another account is its own', async () => {
    const again = await importTransactions(
      db,
      't1.csv',
      csv(TXN_HEADER, [
        `2025-02-03,X1-E1-O,X1,${GROWTH},B,exchange_out,40,10,E1,`,
        `2025-02-03,X1-E1-I,X1,${BOND},B,exchange_in,80,5,E1,`,
      ]),
    );
    expect(again).toMatchObject({ inserted: 0, unchanged: 2 });
    const other = await importTransactions(
      db,
      't3.csv',
      csv(TXN_HEADER, [
        `2025-01-02,X2-P,X2,${GROWTH},B,purchase,10,10,,`,
        `2025-02-03,X2-E1-O,X2,${GROWTH},B,exchange_out,10,10,E1,`,
        `2025-02-03,X2-E1-I,X2,${BOND},B,exchange_in,20,5,E1,`,
      ]),
    );
    expect(other).toMatchObject({ inserted: 3, unchanged: 0 });
  });
});
