import type { Migration } from '../migrations.js';

/**
 * The sealed results of each month close, and the prior-period adjustments a later restatement
 * produces (SPEC §12: a closed month is locked; corrections are adjustments, never edits).
 */
export const CLOSE_MIGRATION: Migration = {
  version: 7,
  name: 'month close: sealed results, prior-period adjustments',
  sql: `
    CREATE TABLE close_result (
      month         text NOT NULL REFERENCES closed_month (month),
      part          text NOT NULL,              -- fees, journal, service-fees, class-b, monthly-calculation, adjustments
      content       jsonb NOT NULL,
      content_hash  text NOT NULL,
      PRIMARY KEY (month, part)
    );
    ALTER TABLE closed_month ADD COLUMN results_hash text;
    ALTER TABLE net_assets_restatement ADD COLUMN adjusted_in text;  -- the month whose close reported the adjustment
    CREATE FUNCTION close_result_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the results of a closed month are sealed';
    END;
    $$;
    CREATE TRIGGER close_result_no_update BEFORE UPDATE OR DELETE ON close_result
      FOR EACH ROW EXECUTE FUNCTION close_result_sealed();
  `,
};
