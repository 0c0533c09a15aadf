import { sql } from 'kysely';
import type { ExhibitDocument } from '../edgar/exhibitDocument.js';
import { Plan12bError } from '../errors.js';
import { nameKey } from '../registry/portfolioName.js';
import type { Registry } from '../registry/registry.js';
import type { StoredDocument } from '../registry/storedDocument.js';
import { loadApprovals } from './approvalsRepository.js';
import { loadBoardRates } from './boardRatesRepository.js';
import type { Queryable } from './database.js';
import { typed } from './queryBuilder.js';
import { type RegistryInputs, registryOfInputs } from './registryInputs.js';
import { loadSettings } from './settingsRepository.js';
import { loadTerminations } from './terminationsRepository.js';

/**
 * The documents-and-registry repository (SPEC §2): the imported exhibits, keyed by the SHA-256
 * of their bytes, and the name → portfolio table derived from them.
 */

export { loadBoardRates } from './boardRatesRepository.js';

/**
 * A stored document row as the registry takes it (its parse kept as JSON), with the instrument the
 * user stated it amends (`exhibit_statement`, SPEC §2.1) among what the user stated.
 */
function storedDocumentOf(r: {
  id: string;
  file_name: string;
  parsed: unknown;
  amends: string | null;
}): StoredDocument {
  const doc = (typeof r.parsed === 'string' ? JSON.parse(r.parsed) : r.parsed) as ExhibitDocument;
  return {
    id: r.id,
    fileName: r.file_name,
    doc: r.amends === null ? doc : { ...doc, statedByUser: { ...doc.statedByUser, amends: r.amends } },
  };
}

/** The documents the registry uses: every imported one that has not been withdrawn. */
export async function loadDocuments(q: Queryable): Promise<StoredDocument[]> {
  const rows = await typed(q)
    .selectFrom('exhibit_document as d')
    .leftJoin('exhibit_withdrawal as w', 'w.document_id', 'd.id')
    .where('w.document_id', 'is', null)
    .leftJoin('exhibit_statement as s', 's.document_id', 'd.id')
    .select(['d.id', 'd.file_name', 'd.parsed', 's.amends'])
    .orderBy('d.id')
    .execute();
  return rows.map(storedDocumentOf);
}

/**
 * Every imported document as its import stored its parse (no statement recorded since joined in),
 * withdrawn ones too: `exhibit import` finds a stored document a new file reads as (hostile6).
 */
export async function storedParses(q: Queryable): Promise<{ id: string; parsed: unknown }[]> {
  const rows = await typed(q).selectFrom('exhibit_document').select(['id', 'parsed']).orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    parsed: typeof r.parsed === 'string' ? (JSON.parse(r.parsed) as unknown) : r.parsed,
  }));
}

/** Every imported document as parsed, withdrawn ones too (`GET /api/registry/documents` describes them all). */
export async function loadEveryParsedDocument(q: Queryable): Promise<StoredDocument[]> {
  const rows = await typed(q)
    .selectFrom('exhibit_document as d')
    .leftJoin('exhibit_statement as s', 's.document_id', 'd.id')
    .select(['d.id', 'd.file_name', 'd.parsed', 's.amends'])
    .orderBy('d.id')
    .execute();
  return rows.map(storedDocumentOf);
}

/**
 * The documents that governed a closed month as its close saw them: every one not withdrawn, and
 * those withdrawn since the month closed (the withdrawal recorded a restatement of the month).
 */
