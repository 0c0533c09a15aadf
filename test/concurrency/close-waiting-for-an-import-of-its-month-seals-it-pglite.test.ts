import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { withActor } from '../../src/store/actor.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { startWatchedCli } from '../support/watchedCli.js';

/**
 * SPEC §12 on the embedded store, the order the server's race test
 * (test/store/server-imports-at-once-one-wins-a-killed-one-leaves-nothing-a-held-one-is-sealed.test.ts)
 * takes on a server: an import dated in January 2007 holds the data folder, its rows written and not
 * committed (held at its fault point), when `close --month 2007-01` starts in another process. The
 * close waits for the folder, then seals the month WITH the import's rows — never sealed results
 * that leave out a row that landed. (The other order, a close holding the folder while an import
 * of its month waits, is test/close/month-close-races-held-at-fault-points.test.ts: refused, 68.)
 *
 * The figures: AIM Value Fund C and AIM Balanced Fund C (seed 002: 0.75% + 0.25% = 1.00% a year)
 * at 36,500,000.00 on every business day of January 2007: 36,500,000.00 × 1.00% / 365 = 1,000.00 a
 * day, from the 3rd (the first business day: the 1st a holiday, the 2nd closed for President Ford)
 * to the 31st, 29 days: 29,000.00 each.
 */
const WAIT = { PLAN12B_LOCK_WAIT_SECONDS: '600' };

const january = (portfolio: string) =>
  [
    'date,portfolio,class,net_assets',
    ...businessDaysBetween('2007-01-02', '2007-01-31').map((d) => `${d},${portfolio},C,36500000.00`),
  ].join('\n');

describe.skipIf(!seedsAvailable)('a close waiting for an import of its month (pglite)', () => {
  it('seals the month with the import’s rows once the import commits', async () => {
    const tdb = await freshDatabase('pglite');
    const dir = mkdtempSync(join(tmpdir(), 'plan12b-conc-close-'));
    const db = await tdb.open();
    try {
      await withActor('test setup', async () => {
        const exhibit = seedFiles().find((f) => f.includes('002_'))!;
        await importExhibits(db, [{ fileName: exhibit, bytes: readFileSync(exhibit) }]);
        await importNetAssets(db, 'value.csv', Buffer.from(january('AIM Value Fund')));
      });
    } finally {
      await db.close();
    }
    const file = join(dir, 'balanced.csv');
    writeFileSync(file, january('AIM Balanced Fund'));

    const imp = startWatchedCli(['--db', tdb.target, 'net-assets', 'import', file], {
      ...WAIT,
      PLAN12B_FAULT: 'import:net-assets:hold',
    });
    await imp.saw('fault point import:net-assets reached');
    const close = startWatchedCli(['--db', tdb.target, 'close', '--month', '2007-01', '--json'], WAIT);
    await close.saw('waiting up to 600 s for the database');
    imp.child.kill('SIGUSR2');
    const [ri, rc] = await Promise.all([imp.done, close.done]);
    expect(ri.code, ri.stderr).toBe(0);
    expect(rc.code, rc.stderr).toBe(0);
    const sealed = JSON.parse(rc.stdout) as {
      parts: { fees: { classes: { portfolio: string; totalFee: string }[] } };
    };
    expect(sealed.parts.fees.classes.map((c) => [c.portfolio, c.totalFee])).toEqual([
      ['AIM Balanced Fund', '29000.00'],
      ['AIM Value Fund', '29000.00'],
    ]);
    const log = (await runCliInProcess(['--db', tdb.target, 'audit', 'log', '--json'])).json<{
      records: { action: string }[];
    }>().records;
    expect(log.map((r) => r.action)).toEqual([
      'exhibit.import',
      'net-assets.import',
      'net-assets.import',
      'month.close',
    ]);
    expect((await runCliInProcess(['--db', tdb.target, 'audit', 'verify'])).code).toBe(0);
    await tdb.drop();
  });
});
