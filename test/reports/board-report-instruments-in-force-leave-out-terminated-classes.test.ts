import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { recordTermination } from '../../src/feeds/terminationsFeed.js';
import { boardReport, boardReportLines } from '../../src/reports/boardReport.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * The Sixth A&R Master Distribution Plan of AIM Funds Group lists 12 portfolios and 27 classes
 * (12 A, 12 C, 3 R). Plan §9: terminated for AIM Value Fund class C from 2025-11-15, "the
 * obligation of the Fund to make payments pursuant to this Plan will also cease"; then for every
 * portfolio and class from 2026-02-01. The board report's "instruments in force at quarter end":
 * - 2025Q3: 12 portfolios, 27 classes (nothing terminated yet);
 * - 2025Q4: 12 portfolios, 26 classes (AIM Value Fund keeps its classes A and R);
 * - 2026Q1: the Plan is in force for no class: no line.
 */
const TITLE = 'Sixth Amended and Restated Master Distribution Plan';

describe.skipIf(!seedsAvailable).each(dialects)(
  'board report: instruments in force leave out the classes the Plan was terminated for, on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      await importExhibits(
        db,
        seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
      );
      const base = { instrument: 'plan' as const, by: 'trustees' as const, noticeDate: null, reason: null };
      await recordTermination(db, { ...base, portfolio: 'AIM Value Fund', class: 'C', date: '2025-11-15' });
      await recordTermination(db, { ...base, portfolio: 'all', class: null, date: '2026-02-01' });
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    const instruments = async (quarter: string) => {
      const r = await db.transaction((q) => boardReport(q, parseQuarter(quarter)!));
      return {
        r,
        lines: r.instruments.map((i) => [i.instrument, i.portfolios, i.classes]),
      };
    };

    it('before any termination: 12 portfolios, 27 classes', async () => {
      expect((await instruments('2025Q3')).lines).toEqual([[TITLE, 12, 27]]);
    });

    it('after the termination for AIM Value Fund class C: 26 classes, in the CSV too', async () => {
      const { r, lines } = await instruments('2025Q4');
      expect(lines).toEqual([[TITLE, 12, 26]]);
      expect(boardReportLines(r).filter((l) => l.section === 'instruments in force')).toEqual([
        expect.objectContaining({
          item: TITLE,
          detail: expect.stringMatching(/; 12 portfolios, 26 classes$/),
        }),
      ]);
    });

    it('terminated for every portfolio and class: not in force at all', async () => {
      expect((await instruments('2026Q1')).lines).toEqual([]);
    });
  },
);
