import type { Migration } from '../migrations.js';

/**
 * Schema for service providers, their Service Agreements (Plan §4(b)–(g)) and the assets their
 * customers hold (SPEC §5). An agreement is never deleted or edited: its terminations (Plan §10)
 * are appended to service_agreement_event with who and when.
 */
export const SERVICE_FEES_MIGRATION: Migration = {
  version: 3,
  name: 'service providers, service agreements, provider assets',
  sql: `
    CREATE TABLE service_provider (
      id              text PRIMARY KEY,
      name            text NOT NULL,
      kind            text NOT NULL CHECK (kind IN ('dealer', 'bank', 'variable-contract-company',
                        'retirement-plan-provider', 'bank-trust-department', 'distributor-principal')),
      agreement_date  date NOT NULL,
      own_rate_pct    numeric(12,6) CHECK (own_rate_pct > 0),
      import_id       integer NOT NULL,
      recorded_at     timestamptz NOT NULL DEFAULT now(),
      recorded_by     text NOT NULL
    );
    CREATE TABLE service_agreement_event (
      id              serial PRIMARY KEY,
      provider_id     text NOT NULL REFERENCES service_provider (id),
      event           text NOT NULL CHECK (event IN ('agreement', 'termination')),
      cause           text CHECK (cause IN ('notice', 'assignment', 'recorded')),
      notice_date     date,
      effective_date  date NOT NULL,
      assigned_to     text,
      source          text NOT NULL,            -- the file or the command that recorded it
      recorded_at     timestamptz NOT NULL DEFAULT now(),
      recorded_by     text NOT NULL
    );
    CREATE INDEX service_agreement_event_by_provider ON service_agreement_event (provider_id, id);
    CREATE TABLE provider_assets (
      provider_id     text NOT NULL REFERENCES service_provider (id),
      portfolio_id    text NOT NULL,
      class           text NOT NULL,
      date            date NOT NULL,
      net_assets      numeric(20,2) NOT NULL CHECK (net_assets >= 0),
      portfolio_name  text NOT NULL,            -- the name the feed used
      import_id       integer NOT NULL,
      PRIMARY KEY (provider_id, portfolio_id, class, date)
    );
    CREATE INDEX provider_assets_by_class ON provider_assets (portfolio_id, class, date);
    CREATE TABLE provider_assets_restatement (
      id              serial PRIMARY KEY,
      provider_id     text NOT NULL,
      portfolio_id    text NOT NULL,
      class           text NOT NULL,
      date            date NOT NULL,
      old_net_assets  numeric(20,2) NOT NULL,
      new_net_assets  numeric(20,2) NOT NULL,
      restated_at     timestamptz NOT NULL DEFAULT now(),
      restated_by     text NOT NULL,
      import_id       integer NOT NULL
    );
  `,
};
