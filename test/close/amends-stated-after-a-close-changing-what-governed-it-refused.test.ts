import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { ProblemsError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import type { Database } from '../../src/store/database.js';
import { listDocuments } from '../../src/store/registryStore.js';
import { TWIN_FILES } from '../registry/twinPlansFixture.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';

// SPEC §12 (a closed month is locked) and §2.1: stating which plan an amendment amends is a write
// like importing it. either.txt (2025-01-02, "… to the Distribution and Service Plan") fits both
// 2022-07-01 plans; January 2025 is closed with Invesco Discovery Fund Class C under the
// Compensation plan's comp-2. Stated to amend the Compensation plan, either.txt's Schedule A
// (Core Plus Bond only) would end Discovery Fund C from 2025-01-02, inside the closed month:
// refused (68), nothing recorded.

const file = (name: string) => ({ fileName: name, bytes: Buffer.from(TWIN_FILES[name]!, 'utf8') });
const COMP_LISTED = 'Fifth Amended and Restated Distribution and Service Plan (Compensation)';

describe('a statement of the instrument amended that would change a closed month', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importExhibits(
      db,
      ['comp-1.txt', 'comp-2.txt', 'reim-1.txt', 'reim-2.txt', 'either.txt'].map(file),
    );
    const rows = businessDaysBetween('2025-01-02', '2025-02-28').map(
      (d) => `${d},Invesco Discovery Fund,C,1000000.00`,
    );
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')));
    await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS);
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('is refused (68), naming the month and the class; nothing recorded', async () => {
    const err = await importExhibits(db, [file('either.txt')], undefined, { amends: COMP_LISTED }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProblemsError);
    expect((err as ProblemsError).exitCode).toBe(68);
    expect((err as ProblemsError).problems[0]!.reason).toMatch(
      /^2025-01 is closed: this document would change what governed Invesco Discovery Fund class C on 2025-01-02 /,
    );
    expect((await listDocuments(db)).every((d) => d.statedAmends === null)).toBe(true);
  });
});
