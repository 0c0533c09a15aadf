/**
 * A daily figure above 2,500,000,000,000.00 (netAssetsLimit.ts: a month of them sums exactly below
 * 2^53 cents in every engine) is refused at import as bad input (65), naming line and field —
 * before this, 99,999,999,999,999.99 imported and `fees` / `service-fees` then failed as a bug in
 * plan12b (exit 70). The limit itself imports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../../src/errors.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { importContractSeeds } from './support/feedContracts.js';

const bytes = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BadInputError);
  expect((e as BadInputError).exitCode).toBe(65);
  return (e as BadInputError).problems.map((q) => ({ line: q.line, field: q.field, value: q.value }));
}

describe.skipIf(!seedsAvailable)('assets above 2.5 trillion dollars (pglite)', () => {
  let store: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    db = await store.open();
    await importContractSeeds(db);
  });
  afterAll(async () => {
    await db?.close();
    await store?.drop();
  });

  it('refuses net assets above the limit and accepts the limit', async () => {
    const header = 'date,portfolio,class,net_assets';
    expect(
      await refusal(
        importNetAssets(
          db,
          'na.csv',
          bytes([
            header,
            '2007-01-03,AIM Value Fund,C,2500000000000.00',
            '2007-01-04,AIM Value Fund,C,99999999999999.99',
            '2007-01-05,AIM Value Fund,C,2500000000000.01',
          ]),
        ),
      ),
    ).toEqual([
      { line: 3, field: 'net_assets', value: '99999999999999.99' },
      { line: 4, field: 'net_assets', value: '2500000000000.01' },
    ]);
    const ok = await importNetAssets(
      db,
      'na.csv',
      bytes([header, '2007-01-03,AIM Value Fund,C,2500000000000.00']),
    );
    expect(ok.inserted).toBe(1);
  });

  it("refuses a provider's customers' assets above it too", async () => {
    await importProviders(
      db,
      'providers.csv',
      bytes([
        'id,name,kind,agreement_date,own_rate_pct,terminated_on',
        'DLR-1,Dealer One,dealer,2006-01-01,,',
      ]),
    );
    expect(
      await refusal(
        importProviderAssets(
          db,
          'assets.csv',
          bytes([
            'date,provider,portfolio,class,net_assets',
            '2007-01-03,DLR-1,AIM Value Fund,C,3000000000000.00',
          ]),
        ),
      ),
    ).toEqual([{ line: 2, field: 'net_assets', value: '3000000000000.00' }]);
    // named for the limit, not only as above the class's net assets (which the limit also caps)
    const e = await importProviderAssets(
      db,
      'assets.csv',
      bytes([
        'date,provider,portfolio,class,net_assets',
        '2007-01-03,DLR-1,AIM Value Fund,C,3000000000000.00',
      ]),
    ).catch((x: BadInputError) => x);
    expect((e as BadInputError).problems[0]!.reason).toMatch(
      /^3000000000000\.00 is above 2500000000000\.00, the largest daily figure plan12b accrues on exactly/,
    );
  });
});
