import type { Migration } from '../migrations.js';

/**
 * Schema for the Class B share ledger (SPEC §6). The transfer agent's transactions are the record;
 * lots are recomputed from them per account (exact, and a late transaction can never leave a
 * stale lot behind). The redemptions they produce are stored as derived rows, rewritten for an
 * account whenever its activity changes, so that the redemption and CDSC reports are one query.
 */
export const CLASS_B_MIGRATION: Migration = {
  version: 4,
  name: 'class B share ledger',
  sql: `
    CREATE TABLE class_b_account (
      account           text PRIMARY KEY,
      omnibus           boolean NOT NULL,         -- Exhibit A 1. Omnibus Account
      dealer_of_record  text,
      import_id         integer NOT NULL
    );
    CREATE TABLE class_b_transaction (
      txn_id         text PRIMARY KEY,
      seq            bigserial NOT NULL UNIQUE,   -- order of arrival: breaks ties within a date
      date           date NOT NULL,
      account        text NOT NULL REFERENCES class_b_account (account),
      portfolio_id   text NOT NULL,
      portfolio_name text NOT NULL,              -- the name the feed used
      class          text NOT NULL,
      type           text NOT NULL CHECK (type IN ('purchase','reinvest','redeem','exchange_out','exchange_in','convert')),
      shares         numeric(20,4) NOT NULL CHECK (shares > 0),
      price          numeric(20,4) CHECK (price > 0),
      exchange_id    text,
      waiver         text,
      import_id      integer NOT NULL
    );
    CREATE INDEX class_b_transaction_by_account ON class_b_transaction (account, date, seq);
    CREATE INDEX class_b_transaction_by_date ON class_b_transaction (date, type);
    CREATE TABLE class_b_distributor_term (
      id                  serial PRIMARY KEY,
      portfolio_id        text,                   -- null: every portfolio
      portfolio_name      text,
      distributor         text NOT NULL,
      start_date          date NOT NULL,
      end_date            date,
      rights_assigned_to  text,                   -- Agreement NINETEENTH: IDI's rights assigned to ADI
      import_id           integer NOT NULL,
      UNIQUE (portfolio_id, distributor, start_date)
    );
    CREATE TABLE class_b_redemption (
      txn_id          text PRIMARY KEY REFERENCES class_b_transaction (txn_id),
      account         text NOT NULL,
      portfolio_id    text NOT NULL,
      date            date NOT NULL,
      shares          numeric(20,4) NOT NULL,
      price           numeric(20,4) NOT NULL,
      waiver          text,
      gross           numeric(20,2) NOT NULL,   -- Agreement FOURTH(D) Gross Redemption Proceeds
      cdsc            numeric(20,2) NOT NULL,
      cdsc_waived     numeric(20,2) NOT NULL,
      redemption_fee  numeric(20,2) NOT NULL,   -- retained by the Portfolio
      net             numeric(20,2) NOT NULL,   -- Net Redemption Proceeds
      CHECK (gross = net + cdsc + redemption_fee)
    );
    CREATE INDEX class_b_redemption_by_date ON class_b_redemption (date);
    CREATE INDEX class_b_redemption_by_account ON class_b_redemption (account, date);
    CREATE TABLE class_b_redemption_piece (
      txn_id               text NOT NULL REFERENCES class_b_redemption (txn_id) ON DELETE CASCADE,
      piece                integer NOT NULL,
      lot_id               text NOT NULL,
      kind                 text NOT NULL CHECK (kind IN ('commission','free')),
      doi                  date NOT NULL,        -- Date of Original Issuance
      issuing_portfolio_id text NOT NULL,
      shares               numeric(20,4) NOT NULL,
      cost                 numeric(20,2) NOT NULL,
      rate_pct             numeric(12,6) NOT NULL,
      base                 numeric(24,8) NOT NULL,
      cdsc                 numeric(20,2) NOT NULL,
      cdsc_waived          numeric(20,2) NOT NULL,
      PRIMARY KEY (txn_id, piece)
    );
  `,
};
