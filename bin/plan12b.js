#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`plan12b: internal error: ${err?.stack ?? err}`);
    process.exitCode = 70;
  },
);
