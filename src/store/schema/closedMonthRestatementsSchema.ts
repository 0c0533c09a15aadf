import type { Migration } from '../migrations.js';

/** Provider-asset restatements of closed months become prior-period adjustments, as net assets do. */
export const CLOSED_MONTH_RESTATEMENTS_MIGRATION: Migration = {
  version: 10,
  name: 'provider-asset restatements flag closed months',
  sql: `
    ALTER TABLE provider_assets_restatement ADD COLUMN closed_month text;
    ALTER TABLE provider_assets_restatement ADD COLUMN adjusted_in text;
  `,
};
