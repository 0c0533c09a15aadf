import type { Queryable } from './database.js';
import { todayIso } from './today.js';

/**
 * What the derived registry depends on, as one digest (SPEC §2: the registry is derived from the
 * imported documents and the Board-set rates; issue 12: and from the approvals, terminations and
 * settings, with lapses judged as of today): the documents' content hashes less the withdrawn
 * ones (a document is never rewritten: its parsed content is its bytes read by this build, and
 * the registry snapshot is keyed by the build too), the instruments the user stated amendments
 * amend, every board-rate row, every approval, termination and setting, and today's date. Equal
 * digests, equal registries — so a server can keep the registry it derived and rebuild it only
 * when this changes, whoever wrote the change.
 */
export async function registryInputsKey(q: Queryable, today: string = todayIso()): Promise<string> {
  return `${await registryInputsDigest(q)}:${today}`;
}

/** The digest of what is recorded, without the day: the key of the registry snapshot's inputs. */
export async function registryInputsDigest(q: Queryable): Promise<string> {
  // Each table's rows as text in a canonical order: any change to any column changes the digest.
  const digest = (table: string) =>
    `(SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM ${table} t)`;
  const [row] = await q.query<Record<string, string>>(
    `SELECT (SELECT md5(coalesce(string_agg(d.id, ',' ORDER BY d.id), ''))
               FROM exhibit_document d
               LEFT JOIN exhibit_withdrawal w ON w.document_id = d.id
              WHERE w.document_id IS NULL) AS documents,
            ${digest('exhibit_statement')} AS statements,
            ${digest('board_rate')} AS rates,
            ${digest('approval')} AS approvals,
            ${digest('termination')} AS terminations,
            ${digest('setting')} AS settings`,
  );
  return [row?.documents, row?.statements, row?.rates, row?.approvals, row?.terminations, row?.settings].join(
    ':',
  );
}
