import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProblemsError } from '../../src/errors.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { decodeCsvFeed } from '../../src/import/csvFeed.js';
import type { Database } from '../../src/store/database.js';
import { listProviders } from '../../src/store/serviceProvidersRepository.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedsAvailable } from '../support/seeds.js';
import { storeSnapshot } from '../support/storeSnapshot.js';
import { csvOf, FEEDS, importContractSeeds } from './support/feedContracts.js';

/**
 * A column the feed does not read fails the file (SPEC §12: a bad file fails whole, every problem
 * listed), it is not ignored. Hostile run: `providers import` of a file headed
 * `id,name,kind,agreement_date,own_rate_pct,terminated` (for `terminated_on`) recorded the
 * provider with no termination and said nothing; `terminations list --csv` prints `noticeDate`,
 * so the list imported back lost every notice date the same way.
 */

describe('the header of a CSV feed, decoded', () => {
  const columns = { id: { type: z.string() }, ends: { type: z.string(), optional: true } };
  it('a column no feed column names is one problem on line 1 naming it and its place', () => {
    let thrown: unknown;
    try {
      decodeCsvFeed('f.csv', Buffer.from('id,end\nA,2007-01-31\n'), columns);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ProblemsError);
    const { problems } = thrown as ProblemsError;
    expect(problems).toEqual([
      expect.objectContaining({ file: 'f.csv', line: 1, field: 'end', value: 'end' }),
    ]);
    expect(problems[0]!.reason).toContain('column 2 "end" is not a column of this file');
  });
  it('100,000 columns it does not read are one problem naming the first ten and the count, not 100,000', () => {
    const extra = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    let thrown: unknown;
    try {
      decodeCsvFeed('f.csv', Buffer.from(`id,${extra.join(',')}\nA${','.repeat(extra.length)}\n`), columns);
    } catch (e) {
      thrown = e;
    }
    const { problems } = thrown as ProblemsError;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, field: 'c0' });
    expect(problems[0]!.reason).toContain('column 11 "c9"');
    expect(problems[0]!.reason).toContain('and 99990 more are not columns of this file');
  });
  it('the declared columns, in any order and case, are no problem; an optional one may be absent', () => {
    expect(decodeCsvFeed('f.csv', Buffer.from('ENDS,Id\n2007-01-31,A\n'), columns).problems).toEqual([]);
    expect(decodeCsvFeed('f.csv', Buffer.from('id\nA\n'), columns).problems).toEqual([]);
  });
});

describe.skipIf(!seedsAvailable)('every feed, in the store', () => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await importContractSeeds(db);
    for (const feed of FEEDS) await feed.setup(db);
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it.each(FEEDS.map((f) => [f.name, f] as const))(
    '%s: a good row under a header with one more column "remarks" is refused (65), nothing written',
    async (_name, feed) => {
      const before = await storeSnapshot(db);
      const header = [...Object.keys(feed.columns), 'remarks'];
      const err = await feed
        .importFile(db, 'extra.csv', csvOf(feed, [feed.fresh[0]!], header))
        .catch((e) => e);
      expect(err).toBeInstanceOf(ProblemsError);
      expect((err as ProblemsError).exitCode).toBe(65);
      expect((err as ProblemsError).problems).toEqual([
        expect.objectContaining({ file: 'extra.csv', line: 1, field: 'remarks' }),
      ]);
      expect(await storeSnapshot(db)).toEqual(before);
    },
  );

  it('providers: "terminated" for "terminated_on" is refused, and the provider is not recorded without its end', async () => {
    const csv =
      'id,name,kind,agreement_date,own_rate_pct,terminated\nDLR-9,Dealer Nine,dealer,2007-01-02,,2007-03-01\n';
    const err = await importProviders(db, 'typo.csv', Buffer.from(csv)).catch((e) => e);
    expect(err).toBeInstanceOf(ProblemsError);
    expect((err as ProblemsError).problems[0]).toMatchObject({ line: 1, field: 'terminated' });
    expect((await listProviders(db)).some((p) => p.id === 'DLR-9')).toBe(false);
  });
});
