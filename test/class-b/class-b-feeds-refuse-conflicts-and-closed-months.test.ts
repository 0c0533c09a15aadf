import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoExhibits } from '../../src/demo/demoComplex.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { ProblemsError } from '../../src/errors.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importDistributors } from '../../src/feeds/distributorsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { loadDistributorTerms } from '../../src/store/distributorTermsRepository.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

const TXN_HEADER = 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver';
const DIST_HEADER = 'portfolio,distributor,start,end';
const ACCT_HEADER = 'account,omnibus,dealer_of_record';
const csv = (header: string, rows: string[]) => Buffer.from([header, ...rows].join('\n'));
const FUND = 'Summit Capital Growth Fund';

async function refusal(p: Promise<unknown>) {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ProblemsError);
  const e = err as ProblemsError;
  return { code: e.code, exit: e.exitCode, problems: e.problems.map((x) => [x.line, x.field, x.reason]) };
}

async function termRecords(db: Database): Promise<number> {
  return Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM class_b_distributor_term'))[0]!.n);
}

// SPEC §12: a closed month is never edited, by any Class B feed. 2025-11 is closed; account C1 bought
// shares on 2025-10-01, so the close counted them.
describe.each(dialects)(
  'Class B feeds refuse what contradicts the record or would alter a closed month on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    const actor = process.env.PLAN12B_ACTOR;
    beforeAll(async () => {
      process.env.PLAN12B_ACTOR = 'Pat Treasurer';
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      await importExhibits(
        db,
        demoExhibits().map(({ fileName, doc }) => ({
          fileName,
          bytes: Buffer.from(renderExhibit(doc, { marked: false })),
        })),
      );
      await importAccounts(db, 'a.csv', csv(ACCT_HEADER, ['C1,no,Dealer One', 'C2,no,Dealer One']));
      await importDistributors(db, 'd.csv', csv(DIST_HEADER, ['all,Summit Distributors Inc.,2000-01-01,']));
      await importTransactions(
        db,
        't.csv',
        csv(TXN_HEADER, [`2025-10-01,C1-1,C1,${FUND},B,purchase,100,10,,`]),
      );
      await db.query("INSERT INTO closed_month (month, closed_by) VALUES ('2025-11', 'test')");
    });
    afterAll(async () => {
      if (actor === undefined) delete process.env.PLAN12B_ACTOR;
      else process.env.PLAN12B_ACTOR = actor;
      await db.close();
      await tdb.drop();
    });

    it('a transaction dated in the closed month, or before it, is refused (68) on its date', async () => {
      const r = await refusal(
        importTransactions(
          db,
          't2.csv',
          csv(TXN_HEADER, [
            `2025-11-10,C1-2,C1,${FUND},B,purchase,5,10,,`,
            `2025-10-20,C1-3,C1,${FUND},B,purchase,5,10,,`,
            `2025-12-01,C1-4,C1,${FUND},B,purchase,5,10,,`,
          ]),
        ),
      );
      expect(r).toMatchObject({ code: 'REFUSED', exit: 68 });
      expect(r.problems).toEqual([
        [2, 'date', expect.stringContaining('2025-11 is closed')],
        [3, 'date', expect.stringContaining('2025-10-20 is before 2025-11, a closed month')],
      ]);
    });

    it('a recorded txn_id with other content is a conflict (67) whose hint is a new transaction, not --restate', async () => {
      const r = await importTransactions(
        db,
        't3.csv',
        csv(TXN_HEADER, [`2025-10-01,C1-1,C1,${FUND},B,purchase,101,10,,`]),
      ).catch((e: unknown) => e);
      expect(r).toBeInstanceOf(ProblemsError);
      const e = r as ProblemsError;
      expect([e.code, e.exitCode]).toEqual(['CONFLICT', 67]);
      expect(e.message).toContain('t3.csv:2: txn_id: C1-1 is already recorded with other content');
      expect(e.hint).toContain('a new txn_id');
      expect(e.hint).not.toContain('--restate');
    });

    it('ending the distributor term inside the closed month is refused; ending it later is a new record', async () => {
      const refused = await refusal(
        importDistributors(
          db,
          'end.csv',
          csv(DIST_HEADER, ['all,Summit Distributors Inc.,2000-01-01,2025-11-15']),
        ),
      );
      expect(refused).toMatchObject({ code: 'REFUSED', exit: 68 });
      expect(refused.problems).toEqual([
        [2, 'end', expect.stringContaining('would change who distributed in 2025-11, a closed month')],
      ]);
      expect(await termRecords(db)).toBe(1);

      const audits = (await loadAuditLog(db)).length;
      const ok = await importDistributors(
        db,
        'end.csv',
        csv(DIST_HEADER, ['all,Summit Distributors Inc.,2000-01-01,2026-01-31']),
      );
      expect(ok).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
      // Append-only: the first record stays, the later one ends the term.
      expect(await termRecords(db)).toBe(2);
      expect((await loadDistributorTerms(db)).map((t) => [t.distributor, t.start, t.end])).toEqual([
        ['Summit Distributors Inc.', '2000-01-01', '2026-01-31'],
      ]);
      const log = await loadAuditLog(db);
      expect(log).toHaveLength(audits + 1);
      expect(log.at(-1)).toMatchObject({ action: 'distributors.restate', actor: 'Pat Treasurer' });
      // The same file again changes nothing and leaves no trace.
      expect(
        await importDistributors(
          db,
          'end.csv',
          csv(DIST_HEADER, ['all,Summit Distributors Inc.,2000-01-01,2026-01-31']),
        ),
      ).toMatchObject({ unchanged: 1 });
      expect(await termRecords(db)).toBe(2);
      expect(await loadAuditLog(db)).toHaveLength(audits + 1);
    });

    it('a new term whose days hold shares a closed month counted is refused, one before all activity is not', async () => {
      const refused = await refusal(
        importDistributors(
          db,
          'old.csv',
          csv(DIST_HEADER, [`${FUND},Old Distributor LLC,2025-01-01,2025-10-15`]),
        ),
      );
      expect(refused.problems).toEqual([
        [2, 'start', expect.stringContaining('would change whose Class B shares were counted in 2025-11')],
      ]);
      const ok = await importDistributors(
        db,
        'older.csv',
        csv(DIST_HEADER, [`${FUND},Old Distributor LLC,2001-01-01,2024-12-31`]),
      );
      expect(ok).toMatchObject({ inserted: 1 });
    });

    it("an account's omnibus flag cannot change once a closed month counted it; its dealer can", async () => {
      const refused = await refusal(importAccounts(db, 'a2.csv', csv(ACCT_HEADER, ['C1,yes,Dealer One'])));
      expect(refused).toMatchObject({ code: 'REFUSED', exit: 68 });
      expect(refused.problems).toEqual([
        [
          2,
          'omnibus',
          expect.stringContaining('account C1 has activity in or before 2025-11, a closed month'),
        ],
      ]);
      // C2 has no activity: its flag may still change.
      const ok = await importAccounts(
        db,
        'a3.csv',
        csv(ACCT_HEADER, ['C1,no,Dealer Two', 'C2,yes,Dealer One']),
      );
      expect(ok).toMatchObject({ inserted: 0, updated: 2, unchanged: 0 });
    });
  },
);
