import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/errors.js';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { APPROVALS_HEADER, csv, storeDocuments } from './support/storeWithPlan.js';
import { AMENDMENT_1, AMENDMENT_2, PLAN } from './support/testPlan.js';

// Another instrument, whose only portfolio is Test Value Fund: the test Plan never lists it.
const OTHER_TITLE = 'Master Distribution Plan of Other Funds (Class A Shares)';
const OTHER: StoredDocument = {
  id: 'd'.repeat(64),
  fileName: 'other-plan.txt',
  doc: {
    ...PLAN.doc,
    title: OTHER_TITLE,
    instrument: { ...PLAN.doc.instrument!, title: OTHER_TITLE, registrant: 'OTHER FUNDS' },
    schedules: [
      {
        name: 'Schedule A',
        replacesEntirely: true,
        entries: [
          { ...PLAN.doc.schedules[0]!.entries[0]!, registrant: 'OTHER FUNDS', portfolio: 'Test Value Fund' },
        ],
      },
    ],
  },
};

const holders = (document: string, portfolio: string) =>
  `2005-02-01,shareholders,amendment,${document},,${portfolio},A,,,,,,,,,1000000,600000,402000`;

// Plan §§5–6: an approval of a document makes that document's schedules govern, so it speaks only
// for the portfolios the document lists.
describe('an approval naming a portfolio its document does not list', () => {
  let store: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    db = await store.open();
    await storeDocuments(db, [PLAN, AMENDMENT_1, AMENDMENT_2, OTHER]);
  });
  afterAll(async () => {
    await db.close();
    await store.drop();
  });

  it('is refused (65, portfolio) when no document of the instrument lists it; nothing is written', async () => {
    const before = await storeSnapshot(db);
    const e = await importApprovals(
      db,
      'votes.csv',
      csv([
        APPROVALS_HEADER,
        holders('amendment-2.txt', 'Test Growth Fund'),
        holders('amendment-1.txt', 'Test Value Fund'),
        '2002-05-20,shareholders,instrument,plan.txt,,Test Value Fund,A,,,,,,,,,1000000,600000,402000',
      ]),
    ).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemsError);
    expect((e as ProblemsError).code).toBe('BAD_INPUT');
    expect((e as ProblemsError).problems.map((p) => [p.line, p.field, p.value])).toEqual([
      [3, 'portfolio', 'Test Value Fund'],
      [4, 'portfolio', 'Test Value Fund'],
    ]);
    expect((e as ProblemsError).problems[0]!.reason).toMatch(
      /^Master Distribution Plan of Test Funds \(Class A Shares\) lists Test Value Fund Class A in none of its schedules: the approval cannot apply to it/,
    );
    expect(await storeSnapshot(db)).toEqual(before);
  });

  it('is recorded with a warning naming the line when another document of the instrument lists it', async () => {
    // Test Income Fund is added by Amendment No. 2, not listed in Amendment No. 1
    const r = await importApprovals(
      db,
      'votes.csv',
      csv([
        APPROVALS_HEADER,
        holders('amendment-1.txt', 'Test Income Fund'),
        holders('amendment-2.txt', 'Test Income Fund'),
      ]),
    );
    expect(r.inserted).toBe(2);
    expect(r.warnings).toEqual([
      'votes.csv:2: portfolio Test Income Fund Class A is not listed in Amendment No. 1 to the Master Distribution Plan of Test Funds (Class A Shares) (amendment-1.txt), only in amendment-2.txt: recorded as stated, but an approval of this document decides nothing for Test Income Fund (it speaks only for what the document lists); if another document was meant, record the approval naming it',
    ]);
  });
});
