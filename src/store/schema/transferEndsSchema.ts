import type { Migration } from '../migrations.js';

/**
 * Transfers are never edited (Agreement EIGHTH; issue 10 item 12): a later record ends an earlier
 * Transfer from its own effective date, and, when it gives portions of its own, replaces it from
 * that date. A record that only ends one carries no terms. Each Transfer is ended at most once.
 */
export const TRANSFER_ENDS_MIGRATION: Migration = {
  version: 13,
  name: 'transfers: a later record ends or replaces a Transfer from a date',
  sql: `
    ALTER TABLE transfer ADD COLUMN ends text REFERENCES transfer (id);
    ALTER TABLE transfer ADD COLUMN import_id integer;
    ALTER TABLE transfer ALTER COLUMN assignee DROP NOT NULL;
    ALTER TABLE transfer ALTER COLUMN address DROP NOT NULL;
    ALTER TABLE transfer ADD CONSTRAINT transfer_terms_or_end CHECK (
      ends IS NOT NULL OR (assignee IS NOT NULL AND address IS NOT NULL
                           AND (twelve_b1_portion_pct IS NOT NULL OR cdsc_portion_pct IS NOT NULL)));
    CREATE UNIQUE INDEX transfer_ended_once ON transfer (ends);
  `,
};
