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
 * SPEC §5: "A provider's assets above the class's net assets that day is an error" — also when the
 * provider's figures were imported first. A provider's assets dated after the class's last
 * net-assets row cannot be checked when they are imported; the class's net assets for those days
 * then came in below them and were recorded (exit 0, with or without --restate), and only the
 * service-fee report or the close refused later, naming days, not the file's line. Now the
 * net-assets import refuses each such row on its line (field net_assets), naming the provider and
 * its assets, and writes nothing. Carry-forward both ways (SPEC §4): a Friday provider row is in
 * force on Saturday, and a Friday net-assets row governs a Saturday provider row.
 */
const seed = (prefix: string) => seedExhibitFiles().filter((f) => f.fileName.includes(`/${prefix}`));
const csv = (header: string, rows: string[]) => Buffer.from([header, ...rows].join('\n'));
const NA = 'date,portfolio,class,net_assets';
const PA = 'date,provider,portfolio,class,net_assets';

describe.skipIf(!seedsAvailable).each(dialects)('net assets below a provider’s assets on %s', (dialect) => {
  it('are refused at import on their lines, carried days included; nothing written; correct figures go through', async () => {
    const tdb = await freshDatabase(dialect);
    const db = await tdb.open();
    try {
      await importExhibits(db, seed('002_')); // the Plan, effective 2002-06-03: AIM Value Fund C
      // the class's net assets through Friday 2006-03-10 only
      await importNetAssets(
        db,
        'na-early.csv',
        csv(
          NA,
          businessDaysBetween('2006-03-01', '2006-03-10').map((d) => `${d},AIM Value Fund,C,1000.00`),
        ),
      );
      await importProviders(
        db,
        'providers.csv',
        Buffer.from(
          'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Granite Securities,dealer,2006-01-02,,\nDLR-2,Basalt Brokers,dealer,2006-01-02,,\n',
        ),
      );
      // DLR-1 holds 500.00 every business day through Friday 2006-03-24, and 700.00 on Saturday
      // 2006-03-18 (a figure of its own for a non-business day); DLR-2 holds 300.00 from 03-20
      await importProviderAssets(
        db,
        'pa.csv',
        csv(PA, [
          ...businessDaysBetween('2006-03-01', '2006-03-24').map((d) => `${d},DLR-1,AIM Value Fund,C,500.00`),
          '2006-03-18,DLR-1,AIM Value Fund,C,700.00',
          ...businessDaysBetween('2006-03-20', '2006-03-24').map((d) => `${d},DLR-2,AIM Value Fund,C,300.00`),
        ]),
      );
      const log = (await loadAuditLog(db)).length;
      const rest = (changes: Record<string, string>) =>
        csv(NA, [
          ...businessDaysBetween('2006-03-13', '2006-03-24').map(
            (d) => `${d},AIM Value Fund,C,${changes[d] ?? '1000.00'}`,
          ),
          ...Object.entries(changes)
            .filter(([d]) => !businessDaysBetween('2006-03-13', '2006-03-24').includes(d))
            .map(([d, v]) => `${d},AIM Value Fund,C,${v}`),
        ]);
      // lines: 2 = 03-13 … 6 = 03-17 (Fri), 7 = 03-20 … 11 = 03-24 (Fri), 12 = Saturday 03-25
      const bad = rest({
        '2006-03-15': '400.00', // line 4: below DLR-1's 500.00 that day (500.00 > 400.00)
        '2006-03-17': '600.00', // line 6: carried to Saturday 03-18, where DLR-1 holds 700.00 (700.00 > 600.00)
        '2006-03-21': '750.00', // line 8: 500.00 + 300.00 = 800.00 together, each alone below 750.00
        '2006-03-25': '450.00', // line 12: Saturday; DLR-1's Friday 500.00 is carried to it (500.00 > 450.00)
      });
      for (const restate of [false, true]) {
        const err = await importNetAssets(db, 'na-late.csv', bad, { restate }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ProblemsError);
        expect((err as ProblemsError).exitCode).toBe(65);
        expect(
          (err as ProblemsError).problems.map((p) => [
            p.file,
            p.line,
            p.field,
            p.value,
            p.reason.split(';')[0],
          ]),
        ).toEqual([
          [
            'na-late.csv',
            4,
            'net_assets',
            '400.00',
            "provider DLR-1's customers hold 500.00 of AIM Value Fund class C on 2006-03-15, above the class's net assets of 400.00 that day",
          ],
          [
            'na-late.csv',
            6,
            'net_assets',
            '600.00',
            "provider DLR-1's customers hold 700.00 of AIM Value Fund class C on 2006-03-18, above the class's net assets of 600.00 that day",
          ],
          [
            'na-late.csv',
            8,
            'net_assets',
            '750.00',
            "the 2 providers' customers together hold 800.00 of AIM Value Fund class C on 2006-03-21, above the class's net assets of 750.00 that day",
          ],
          [
            'na-late.csv',
            12,
            'net_assets',
            '450.00',
            "provider DLR-1's customers hold 500.00 of AIM Value Fund class C on 2006-03-25, above the class's net assets of 450.00 that day",
          ],
        ]);
      }
      // nothing written: no row after 03-10, no audit record
      const [{ n }] = (await db.query<{ n: string }>(
        "SELECT count(*)::text AS n FROM net_assets WHERE date > '2006-03-10'",
      )) as [{ n: string }];
      expect(n).toBe('0');
      expect((await loadAuditLog(db)).length).toBe(log);

      // at or above every provider's assets (and their sum: 500.00 + 300.00 = 800.00) it is recorded
      const ok = await importNetAssets(
        db,
        'na-late.csv',
        rest({
          '2006-03-15': '500.00',
          '2006-03-17': '700.00',
          '2006-03-21': '800.00',
          '2006-03-25': '800.00',
        }),
      );
      expect(ok.inserted).toBe(11);
    } finally {
      await db.close();
      await tdb.drop();
    }
  });
});
