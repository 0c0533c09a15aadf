import {
  createDistributorTerm,
  type DistributorTerm,
  overlappingTerms,
  rightsHolder,
} from '../class-b/distributorTerm.js';
import { BadInputError, type RowProblem } from '../errors.js';
import { loadDistributorTerms } from '../store/classBStore.js';
import type { Database } from '../store/database.js';
import { recordFeedImport } from '../store/feedImport.js';
import { loadRegistry } from '../store/registryStore.js';
import { readCsvFeed } from './csvRows.js';

export const DISTRIBUTORS_COLUMNS = ['portfolio', 'distributor', 'start', 'end'] as const;
/** optional: the distributor to which this one assigned its rights (Agreement NINETEENTH) */
export const DISTRIBUTORS_OPTIONAL_COLUMN = 'assigned_to';

export interface DistributorsImportResult {
  readonly file: string;
  readonly rows: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
}

/**
 * `plan12b distributors import`: who was the exclusive distributor of each portfolio's Class B
 * shares (or of all portfolios) and when (Exhibit A 2(a)); a term for one portfolio overrides one
 * for all. All-or-nothing and idempotent; a row for a known (portfolio, distributor, start) sets
 * its end and assignment. Two distributors at once for the same portfolio are refused.
 */
export async function importDistributors(
  db: Database,
  file: string,
  bytes: Uint8Array,
): Promise<DistributorsImportResult> {
  const header = Buffer.from(bytes).toString('utf8').split(/\r?\n/, 1)[0]!.toLowerCase();
  const hasAssigned = header.split(',').some((h) => h.trim() === DISTRIBUTORS_OPTIONAL_COLUMN);
  const csv = readCsvFeed(
    file,
    bytes,
    hasAssigned ? [...DISTRIBUTORS_COLUMNS, DISTRIBUTORS_OPTIONAL_COLUMN] : DISTRIBUTORS_COLUMNS,
  );
  return db.transaction(async (tx) => {
    const registry = await loadRegistry(tx);
    const problems: RowProblem[] = [];
    const rows: { line: number; term: DistributorTerm; name: string | null }[] = [];
    for (const { line, values } of csv) {
      const bad = (field: string, reason: string) => problems.push({ file, line, field, reason });
      const portfolio = values.portfolio!;
      let portfolioId: string | null = null;
      if (portfolio.toLowerCase() !== 'all') {
        const pid = registry.identities.resolve(portfolio);
        if (pid === undefined) {
          bad(
            'portfolio',
            `unknown portfolio ${JSON.stringify(portfolio)}; write all, or import the exhibit that lists it first`,
          );
          continue;
        }
        portfolioId = pid;
      }
      try {
        rows.push({
          line,
          name: portfolioId === null ? null : portfolio,
          term: createDistributorTerm({
            portfolioId,
            distributor: values.distributor!,
            start: values.start!,
            end: values.end || null,
            rightsAssignedTo: values[DISTRIBUTORS_OPTIONAL_COLUMN] || null,
          }),
        });
      } catch (e) {
        const msg = (e as Error).message;
        bad(
          /^end|ends/.test(msg)
            ? 'end'
            : /start/.test(msg)
              ? 'start'
              : /assign/.test(msg)
                ? 'assigned_to'
                : 'distributor',
          msg,
        );
      }
    }
    if (problems.length > 0) throw new BadInputError(problems);
    const stored = await loadDistributorTerms(tx);
    const key = (t: DistributorTerm) => `${t.portfolioId ?? ''}|${t.distributor}|${t.start}`;
    const storedByKey = new Map(stored.map((t) => [key(t), t]));
    const fileKeys = new Map<string, number>();
    for (const r of rows) {
      const k = key(r.term);
      if (fileKeys.has(k))
        problems.push({
          file,
          line: r.line,
          field: 'start',
          reason: `the same term appears on line ${fileKeys.get(k)}`,
        });
      fileKeys.set(k, r.line);
    }
    const merged = new Map(storedByKey);
    for (const r of rows) merged.set(key(r.term), r.term);
    const overlap = overlappingTerms([...merged.values()]);
    if (overlap) {
      const [a, b] = overlap;
      const line = rows.find((r) => r.term === b || r.term === a)?.line ?? 1;
      problems.push({
        file,
        line,
        field: 'start',
        reason: `${a.distributor} (from ${a.start}${a.end ? ` to ${a.end}` : ''}) and ${b.distributor} (from ${b.start}) would both be exclusive distributor of ${a.portfolioId ?? 'all portfolios'}; end the first term before the second starts`,
      });
    }
    try {
      for (const t of merged.values()) rightsHolder([...merged.values()], t.distributor);
    } catch (e) {
      problems.push({
        file,
        line: rows[0]?.line ?? 1,
        field: DISTRIBUTORS_OPTIONAL_COLUMN,
        reason: (e as Error).message,
      });
    }
    if (problems.length > 0) throw new BadInputError(problems);
    const changed = rows.filter((r) => {
      const s = storedByKey.get(key(r.term));
      return !s || s.end !== r.term.end || s.rightsAssignedTo !== r.term.rightsAssignedTo;
    });
    const updated = changed.filter((r) => storedByKey.has(key(r.term))).length;
    if (changed.length > 0) {
      const importId = await recordFeedImport(tx, {
        feed: 'class-b-distributors',
        file,
        bytes,
        rows: rows.length,
        inserted: changed.length - updated,
        restated: updated,
      });
      for (const r of changed) {
        await tx.query(
          `DELETE FROM class_b_distributor_term
            WHERE portfolio_id IS NOT DISTINCT FROM $1 AND distributor = $2 AND start_date = $3`,
          [r.term.portfolioId, r.term.distributor, r.term.start],
        );
        await tx.query(
          `INSERT INTO class_b_distributor_term (portfolio_id, portfolio_name, distributor, start_date, end_date,
             rights_assigned_to, import_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            r.term.portfolioId,
            r.name,
            r.term.distributor,
            r.term.start,
            r.term.end,
            r.term.rightsAssignedTo,
            importId,
          ],
        );
      }
    }
    return {
      file,
      rows: rows.length,
      inserted: changed.length - updated,
      updated,
      unchanged: rows.length - changed.length,
    };
  });
}