export async function loadDocumentsAsSealed(q: Queryable, month: string): Promise<StoredDocument[]> {
  const rows = await typed(q)
    .selectFrom('exhibit_document as d')
    .where((eb) =>
      eb.or([
        eb.not(
          eb.exists(
            eb
              .selectFrom('exhibit_withdrawal as w')
              .select('w.document_id')
              .whereRef('w.document_id', '=', 'd.id'),
          ),
        ),
        eb.exists(
          eb
            .selectFrom('exhibit_withdrawal_restatement as r')
            .select('r.document_id')
            .whereRef('r.document_id', '=', 'd.id')
            .where('r.closed_month', '=', month),
        ),
      ]),
    )
    // a document imported after the month closed governed none of its sealed days: one that
    // would have is refused (exhibit import); one newly governing a class without assets there is not
    .where((eb) =>
      eb.or([
        eb.not(eb.exists(eb.selectFrom('closed_month as c').select('c.month').where('c.month', '=', month))),
        eb(
          'd.imported_at',
          '<=',
          eb.selectFrom('closed_month as c').select('c.closed_at').where('c.month', '=', month),
        ),
      ]),
    )
    .leftJoin('exhibit_statement as s', 's.document_id', 'd.id')
    .select(['d.id', 'd.file_name', 'd.parsed', 's.amends'])
    .orderBy('d.id')
    .execute();
  return rows.map(storedDocumentOf);
}

/** A document as imported, and its withdrawal if it was withdrawn (issue 11 item 7). */
export interface DocumentRecord {
  readonly id: string;
  readonly fileName: string;
  readonly kind: string;
  readonly title: string;
  readonly effectiveDate: string;
  readonly importedBy: string;
  readonly importedAt: string;
  readonly withdrawal: Withdrawal | null;
  /** SPEC §2.1: the instrument the user stated this amendment amends (`--amends`), or null */
  readonly statedAmends: StatedAmends | null;
}

export interface StatedAmends {
  readonly amends: string;
  readonly statedBy: string;
  readonly statedAt: string;
}

export interface Withdrawal {
  readonly reason: string;
  readonly withdrawnBy: string;
  readonly withdrawnAt: string;
}

const isoTime = (t: unknown) => (t instanceof Date ? t : new Date(String(t))).toISOString();

/** Every imported document, withdrawn ones included, by effective date then hash. */
export async function listDocuments(q: Queryable): Promise<DocumentRecord[]> {
  const rows = await typed(q)
    .selectFrom('exhibit_document as d')
    .leftJoin('exhibit_withdrawal as w', 'w.document_id', 'd.id')
    .leftJoin('exhibit_statement as s', 's.document_id', 'd.id')
    .select([
      's.amends',
      's.stated_by',
      's.stated_at',
      'd.id',
      'd.file_name',
      'd.kind',
      'd.title',
      'd.effective_date',
      'd.imported_by',
      'd.imported_at',
      'w.reason',
      'w.withdrawn_by',
      'w.withdrawn_at',
    ])
    .orderBy('d.effective_date')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    kind: r.kind,
    title: r.title,
    effectiveDate: r.effective_date,
    importedBy: r.imported_by,
    importedAt: isoTime(r.imported_at),
    withdrawal:
      r.reason === null || r.withdrawn_by === null || r.withdrawn_at === null
        ? null
        : { reason: r.reason, withdrawnBy: r.withdrawn_by, withdrawnAt: isoTime(r.withdrawn_at) },
    statedAmends:
      r.amends === null || r.stated_by === null || r.stated_at === null
        ? null
        : { amends: r.amends, statedBy: r.stated_by, statedAt: isoTime(r.stated_at) },
  }));
}

/**
 * Records a withdrawal and the closed months the document could have governed, which the next
 * close reports as prior-period adjustments (SPEC §12).
 */
export async function insertWithdrawal(
  q: Queryable,
  w: { documentId: string; reason: string; withdrawnBy: string; closedMonths: readonly string[] },
): Promise<void> {
  await typed(q)
    .insertInto('exhibit_withdrawal')
    .values({ document_id: w.documentId, reason: w.reason, withdrawn_by: w.withdrawnBy })
    .execute();
  if (w.closedMonths.length > 0)
    await typed(q)
      .insertInto('exhibit_withdrawal_restatement')
      .values(w.closedMonths.map((m) => ({ document_id: w.documentId, closed_month: m })))
      .execute();
}

/**
 * Replaces a document's recorded statement of the instrument it amends with the one the user
 * states now (SPEC §2.1: a wrong statement corrected); who and when are the new statement's. The
 * statement replaced is kept in the audit log's `exhibit.import` record of the correction.
 */
