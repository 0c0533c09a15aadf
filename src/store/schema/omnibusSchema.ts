import type { Migration } from '../migrations.js';

/**
 * The sub-transfer agent's monthly figures for each Omnibus Account (Exhibit A 2(c)): Free Shares
 * issued and redeemed other than in Free Exchange Transactions, and outstanding at month end.
 */
export const OMNIBUS_MIGRATION: Migration = {
  version: 9,
  name: 'omnibus accounts: sub-transfer agent monthly figures',
  sql: `
    CREATE TABLE omnibus_month (
      month                   text NOT NULL,          -- YYYY-MM
      account                 text NOT NULL,
      portfolio_id            text NOT NULL,
      portfolio_name          text NOT NULL,          -- the name the feed used
      free_shares_issued      numeric(20,4) NOT NULL CHECK (free_shares_issued >= 0),
      free_shares_redeemed    numeric(20,4) NOT NULL CHECK (free_shares_redeemed >= 0),
      free_shares_outstanding numeric(20,4) NOT NULL CHECK (free_shares_outstanding >= 0),
      import_id               integer NOT NULL,
      PRIMARY KEY (month, account, portfolio_id)
    );
  `,
};
