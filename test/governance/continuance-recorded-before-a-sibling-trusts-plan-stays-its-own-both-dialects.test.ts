import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importApprovals } from '../../src/feeds/approvalsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import type { Database } from '../../src/store/database.js';
import { continuanceStatus } from '../../src/store/governanceStore.js';
import { migrate } from '../../src/store/migrations.js';
import { corpusAvailable, corpusDir } from '../edgar/corpusDocuments.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { APPROVALS_HEADER, boardRow, csv } from './support/storeWithPlan.js';

// SPEC §2 (import order never changes the result), through the store: corpus 26 (AIM Investment
// Funds' Class A "Service Plan", dated as of May 24, 2019) imported alone; the Board's continuance
// of 2020-05-10 recorded by the plan's title ("Service Plan"); then 29 (AIM Equity Funds' plan of
// the same title and date) imported, which keys each trust's plan by its trust. The continuance
// stays AIM Investment Funds' — as with 26 and 29 imported first and the continuance naming 26:
//   first deadline one year after 2019-05-24 = 2020-05-24, met by 2020-05-10 → in force until the
//   next, 2021-05-24; AIM Equity Funds' plan: none → lapsed, ends 2020-05-25.
// A store written before approvals kept their instrument's documents (schema 32) is migrated to
// the same answers: its approval gets the documents imported when it was recorded.

const H = 'htm_rendered';
const file = (name: string) => {
  const path = join(corpusDir, H, name);
  return { fileName: basename(path), bytes: readFileSync(path) };
};
const AIF_KEY = 'plan|aim investment funds (invesco investment funds)|a|2019-05-24';
const AEF_KEY = 'plan|aim equity funds (invesco equity funds)|a|2019-05-24';
const EXPECTED = [
  [AEF_KEY, 'lapsed', null, '2020-05-25', [['2020-05-24', null]]],
  [
    AIF_KEY,
    'in force',
    '2021-05-24',
    null,
    [
      ['2020-05-24', '2020-05-10'],
      ['2021-05-24', null],
    ],
  ],
];

async function answers(db: Database) {
  return (await continuanceStatus(db, '2020-12-31'))
    .map((c) => [
      c.instrumentKey,
      c.status,
      c.nextDeadline,
      c.endsOn,
      c.periods.map((p) => [p.deadline, p.metBy?.meetingDate ?? null]),
    ])
    .sort();
}

describe.skipIf(!corpusAvailable).each(dialects)(
  'a continuance recorded before a sibling trust’s plan was imported stays its own (%s)',
  (dialect) => {
    let store: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      store = await freshDatabase(dialect);
      db = await store.open();
      await importExhibits(db, [file('26_invesco-service-plan-classA-AIF-amend1-2019.txt')]);
      await importApprovals(
        db,
        'approvals.csv',
        csv([APPROVALS_HEADER, boardRow('2020-05-10', 'continuance', '', 'Service Plan')]),
      );
      await importExhibits(db, [file('29_invesco-service-plan-classA-AEF-amend1-2020.txt')]);
    });
    afterAll(async () => {
      await db?.close();
      await store?.drop();
    });

    it('AIM Investment Funds’ plan is continued to 2021-05-24; AIM Equity Funds’ lapsed on 2020-05-24', async () => {
      expect(await answers(db)).toEqual(EXPECTED);
    });

    it('a store of schema 32 (approvals without their documents) is migrated to the same answers', async () => {
      await db.exec('ALTER TABLE approval DROP COLUMN instrument_document_ids');
      await db.exec('DELETE FROM schema_migration WHERE version = 33');
      expect(await migrate(db)).toEqual([33]);
      expect(await answers(db)).toEqual(EXPECTED);
    });
  },
);
