import { readDecimalText } from './decimalText.js';

/**
 * Rates are percent-per-annum decimal strings at the boundary ("0.25" = 0.25%).
 * Inside they are integers of micro-percent (1e-6 %), exact for every rate a schedule states.
 */

export const MICRO_PCT_PER_PCT = 1_000_000n;

export class RateFormatError extends Error {
  constructor(
    readonly input: string,
    /** why, where a common way of writing numbers says why (src/money/decimalText.ts) */
    readonly reason?: string,
  ) {
    super(
      `${JSON.stringify(input)} is not a rate in percent (e.g. 0.25, at most 6 decimals)${reason ? `: ${reason}` : ''}`,
    );
    this.name = 'RateFormatError';
  }
}

/**
 * The decimal strings of src/money/decimalText.ts, never negative, at most six decimals (a
 * trailing "%" is read as the percent it says).
 * @example parseRateMicroPct('0.25') === 250000n; parseRateMicroPct('.25') === 250000n
 */
export function parseRateMicroPct(input: string): bigint {
  const d = readDecimalText(input.trim().replace(/%$/, ''), 6);
  if ('problem' in d)
    throw new RateFormatError(
      input,
      d.problem === 'not a decimal number' || d.problem === 'empty' ? undefined : d.problem,
    );
  if (d.negative) throw new RateFormatError(input, 'a rate is never negative');
  return BigInt(d.whole) * MICRO_PCT_PER_PCT + BigInt(d.frac.padEnd(6, '0'));
}

/**
 * Formats micro-percent as a percent string with at least two decimals.
 * @example formatRatePct(250000n) === '0.25'; formatRatePct(1250n) === '0.00125'
 */
export function formatRatePct(microPct: bigint): string {
  const whole = microPct / MICRO_PCT_PER_PCT;
  let frac = (microPct % MICRO_PCT_PER_PCT).toString().padStart(6, '0');
  while (frac.length > 2 && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${whole}.${frac}`;
}

/** Canonical form of a percent string: '.25' → '0.25', '0.2' → '0.20', '1' → '1.00'. */
export function normalizeRatePct(input: string): string {
  return formatRatePct(parseRateMicroPct(input));
}
