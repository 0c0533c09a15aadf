import { afterAll, beforeAll } from 'vitest';
import type { StoredDocument } from '../../../src/registry/storedDocument.js';
import type { Database } from '../../../src/store/database.js';
import { insertDocument, loadRegistry, refreshPortfolioNames } from '../../../src/store/registryStore.js';
import { freshDatabase, type TestDatabase } from '../../support/databases.js';

/** Stores hand-written exhibits as an exhibit import would (test setup, not a code path under test). */
export async function storeDocuments(db: Database, docs: readonly StoredDocument[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const d of docs)
      await insertDocument(tx, { ...d, storedName: d.fileName, byteLength: 1, importedBy: 'test' });
    await refreshPortfolioNames(tx, await loadRegistry(tx));
  });
}

export const csv = (lines: readonly string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);

/** The approvals feed's header. */
export const APPROVALS_HEADER =
  'meeting_date,body,approves,document,instrument,portfolio,class,trustees_for,trustees_against,trustees_absent,disinterested_for,disinterested_against,disinterested_absent,in_person,called_for_purpose,shares_outstanding,shares_present,shares_for';

/** A board row that carries: 8 of 9 trustees for, 6 of 6 Dis-interested, in person, called for the purpose. */
export const boardRow = (date: string, approves: string, document: string, instrument = '') =>
  `${date},board,${approves},${document},${instrument},,,8,0,1,6,0,0,yes,yes,,,`;

/**
 * A PGlite store holding `docs`, opened before the calling file's (or describe block's) tests and
 * dropped after them: the store its tests share. Returns the open store.
 */
export function sharedStoreWith(docs: readonly StoredDocument[]): () => Database {
  let store: TestDatabase | undefined;
  let db: Database | undefined;
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    db = await store.open();
    await storeDocuments(db, docs);
  });
  afterAll(async () => {
    await db?.close();
    await store?.drop();
  });
  return () => {
    if (db === undefined) throw new Error('the shared store is open only while its tests run');
    return db;
  };
}
