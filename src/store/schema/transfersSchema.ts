import type { Migration } from '../migrations.js';

/** Transfers of the Distributor's 12b-1 Share and Earned CDSC to Assignees (Agreement EIGHTH). */
export const TRANSFERS_MIGRATION: Migration = {
  version: 6,
  name: 'transfers to assignees',
  sql: `
    CREATE TABLE transfer (
      id                    text PRIMARY KEY,
      assignee              text NOT NULL,
      address               text NOT NULL,
      portfolio_name        text,                 -- null: all portfolios
      twelve_b1_portion_pct numeric(12,6),
      cdsc_portion_pct      numeric(12,6),
      doi_from              date,
      doi_to                date,
      effective_date        date NOT NULL,
      notice_received_date  date,
      payment               text NOT NULL CHECK (payment IN ('direct', 'depository')),
      depository_agent      text,
      recorded_at           timestamptz NOT NULL DEFAULT now(),
      recorded_by           text NOT NULL
    );
  `,
};
