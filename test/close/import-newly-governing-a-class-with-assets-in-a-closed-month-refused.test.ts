import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditEvidence } from '../../src/audit/auditEvidence.js';
import { verifyAuditEvidence } from '../../src/audit/auditVerification.js';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { ProblemsError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import type { Database } from '../../src/store/database.js';
import { listDocuments } from '../../src/store/registryStore.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';
import { mistakenClassKPlan } from './mistakenPlanFixture.js';

const FUND = 'AIM Value Fund';
const OTHER = 'AIM Basic Balanced Fund';

/** The fixture's plan for `fund` class `cls`, effective `from` (its own instrument per fund and date). */
function planFrom(fund: string, cls: string, from: string) {
  const { doc } = mistakenClassKPlan(fund);
  const dated = {
    ...doc,
    title: `Master Distribution Plan of AIM Funds Group (Class ${cls} Shares of ${fund})`,
    effectiveDate: from,
    datedDate: from,
    instrument: {
      ...doc.instrument!,
      title: `Master Distribution Plan (Class ${cls} Shares of ${fund})`,
      classes: [cls],
      datedAsOf: from,
    },
    schedules: doc.schedules.map((x) => ({ ...x, entries: x.entries.map((e) => ({ ...e, class: cls })) })),
  };
  return {
    fileName: `class-${cls}-${fund.replaceAll(' ', '-')}-${from}.txt`,
    bytes: Buffer.from(renderExhibit(dated, { marked: false })),
  };
}

/**
 * SPEC §12: a closed month is locked. January 2007 closed with AIM Value Fund class K holding
 * 36,500,000.00 a day but no instrument covering it yet (its plan takes effect 2007-03-01): no fees. A Class K plan effective 2006-12-01
 * (before the closed months, so not caught by its effective date) would make January owe
 * 0.50% / 365 × 36,500,000.00 = 500.00 a day — the sealed month would silently disagree with a
 * recomputation. It is refused (68), naming the month, the class and the first day with assets;
 * the same plan for a class with no assets in January changes nothing and is accepted.
 */
describe.skipIf(!seedsAvailable).each(dialects)(
  'a document newly governing a class with assets in a closed month, on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      // class K exists (its plan takes effect 2007-03-01), so its January net assets are recorded
      await importExhibits(db, [
        ...seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
        planFrom(FUND, 'K', '2007-03-01'),
      ]);
      const rows = businessDaysBetween('2007-01-03', '2007-02-28').map((d) => `${d},${FUND},K,36500000.00`);
      await importNetAssets(
        db,
        'na.csv',
        Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')),
      );
      await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS);
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    it('is refused, naming the closed month, the class and the first day with net assets; nothing written', async () => {
      const before = (await listDocuments(db)).length;
      const err = await importExhibits(db, [planFrom(FUND, 'K', '2006-12-01')]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProblemsError);
      const problems = (err as ProblemsError).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]!.code).toBe('REFUSED');
      expect(problems[0]!.reason).toContain('2007-01 is closed');
      expect(problems[0]!.reason).toContain(`${FUND} class K from 2007-01-01`);
      expect(problems[0]!.reason).toContain('and it has net assets on 2007-01-03');
      expect((await listDocuments(db)).length).toBe(before);
    });

    it('the same plan for a class with no assets in the closed month is accepted', async () => {
      const r = await importExhibits(db, [planFrom(OTHER, 'K', '2006-12-01')]);
      expect(r.imported).toHaveLength(1);
    });

    it('and the closed month still verifies against its seal', async () => {
      expect(verifyAuditEvidence(await loadAuditEvidence(db)).findings).toEqual([]);
    });
  },
);
