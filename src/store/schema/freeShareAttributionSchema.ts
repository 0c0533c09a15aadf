import type { Migration } from '../migrations.js';

/**
 * The attribution of Free Shares is fixed when they are issued (Exhibit A 2(b); SPEC §7; issue 10
 * item 1): the transfer agent may state it on the reinvestment row, as the distributor the Free
 * Shares are attributed to, or as the DOI of the Commission Shares they derive from — one or the
 * other, and only on a reinvestment.
 */
export const FREE_SHARE_ATTRIBUTION_MIGRATION: Migration = {
  version: 16,
  name: 'class B transactions: the stated attribution of a reinvestment’s Free Shares',
  sql: `
    ALTER TABLE class_b_transaction ADD COLUMN attributed_distributor text;
    ALTER TABLE class_b_transaction ADD COLUMN derived_from_doi date;
    ALTER TABLE class_b_transaction ADD CONSTRAINT class_b_transaction_attribution_on_reinvest CHECK (
      (attributed_distributor IS NULL AND derived_from_doi IS NULL)
      OR (type = 'reinvest' AND (attributed_distributor IS NULL OR derived_from_doi IS NULL)));
  `,
};
