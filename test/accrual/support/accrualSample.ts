/**
 * The SPEC checks' accrual sample (../shared/checks/accrual-sample): read in place, never copied
 * into the repository. Found at $PLAN12B_SEEDS/../checks, else ../shared/checks beside the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const accrualSampleDir = resolve(
  process.env.PLAN12B_SEEDS
    ? join(process.env.PLAN12B_SEEDS, '..', 'checks', 'accrual-sample')
    : join(here, '..', '..', '..', '..', 'shared', 'checks', 'accrual-sample'),
);

export const accrualSampleAvailable =
  existsSync(join(accrualSampleDir, 'net-assets.csv')) && existsSync(join(accrualSampleDir, 'expected.json'));

if (!accrualSampleAvailable) {
  const msg = `accrual sample not found at ${accrualSampleDir} (set PLAN12B_SEEDS); accrual-sample tests skipped`;
  if (process.env.CI) throw new Error(`${msg} — on CI it is required`);
  console.warn(msg);
}

export interface ExpectedClassMonth {
  readonly portfolio: string;
  readonly class: string;
  readonly month: string;
  readonly days: number;
  readonly averageDailyNetAssets: string;
  readonly distributionFee: string;
  readonly serviceFee: string;
  readonly totalFee: string;
  readonly query: [string, string];
}

export function readAccrualSample(): { csv: string; expected: ExpectedClassMonth[] } {
  return {
    csv: readFileSync(join(accrualSampleDir, 'net-assets.csv'), 'utf8'),
    expected: JSON.parse(
      readFileSync(join(accrualSampleDir, 'expected.json'), 'utf8'),
    ) as ExpectedClassMonth[],
  };
}
