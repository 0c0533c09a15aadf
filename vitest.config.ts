import { defineConfig } from 'vitest/config';
import { HeaviestFirst } from './test/support/heaviestFirst.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One migrated PGlite folder per run, copied by freshDatabase (test/support/databases.ts).
    globalSetup: ['test/support/globalSetup.ts'],
    // A turn of the event loop around each test (test/support/yieldBetweenTests.ts);
    // PLAN12B_TEST_CPU_LOG=FILE: each file's wall time, CPU (its own and its child processes') and
    // longest event-loop hold.
    setupFiles: ['test/support/yieldBetweenTests.ts', 'test/support/cpuPerFile.ts'],
    // Test stores hold a few hundred rows, and a test's commands are short: a small buffer pool
    // (PostgreSQL zeroes it at every open: a long-work open's 128 MB cost ~0.5 s of CPU, 16 MB
    // ~0.32 s, 4 MB ~0.27 s; the demo complex's what-if and close take the same time at 4 MB as at
    // 16 MB) and, for the spawned CLI, V8's baseline WebAssembly compiler only (the optimising one
    // costs ~1–2 s of CPU per process and pays off only on long work). Performance settings only:
    // the same SQL runs. `plan12b demo` (the demo test) and the recording of the open demo complex
    // run with the product's own defaults.
    // A query command spawned by a test does not start a query server on demand (one file tests
    // that server, turning it on for its own commands): the suite's processes end with their tests.
    env: {
      PLAN12B_PGLITE_SHARED_BUFFERS: process.env.PLAN12B_PGLITE_SHARED_BUFFERS ?? '4MB',
      PLAN12B_WASM_TIER: process.env.PLAN12B_WASM_TIER ?? 'baseline',
      PLAN12B_AUTO_SERVE: 'off',
    },
    // No test may fail for being slow (issue 14 item 6): one generous limit for every test and hook,
    // none set lower in a file. A run on a machine loaded ~15× over its 2 cores (session 54's first
    // `.ci/run`, seven helpers' runs beside it) took a 13.7 s-of-CPU file past a 120 s limit, and a
    // spawned first command, still creating its store when its test was timed out, made the file's
    // next tests fail. A test that hangs is found all the same, 15 minutes later.
    testTimeout: 900_000,
    hookTimeout: 900_000,
    pool: 'forks',
    // V8's baseline WebAssembly compiler only in the workers, as for the spawned CLI above: a worker
    // runs PostgreSQL's WebAssembly for ~100 files' short commands, and the optimising compiler's
    // work on its hot functions cost more CPU than it saved (seven PGlite-heavy files in one worker,
    // session 53: 73.0 s of CPU against 78.3 s; the close by columns 11.8 s against 12.8 s).
    // A performance setting only: the same SQL runs.
    execArgv: ['--liftoff-only'],
    // A worker runs file after file in one process: the modules (and PGlite's compiled WebAssembly)
    // are loaded once per worker, not once per file. Tests restore what they change (environment,
    // actor); the one file that mocks modules resets the module cache around itself.
    isolate: false,
    // Most files wait on a database, a child process or a browser as much as on the CPU: with three
    // at a time a quiet run used 1.5 of the 2 cores (790 s of CPU in 530 s). Measured on a clean
    // clone, nothing else running: 3 workers 399 s, 4 workers 362 s, 5 workers 348 s (each file
    // slower, the whole barely faster): four keeps both cores busy without crowding a busy machine.
    maxWorkers: 4,
    // The longest files first (test/support/heaviestFirst.ts): on a clean clone Vitest has no
    // durations of an earlier run and starts the largest files first, which left a 16 s file to
    // start among the run's last.
    sequence: { sequencer: HeaviestFirst },
  },
});
