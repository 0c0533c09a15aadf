import type { Migration } from '../migrations.js';

/**
 * Exhibit A's inputs at each computation date, kept once computed (issue 14 item 1): a closed
 * month's holdings never change (a transaction dated in or before a closed month is refused), so
 * a computation date in a closed month is a lookup, not a replay. Per portfolio and date: the
 * computation summed over the accounts other than Omnibus Accounts (Exhibit A allocates account
 * by account, so the sum is exact), and the Omnibus Accounts with their lots (2(c) attributes
 * their Free Shares month by month, account by account). `basis_hash` names the Distributor and
 * distributor terms it was computed under: under other terms it is computed again and replaced.
 */
export const EXHIBIT_A_HOLDINGS_MIGRATION: Migration = {
  version: 27,
  name: 'Exhibit A holdings per portfolio and computation date',
  sql: `
    CREATE TABLE exhibit_a_holdings (
      portfolio_id   text NOT NULL,
      date           date NOT NULL,
      basis_hash     text NOT NULL,
      others         text NOT NULL,     -- JSON: the computation over the non-omnibus accounts
      omnibus        text NOT NULL,     -- JSON: the Omnibus Accounts and their lots
      PRIMARY KEY (portfolio_id, date)
    );
  `,
};
