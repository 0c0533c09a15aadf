import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/** The commands as a user runs them (a few spawns; the arithmetic is tested in-process). */
describe.skipIf(!seedsAvailable)('plan12b finra-cap, board-report, rates set beyond FINRA', () => {
  let tdb: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-finra-cli-'));
  beforeAll(async () => {
    tdb = await freshDatabase('pglite', dir);
    const db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
    );
    const na = businessDaysBetween('2024-12-31', '2025-06-30').map((d) => `${d},AIM Value Fund,C,3650000.00`);
    await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...na].join('\n')));
    await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2024-12-19,2.65\n'));
    await importGrossSales(
      db,
      'gs.csv',
      Buffer.from('month,portfolio,class,gross_sales\n2025-01,AIM Value Fund,C,160000.00\n'),
    );
    await db.close();
  });
  afterAll(() => tdb.drop());

  it('finra-cap --csv: a line per month; the ABSC allowed stops once the cap is used up', async () => {
    const r = await runCliInProcess([
      '--db',
      tdb.target,
      'finra-cap',
      '--class',
      'C',
      '--through',
      '2025-06',
      '--csv',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'portfolio,class,month,opening,newGrossSales,capPct,capAddition,primeRatePct,interest,frontEndAndDeferred,deferredCreditedToFund,abscAccrued,abscAllowed,abscNotAccrued,remaining,exhausted',
    );
    expect(lines).toHaveLength(7);
    // 2025-01: 6.25% × 160,000.00 = 10,000.00 less 31 × 75.00 = 2,325.00 → 7,675.00
    expect(lines[1]).toBe(
      'AIM Value Fund,C,2025-01,0.00,160000.00,6.25,10000.00,2.65,0.00,0.00,0.00,2325.00,2325.00,0.00,7675.00,false',
    );
    // then as in test/governance (without its CDSC): 02 → 5,596.49 (interest 21.49); 03 → 3,288.84
    // (17.35); 04 → 1,048.71 (9.87); 05: interest 3.25, room 1,051.96 = 14 × 75.00 + 1.96 → day 15
    expect(lines[5]).toMatch(
      /^AIM Value Fund,C,2025-05,1048\.71,.*,3\.25,.*,2325\.00,1051\.96,1273\.04,0\.00,true$/,
    );
    expect(r.stderr).toMatch(/exhausted on 2025-05-15/);
  });

  it('board-report --pdf --xlsx --json', async () => {
    const pdf = join(dir, 'board.pdf');
    const xlsx = join(dir, 'board.xlsx');
    const r = await runCliInProcess([
      '--db',
      tdb.target,
      'board-report',
      '--quarter',
      '2025Q2',
      '--pdf',
      pdf,
      '--xlsx',
      xlsx,
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.json<{ quarter: string; approvals: unknown[] }>()).toMatchObject({
      quarter: '2025Q2',
      approvals: [], // no votes in the quarter (the approvals are read since issue 12 merged)
    });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(xlsx)).toBe(true);
  });

  it('a bad feed row: exit 65 with file, line and field in the JSON error', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'month,portfolio,class,gross_sales\n2025-02,AIM Value Fund,C,abc\n');
    const r = await runCliInProcess(['--db', tdb.target, 'gross-sales', 'import', bad, '--json']);
    expect(r.code).toBe(65);
    expect(r.stdout + r.stderr).toMatch(/"line": 2/);
    expect(r.stdout + r.stderr).toMatch(/"field": "gross_sales"/);
  });

  it('rates set --distribution-fee 0.80 is refused (exit 68): above the 0.75% FINRA maximum', async () => {
    const r = await runCliInProcess([
      '--db',
      tdb.target,
      'rates',
      'set',
      '--portfolio',
      'AIM Value Fund',
      '--class',
      'C',
      '--from',
      '2025-07-01',
      '--distribution-fee',
      '0.80',
    ]);
    expect(r.code).toBe(68);
    expect(r.stderr).toMatch(/refused/);
  });
});
