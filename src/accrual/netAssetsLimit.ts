/**
 * The largest daily figure plan12b accrues on (SPEC §3–§5): 2,500,000,000,000.00 dollars — far above
 * any share class's net assets, and low enough that a month of them (31 days) sums exactly below
 * 2^53 cents in every engine (the fees' Float64 month sums, the service fees' per-provider sums).
 * Above it a figure is refused at import as bad input, never left to fail later as a bug.
 */

import type { Problem } from '../errors.js';
import { formatCents } from '../money/cents.js';

export const MAX_DAILY_ASSETS_CENTS = 250_000_000_000_000n;

/**
 * One problem per row whose amount is above {@link MAX_DAILY_ASSETS_CENTS}.
 * @example assetsAboveLimitProblems('na.csv', 'net_assets', [{ line: 2, cents: 250_000_000_000_001n }]).length === 1
 */
export function assetsAboveLimitProblems(
  file: string,
  field: string,
  rows: readonly { readonly line: number; readonly cents: bigint }[],
): Problem[] {
  return rows
    .filter((r) => r.cents > MAX_DAILY_ASSETS_CENTS)
    .map((r) => ({
      file,
      line: r.line,
      field,
      value: formatCents(r.cents),
      reason: `${formatCents(r.cents)} is above ${formatCents(MAX_DAILY_ASSETS_CENTS)}, the largest daily figure plan12b accrues on exactly; check the file's units (dollars with two decimals)`,
    }));
}
