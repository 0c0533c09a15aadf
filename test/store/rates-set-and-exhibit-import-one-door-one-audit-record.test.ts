import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { Plan12bError, ProblemsError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { setBoardRate } from '../../src/import/boardRateChange.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { setActor } from '../../src/store/actor.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import { loadBoardRates } from '../../src/store/boardRatesRepository.js';
import type { Database } from '../../src/store/database.js';
import { loadDocuments } from '../../src/store/registryStore.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

const seed = (prefix: string) => seedExhibitFiles().filter((f) => f.fileName.includes(`/${prefix}`));

describe.skipIf(!seedsAvailable).each(dialects)(
  'rates set and exhibit import through the door on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      setActor('Test Treasurer');
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      await importExhibits(db, seed('002_')); // the Plan, effective 2002-06-03
      await importNetAssets(
        db,
        'na.csv',
        Buffer.from(
          [
            'date,portfolio,class,net_assets',
            ...businessDaysBetween('2006-03-01', '2006-03-31').map(
              (d) => `${d},AIM Value Fund,C,36500000.00`,
            ),
          ].join('\n'),
        ),
      );
      await closeMonth(db, '2006-03', MONTH_CLOSE_STEPS);
    });
    afterAll(async () => {
      setActor(undefined);
      await db.close();
      await tdb.drop();
    });

    it('an exhibit effective in a closed month is refused (68) with file and field, and nothing of the call is written', async () => {
      const before = await loadAuditLog(db);
      // Amendment No. 12 is effective 2006-03-31, inside closed 2006-03; Amendment No. 6 is not.
      const err = await importExhibits(db, [...seed('001_'), ...seed('000_')]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProblemsError);
      expect((err as ProblemsError).exitCode).toBe(68);
      expect((err as ProblemsError).problems).toEqual([
        expect.objectContaining({
          code: 'REFUSED',
          file: expect.stringContaining('000_'),
          field: 'effective date',
          value: '2006-03-31',
        }),
      ]);
      expect((await loadDocuments(db)).length).toBe(1);
      expect(await loadAuditLog(db)).toEqual(before);
    });

    it('one exhibit import of three documents writes exactly one audit record, with the actor; the same again none', async () => {
      const before = (await loadAuditLog(db)).length;
      const files = [...seed('001_'), ...seed('003_'), ...seed('004_')];
      const result = await importExhibits(db, files);
      expect(result.imported).toHaveLength(3);
      const log = await loadAuditLog(db);
      expect(log.length).toBe(before + 1);
      expect(log.at(-1)).toMatchObject({ action: 'exhibit.import', actor: 'Test Treasurer' });
      expect(log.at(-1)!.subject.split(', ').sort()).toEqual(
        files.map((f) => f.fileName.split('/').at(-1)).sort(),
      );
      const again = await importExhibits(db, files);
      expect(again.imported).toHaveLength(0);
      expect((await loadAuditLog(db)).length).toBe(before + 1);
    });

    it('rates set from a day in a closed month is refused (68); in an open month recorded once, with one audit record', async () => {
      const rate = {
        portfolio: 'AIM Value Fund',
        class: 'C',
        distributionFeePct: '0.50',
        serviceFeePct: null,
        reason: 'Board resolution',
      };
      const before = (await loadAuditLog(db)).length;
      const refused = await setBoardRate(db, { ...rate, effectiveDate: '2006-03-15' }).catch(
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(Plan12bError);
      expect((refused as Plan12bError).exitCode).toBe(68);
      expect((refused as Plan12bError).message).toMatch(/2006-03 is closed/);
      expect(await loadBoardRates(db)).toEqual([]);

      expect(await setBoardRate(db, { ...rate, effectiveDate: '2006-04-03' })).toMatchObject({
        recorded: true,
      });
      expect(await setBoardRate(db, { ...rate, effectiveDate: '2006-04-03' })).toMatchObject({
        recorded: false,
      });
      const log = await loadAuditLog(db);
      expect(log.length).toBe(before + 1);
      expect(log.at(-1)).toMatchObject({
        action: 'rates.set',
        actor: 'Test Treasurer',
        subject: 'AIM Value Fund class C from 2006-04-03',
      });
      expect(await loadBoardRates(db)).toEqual([
        expect.objectContaining({ class: 'C', effectiveDate: '2006-04-03', distributionFeePct: '0.500000' }),
      ]);
    });
  },
);
