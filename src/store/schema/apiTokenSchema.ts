import type { Migration } from '../migrations.js';

/**
 * API tokens of `plan12b serve` (SPEC §11; issue 13 item 2): each names a holder and a role; only
 * the SHA-256 of the token is kept, so the database never holds a usable secret. A token is never
 * deleted: revoking it records when and by whom.
 */
export const API_TOKEN_MIGRATION: Migration = {
  version: 24,
  name: 'api: tokens (hashed) with a role, revocable',
  sql: `
    CREATE TABLE api_token (
      name          text PRIMARY KEY,
      role          text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin', 'auditor')),
      token_hash    text NOT NULL UNIQUE,          -- SHA-256 (hex) of the token
      created_at    timestamptz NOT NULL DEFAULT now(),
      created_by    text NOT NULL,
      revoked_at    timestamptz,
      revoked_by    text
    );
  `,
};
