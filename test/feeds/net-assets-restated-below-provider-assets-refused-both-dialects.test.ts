import { describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { ProblemsError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { dialects, freshDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §5: "A provider's assets above the class's net assets that day is an error" — whichever of
 * the two figures comes last. Found on a copy of the demo store: restating a closed December day
 * of Summit Small Cap Fund class B to 400,000,000.00, below the 455,694,072.42 a trust department's
 * customers held that day, was recorded (exit 0, a prior-period adjustment due), and the next
 * close then stopped (exit 65) on the month already closed. SPEC §12: a bad row is refused naming
 * file, line and field, and nothing is written.
 */
const seed = (prefix: string) => seedExhibitFiles().filter((f) => f.fileName.includes(`/${prefix}`));

describe.skipIf(!seedsAvailable).each(dialects)('a net-assets restatement on %s', (dialect) => {
  it('below a provider’s assets of its day (or of a day carried from it) is refused on its line; after the provider’s restatement it is recorded', async () => {
    const tdb = await freshDatabase(dialect);
    const db = await tdb.open();
    try {
      await importExhibits(db, seed('002_')); // the Plan, effective 2002-06-03: AIM Value Fund C
      const days = businessDaysBetween('2006-03-01', '2006-03-31');
      await importNetAssets(
        db,
        'na.csv',
        Buffer.from(
          ['date,portfolio,class,net_assets', ...days.map((d) => `${d},AIM Value Fund,C,1000.00`)].join('\n'),
        ),
      );
      await importProviders(
        db,
        'providers.csv',
        Buffer.from(
          'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Granite Securities,dealer,2006-01-02,,\n',
        ),
      );
      // 500.00 every day, and 700.00 from Saturday 2006-03-11 (a figure of a day carried from Friday)
      await importProviderAssets(
        db,
        'pa.csv',
        Buffer.from(
          [
            'date,provider,portfolio,class,net_assets',
            ...days.map((d) => `${d},DLR-1,AIM Value Fund,C,500.00`),
            '2006-03-11,DLR-1,AIM Value Fund,C,700.00',
          ].join('\n'),
        ),
      );
      const log = (await loadAuditLog(db)).length;
      const restate = (rows: string[]) =>
        importNetAssets(db, 'fix.csv', Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')), {
          restate: true,
        });

      // line 3: 400.00 < 500.00 on Wednesday the 15th; line 2: 600.00 on Friday the 10th, carried to
      // Saturday the 11th, where the provider's customers hold 700.00
      const err = await restate([
        '2006-03-10,AIM Value Fund,C,600.00',
        '2006-03-15,AIM Value Fund,C,400.00',
      ]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProblemsError);
      expect((err as ProblemsError).exitCode).toBe(65);
      expect((err as ProblemsError).problems).toEqual([
        expect.objectContaining({
          file: 'fix.csv',
          line: 2,
          field: 'net_assets',
          value: '600.00',
          reason: expect.stringContaining(
            "provider DLR-1's customers hold 700.00 of AIM Value Fund class C on 2006-03-11, above the class's net assets of 600.00 that day",
          ),
        }),
        expect.objectContaining({
          file: 'fix.csv',
          line: 3,
          field: 'net_assets',
          value: '400.00',
          reason: expect.stringContaining(
            "provider DLR-1's customers hold 500.00 of AIM Value Fund class C on 2006-03-15, above the class's net assets of 400.00 that day",
          ),
        }),
      ]);
      // nothing written: no restatement, no audit record
      const rows = await db.query<{ date: string; net_assets: string }>(
        "SELECT date::text AS date, net_assets::text AS net_assets FROM net_assets WHERE date IN ('2006-03-10', '2006-03-15') ORDER BY date",
      );
      expect(rows.map((r) => [r.date, r.net_assets])).toEqual([
        ['2006-03-10', '1000.00'],
        ['2006-03-15', '1000.00'],
      ]);
      expect((await loadAuditLog(db)).length).toBe(log);

      // the provider's figure restated first, the class's then goes through; a restatement above
      // every provider's assets always did
      await importProviderAssets(
        db,
        'pa-fix.csv',
        Buffer.from('date,provider,portfolio,class,net_assets\n2006-03-15,DLR-1,AIM Value Fund,C,300.00\n'),
        {
          restate: true,
        },
      );
      const ok = await restate(['2006-03-15,AIM Value Fund,C,400.00', '2006-03-20,AIM Value Fund,C,900.00']);
      expect(ok.restated.map((r) => [r.date, r.new])).toEqual([
        ['2006-03-15', '400.00'],
        ['2006-03-20', '900.00'],
      ]);
    } finally {
      await db.close();
      await tdb.drop();
    }
  });
});