export async function replaceStatement(
  q: Queryable,
  s: { documentId: string; amends: string; statedBy: string },
): Promise<void> {
  await typed(q)
    .updateTable('exhibit_statement')
    .set({ amends: s.amends, stated_by: s.statedBy, stated_at: sql`now()` })
    .where('document_id', '=', s.documentId)
    .execute();
}

/** Every stored statement of the instrument an amendment amends, with its document (`audit verify`). */
export async function storedStatements(
  q: Queryable,
): Promise<{ documentId: string; fileName: string; title: string; amends: string }[]> {
  const rows = await typed(q)
    .selectFrom('exhibit_statement as s')
    .innerJoin('exhibit_document as d', 'd.id', 's.document_id')
    .select(['s.document_id', 'd.file_name', 'd.title', 's.amends'])
    .orderBy('s.document_id')
    .execute();
  return rows.map((r) => ({
    documentId: r.document_id,
    fileName: r.file_name,
    title: r.title,
    amends: r.amends,
  }));
}

/** Records the instrument the user states an amendment amends (SPEC §2.1; `exhibit import --amends`). */
export async function insertStatement(
  q: Queryable,
  s: { documentId: string; amends: string; statedBy: string },
): Promise<void> {
  await typed(q)
    .insertInto('exhibit_statement')
    .values({ document_id: s.documentId, amends: s.amends, stated_by: s.statedBy })
    .execute();
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

/**
 * The stored documents imported since the audit log began (migration 5 applied), each with its
 * import time: each must have the `exhibit.import` record that imported it (`audit verify`; SPEC
 * §12: every import is recorded). A document stored before the log began has none.
 */
export async function documentImportsSinceTheLog(
  q: Queryable,
): Promise<{ id: string; fileName: string; importedAt: string }[]> {
  const rows = await q.query<{ id: string; file_name: string; imported_at: unknown }>(
    `SELECT d.id, d.file_name, d.imported_at FROM exhibit_document d
      WHERE d.imported_at >= coalesce((SELECT applied_at FROM schema_migration WHERE version = 5), '-infinity')
      ORDER BY d.imported_at, d.id COLLATE "C"`,
  );
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, importedAt: isoTime(r.imported_at) }));
}

/** Everything the registry is derived from, as recorded now (SPEC §2; issue 12). */
export async function loadRegistryInputs(q: Queryable): Promise<RegistryInputs> {
  // One after another: a pg client runs one query at a time.
  const documents = await loadDocuments(q);
  const rates = await loadBoardRates(q);
  const approvals = await loadApprovals(q);
  const terminations = await loadTerminations(q);
  const settings = [...(await loadSettings(q))];
  return { documents, rates, approvals, terminations, settings };
}

/**
 * The registry derived from what is recorded now (SPEC §2; issue 12: approvals, terminations and
 * settings, lapses judged as of `today`), with the documents it was derived from. The one
 * derivation: the CLI's commands, the registry `serve` keeps and the registry snapshot beside an
 * embedded store all come from `registryOfInputs`.
 */
export async function deriveRegistry(
  q: Queryable,
  today?: string,
): Promise<{ documents: StoredDocument[]; registry: Registry }> {
  const { documents, registry } = registryOfInputs(await loadRegistryInputs(q), today);
  return { documents, registry };
}

export async function loadRegistry(q: Queryable): Promise<Registry> {
  return (await deriveRegistry(q)).registry;
}

/**
 * Re-keys rows of `table`; where a document makes two names one portfolio and both names have a row
 * for the same key (a day's net assets of one class, say), the two rows would be one portfolio's
 * two figures: refused as a conflict with what is recorded (67), naming the key — never a
 * duplicate-key failure (70). The caller's transaction writes nothing.
 */
