import type { ExhibitDocument } from '../edgar/exhibitDocument.js';
import { nameKey } from '../registry/portfolioName.js';
import { buildRegistry, type Registry } from '../registry/registry.js';
import type { StoredDocument } from '../registry/storedDocument.js';
import { loadBoardRates } from './boardRatesRepository.js';
import type { Queryable } from './database.js';
import { loadGovernance } from './governanceStore.js';
import { typed } from './queryBuilder.js';

/**
 * The documents-and-registry repository (SPEC §2): the imported exhibits, keyed by the SHA-256
 * of their bytes, and the name → portfolio table derived from them.
 */

export { loadBoardRates } from './boardRatesRepository.js';

export async function loadDocuments(q: Queryable): Promise<StoredDocument[]> {
  const rows = await typed(q)
    .selectFrom('exhibit_document')
    .select(['id', 'file_name', 'parsed'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    doc: (typeof r.parsed === 'string' ? JSON.parse(r.parsed) : r.parsed) as ExhibitDocument,
  }));
}

/** The ids (content hashes) of every imported document. */
export async function documentIds(q: Queryable): Promise<Set<string>> {
  const rows = await typed(q).selectFrom('exhibit_document').select('id').execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertDocument(
  q: Queryable,
  d: StoredDocument & { storedName: string; byteLength: number; importedBy: string },
): Promise<void> {
  await typed(q)
    .insertInto('exhibit_document')
    .values({
      id: d.id,
      file_name: d.storedName,
      kind: d.doc.kind,
      title: d.doc.title,
      effective_date: d.doc.effectiveDate,
      parsed: JSON.stringify(d.doc),
      byte_length: d.byteLength,
      imported_by: d.importedBy,
    })
    .execute();
}

export async function loadRegistry(q: Queryable): Promise<Registry> {
  // One after another: a pg client runs one query at a time.
  const docs = await loadDocuments(q);
  const rates = await loadBoardRates(q);
  const governance = await loadGovernance(q);
  return buildRegistry(docs, rates, governance);
}

/** Tables whose rows name a portfolio as the feed did (portfolio_name) and as resolved (portfolio_id). */
export const PORTFOLIO_KEYED_TABLES = [
  'net_assets',
  'provider_assets',
  'class_b_transaction',
  'class_b_distributor_term',
  'omnibus_month',
] as const;

/**
 * Rewrites the name → portfolio table from the registry and re-keys the rows filed under a
 * portfolio whose identity a new document changed (a rename reveals two names are one portfolio).
 */
export async function refreshPortfolioNames(q: Queryable, registry: Registry): Promise<void> {
  const keys: string[] = [];
  const ids: string[] = [];
  const names: string[] = [];
  for (const p of registry.identities.portfolios) {
    for (const n of p.names) {
      if (registry.identities.resolve(n) !== p.id) continue; // a shared name belongs to the portfolio that had it first
      keys.push(nameKey(n));
      ids.push(p.id);
      names.push(n);
    }
  }
  await typed(q).deleteFrom('portfolio_name').execute();
  if (keys.length > 0) {
    await q.query(
      `INSERT INTO portfolio_name (name_key, portfolio_id, name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (name_key) DO NOTHING`,
      [keys, ids, names],
    );
  }
  for (const table of PORTFOLIO_KEYED_TABLES) {
    await q.query(
      `UPDATE ${table} t SET portfolio_id = p.portfolio_id
         FROM portfolio_name p
        WHERE p.name_key = lower(regexp_replace(btrim(t.portfolio_name), '\\s+', ' ', 'g'))
          AND t.portfolio_id <> p.portfolio_id`,
    );
  }
  // Derived rows follow the transactions they were derived from.
  await q.query(
    `UPDATE class_b_redemption r SET portfolio_id = t.portfolio_id
       FROM class_b_transaction t WHERE t.txn_id = r.txn_id AND r.portfolio_id <> t.portfolio_id`,
  );
}
