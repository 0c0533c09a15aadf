import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/errors.js';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { recordTermination } from '../../src/feeds/terminationsFeed.js';
import { setGovernanceSetting } from '../../src/import/governanceSettingChange.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { markMonthClosed, storeSnapshot } from '../support/storeSnapshot.js';
import { APPROVALS_HEADER, boardRow, csv, storeDocuments } from './support/storeWithPlan.js';
import { AMENDMENT_1, PLAN } from './support/testPlan.js';

async function refusal(p: Promise<unknown>): Promise<ProblemsError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProblemsError) return e;
    throw e;
  }
  throw new Error('expected the import to be refused');
}

describe.each(dialects)(
  'approvals: bad input refused with file, line and field, nothing written (%s)',
  (dialect) => {
    let store: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      store = await freshDatabase(dialect);
      db = await store.open();
      await storeDocuments(db, [PLAN, AMENDMENT_1]);
    });
    afterAll(async () => {
      await db.close();
      await store.drop();
    });

    it('every bad row is named; the good row is not written either', async () => {
      const before = await storeSnapshot(db);
      const e = await refusal(
        importApprovals(
          db,
          'votes.csv',
          csv([
            APPROVALS_HEADER,
            boardRow('2002-05-20', 'instrument', PLAN.id),
            // 700,000 for but only 600,000 present
            `2004-12-20,shareholders,amendment,${AMENDMENT_1.id.slice(0, 12)},,Test Growth Fund,A,,,,,,,,,1000000,600000,700000`,
            boardRow('2004-12-10', 'amendment', 'deadbeefdeadbeef'),
            // 4 Dis-interested Trustees for, but only 3 trustees for
            `2004-12-10,board,amendment,amendment-1.txt,,,,3,5,1,4,2,0,yes,yes,,,`,
            // a shareholder vote names no portfolio
            `2004-12-21,shareholders,amendment,amendment-1.txt,,,A,,,,,,,,,1000,900,800`,
          ]),
        ),
      );
      expect(e.problems.map((p) => [p.file, p.line, p.field])).toEqual([
        ['votes.csv', 3, 'shares_for'],
        ['votes.csv', 4, 'document'],
        ['votes.csv', 5, 'disinterested_for'],
        ['votes.csv', 6, 'portfolio'],
      ]);
      expect(e.problems[0]!.reason).toBe('more votes for than present');
      expect(await storeSnapshot(db)).toEqual(before);
    });

    it('an unknown setting or a bad value is refused before anything is read or written', async () => {
      const before = await storeSnapshot(db);
      await expect(setGovernanceSetting(db, 'approvals.enforced', 'true')).rejects.toMatchObject({
        code: 'USAGE',
      });
      await expect(setGovernanceSetting(db, 'approvals.enforce', 'maybe')).rejects.toMatchObject({
        code: 'BAD_INPUT',
      });
      await expect(
        setGovernanceSetting(db, 'continuance.plan-first-deadline', '2003-02-30'),
      ).rejects.toMatchObject({
        code: 'BAD_INPUT',
      });
      expect(await storeSnapshot(db)).toEqual(before);
    });

    it('an approval that would change a closed month is refused on its line (enforcement on)', async () => {
      await importApprovals(
        db,
        'board.csv',
        csv([
          APPROVALS_HEADER,
          boardRow('2002-05-20', 'instrument', PLAN.id),
          boardRow('2004-12-10', 'amendment', AMENDMENT_1.id),
          ...['2003', '2004', '2005'].map((y) =>
            boardRow(`${y}-06-10`, 'continuance', '', PLAN.doc.instrument.title),
          ),
        ]),
      );
      await setGovernanceSetting(db, 'approvals.enforce', 'true');
      await markMonthClosed(db, '2005-02');
      const before = await storeSnapshot(db);
      // The Class A shareholders' vote of 2005-02-01 would make Amendment No. 1 (a material
      // increase, 0.10% → 0.25%) govern from 2005-02-01, inside the closed February.
      const e = await refusal(
        importApprovals(
          db,
          'late.csv',
          csv([
            APPROVALS_HEADER,
            `2005-02-01,shareholders,amendment,amendment-1.txt,,Test Growth Fund,A,,,,,,,,,1000000,600000,402000`,
          ]),
        ),
      );
      expect(e.problems.map((p) => [p.file, p.line, p.field, p.code])).toEqual([
        ['late.csv', 2, 'meeting_date', 'REFUSED'],
      ]);
      expect(e.problems[0]!.reason).toMatch(
        /2005-02 is closed: this approval would change what governed Test Growth Fund class A on 2005-02-01 \(ABSC 0\.10%, service 0\.25% → ABSC 0\.25%, service 0\.25%\)/,
      );
      expect(await storeSnapshot(db)).toEqual(before);
      // So is a termination from a day in it, and turning enforcement off (Amendment No. 1 would then govern from January).
      await expect(
        recordTermination(db, {
          instrument: 'plan',
          portfolio: 'Test Growth Fund',
          class: 'A',
          date: '2005-02-15',
          by: 'trustees',
          noticeDate: null,
          reason: null,
        }),
      ).rejects.toThrow(/2005-02 is closed/);
      await expect(setGovernanceSetting(db, 'approvals.enforce', 'false')).rejects.toThrow(
        /2005-02 is closed/,
      );
      expect(await storeSnapshot(db)).toEqual(before);
    });
  },
);
