import { type AuditRecord, sha256 } from './auditChain.js';

/**
 * Records that only an import writes, checked against the log and the documents (`audit verify`;
 * SPEC §12: every import is recorded, verification finds an inserted record), pure.
 */

/** A finding about a stored record (the kind `audit verify` reports as `record`). */
export interface RecordFinding {
  readonly kind: 'record';
  readonly reason: string;
}

export interface StoredDocumentImport {
  readonly id: string;
  readonly fileName: string;
  /** the import's time (one per `exhibit import`: its transaction's) */
  readonly importedAt: string;
}

/**
 * Each stored document (imported since the log began) has the `exhibit.import` record that
 * imported it: the documents of one import (one time) are those its record names (subject: the
 * file names, in the command's order) and hashes (content hash: SHA-256 of their ids, one a line,
 * in that order). A document inserted by SQL — a copy with a later import time, which a closed
 * month's seal leaves out as imported after it — has none.
 * @example
 * exhibitImportFindings([{ action: 'exhibit.import', subject: 'a.txt', contentHash: sha256('id1'), … }],
 *   [{ id: 'id1', fileName: 'a.txt', importedAt: 't' }]) // []
 */
export function exhibitImportFindings(
  records: readonly AuditRecord[],
  documents: readonly StoredDocumentImport[],
): RecordFinding[] {
  const imports = records.filter((r) => r.action === 'exhibit.import');
  const byTime = new Map<string, StoredDocumentImport[]>();
  for (const d of documents) byTime.set(d.importedAt, [...(byTime.get(d.importedAt) ?? []), d]);
  const findings: RecordFinding[] = [];
  for (const [at, docs] of byTime) {
    const anchored = imports.some((r) => importedTogether(r, docs));
    if (!anchored)
      for (const d of docs)
        findings.push({
          kind: 'record',
          reason: `exhibit ${d.fileName} (${d.id.slice(0, 16)}), stored as imported at ${at}, is not among the documents of any exhibit.import record in the audit log (a document inserted outside plan12b?)`,
        });
  }
  return findings;
}

/** The instrument the user stated an amendment amends, as stored (`exhibit_statement`). */
export interface StoredStatement {
  readonly documentId: string;
  readonly fileName: string;
  readonly title: string;
  readonly amends: string;
}

/**
 * Each stored statement of the instrument an amendment amends (SPEC §2.1) was made by an
 * `exhibit import`, whose record's detail says it: `<title>…; stated by the user: {…"amends":"…"}`.
 * One inserted or edited by SQL has none.
 * @example
 * statementFindings([{ action: 'exhibit.import', detail: 'T; stated by the user: {"amends":"X"}', … }],
 *   [{ documentId: 'id1', fileName: 'a.txt', title: 'T', amends: 'X' }]) // []
 */
export function statementFindings(
  records: readonly AuditRecord[],
  statements: readonly StoredStatement[],
): RecordFinding[] {
  const imports = records.filter((r) => r.action === 'exhibit.import');
  return statements
    .filter((s) => {
      const said = `"amends":${JSON.stringify(s.amends)}`;
      const of = [`${s.title}; stated by the user: `, `${s.title} (imported before); stated by the user: `];
      return !imports.some((r) => of.some((o) => r.detail.includes(o)) && r.detail.includes(said));
    })
    .map((s) => ({
      kind: 'record' as const,
      reason: `exhibit ${s.fileName} (${s.documentId.slice(0, 16)}) is stored as stated to amend "${s.amends}", but no exhibit.import record in the audit log says so (a statement written outside plan12b?)`,
    }));
}

/**
 * Whether `docs` are the documents `record` imported: an order of them whose file names, joined by
 * ", ", are its subject and whose ids hash to its content hash. File names may themselves hold ", "
 * (and one name may be another's prefix), so the subject is not split: each name is matched where
 * the subject goes on with it, trying the alternatives (bounded) until the hash agrees.
 */
function importedTogether(record: AuditRecord, docs: readonly StoredDocumentImport[]): boolean {
  const subject = record.subject;
  const used = docs.map(() => false);
  const order: string[] = [];
  let budget = 100_000;
  const search = (at: number): boolean => {
    if (budget-- <= 0) return false;
    if (order.length === docs.length)
      return at === subject.length && sha256(order.join('\n')) === record.contentHash;
    for (let i = 0; i < docs.length; i++) {
      const name = docs[i]!.fileName;
      if (used[i] || !subject.startsWith(name, at)) continue;
      const end = at + name.length;
      const last = order.length === docs.length - 1;
      if (last ? end !== subject.length : !subject.startsWith(', ', end)) continue;
      used[i] = true;
      order.push(docs[i]!.id);
      if (search(last ? end : end + 2)) return true;
      order.pop();
      used[i] = false;
    }
    return false;
  };
  return search(0);
}

/** A row of the name → portfolio table: name key, portfolio id, name. */
export type PortfolioNameRow = readonly [key: string, portfolioId: string, name: string];

/**
 * The name → portfolio table is derived from the documents (SPEC §2: any name a portfolio ever
 * had resolves to it; every exhibit import and withdrawal rewrites it): each stored row must be
 * the one derived now, and each derived row stored. A row changed by SQL would file later feed
 * rows under another portfolio.
 */
export function portfolioNameFindings(
  stored: readonly PortfolioNameRow[],
  derived: readonly PortfolioNameRow[],
): RecordFinding[] {
  const want = new Map(derived.map((r) => [r[0], r]));
  const have = new Map(stored.map((r) => [r[0], r]));
  const findings: RecordFinding[] = [];
  const keys = [...new Set([...want.keys(), ...have.keys()])].sort();
  for (const k of keys) {
    const w = want.get(k);
    const h = have.get(k);
    if (w !== undefined && h !== undefined && w[1] === h[1] && w[2] === h[2]) continue;
    findings.push({
      kind: 'record',
      reason:
        h === undefined
          ? `portfolio name ${JSON.stringify(w![2])} is not stored, but the documents name portfolio ${w![1]} by it`
          : w === undefined
            ? `portfolio name ${JSON.stringify(h[2])} is stored for portfolio ${h[1]}, but no document names a portfolio by it`
            : `portfolio name ${JSON.stringify(h[2])} is stored for portfolio ${h[1]}, but the documents name portfolio ${w[1]} by ${JSON.stringify(w[2])}`,
    });
  }
  return findings;
}
