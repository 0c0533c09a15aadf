import { readFileSync } from 'node:fs';

/**
 * Which build of plan12b this is: the package version and a digest of the bundled CLI, written
 * by the build (tools/bundle-cli.mjs → dist/cli/build.json). A CLI forwards a query only to a
 * `plan12b serve` of the same build, whose answer is then the one it would have printed itself.
 * Undefined when nothing was built (the server then answers no forwarded query).
 */
export function buildIdentity(): string | undefined {
  return BUILD;
}

/**
 * Read when this module loads, with the code it describes: a `plan12b serve` started before a
 * rebuild keeps answering as the build it runs, not as the one dist/ now holds.
 */
const BUILD = readBuildIdentity();

function readBuildIdentity(): string | undefined {
  // from src (sources), dist/src (compiled) or dist/cli (the bundle's chunks): dist/cli/build.json
  for (const candidate of ['../dist/cli/build.json', '../cli/build.json', './build.json']) {
    try {
      const raw = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as {
        build?: unknown;
      };
      if (typeof raw.build === 'string') return raw.build;
    } catch {}
  }
  return undefined;
}
