import type { Migration } from '../migrations.js';

/**
 * A document imported by mistake is withdrawn, never deleted (issue 11 item 7): the registry no
 * longer uses it from the withdrawal on; the closed months it could have governed are flagged,
 * and the next close reports what they would now say as prior-period adjustments (SPEC §12).
 */
export const EXHIBIT_WITHDRAWAL_MIGRATION: Migration = {
  version: 19,
  name: 'exhibits: withdrawal with reason and actor; closed months it touches',
  sql: `
    CREATE TABLE exhibit_withdrawal (
      document_id   text PRIMARY KEY REFERENCES exhibit_document (id),
      reason        text NOT NULL CHECK (btrim(reason) <> ''),
      withdrawn_by  text NOT NULL,
      withdrawn_at  timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE exhibit_withdrawal_restatement (
      id            bigserial PRIMARY KEY,
      document_id   text NOT NULL REFERENCES exhibit_withdrawal (document_id),
      closed_month  text NOT NULL,               -- a closed month the withdrawn document could have governed
      adjusted_in   text,                        -- the month whose close reported the adjustment
      UNIQUE (document_id, closed_month)
    );
  `,
};
