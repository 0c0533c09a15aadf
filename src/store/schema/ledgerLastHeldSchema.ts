import type { Migration } from '../migrations.js';

/**
 * What an account's stored Class B ledger remembers of Commission Shares it no longer holds
 * (src/class-b/lastHeldIssuance.ts; SPEC §6: a share reached through a chain of free exchanges is
 * traced back to its first issuance; §7, Exhibit A 2(b)): for a (portfolio, DOI) no longer held
 * whose last-held shares came partly from another portfolio, the portfolios that first issued them
 * and the shares of each last held. A reinvestment stating that DOI follows them.
 *
 * - `class_b_ledger_last_held`: a row per remembered (portfolio, DOI, issuing portfolio) of an
 *   account's `class_b_ledger_state` row (same `account_key`, `as_of`; deleted with it). Most
 *   accounts never exchanged and have none, so a separate table, not arrays on every state row:
 *   the state rows, their COPY text and the close's digest of them (digest v4) are unchanged.
 * - State rows written before this migration did not record it. Where the account had a Free
 *   Exchange Transaction on or before the row's month end, the row gets one marker row with the
 *   portfolio and the rest NULL: "not recorded". A reader then derives the memory by replaying the
 *   account's transactions through that month end (the close, which writes the account's state
 *   again with it) or leaves the account to the replay from its first transaction (the imports).
 *   An account that never exchanged has nothing to remember: its old rows read as they are.
 */
export const LEDGER_LAST_HELD_MIGRATION: Migration = {
  version: 35,
  name: 'class B ledger state: the first issuances of Commission Shares of DOIs no longer held',
  sql: `
    CREATE TABLE class_b_ledger_last_held (
      account_key            integer NOT NULL,
      as_of                  date NOT NULL,
      portfolio_key          smallint,            -- NULL: not recorded (a state written before version 35)
      doi_epoch_day          integer,             -- Date of Original Issuance, days since 1970-01-01
      issuing_portfolio_key  smallint,
      share_units            bigint CHECK (share_units > 0),  -- 1/10,000 share, last held
      FOREIGN KEY (account_key, as_of) REFERENCES class_b_ledger_state (account_key, as_of) ON DELETE CASCADE,
      CONSTRAINT class_b_ledger_last_held_whole CHECK (
        num_nulls(portfolio_key, doi_epoch_day, issuing_portfolio_key, share_units) IN (0, 4))
    );
    CREATE INDEX class_b_ledger_last_held_by_state ON class_b_ledger_last_held (account_key, as_of);
    INSERT INTO class_b_ledger_last_held (account_key, as_of)
    SELECT s.account_key, s.as_of
      FROM class_b_ledger_state s JOIN class_b_account a ON a.account_key = s.account_key
     WHERE EXISTS (SELECT 1 FROM class_b_transaction t
                    WHERE t.account = a.account AND t.type = 'exchange_out' AND t.date <= s.as_of);
  `,
};
