import type { Migration } from '../migrations.js';

/**
 * Whether a Transfer's notice date was recorded by `plan12b transfers notice` (EIGHTH(B)) rather
 * than given by the transfers feed. `audit verify` (SPEC §12: a deleted record is detected,
 * including the newest) then knows which stored notices must have a `transfers.notice` record: a
 * notice recorded by the command anchors its record only by the head kept beside the log, so
 * deleting that record and moving the head back left the notice in force, unaccounted for.
 * Notices recorded before this migration are left unmarked (their source was not kept).
 */
export const TRANSFER_NOTICE_BY_COMMAND_MIGRATION: Migration = {
  version: 32,
  name: 'transfer notices recorded by the command are marked',
  sql: `
    ALTER TABLE transfer ADD COLUMN notice_by_command boolean NOT NULL DEFAULT false;
  `,
};
