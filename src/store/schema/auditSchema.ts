import type { Migration } from '../migrations.js';

/** The append-only, hash-chained audit log (SPEC §12); updates and deletes are refused by trigger. */
export const AUDIT_MIGRATION: Migration = {
  version: 5,
  name: 'append-only hash-chained audit log',
  sql: `
    CREATE TABLE audit_log (
      seq          bigint PRIMARY KEY,
      at           text NOT NULL,
      actor        text NOT NULL,
      action       text NOT NULL,
      subject      text NOT NULL,
      content_hash text NOT NULL,
      detail       text NOT NULL,
      prev_hash    text NOT NULL,
      hash         text NOT NULL UNIQUE
    );
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the audit log is append-only';
    END;
    $$;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
  `,
};
