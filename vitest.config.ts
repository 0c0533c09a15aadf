import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One migrated PGlite folder per run, copied by freshDatabase (test/support/databases.ts).
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 120_000,
    // A query command spawned by a test does not start a query server on demand (one file tests
    // that server, turning it on for its own commands): the suite's processes end with their tests.
    env: { PLAN12B_AUTO_SERVE: 'off' },
    hookTimeout: 300_000,
    pool: 'forks',
    // A worker runs file after file in one process: the modules (and PGlite's compiled WebAssembly)
    // are loaded once per worker, not once per file. Tests restore what they change (environment,
    // actor); the one file that mocks modules resets the module cache around itself.
    isolate: false,
    // Most files wait on a database or a child process as much as on the CPU: three at a time keeps
    // two cores busy without starving any one file.
    maxWorkers: 3,
    // As many as the most: without isolation, a worker ended for being idle while the pool hands out
    // files fails the run at its end ("Terminating worker thread"; 40 files, 3 workers, minWorkers 1).
    minWorkers: 3,
  },
});
