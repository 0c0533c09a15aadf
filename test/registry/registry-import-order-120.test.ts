import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registry } from '../../src/registry/registry.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { loadRegistry } from '../../src/store/registryStore.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedDocuments, seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

const DATES = [
  '2002-06-03',
  '2003-08-18',
  '2003-09-01',
  '2003-10-29',
  '2004-01-01',
  '2004-10-14',
  '2004-10-15',
  '2005-01-01',
  '2006-03-30',
  '2006-04-01',
];

/** Every answer the registry gives on the questions that matter, as one comparable value. */
function answers(registry: Registry): string {
  const schedule = DATES.map((d) => registry.scheduleAsOf(d));
  const histories = registry.identities.portfolios.map((p) => registry.portfolioHistory(p.firstName));
  return JSON.stringify({ schedule, histories, warnings: [...registry.warnings].sort() });
}

describe.skipIf(!seedsAvailable)('import order never changes the registry (SPEC §2)', () => {
  it('all 120 orders of the five seeds give identical answers (registry derivation)', async () => {
    const docs = seedDocuments();
    const orders = permutations(docs);
    expect(orders).toHaveLength(120);
    const reference = answers(buildRegistry(docs));
    for (const order of orders) {
      expect(answers(buildRegistry(order))).toBe(reference);
      // let the worker answer the runner between orders (a loaded machine otherwise times it out)
      await new Promise((resolve) => setImmediate(resolve));
    }
  });

  describe('through the store, one file per import call', () => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase('pglite');
      db = await tdb.open();
    });
    afterAll(async () => {
      await db.close();
      await tdb.drop();
    });

    // The derivation above takes all 120 orders. Through the store, what the order could change
    // is what the store keeps of each import (rows, names) and in what order it reads them back:
    // the five rotations of the files and their five reversals put every file in every position
    // and every pair of files in both orders — 10 orders of 5 imports instead of 600 imports.
    it('every file in every position, every pair in both orders, each into an emptied store: identical answers', async () => {
      const files = seedExhibitFiles();
      const reference = answers(buildRegistry(seedDocuments()));
      const rotations = files.map((_, i) => [...files.slice(i), ...files.slice(0, i)]);
      const orders = [...rotations, ...rotations.map((o) => [...o].reverse())];
      for (let i = 0; i < files.length; i++)
        for (let j = 0; j < files.length; j++) {
          expect(orders.some((o) => o[i] === files[j])).toBe(true);
          if (i !== j) expect(orders.some((o) => o.indexOf(files[i]!) < o.indexOf(files[j]!))).toBe(true);
        }
      for (const order of orders) {
        await db.query('DELETE FROM exhibit_document');
        await db.query('DELETE FROM portfolio_name');
        for (const f of order) await importExhibits(db, [f]);
        expect(answers(await loadRegistry(db))).toBe(reference);
      }
    });
  });
});
