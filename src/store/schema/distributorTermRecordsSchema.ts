import type { Migration } from '../migrations.js';

/**
 * Distributor terms become append-only records (issue 9; SPEC §12): a term is never deleted and
 * re-inserted in place; a later record for the same (portfolio, distributor, start) ends or
 * replaces it, and the old record stays. UPDATE (but the re-keying of a
 * renamed portfolio) and DELETE are refused by the store itself.
 */
export const DISTRIBUTOR_TERM_RECORDS_MIGRATION: Migration = {
  version: 12,
  name: 'distributor terms: append-only records',
  sql: `
    DO $$
    DECLARE c record;
    BEGIN
      FOR c IN SELECT conname FROM pg_constraint
                WHERE conrelid = 'class_b_distributor_term'::regclass AND contype = 'u' LOOP
        EXECUTE format('ALTER TABLE class_b_distributor_term DROP CONSTRAINT %I', c.conname);
      END LOOP;
    END $$;
    ALTER TABLE class_b_distributor_term
      ADD COLUMN recorded_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN recorded_by text;
    CREATE INDEX class_b_distributor_term_by_key
      ON class_b_distributor_term ((coalesce(portfolio_id, '')), distributor, start_date, id);
    CREATE FUNCTION class_b_distributor_term_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- A rename that reveals two names are one portfolio re-keys the record; nothing else changes it.
      IF TG_OP = 'UPDATE' AND (NEW.id, NEW.portfolio_name, NEW.distributor, NEW.start_date, NEW.end_date,
          NEW.rights_assigned_to, NEW.import_id) IS NOT DISTINCT FROM (OLD.id, OLD.portfolio_name,
          OLD.distributor, OLD.start_date, OLD.end_date, OLD.rights_assigned_to, OLD.import_id) THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'class_b_distributor_term is append-only: a term is ended or replaced by a later record';
    END $$;
    CREATE TRIGGER class_b_distributor_term_append_only BEFORE UPDATE OR DELETE ON class_b_distributor_term
      FOR EACH ROW EXECUTE FUNCTION class_b_distributor_term_append_only();
  `,
};
