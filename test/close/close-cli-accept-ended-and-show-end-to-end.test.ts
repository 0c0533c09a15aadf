import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

// End to end through the built CLI (a few spawns only): `close` refuses a stopped feed with the
// flag to use, `--accept-ended` closes, `close show` prints the sealed month (text, JSON, CSV).
describe.skipIf(!seedsAvailable)('plan12b close --accept-ended and close show', () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    const db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
    );
    const rows = [
      ...businessDaysBetween('2007-01-02', '2007-02-28').map((d) => `${d},AIM Balanced Fund,C,36500000.00`),
      ...businessDaysBetween('2007-01-02', '2007-02-15').map((d) => `${d},AIM Value Fund,C,36500000.00`),
    ];
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')));
    await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS);
    await db.close();
  });
  afterAll(async () => {
    await tdb.drop();
  });

  it('refuses (68) with the flag to use, closes with it, and shows the sealed month', async () => {
    const refused = await runCliInProcess(['--db', tdb.target, 'close', '--month', '2007-02', '--json']);
    expect(refused.code).toBe(68);
    expect(refused.json<{ error: { message: string } }>().error.message).toMatch(
      /AIM Value Fund:C \(net assets stop on 2007-02-15\)/,
    );
    expect(refused.stderr).toContain('--accept-ended "AIM Value Fund:C"');

    const closed = await runCliInProcess([
      '--db',
      tdb.target,
      'close',
      '--month',
      '2007-02',
      '--accept-ended',
      'AIM Value Fund:C',
    ]);
    expect(closed.code).toBe(0);
    const hash = /results hash ([0-9a-f]{64})/.exec(closed.stdout)![1]!;

    const text = await runCliInProcess(['--db', tdb.target, 'close', 'show', '--month', '2007-02']);
    expect(text.code).toBe(0);
    // the text fits 80 columns: long lines wrap at a space, so read it with its breaks as spaces
    const words = text.stdout.replace(/\s+/g, ' ');
    expect(words).toContain(`results hash ${hash} — verified`);
    expect(words).toContain(
      'accepted as ended: AIM Value Fund class C — net assets stop on 2007-02-15, ended 2007-02-16 (accepted in 2007-02)',
    );
    // 15 days × 750.00 = 11,250.00; 15 × 250.00 = 3,750.00
    expect(text.stdout).toContain('AIM Value Fund, C: 11250.00 + 3750.00 = 15000.00');

    const csv = await runCliInProcess(['--db', tdb.target, 'close', 'show', '--month', '2007-02', '--csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\n')[0]).toBe(
      'portfolio,class,month,days,averageDailyNetAssets,distributionFee,serviceFee,totalFee',
    );
    expect(csv.stdout).toContain('AIM Value Fund,C,2007-02,15,36500000.00,11250.00,3750.00,15000.00');

    const json = await runCliInProcess(['--db', tdb.target, 'close', 'show', '--month', '2006-12', '--json']);
    expect(json.code).toBe(66);
    expect(json.json<{ error: { message: string } }>().error.message).toBe('2006-12 is not closed');
  });
});
