import type { Migration } from '../migrations.js';

/**
 * The prospectus terms of the Class B shares as data (SPEC §6): CDSC schedules chosen by the
 * issuing portfolio and DOI, conversion periods per portfolio, redemption fees per portfolio
 * (Agreement FOURTH(A), (D)). A rule with no portfolio applies to every portfolio; the defaults
 * (5-4-3-3-2-1, 8 years, no fee) apply where no rule says otherwise.
 */
export const CLASS_B_TERMS_MIGRATION: Migration = {
  version: 8,
  name: 'class B terms: CDSC schedules, conversion periods, redemption fees',
  sql: `
    CREATE TABLE class_b_terms_rule (
      id                   serial PRIMARY KEY,
      rule                 text NOT NULL CHECK (rule IN ('cdsc-schedule','conversion-period','redemption-fee')),
      portfolio_id         text,                 -- null: every portfolio
      portfolio_name       text,                 -- the name the feed used
      doi_from             date,                 -- cdsc-schedule: DOI range, either end open when null
      doi_to               date,
      cdsc_schedule_pct    text,                 -- year 1, 2, … rates in percent, comma-separated: 4.00,3.00,2.00,1.00
      conversion_years     integer CHECK (conversion_years > 0),
      redemption_fee_pct   numeric(12,6) CHECK (redemption_fee_pct >= 0 AND redemption_fee_pct <= 100),
      redemption_fee_days  integer CHECK (redemption_fee_days > 0),  -- null: every share redeemed
      import_id            integer NOT NULL,
      CHECK (doi_from IS NULL OR doi_to IS NULL OR doi_from <= doi_to),
      CHECK (rule <> 'cdsc-schedule' OR (cdsc_schedule_pct IS NOT NULL AND conversion_years IS NULL
        AND redemption_fee_pct IS NULL AND redemption_fee_days IS NULL)),
      CHECK (rule <> 'conversion-period' OR (conversion_years IS NOT NULL AND cdsc_schedule_pct IS NULL
        AND doi_from IS NULL AND doi_to IS NULL AND redemption_fee_pct IS NULL AND redemption_fee_days IS NULL)),
      CHECK (rule <> 'redemption-fee' OR (portfolio_id IS NOT NULL AND redemption_fee_pct IS NOT NULL
        AND cdsc_schedule_pct IS NULL AND conversion_years IS NULL AND doi_from IS NULL AND doi_to IS NULL))
    );
    CREATE UNIQUE INDEX class_b_terms_rule_key
      ON class_b_terms_rule (rule, coalesce(portfolio_id, ''), coalesce(doi_from, DATE '0001-01-01'));
  `,
};
