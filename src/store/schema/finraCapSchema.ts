import type { Migration } from '../migrations.js';

/**
 * FINRA Rule 2341(d)(2) aggregate cap (SPEC §10; issue 12 item 6): monthly new gross sales per
 * class (excluding reinvestments and exchanges) with the front-end and deferred sales charges the
 * transfer agent reports, and the prime rate, effective-dated.
 */
export const FINRA_CAP_MIGRATION: Migration = {
  version: 22,
  name: 'FINRA 2341 aggregate cap: gross sales per class and month, the prime rate',
  sql: `
    CREATE TABLE finra_gross_sales (
      portfolio_id            text NOT NULL,
      class                   text NOT NULL,
      month                   text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
      gross_sales             numeric(20,2) NOT NULL CHECK (gross_sales >= 0),
      front_end_sales_charges numeric(20,2) NOT NULL DEFAULT 0 CHECK (front_end_sales_charges >= 0),
      deferred_sales_charges  numeric(20,2) CHECK (deferred_sales_charges >= 0), -- null: plan12b's own CDSC ledger (Class B)
      import_id               integer NOT NULL,
      recorded_by             text NOT NULL,
      PRIMARY KEY (portfolio_id, class, month)
    );
    CREATE TABLE prime_rate (
      effective_date  date PRIMARY KEY,
      rate_pct        numeric(12,6) NOT NULL CHECK (rate_pct >= 0),
      source          text,                     -- where the rate was published (e.g. The Wall Street Journal)
      import_id       integer NOT NULL,
      recorded_by     text NOT NULL
    );
  `,
};

/** Amounts spent under the Plan by purpose (Plan §3), reported to the board quarterly (Plan §8). */
export const EXPENDITURES_MIGRATION: Migration = {
  version: 23,
  name: 'plan expenditures by purpose (Plan §3, §8)',
  sql: `
    CREATE TABLE plan_expenditure (
      portfolio_id  text NOT NULL,
      class         text NOT NULL,
      period        text NOT NULL,            -- YYYYQn or YYYY-MM-DD, as the feed gave it
      period_start  date NOT NULL,
      period_end    date NOT NULL,
      purpose       text NOT NULL,
      description   text NOT NULL DEFAULT '',
      amount        numeric(20,2) NOT NULL CHECK (amount >= 0),
      import_id     integer NOT NULL,
      recorded_by   text NOT NULL,
      PRIMARY KEY (portfolio_id, class, period, purpose, description)
    );
  `,
};
