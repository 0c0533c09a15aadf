import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { feesReport } from '../../src/reports/feesReport.js';
import { setBoardRate } from '../../src/store/boardRateStore.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { CURRENT_SCHEMA_VERSION, migrate, schemaVersion } from '../../src/store/migrations.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

async function counts(db: Database) {
  const tables = [
    'exhibit_document',
    'portfolio_name',
    'board_rate',
    'net_assets',
    'net_assets_restatement',
    'feed_import',
  ];
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n);
  return out;
}

const csv = (rows: string[]) => Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n'));

// One storage suite, run against every dialect (PGlite always; the server when its URL is given).
describe.skipIf(!seedsAvailable).each(dialects)('storage contract on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('migrations are versioned and applying them again changes nothing', async () => {
    expect(await schemaVersion(db)).toBe(CURRENT_SCHEMA_VERSION);
    expect(await migrate(db)).toEqual([]);
  });

  it('imports the seeds in one transaction; the same bytes again change nothing', async () => {
    const files = seedExhibitFiles();
    const first = await importExhibits(db, files);
    expect(first.imported).toHaveLength(5);
    const before = await counts(db);
    const again = await importExhibits(db, files);
    expect(again.imported).toHaveLength(0);
    expect(again.unchanged).toHaveLength(5);
    expect(await counts(db)).toEqual(before);
  });

  it('a bad exhibit among good ones writes nothing', async () => {
    const before = await counts(db);
    const good = seedExhibitFiles()[0]!;
    await expect(
      importExhibits(db, [
        { ...good, bytes: Buffer.concat([good.bytes, Buffer.from(' ')]) },
        { fileName: 'empty.txt', bytes: Buffer.alloc(0) },
      ]),
    ).rejects.toThrow(/empty\.txt:1/);
    expect(await counts(db)).toEqual(before);
  });

  it('net assets: a bad row fails the whole file with file, line and field; nothing is written', async () => {
    const before = await counts(db);
    const bad = csv([
      '2008-01-02,AIM Value Fund,C,100.00',
      '2008-01-03,AIM Value Fund,C,-5.00',
      '2008-01-04,No Such Fund,C,1.00',
      '2008-01-07,AIM Value Fund,C,1.234',
      '2008-01-08,AIM Value Fund,Q,1.00',
      '2008-01-09,AIM Value Fund,C,1.00',
      '2008-01-09,AIM Value Fund,C,1.00',
      'yesterday,AIM Value Fund,C,1.00',
    ]);
    let err: BadInputError | undefined;
    try {
      await importNetAssets(db, 'na.csv', bad);
    } catch (e) {
      err = e as BadInputError;
    }
    expect(err).toBeInstanceOf(BadInputError);
    const problems = err!.problems.map((p) => `${p.file}:${p.line}:${p.field}`);
    expect(problems).toEqual([
      'na.csv:3:net_assets',
      'na.csv:4:portfolio',
      'na.csv:5:net_assets',
      'na.csv:6:class',
      'na.csv:8:date',
      'na.csv:9:date',
    ]);
    expect(err!.problems[2]!.reason).toMatch(/more than two decimals/);
    expect(err!.problems[4]!.reason).toMatch(/duplicate/);
    expect(await counts(db)).toEqual(before);
  });

  it('net assets: a missing NYSE business day is an error naming the class and the date', async () => {
    const gap = csv(['2008-01-02,AIM Value Fund,C,100.00', '2008-01-04,AIM Value Fund,C,100.00']);
    await expect(importNetAssets(db, 'gap.csv', gap)).rejects.toThrow(/AIM Value Fund class C on 2008-01-03/);
  });

  it('net assets: idempotent; a changed value is refused unless restated, and the restatement is recorded', async () => {
    const rows = [
      '2008-01-02,AIM Value Fund,C,1000000.00',
      '2008-01-03,AIM Value Fund,C,1000100.00',
      '2008-01-04,AIM Value Fund,C,1000200.00',
    ];
    const first = await importNetAssets(db, 'na.csv', csv(rows));
    expect(first.inserted).toBe(3);
    const again = await importNetAssets(db, 'na.csv', csv(rows));
    expect(again).toMatchObject({ inserted: 0, unchanged: 3 });
    const changed = csv([rows[0]!, '2008-01-03,AIM Value Fund,C,999999.99']);
    await expect(importNetAssets(db, 'fix.csv', changed)).rejects.toThrow(
      /fix\.csv:3: net_assets: .*recorded as 1000100\.00.*--restate/,
    );
    await db.query("INSERT INTO closed_month (month, closed_by) VALUES ('2008-01', 'test')");
    const restated = await importNetAssets(db, 'fix.csv', changed, { restate: true });
    expect(restated.restated).toEqual([
      {
        portfolio: 'AIM Value Fund',
        class: 'C',
        date: '2008-01-03',
        old: '1000100.00',
        new: '999999.99',
        closedMonth: '2008-01',
      },
    ]);
    const log = await db.query<{
      old_net_assets: string;
      new_net_assets: string;
      restated_by: string;
      closed_month: string;
    }>('SELECT old_net_assets, new_net_assets, restated_by, closed_month FROM net_assets_restatement');
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      old_net_assets: '1000100.00',
      new_net_assets: '999999.99',
      closed_month: '2008-01',
    });
    await db.query('DELETE FROM closed_month');
  });

  it('fees come from stored net assets and registry rates (0.75% / 0.25%, 366-day year)', async () => {
    const report = await feesReport(db, {
      from: '2008-01-02',
      to: '2008-01-04',
      portfolio: 'AIM Value Fund',
      class: 'C',
    });
    // 1,000,000.00 × 0.75% / 366 = 20.4918… → 20.49; 999,999.99 → 20.49; 1,000,200.00 → 20.4959 → 20.50
    expect(report.classes).toEqual([
      expect.objectContaining({
        month: '2008-01',
        days: 3,
        distributionFee: '61.48',
        serviceFee: '20.49',
        averageDailyNetAssets: '1000066.66',
      }),
    ]);
  });

  it('board-set rates below the maxima are recorded; above them refused', async () => {
    await expect(
      setBoardRate(db, {
        portfolio: 'AIM Core Stock Fund',
        class: 'K',
        effectiveDate: '2005-01-01',
        distributionFeePct: '0.50',
        serviceFeePct: null,
        reason: null,
      }),
    ).rejects.toThrow(/above the maximum/);
    const ok = await setBoardRate(db, {
      portfolio: 'INVESCO Core Equity Fund',
      class: 'K',
      effectiveDate: '2005-01-01',
      distributionFeePct: '0.10',
      serviceFeePct: '0.20',
      reason: 'Board resolution',
    });
    expect(ok.recorded).toBe(true);
    // recorded under the name the portfolio bore on 2005-01-01 (Amendment No. 6 renamed it from
    // 2004-10-15), and answered so: not the old name the rate was given by (SPEC §2)
    expect(ok.portfolio).toBe('AIM Core Stock Fund');
    const registry = await loadRegistry(db);
    const [entry] = registry.scheduleAsOf('2005-06-30', {
      portfolio: 'AIM Core Stock Fund',
      class: 'K',
    }).entries;
    expect(entry).toMatchObject({
      assetBasedSalesChargePct: '0.10',
      serviceFeePct: '0.20',
      rateSource: 'board',
    });
    expect(entry!.scheduleRates.assetBasedSalesChargePct).toBe('0.20');
    const [before] = registry.scheduleAsOf('2004-12-31', {
      portfolio: 'AIM Core Stock Fund',
      class: 'K',
    }).entries;
    expect(before).toMatchObject({ assetBasedSalesChargePct: '0.20', rateSource: 'schedule' });
  });
});
