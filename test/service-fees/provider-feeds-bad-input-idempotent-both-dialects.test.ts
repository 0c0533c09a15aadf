import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemsError } from '../../src/errors.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders, listProviders } from '../../src/feeds/providersFeed.js';
import { serviceFeesReport } from '../../src/reports/serviceFeesReport.js';
import type { Database } from '../../src/store/database.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { WORKED_PROVIDERS_CSV, workedProviderAssetsCsv } from './support/workedExample.js';
import { seedWorkedClass, serviceFeeCounts } from './support/workedStore.js';

/** The problems of a failed import, and its code: BAD_INPUT (65), CONFLICT (67) or REFUSED (68). */
async function failureOf(p: Promise<unknown>): Promise<{ code: string; exit: number; problems: string[] }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProblemsError)
      return {
        code: e.code,
        exit: e.exitCode,
        problems: e.problems.map((x) => `${x.file}:${x.line}:${x.field}: ${x.reason}`),
      };
    throw e;
  }
  throw new Error('expected the import to fail');
}

async function problemsOf(p: Promise<unknown>, code: 'BAD_INPUT' | 'CONFLICT'): Promise<string[]> {
  const f = await failureOf(p);
  expect(f.code).toBe(code);
  expect(f.exit).toBe(code === 'BAD_INPUT' ? 65 : 67);
  return f.problems;
}

const assets = (rows: string[]) =>
  Buffer.from(['date,provider,portfolio,class,net_assets', ...rows].join('\n'));
const providers = (rows: string[]) =>
  Buffer.from(['id,name,kind,agreement_date,own_rate_pct,terminated_on', ...rows].join('\n'));

