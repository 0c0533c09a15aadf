#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

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
