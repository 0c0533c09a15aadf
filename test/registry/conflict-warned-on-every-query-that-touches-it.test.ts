import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { feesReport } from '../../src/reports/feesReport.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import { serviceFeesReport } from '../../src/reports/serviceFeesReport.js';
import type { Database } from '../../src/store/database.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';
import { apartFromLapses } from './registryFixtures.js';

/**
 * SPEC §2, issue 11 item 6: two governing entries with the same effective date are a conflict,
 * reported as a warning on EVERY query that touches them — not only at import.
 *
 * The A&R Master Distribution Agreement (Class B, seed 003_, made as of 2003-08-18) lists AIM
 * Balanced Fund without rates: 0.75% / 0.25% from its terms. A Class B plan made effective the
 * same day lists it at 0.50% / 0.25%: a conflict for AIM Balanced Fund class B from 2003-08-18.
 */
const rival: ExhibitDocument = {
  kind: 'plan',
  title: 'Master Distribution Plan of AIM Funds Group (Class B Shares)',
  exhibit: null,
  instrument: {
    kind: 'plan',
    title: 'Master Distribution Plan',
    registrant: 'AIM Funds Group',
    classes: ['B'],
    datedAsOf: '2003-08-18',
  },
  amendmentNumber: null,
  effectiveDate: '2003-08-18',
  datedDate: '2003-08-18',
  terms: { distributionFeePct: null, serviceFeePct: null },
  schedules: [
    {
      name: 'Schedule A',
      replacesEntirely: false,
      entries: [
        {
          registrant: 'AIM FUNDS GROUP',
          portfolio: 'AIM Balanced Fund',
          class: 'B',
          assetBasedSalesChargePct: '0.50',
          assetBasedSalesChargeBound: 'maximum',
          serviceFeePct: '0.25',
          aggregateFeePct: '0.75',
        },
      ],
    },
  ],
  renames: [],
  renameRules: [],
  footnotes: [],
  warnings: [],
};

const CONFLICT =
  /^conflict for AIM Balanced Fund class B: .*also governs from 2003-08-18 with different rates/;

describe('two versions of one schedule with the same effective date (pure registry)', () => {
  // Two filings of the same Class B plan's Schedule A, both effective 2003-08-18: one at 0.50%,
  // one at 0.60%. One is used (the canonical order picks it); the other is a conflict, warned
  // wherever the class is read — not only once in the registry's own warnings.
  const at = (pct: string, aggregate: string): ExhibitDocument => ({
    ...rival,
    schedules: [
      {
        ...rival.schedules[0]!,
        entries: [
          { ...rival.schedules[0]!.entries[0]!, assetBasedSalesChargePct: pct, aggregateFeePct: aggregate },
        ],
      },
    ],
  });
  const registry = buildRegistry([
    { id: 'a'.repeat(64), fileName: 'first.txt', doc: at('0.50', '0.75') },
    { id: 'b'.repeat(64), fileName: 'second.txt', doc: at('0.60', '0.85') },
  ]);

  it('schedule as of a day, the history and the conflicts of a range all carry it', () => {
    const pid = registry.identities.resolve('AIM Balanced Fund')!;
    const want =
      /^conflict for AIM Balanced Fund class B: Schedule A of Master Distribution Plan in second\.txt, also effective 2003-08-18, gives different rates \(first\.txt is used\)$/;
    expect(apartFromLapses(registry.scheduleAsOf('2004-01-01').warnings)).toEqual([
      expect.stringMatching(want),
    ]);
    expect(registry.portfolioHistory('AIM Balanced Fund')!.warnings).toEqual([expect.stringMatching(want)]);
    expect(registry.conflictsDuring(pid, 'B', '2007-01-01', '2007-01-31')).toEqual([
      expect.stringMatching(want),
    ]);
    expect(registry.conflictsDuring(pid, 'B', '2003-01-01', '2003-08-17')).toEqual([]);
  });
});

describe.skipIf(!seedsAvailable).each(dialects)('a conflict is a warning on every query on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(db, [
      ...seedExhibitFiles().filter((f) => f.fileName.includes('003_')),
      { fileName: 'rival-class-b-plan.txt', bytes: Buffer.from(renderExhibit(rival, { marked: false })) },
    ]);
    const rows = businessDaysBetween('2007-01-01', '2007-01-31').map(
      (d) => `${d},AIM Balanced Fund,B,36500000.00`,
    );
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')));
  });
  let open = true;
  afterAll(async () => {
    if (open) await db.close();
    await tdb.drop();
  });

  it('schedule --as-of: the conflicting entry carries the warning; entries without one do not', async () => {
    const registry = await loadRegistry(db);
    const touched = registry.scheduleAsOf('2007-01-15', { portfolio: 'AIM Balanced Fund', class: 'B' });
    expect(apartFromLapses(touched.warnings)).toEqual([expect.stringMatching(CONFLICT)]);
    const untouched = registry.scheduleAsOf('2007-01-15', { portfolio: 'AIM Basic Balanced Fund' });
    expect(untouched.entries).toHaveLength(1);
    expect(apartFromLapses(untouched.warnings)).toEqual([]);
  });

  it('portfolio history', async () => {
    const registry = await loadRegistry(db);
    expect(registry.portfolioHistory('AIM Balanced Fund')!.warnings).toEqual([
      expect.stringMatching(CONFLICT),
    ]);
    expect(registry.portfolioHistory('AIM Basic Balanced Fund')!.warnings).toEqual([]);
  });

  it('fees over a range that touches it', async () => {
    const fees = await feesReport(db, { from: '2007-01-01', to: '2007-01-31' });
    expect(fees.warnings).toEqual([expect.stringMatching(CONFLICT)]);
    expect(fees.classes).toHaveLength(1);
  });

  it('service fees of the month', async () => {
    const report = await serviceFeesReport(db, '2007-01');
    expect(report.warnings).toContainEqual(expect.stringMatching(CONFLICT));
  });

  it('the Monthly Calculation of the month', async () => {
    const report = await monthlyCalculationReport(db, '2007-01');
    expect(report.warnings).toContainEqual(expect.stringMatching(CONFLICT));
  });

  it.runIf(dialect === 'pglite')(
    'through the CLI: text on stderr, a warnings array in --json (schedule, history, Monthly Calculation)',
    async () => {
      // PGlite's folder is one process's at a time: this one lets go, and the CLI runs one by one
      await db.close();
      open = false;
      const schedule = await runCliInProcess([
        '--db',
        tdb.target,
        'schedule',
        '--as-of',
        '2007-01-15',
        '--class',
        'B',
      ]);
      const history = await runCliInProcess([
        '--db',
        tdb.target,
        'portfolio',
        'history',
        'AIM Balanced Fund',
        '--json',
      ]);
      const mc = await runCliInProcess(['--db', tdb.target, 'monthly-calculation', '--month', '2007-01']);
      expect(schedule.code).toBe(0);
      expect(schedule.stderr).toMatch(/warning: conflict for AIM Balanced Fund class B/);
      expect(history.json<{ warnings: string[] }>().warnings).toEqual([expect.stringMatching(CONFLICT)]);
      expect(mc.code).toBe(0);
      expect(mc.stderr).toMatch(/warning: conflict for AIM Balanced Fund class B/);
    },
    300_000,
  );
});