// The same storage suite on every dialect: PGlite always, the PostgreSQL server when its URL is set.
describe.skipIf(!seedsAvailable).each(dialects)('provider feeds on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await seedWorkedClass(db);
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('providers: a bad row fails the whole file with file, line and field; nothing is written', async () => {
    const before = await serviceFeeCounts(db);
    const problems = await problemsOf(
      importProviders(
        db,
        'providers.csv',
        providers([
          'DLR-1,Dealer One Securities,dealer,2006-01-01,,',
          'BRK-1,Broker,broker,2006-01-01,,',
          'BNK-1,Second National Bank,bank,2006-13-01,,',
          'BNK-2,Third Bank,bank,2006-01-01,abc,',
          'DLR-1,Dealer One again,dealer,2006-01-01,,',
          'VAR-1,Insurer,variable-contract-company,2006-01-01,,2005-12-31',
          'bad id,Someone,dealer,2006-01-01,,',
        ]),
      ),
      'BAD_INPUT',
    );
    expect(problems.map((p) => p.split(': ')[0])).toEqual([
      'providers.csv:3:kind',
      'providers.csv:4:agreement_date',
      'providers.csv:5:own_rate_pct',
      'providers.csv:6:id',
      'providers.csv:7:terminated_on',
      'providers.csv:8:id',
    ]);
    expect(problems[3]).toMatch(/appears twice \(first on line 2\)/);
    expect(problems[4]).toMatch(/precedes the agreement date 2006-01-01/);
    expect(await serviceFeeCounts(db)).toEqual(before);
  });

  it('providers: the same file twice changes nothing; a row that changes a recorded provider is refused', async () => {
    const first = await importProviders(db, 'providers.csv', Buffer.from(WORKED_PROVIDERS_CSV));
    expect(first).toMatchObject({ rows: 2, inserted: 2, unchanged: 0 });
    const before = await serviceFeeCounts(db);
    const again = await importProviders(db, 'providers.csv', Buffer.from(WORKED_PROVIDERS_CSV));
    expect(again).toMatchObject({ rows: 2, inserted: 0, unchanged: 2 });
    expect(await serviceFeeCounts(db)).toEqual(before);
    const changed = await problemsOf(
      importProviders(
        db,
        'providers.csv',
        providers([
          'DLR-1,Dealer One Securities,dealer,2006-01-01,0.20,',
          'NEW-1,New Dealer,dealer,2007-01-01,,',
        ]),
      ),
      'CONFLICT',
    );
    expect(changed).toEqual([
      'providers.csv:2:own_rate_pct: provider DLR-1 is recorded with own_rate_pct (none), this row says 0.20; a recorded agreement is never changed — a new agreement needs a new provider id',
    ]);
    const ended = await problemsOf(
      importProviders(
        db,
        'providers.csv',
        providers(['BNK-1,Second National Bank,bank,2006-06-01,0.15,2007-03-01']),
      ),
      'CONFLICT',
    );
    expect(ended[0]).toMatch(/providers\.csv:2:terminated_on: .*plan12b providers terminate/);
    // --restate is not the remedy for a recorded agreement: the hint says what is.
    const hint = await importProviders(
      db,
      'providers.csv',
      providers(['BNK-1,Second National Bank,bank,2006-06-01,0.15,2007-03-01']),
    ).catch((e: ProblemsError) => e.hint);
    expect(hint).toMatch(/plan12b providers terminate/);
    expect(hint).not.toMatch(/--restate/);
    expect(await serviceFeeCounts(db)).toEqual(before);
    expect((await listProviders(db)).map((p) => [p.id, p.kind, p.exhibit, p.status])).toEqual([
      ['BNK-1', 'bank', 'B', 'in force'],
      ['DLR-1', 'dealer', 'A', 'in force'],
    ]);
  });

  it('provider assets: bad rows fail the whole file with file, line and field; nothing is written', async () => {
    const before = await serviceFeeCounts(db);
    const problems = await problemsOf(
      importProviderAssets(
        db,
        'assets.csv',
        assets([
          '2007-01-03,DLR-1,AIM Value Fund,C,100.00',
          '2007-01-03,NOBODY,AIM Value Fund,C,100.00',
          '2007-01-03,DLR-1,No Such Fund,C,100.00',
          '2007-01-03,DLR-1,AIM Value Fund,Q,100.00',
          '2007-01-04,DLR-1,AIM Value Fund,C,1.234',
          '2007-01-05,DLR-1,AIM Value Fund,C,-5.00',
          '2007-01-05,BNK-1,AIM Value Fund,C,1e5',
          '2007-01-03,DLR-1,AIM Value Fund,C,100.00',
          'yesterday,DLR-1,AIM Value Fund,C,1.00',
        ]),
      ),
      'BAD_INPUT',
    );
    expect(problems.map((p) => p.split(': ')[0])).toEqual([
      'assets.csv:3:provider',
      'assets.csv:4:portfolio',
      'assets.csv:5:class',
      'assets.csv:6:net_assets',
      'assets.csv:7:net_assets',
      'assets.csv:8:net_assets',
      'assets.csv:9:date',
      'assets.csv:10:date',
    ]);
    expect(problems[3]).toMatch(/more than two decimals/);
    expect(problems[4]).toMatch(/negative/);
    expect(problems[6]).toMatch(/duplicate row .* \(first on line 2\)/);
    expect(await serviceFeeCounts(db)).toEqual(before);
  });

  it("provider assets above the class's net assets — one provider's, or all providers' together — name both figures", async () => {
    const before = await serviceFeeCounts(db);
    const one = await problemsOf(
      importProviderAssets(db, 'big.csv', assets(['2007-01-12,DLR-1,AIM Value Fund,C,40150000.01'])),
      'BAD_INPUT',
    );
    expect(one).toEqual([
      "big.csv:2:net_assets: provider DLR-1's customers hold 40150000.01 of AIM Value Fund class C on 2007-01-12, above the class's net assets of 40150000.00 that day",
    ]);
    const together = await problemsOf(
      importProviderAssets(
        db,
        'sum.csv',
        assets([
          '2007-01-16,DLR-1,AIM Value Fund,C,20000000.00',
          '2007-01-16,BNK-1,AIM Value Fund,C,16500000.01',
        ]),
      ),
      'BAD_INPUT',
    );
    expect(together).toEqual([
      "sum.csv:2:net_assets: the 2 providers' customers together hold 36500000.01 of AIM Value Fund class C on 2007-01-16, above the class's net assets of 36500000.00 that day",
    ]);
    const early = await problemsOf(
      importProviderAssets(db, 'early.csv', assets(['2006-12-28,DLR-1,AIM Value Fund,C,1.00'])),
      'BAD_INPUT',
    );
    expect(early[0]).toMatch(
      /early\.csv:2:date: no net assets recorded for AIM Value Fund class C on or before 2006-12-28; import the class's net assets first/,
    );
    const gap = await problemsOf(
      importProviderAssets(
        db,
        'gap.csv',
        assets(['2007-01-03,DLR-1,AIM Value Fund,C,1.00', '2007-01-05,DLR-1,AIM Value Fund,C,1.00']),
      ),
      'BAD_INPUT',
    );
    expect(gap[0]).toMatch(/gap\.csv:3:date: no assets for DLR-1 in AIM Value Fund class C on 2007-01-04/);
    expect(await serviceFeeCounts(db)).toEqual(before);
  });

  it('provider assets: idempotent; a changed figure is refused unless restated, and the restatement is recorded', async () => {
    const csv = Buffer.from(workedProviderAssetsCsv());
    const first = await importProviderAssets(db, 'assets.csv', csv);
    expect(first).toMatchObject({ rows: 42, inserted: 42, unchanged: 0 });
    const before = await serviceFeeCounts(db);
    const again = await importProviderAssets(db, 'assets.csv', csv);
    expect(again).toMatchObject({ rows: 42, inserted: 0, unchanged: 42 });
    expect(await serviceFeeCounts(db)).toEqual(before);
    const changed = assets(['2007-01-31,BNK-1,AIM Value Fund,C,10950000.01']);
    expect(await problemsOf(importProviderAssets(db, 'fix.csv', changed), 'CONFLICT')).toEqual([
      'fix.csv:2:net_assets: BNK-1 in AIM Value Fund class C on 2007-01-31 is recorded as 10950000.00, this row says 10950000.01; to correct it, import with --restate',
    ]);
    const restated = await importProviderAssets(db, 'fix.csv', changed, { restate: true });
    expect(restated.restated).toEqual([
      {
        provider: 'BNK-1',
        portfolio: 'AIM Value Fund',
        class: 'C',
        date: '2007-01-31',
        old: '10950000.00',
        new: '10950000.01',
        closedMonth: null,
      },
    ]);
    const back = await importProviderAssets(
      db,
      'fix.csv',
      assets(['2007-01-31,BNK-1,AIM Value Fund,C,10950000.00']),
      {
        restate: true,
      },
    );
    expect(back.restated).toHaveLength(1);
    expect((await serviceFeeCounts(db)).provider_assets_restatement).toBe(2);
  });

  it('the month from the store: both providers at full term, the Distributor keeps the rest', async () => {
    // No termination recorded in this store: DLR-1 earns all 31 days (figures of support/workedExample.ts).
    const report = await serviceFeesReport(db, '2007-01');
    // DLR-1: 27 days × 100.00 + 4 days (Jan 12–15) × 100.01 = 3,100.04
    expect(report.providers.map((p) => [p.id, p.amount])).toEqual([
      ['BNK-1', '1080.00'],
      ['DLR-1', '3100.04'],
    ]);
    expect(report.totals).toEqual({
      serviceFee: '7850.01',
      providerFees: '4180.04',
      distributorRetained: '3669.97',
    });
  });
});
