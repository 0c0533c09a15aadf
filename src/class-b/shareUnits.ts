import { readDecimalText } from '../money/decimalText.js';

/**
 * Shares as integer ten-thousandths (bigint) inside, decimal strings ("12.3456") at every
 * boundary. SPEC §3: shares have at most 4 decimal places.
 */

export const SHARE_UNITS_PER_SHARE = 10_000n;

export class ShareFormatError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`${JSON.stringify(input)} is not a number of shares: ${reason}`);
    this.name = 'ShareFormatError';
  }
}

/**
 * Parses a non-negative number of shares with at most four decimals into 1/10,000ths of a share.
 * @example parseShareUnits('12.5') === 125000n
 */
export function parseShareUnits(input: string): bigint {
  const d = readDecimalText(input, 4);
  if ('problem' in d) {
    if (d.problem.startsWith('more than'))
      throw new ShareFormatError(input, 'more than 4 decimals; shares are recorded to 0.0001');
    throw new ShareFormatError(
      input,
      d.problem === 'not a decimal number' || d.problem === 'empty'
        ? 'expected digits with at most 4 decimals, e.g. 125.0000'
        : d.problem,
    );
  }
  // "-5.0000" has its four decimals: the sign is what is wrong (a redemption is its type, not a sign)
  if (d.negative)
    throw new ShareFormatError(
      input,
      'a number of shares is never negative; the type (redeem, exchange_out …) says which way shares move',
    );
  return BigInt(d.whole) * SHARE_UNITS_PER_SHARE + BigInt(d.frac.padEnd(4, '0'));
}

/**
 * Formats 1/10,000ths of a share with exactly four places.
 * @example formatShareUnits(125000n) === '12.5000'
 */
export function formatShareUnits(units: bigint): string {
  const neg = units < 0n;
  const abs = neg ? -units : units;
  return `${neg ? '-' : ''}${abs / SHARE_UNITS_PER_SHARE}.${(abs % SHARE_UNITS_PER_SHARE).toString().padStart(4, '0')}`;
}
