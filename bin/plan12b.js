#!/usr/bin/env node
import v8 from 'node:v8';
import { main, wasmTierFor } from '../dist/cli/main.js';

// The embedded database is PostgreSQL compiled to WebAssembly. A query command runs a few SQL
// statements: V8's baseline compiler alone answers it sooner than when the optimising compiler
// also works on PostgreSQL's hot functions. Long work (a close, the demo, imports, serve) keeps it.
// Set before the first database opens, which compiles the module. PLAN12B_WASM_TIER overrides.
if (wasmTierFor(process.argv, process.env.PLAN12B_WASM_TIER) === 'baseline')
  v8.setFlagsFromString('--liftoff-only');

// A reader that stops early (`plan12b … | head`) closes the pipe: that is not an error of plan12b.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`plan12b: internal error: ${err?.stack ?? err}`);
    process.exitCode = 70;
  },
);
