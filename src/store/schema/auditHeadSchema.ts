import type { Migration } from '../migrations.js';

/**
 * The audit chain's head kept outside the log (SPEC §12 "Verification detects … a deleted record,
 * including the newest ones"). Closes and feed imports anchor their own records, but a command
 * that changes state without either — `settings set`, `rates set`, `providers terminate`,
 * `transfers notice`, `terminate`, `exhibit withdraw` — left its record anchored by nothing, so
 * deleting it (the newest record) went unnoticed. Every append now records the head here, in the
 * transaction that appends; `audit verify` compares the log's last record with it.
 */
export const AUDIT_HEAD_MIGRATION: Migration = {
  version: 31,
  name: 'the audit chain head recorded outside the log at every append',
  sql: `
    CREATE TABLE audit_head (
      id   smallint PRIMARY KEY CHECK (id = 1),  -- one row
      seq  bigint NOT NULL,                      -- the last record appended
      hash text NOT NULL
    );
    INSERT INTO audit_head (id, seq, hash)
      SELECT 1, seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1;
  `,
};
