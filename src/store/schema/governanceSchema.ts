import type { Migration } from '../migrations.js';

/**
 * Approvals and votes (Plan §§5–7, §9, §11; Agreement FOURTEENTH, FIFTEENTH; issue 12): one row per
 * meeting, body, thing approved and portfolio/class, with the vote as counted. Recorded once, never
 * edited. `setting` holds the governance settings (`plan12b settings set`), e.g. whether approvals
 * are enforced.
 */
export const APPROVALS_MIGRATION: Migration = {
  version: 20,
  name: 'governance: approvals and votes, settings',
  sql: `
    CREATE TABLE approval (
      id                  text PRIMARY KEY,       -- SHA-256 of the row's key
      meeting_date        date NOT NULL,
      body                text NOT NULL CHECK (body IN ('board', 'shareholders')),
      subject             text NOT NULL CHECK (subject IN ('instrument', 'amendment', 'continuance', 'termination', 'related-agreement')),
      document_id         text,                   -- the exhibit approved (its content hash), or null
      instrument_key      text,                   -- the instrument approved, or null for a related agreement not imported
      approved_name       text NOT NULL,          -- as the feed named it
      portfolio_id        text,                   -- null: every portfolio the instrument covers
      portfolio_name      text,
      class               text,                   -- null: every class
      trustees_for        integer,
      trustees_against    integer,
      trustees_absent     integer,
      disinterested_for   integer,
      disinterested_against integer,
      disinterested_absent integer,
      in_person           boolean,
      called_for_purpose  boolean,
      shares_outstanding  numeric(24,4),
      shares_present      numeric(24,4),
      shares_for          numeric(24,4),
      approved            boolean NOT NULL,
      outcome             text NOT NULL,
      import_id           integer NOT NULL,
      recorded_at         timestamptz NOT NULL DEFAULT now(),
      recorded_by         text NOT NULL,
      CHECK ((body = 'board' AND trustees_for IS NOT NULL) OR (body = 'shareholders' AND shares_for IS NOT NULL))
    );
    CREATE INDEX approval_by_date ON approval (meeting_date);
    CREATE TABLE setting (
      key          text PRIMARY KEY,
      value        text NOT NULL,
      recorded_at  timestamptz NOT NULL DEFAULT now(),
      recorded_by  text NOT NULL
    );
  `,
};

/**
 * Terminations (Plan §9; Agreement FIFTEENTH): of the Plan or of the Agreement, for a portfolio
 * (or every portfolio) and a class (or every class), from a date. Recorded once, never edited.
 */
export const TERMINATIONS_MIGRATION: Migration = {
  version: 21,
  name: 'governance: terminations of the Plan or the Agreement',
  sql: `
    CREATE TABLE termination (
      id              text PRIMARY KEY,           -- SHA-256 of the row's key
      instrument      text NOT NULL CHECK (instrument IN ('plan', 'agreement')),
      portfolio_id    text,                       -- null: every portfolio
      portfolio_name  text,
      class           text,                       -- null: every class
      effective_date  date NOT NULL,              -- payments stop from this day
      voted_by        text NOT NULL CHECK (voted_by IN ('trustees', 'shareholders', 'distributor')),
      notice_date     date,
      reason          text,
      import_id       integer,
      recorded_at     timestamptz NOT NULL DEFAULT now(),
      recorded_by     text NOT NULL
    );
  `,
};
