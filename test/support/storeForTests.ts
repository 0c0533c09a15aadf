import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { freshDatabase, type TestDatabase } from './databases.js';

/**
 * A fresh store of the dialect for a describe block: built by `build` before its tests, closed and
 * dropped after them. `store.db` is the open store (only inside the block's tests and hooks).
 */
export function storeForTests(
  dialect: 'pglite' | 'postgres',
  build: (db: Database) => Promise<unknown>,
): { readonly db: Database } {
  let tdb: TestDatabase | undefined;
  let open: Database | undefined;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    open = await tdb.open();
    await build(open);
  });
  afterAll(async () => {
    await open?.close();
    await tdb?.drop();
  });
  return {
    get db(): Database {
      if (!open) throw new Error('the store is open only inside the describe block’s tests');
      return open;
    },
  };
}
