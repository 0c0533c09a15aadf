import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the seed documents are: $PLAN12B_SEEDS, else ../shared/seeds beside the project. */
export const seedsDir = resolve(process.env.PLAN12B_SEEDS ?? join(here, '..', '..', '..', 'shared', 'seeds'));

export const seedsAvailable = existsSync(join(seedsDir, 'expected.json'));

/** On CI the seeds are required; elsewhere their tests skip with a message saying why. */
if (!seedsAvailable) {
  const msg = `seed documents not found at ${seedsDir} (set PLAN12B_SEEDS); seed-document tests skipped`;
  if (process.env.CI) throw new Error(`${msg} — on CI they are required`);
  console.warn(msg);
}

export function seedFiles(): string[] {
  if (!seedsAvailable) return [];
  return readdirSync(seedsDir)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .sort()
    .map((f) => join(seedsDir, f));
}
