import type { Migration } from '../migrations.js';

/**
 * Anchors of the audit chain where the log cannot erase them (issue 9, SPEC §12): each close
 * seals the chain head (seq and hash) and a digest of the month's inputs into its closed_month
 * row, and records the seq of its own audit record; each feed import records the seq of the
 * audit record that recorded it. A sealed closed_month row (one with its results hash) can no
 * longer be changed or removed.
 */
export const AUDIT_ANCHOR_MIGRATION: Migration = {
  version: 14,
  name: 'audit chain anchored in closed months and feed imports; sealed closed months',
  sql: `
    ALTER TABLE closed_month ADD COLUMN chain_seq bigint;       -- the audit chain head when the month was sealed
    ALTER TABLE closed_month ADD COLUMN chain_hash text;
    ALTER TABLE closed_month ADD COLUMN inputs_digest text;     -- SHA-256 of the month's inputs as recorded at the close
    ALTER TABLE closed_month ADD COLUMN audit_seq bigint;       -- the audit record of the close itself
    ALTER TABLE feed_import ADD COLUMN audit_seq bigint;        -- the audit record of the import
    CREATE FUNCTION closed_month_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.results_hash IS NOT NULL THEN
        RAISE EXCEPTION 'closed month % is sealed', OLD.month;
      END IF;
      IF TG_OP = 'DELETE' THEN
        RETURN OLD;
      END IF;
      RETURN NEW;
    END;
    $$;
    CREATE TRIGGER closed_month_no_update BEFORE UPDATE OR DELETE ON closed_month
      FOR EACH ROW EXECUTE FUNCTION closed_month_sealed();
  `,
};
