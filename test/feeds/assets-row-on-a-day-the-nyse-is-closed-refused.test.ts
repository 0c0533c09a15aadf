/**
 * SPEC §4: "A non-business day uses the latest earlier row" — a class's net assets (and a service
 * provider's customers' assets, SPEC §5, carried forward like them) exist for NYSE business days
 * only. A row dated on a weekend, a holiday or an unscheduled closure would replace the figure the
 * SPEC carries over that day, so the import refuses it, naming the line, the day and why the NYSE
 * was closed, and writes nothing.
 *
 * January 2007: Tuesday Jan 2 was the national day of mourning for President Ford (closed),
 * Saturday Jan 6 a weekend day, Monday Jan 15 Martin Luther King Jr. Day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nonBusinessDayRowProblems } from '../../src/accrual/nonBusinessDayRow.js';
import { BadInputError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { importContractSeeds } from './support/feedContracts.js';

const NA_HEADER = 'date,portfolio,class,net_assets';
const PA_HEADER = 'date,provider,portfolio,class,net_assets';
const bytes = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BadInputError);
  return (e as BadInputError).problems.map((q) => ({ line: q.line, field: q.field, value: q.value }));
}

describe('a row dated on a day the NYSE is closed', () => {
  it('is named with the reason the exchange was closed', () => {
    const problems = nonBusinessDayRowProblems('na.csv', [
      { line: 2, date: '2007-01-02' },
      { line: 3, date: '2007-01-03' },
      { line: 4, date: '2007-01-06' },
      { line: 5, date: '2022-06-20' },
      { line: 6, date: '2021-06-18' }, // Juneteenth is a NYSE holiday only from 2022: open
    ]);
    expect(problems.map((p) => [p.line, p.value])).toEqual([
      [2, '2007-01-02'],
      [4, '2007-01-06'],
      [5, '2022-06-20'],
    ]);
    expect(problems[1]!.reason).toMatch(/^2007-01-06 is not an NYSE business day \(Saturday\)/);
    expect(problems[2]!.reason).toMatch(/\(Juneteenth/);
  });
});

describe.skipIf(!seedsAvailable)('net assets and provider assets on a closed day (pglite)', () => {
  let store: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    db = await store.open();
    await importContractSeeds(db);
  }, 300_000);
  afterAll(async () => {
    await db?.close();
    await store?.drop();
  });
  const days = ['2007-01-03', '2007-01-04', '2007-01-05', '2007-01-08', '2007-01-09'];

  it('refuses every such net-assets row and writes nothing; the business days alone import', async () => {
    const file = [
      NA_HEADER,
      '2007-01-02,AIM Value Fund,C,1000000.00', // line 2: Ford closure
      ...days.slice(0, 3).map((d) => `${d},AIM Value Fund,C,1000000.00`),
      '2007-01-06,AIM Value Fund,C,9999999.99', // line 6: Saturday
      ...days.slice(3).map((d) => `${d},AIM Value Fund,C,1000000.00`),
    ];
    expect(await refusal(importNetAssets(db, 'na.csv', bytes(file)))).toEqual([
      { line: 2, field: 'date', value: '2007-01-02' },
      { line: 6, field: 'date', value: '2007-01-06' },
    ]);
    const count = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM net_assets');
    expect(count[0]!.n).toBe('0');
    const ok = await importNetAssets(
      db,
      'na.csv',
      bytes([NA_HEADER, ...days.map((d) => `${d},AIM Value Fund,C,1000000.00`)]),
    );
    expect(ok.inserted).toBe(5);
  });

  it("refuses a provider's assets on a closed day too", async () => {
    await importProviders(
      db,
      'providers.csv',
      bytes([
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-1,Dealer One,dealer,2006-01-01,,',
      ]),
    );
    const file = [
      PA_HEADER,
      ...days.slice(0, 3).map((d) => `${d},DLR-1,AIM Value Fund,C,500000.00`),
      '2007-01-07,DLR-1,AIM Value Fund,C,500000.00', // line 5: Sunday
      ...days.slice(3).map((d) => `${d},DLR-1,AIM Value Fund,C,500000.00`),
    ];
    expect(await refusal(importProviderAssets(db, 'assets.csv', bytes(file)))).toEqual([
      { line: 5, field: 'date', value: '2007-01-07' },
    ]);
  });
});
