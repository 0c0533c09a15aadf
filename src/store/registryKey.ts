import type { Queryable } from './database.js';

/**
 * What the derived registry depends on, as one digest (SPEC §2: the registry is derived from the
 * imported documents and the Board-set rates): the documents' content hashes and every board-rate
 * row. Equal digests, equal registries — so a server can keep the registry it derived and
 * rebuild it only when this changes, whoever wrote the change.
 */
export async function registryInputsKey(q: Queryable): Promise<string> {
  const [row] = await q.query<{ documents: string; rates: string }>(
    `SELECT (SELECT md5(coalesce(string_agg(id, ',' ORDER BY id), '')) FROM exhibit_document) AS documents,
            (SELECT md5(coalesce(string_agg(
                      concat_ws('|', portfolio_name, class, effective_date, distribution_fee_pct, service_fee_pct, reason),
                      ',' ORDER BY portfolio_name, class, effective_date), '')) FROM board_rate) AS rates`,
  );
  return `${row?.documents}:${row?.rates}`;
}
