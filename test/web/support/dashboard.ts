import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pino from 'pino';
import { type RunningServer, startServer } from '../../../src/api/server.js';
import { seedsAvailable } from '../../support/seeds.js';
import { CHROMIUM } from './chromium.js';

/** The built dashboard `plan12b serve` serves (`npm run build`). */
export const DASHBOARD_DIST = resolve(import.meta.dirname, '../../../web/dist/index.html');

/**
 * Why a dashboard test cannot run here, or null: Chromium missing, the dashboard not built, or —
 * for a test over the seed documents — the seeds absent. On CI a missing Chromium or build is an
 * error, never a skip; absent seeds skip, as every seed test does.
 */
export function dashboardUnavailable(opts: { readonly seeds?: boolean } = {}): string | null {
  const seeds = opts.seeds === true && !seedsAvailable ? 'the seed documents are not available' : null;
  const missing =
    seeds ??
    (!existsSync(CHROMIUM)
      ? `Chromium is not at ${CHROMIUM}`
      : !existsSync(DASHBOARD_DIST)
        ? 'the dashboard is not built (npm run build)'
        : null);
  if (missing && seeds === null && process.env.CI) throw new Error(missing);
  return missing;
}

/** `plan12b serve` on a store, on a free port of this machine, its log silent. */
export function serveDashboard(dbTarget: string): Promise<RunningServer> {
  return startServer({ dbTarget, port: 0, host: '127.0.0.1', logger: pino({ level: 'silent' }) });
}
