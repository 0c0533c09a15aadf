#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

// A reader that stops early (`plan12b … | head`) closes the pipe: that is not an error of plan12b.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// `plan12b --version` alone prints what the CLI prints for it (src/cli/main.ts, Commander's
// version option), from package.json, without loading the CLI (≈ 0.5 s of CPU).
const versionAsked =
  process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-V');
if (versionAsked)
  process.stdout.write(
    `plan12b ${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`,
  );

// A query on an embedded store that `plan12b serve` holds is answered by that server, before the
// CLI, Kysely or PGlite is loaded (src/cli/serveForward.ts); anything else runs in this process.
const forwarded = versionAsked
  ? 0
  : await (await import('../dist/src/cli/serveForward.js'))
      .forwardToServe(process.argv.slice(2), process.env, {
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
      })
      .catch(() => undefined);

if (forwarded !== undefined) process.exitCode = forwarded;
else {
  const { main, reportStoppedUnanswered, wasmTierFor } = await import('../dist/cli/main.js');
  // The embedded database is PostgreSQL compiled to WebAssembly. A query command runs a few SQL
  // statements: V8's baseline compiler alone answers it sooner than when the optimising compiler
  // also works on PostgreSQL's hot functions. Long work (a close, the demo, imports, serve) keeps it.
  // Set before the first database opens, which compiles the module. PLAN12B_WASM_TIER overrides.
  if (wasmTierFor(process.argv, process.env.PLAN12B_WASM_TIER) === 'baseline')
    v8.setFlagsFromString('--liftoff-only');

  // the script itself: a query that opened the store starts the next queries' server with it
  let answered = false;
  main(process.argv, undefined, { bin: fileURLToPath(import.meta.url) }).then(
    (code) => {
      answered = true;
      process.exitCode = code;
    },
    (err) => {
      answered = true;
      console.error(`plan12b: internal error: ${err?.stack ?? err}`);
      process.exitCode = 70;
    },
  );
  // Nothing left to run and no answer: never an exit in silence with whatever status PGlite left
  // (src/cli/main.ts, reportStoppedUnanswered)
  process.on('beforeExit', () => {
    if (answered) return;
    answered = true;
    process.exitCode = reportStoppedUnanswered(process.argv, process.exitCode);
  });
}
