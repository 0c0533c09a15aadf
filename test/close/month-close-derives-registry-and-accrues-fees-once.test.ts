import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

// Issue 14 item 4 (a lean close): the close reads each input once. Counted, not timed: every
// derivation of the registry (buildRegistry) and every accrual of the month's fees (accrueFast).
// The worker runs other files before this one without isolation (vitest.config.ts): its module
// cache may hold the real modules already, so the mocks below need a fresh cache, and the next
// file a clean one (afterAll below).
const calls = vi.hoisted(() => {
  vi.resetModules();
  return { buildRegistry: 0, accrueFast: 0 };
});
vi.mock('../../src/registry/registry.js', async (original) => {
  const m = await original<typeof import('../../src/registry/registry.js')>();
  return {
    ...m,
    buildRegistry: (...a: Parameters<typeof m.buildRegistry>) => {
      calls.buildRegistry++;
      return m.buildRegistry(...a);
    },
  };
});
vi.mock('../../src/accrual/fastAccrual.js', async (original) => {
  const m = await original<typeof import('../../src/accrual/fastAccrual.js')>();
  return {
    ...m,
    accrueFast: (...a: Parameters<typeof m.accrueFast>) => {
      calls.accrueFast++;
      return m.accrueFast(...a);
    },
  };
});

describe.skipIf(!seedsAvailable).each(dialects)('one month close on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('003_')),
    );
    const na = businessDaysBetween('2004-01-02', '2004-01-30').map(
      (d) => `${d},AIM Blue Chip Fund,B,36600000.00`,
    );
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...na].join('\n')));
    await importTransfers(
      db,
      'tr.csv',
      Buffer.from(
        'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent,ends\n' +
          'T9,Gamma Funding LLC,"3 Pine Street, New York NY",AIM Blue Chip Fund,20,,,,2004-01-10,,direct,,',
      ),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('derives the registry once and accrues the month once, for every part (before: 10 and 5)', async () => {
    calls.buildRegistry = 0;
    calls.accrueFast = 0;
    const close = await closeMonth(db, '2004-01', MONTH_CLOSE_STEPS);
    expect(Object.keys(close.parts).sort()).toEqual([
      'adjustments',
      'class-b',
      'completeness',
      'fees',
      'journal',
      'monthly-calculation',
      'service-fees',
    ]);
    expect(calls).toEqual({ buildRegistry: 1, accrueFast: 1 });
  });
});

// No file after this one in the worker sees the counting wrappers.
afterAll(() => {
  vi.doUnmock('../../src/registry/registry.js');
  vi.doUnmock('../../src/accrual/fastAccrual.js');
  vi.resetModules();
});
