import type { Migration } from '../migrations.js';

/**
 * SPEC §2.1 ("where the reader cannot find a fact … the user may state it on import; what the user
 * stated is recorded as such"): the instrument an amendment amends, where its title fits two
 * instruments of one kind, Registrant, classes and date (`exhibit import --amends`). Kept beside
 * the document, never in its parse: the statement may come after the document (a second
 * instrument imported later makes its title ambiguous), and a document's parse stays its bytes as
 * read. One statement per document; the registry reads it with the document.
 */
export const EXHIBIT_STATEMENT_MIGRATION: Migration = {
  version: 36,
  name: 'exhibits: the instrument an amendment amends, as the user stated it',
  sql: `
    CREATE TABLE exhibit_statement (
      document_id   text PRIMARY KEY REFERENCES exhibit_document (id),
      amends        text NOT NULL CHECK (btrim(amends) <> ''),
      stated_by     text NOT NULL,
      stated_at     timestamptz NOT NULL DEFAULT now()
    );
  `,
};
