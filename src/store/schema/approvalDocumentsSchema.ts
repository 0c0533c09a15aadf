import type { Migration } from '../migrations.js';

/**
 * Which instrument an approval is of, by its documents (SPEC §2: import order never changes the
 * result; registry/approvalInstrument.ts): the documents of the instrument approved when the
 * approval was recorded. An instrument's key can change with what is imported later (a trust's
 * untitled 2019 plan is keyed by its trust once a sibling trust's is imported), its documents
 * never do.
 *
 * Approvals recorded before this migration get the documents that were imported (and not
 * withdrawn) when the approval was recorded and whose own instrument key (kind, registrant,
 * classes, dated-as-of: storedDocument.ts `instrumentKey`) is the key recorded — so an approval
 * of a trust's plan recorded before a sibling trust's document split the key is that trust's plan
 * again. A document whose key the registry read otherwise (an undated amendment, a class rename,
 * a trust's own key) is not among them; an approval none matches keeps its recorded key.
 */
export const APPROVAL_DOCUMENTS_MIGRATION: Migration = {
  version: 33,
  name: 'approvals: the documents of the instrument approved',
  sql: `
    ALTER TABLE approval ADD COLUMN instrument_document_ids text[];
    UPDATE approval a
       SET instrument_document_ids = coalesce((
             SELECT array_agg(d.id ORDER BY d.effective_date, d.id)
               FROM exhibit_document d
              WHERE d.imported_at <= a.recorded_at
                AND NOT EXISTS (SELECT 1 FROM exhibit_withdrawal w
                                 WHERE w.document_id = d.id AND w.withdrawn_at <= a.recorded_at)
                AND (d.parsed -> 'instrument' ->> 'kind')
                    || '|' || lower(btrim(regexp_replace(coalesce(d.parsed -> 'instrument' ->> 'registrant', ''), '\\s+', ' ', 'g')))
                    || '|' || coalesce((SELECT string_agg(lower(c), '+' ORDER BY lower(c) COLLATE "C")
                                          FROM jsonb_array_elements_text(d.parsed -> 'instrument' -> 'classes') c), '')
                    || '|' || coalesce(d.parsed -> 'instrument' ->> 'datedAsOf', '')
                    = a.instrument_key), '{}')
     WHERE a.instrument_key IS NOT NULL;
  `,
};