async function refiling(table: string, update: () => Promise<unknown>): Promise<void> {
  try {
    await update();
  } catch (err) {
    const e = err as { code?: unknown; detail?: unknown };
    if (e?.code !== '23505') throw err;
    const key =
      typeof e.detail === 'string' ? e.detail.replace(/^Key /, '').replace(/ already exists\.?$/, '') : '';
    throw new Plan12bError(
      'CONFLICT',
      `this would make two names one portfolio, and both have ${table.replaceAll('_', ' ')} rows for ${key || 'the same key'}: one portfolio cannot have two; nothing was written`,
      'recorded rows are kept, never deleted, so a document that makes these names one portfolio cannot be imported while both are recorded: check its rename (an "X (formerly Y)" naming another listed fund)',
    );
  }
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
 * How {@link refreshPortfolioNames} files rows by their name (SPEC §2): `names`, each name key →
 * its portfolio (a shared name belongs to the portfolio that had it first; handed-over names are
 * not in it), and `spans`, each handed-over name key → the portfolio that bore it from `from`
 * (inclusive) to `to` (exclusive; null: open).
 */
function portfolioNameFiling(registry: Registry): {
  names: { key: string; id: string; name: string }[];
  spans: { key: string; from: string; to: string | null; id: string }[];
} {
  const names: { key: string; id: string; name: string }[] = [];
  const seen = new Set<string>();
  // a name handed from one portfolio to another on a date names either, by the row's date: rows
  // that use it keep the portfolio their feed resolved by date, and are not re-keyed by name
  const handedOver = new Set(registry.identities.nameHandovers.map((h) => nameKey(h.name)));
  for (const p of registry.identities.portfolios) {
    for (const n of p.names) {
      if (handedOver.has(nameKey(n))) continue;
      if (registry.identities.resolve(n) !== p.id) continue; // a shared name belongs to the portfolio that had it first
      if (seen.has(nameKey(n))) continue; // as ON CONFLICT DO NOTHING kept the first
      seen.add(nameKey(n));
      names.push({ key: nameKey(n), id: p.id, name: n });
    }
  }
  const handovers = new Map<string, string[]>();
  for (const h of registry.identities.nameHandovers)
    handovers.set(nameKey(h.name), [...(handovers.get(nameKey(h.name)) ?? []), h.date]);
  const spans: { key: string; from: string; to: string | null; id: string }[] = [];
  for (const [key, dates] of handovers) {
    const bounds = ['0001-01-01', ...[...new Set(dates)].sort()];
    for (let i = 0; i < bounds.length; i++) {
      const id = registry.identities.resolveOn(key, bounds[i]!);
      if (id !== undefined) spans.push({ key, from: bounds[i]!, to: bounds[i + 1] ?? null, id });
    }
  }
  return { names, spans };
}

/** Rows of one table dated in closed months that a new registry would file under another portfolio. */
export interface RefiledClosedRows {
  readonly table: (typeof PORTFOLIO_KEYED_TABLES)[number];
  /** the name the rows use (as the feed gave it) */
  readonly portfolioName: string;
  readonly fromPortfolioId: string;
  readonly toPortfolioId: string;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly rows: number;
}

/** Each table's row date (of row `t`) that closed months lock. */
const LOCKED_DATE: Readonly<Record<(typeof PORTFOLIO_KEYED_TABLES)[number], string>> = {
  net_assets: 't.date',
  provider_assets: 't.date',
  class_b_transaction: 't.date',
  // in a closed month's sealed inputs from its start on (closeRepository: distributorTerms)
  class_b_distributor_term: 't.start_date',
  omnibus_month: "(t.month || '-01')::date",
};

/**
 * The names `table`'s rows use (as each feed gave it), by name key (SPEC §2: names match
 * case-insensitively with whitespace collapsed). The key is {@link nameKey}'s, computed here and
 * not in SQL: the feeds resolved each row by it, and PostgreSQL's `\s` is not JavaScript's (a
 * no-break space), nor does its `lower` normalise "é" written as "e" and a combining accent — a
 * key computed in SQL would leave such a row under a portfolio id no document names any more.
 */
async function rowNamesByKey(
  q: Queryable,
  table: (typeof PORTFOLIO_KEYED_TABLES)[number],
): Promise<Map<string, string[]>> {
  const rows = await q.query<{ portfolio_name: string }>(
    `SELECT DISTINCT portfolio_name COLLATE "C" AS portfolio_name FROM ${table} WHERE portfolio_name IS NOT NULL ORDER BY 1`,
  );
  const byKey = new Map<string, string[]>();
  for (const r of rows) {
    const k = nameKey(r.portfolio_name);
    byKey.set(k, [...(byKey.get(k) ?? []), r.portfolio_name]);
  }
  return byKey;
}

/**
 * The rows dated on or before `lockedThrough` (the last closed month's end) that
 * {@link refreshPortfolioNames} would re-key to another portfolio under `registry` (SPEC §12: a
 * closed month is locked; a document whose rename reveals two names are one portfolio would move
 * a closed month's rows). Read only: the names whose filing changes (against the portfolio_name
 * table now) and every handed-over name are looked up, so a document that renames nothing reads
 * nothing.
 */
export async function closedRowsRefiled(
  q: Queryable,
  registry: Registry,
  lockedThrough: string,
): Promise<RefiledClosedRows[]> {
  const { names, spans } = portfolioNameFiling(registry);
  const now = new Map(
    (await typed(q).selectFrom('portfolio_name').select(['name_key', 'portfolio_id']).execute()).map((r) => [
      r.name_key,
      r.portfolio_id,
    ]),
  );
  const changed = names.filter((n) => now.get(n.key) !== n.id);
  // a name no longer in the table re-keys nothing; a name filed by date: every span is looked at
  const filing = [
    ...changed.map((n) => ({ key: n.key, from: null as string | null, to: null as string | null, id: n.id })),
    ...spans,
  ];
  if (filing.length === 0) return [];
  const out: RefiledClosedRows[] = [];
  for (const table of PORTFOLIO_KEYED_TABLES) {
    const dated = table === 'net_assets' || table === 'provider_assets' || table === 'class_b_transaction';
    // as refreshPortfolioNames: spans of handed-over names re-key only the dated feeds
    const rows = filing.filter((f) => f.from === null || dated);
    if (rows.length === 0) continue;
    const day = LOCKED_DATE[table];
    const byKey = await rowNamesByKey(q, table);
    const filed = rows.flatMap((r) => (byKey.get(r.key) ?? []).map((name) => ({ ...r, name })));
    if (filed.length === 0) continue;
    const found = await q.query<{
      portfolio_name: string;
      from_id: string;
      to_id: string;
      first: string;
      last: string;
      rows: string;
    }>(
      `SELECT t.portfolio_name, t.portfolio_id AS from_id, m.id AS to_id,
              min(${day})::text AS first, max(${day})::text AS last, count(*)::text AS rows
         FROM ${table} t
         JOIN unnest($1::text[], $2::date[], $3::date[], $4::text[]) AS m(name, from_date, to_date, id)
           ON m.name = t.portfolio_name
          AND (m.from_date IS NULL OR ${day} >= m.from_date) AND (m.to_date IS NULL OR ${day} < m.to_date)
        WHERE ${day} <= $5::date AND t.portfolio_id <> m.id
        GROUP BY t.portfolio_name, t.portfolio_id, m.id
        ORDER BY min(${day}), t.portfolio_name COLLATE "C"`,
      [
        filed.map((r) => r.name),
        filed.map((r) => r.from),
        filed.map((r) => r.to),
        filed.map((r) => r.id),
        lockedThrough,
      ],
    );
    for (const r of found)
      out.push({
        table,
        portfolioName: r.portfolio_name,
        fromPortfolioId: r.from_id,
        toPortfolioId: r.to_id,
        firstDate: r.first,
        lastDate: r.last,
        rows: Number(r.rows),
      });
  }
  return out;
}

/** The name → portfolio table as stored: [name key, portfolio id, name], by name key. */
export async function storedPortfolioNames(q: Queryable): Promise<[string, string, string][]> {
  const rows = await q.query<{ name_key: string; portfolio_id: string; name: string }>(
    'SELECT name_key, portfolio_id, name FROM portfolio_name ORDER BY name_key COLLATE "C"',
  );
  return rows.map((r) => [r.name_key, r.portfolio_id, r.name]);
}

/** The name → portfolio table {@link refreshPortfolioNames} writes for a registry. */
export function derivedPortfolioNames(registry: Registry): [string, string, string][] {
  return portfolioNameFiling(registry).names.map((n) => [n.key, n.id, n.name]);
}

/**
 * Rewrites the name → portfolio table from the registry and re-keys the rows filed under a
 * portfolio whose identity a new document changed (a rename reveals two names are one portfolio).
 */
export async function refreshPortfolioNames(q: Queryable, registry: Registry): Promise<void> {
  const { names, spans } = portfolioNameFiling(registry);
  const keys = names.map((n) => n.key);
  const ids = names.map((n) => n.id);
  const nameList = names.map((n) => n.name);
  await typed(q).deleteFrom('portfolio_name').execute();
  if (keys.length > 0) {
    await q.query(
      `INSERT INTO portfolio_name (name_key, portfolio_id, name)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (name_key) DO NOTHING`,
      [keys, ids, nameList],
    );
  }
  // each row is filed by its name's key as the feed resolved it (rowNamesByKey), matched on the
  // name as the row stores it
  const portfolioOfKey = new Map(names.map((n) => [n.key, n.id]));
  for (const table of PORTFOLIO_KEYED_TABLES) {
    const byKey = await rowNamesByKey(q, table);
    const filed = [...byKey].flatMap(([key, rowNames]) => {
      const id = portfolioOfKey.get(key);
      return id === undefined ? [] : rowNames.map((name) => ({ name, id }));
    });
    if (filed.length > 0)
      await refiling(table, () =>
        q.query(
          `UPDATE ${table} t SET portfolio_id = m.id
             FROM unnest($1::text[], $2::text[]) AS m(name, id)
            WHERE t.portfolio_name = m.name AND t.portfolio_id <> m.id`,
          [filed.map((f) => f.name), filed.map((f) => f.id)],
        ),
      );
    // SPEC §2: a dated row naming a handed-over name is the portfolio that bore it on the row's date
    // (rows filed before the document that hands the name over was imported are re-keyed by date)
    if (table !== 'net_assets' && table !== 'provider_assets' && table !== 'class_b_transaction') continue;
    for (const sp of spans) {
      const rowNames = byKey.get(sp.key) ?? [];
      if (rowNames.length === 0) continue;
      await refiling(table, () =>
        q.query(
          `UPDATE ${table} SET portfolio_id = $1
            WHERE portfolio_name = ANY($2::text[])
              AND date >= $3::date AND ($4::date IS NULL OR date < $4::date) AND portfolio_id <> $1`,
          [sp.id, rowNames, sp.from, sp.to],
        ),
      );
    }
  }
  // Derived rows follow the transactions they were derived from.
  await q.query(
    `UPDATE class_b_redemption r SET portfolio_id = t.portfolio_id
       FROM class_b_transaction t WHERE t.txn_id = r.txn_id AND r.portfolio_id <> t.portfolio_id`,
  );
}

/**
 * The withdrawals recorded since the audit log began (migration 5), with the withdrawn document's
 * file name, for `audit verify` (SPEC §12): each has its `exhibit.withdraw` record.
 */
export async function withdrawalsSinceTheLog(
  q: Queryable,
): Promise<{ documentId: string; fileName: string }[]> {
  const rows = await q.query<{ document_id: string; file_name: string }>(
    `SELECT w.document_id, d.file_name FROM exhibit_withdrawal w JOIN exhibit_document d ON d.id = w.document_id
      WHERE w.withdrawn_at >= coalesce((SELECT applied_at FROM schema_migration WHERE version = 5), '-infinity')
      ORDER BY w.withdrawn_at, w.document_id COLLATE "C"`,
  );
  return rows.map((r) => ({ documentId: r.document_id, fileName: r.file_name }));
}
