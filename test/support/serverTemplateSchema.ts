/**
 * The schema of the run's migrated server database (test/support/globalSetup.ts) and of every
 * test's copy of it (test/support/databases.ts). A module of its own: the global setup runs
 * outside Vitest's workers and cannot load databases.ts (it uses `inject`).
 */
export const SERVER_TEMPLATE_SCHEMA = 'plan12b_test';
