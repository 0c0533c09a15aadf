import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One migrated PGlite folder per run, copied by freshDatabase (test/support/databases.ts).
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Most files wait on a database or a child process as much as on the CPU: three at a time keeps
    // two cores busy without starving any one file.
    maxWorkers: 3,
    minWorkers: 1,
  },
});
