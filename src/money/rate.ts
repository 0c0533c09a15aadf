/**
 * Rates are percent-per-annum decimal strings at the boundary ("0.25" = 0.25%).
 * Inside they are integers of micro-percent (1e-6 %), exact for every rate a schedule states.
 */

export const MICRO_PCT_PER_PCT = 1_000_000n;

const RATE_RE = /^(\d+)(?:\.(\d{1,6}))?$/;

export class RateFormatError extends Error {
  constructor(readonly input: string) {
    super(`${JSON.stringify(input)} is not a rate in percent (e.g. 0.25, at most 6 decimals)`);
    this.name = 'RateFormatError';
  }
}

/** @example parseRateMicroPct('0.25') === 250000n */
export function parseRateMicroPct(input: string): bigint {
  const s = input.trim().replace(/%$/, '');
  const normal = s.startsWith('.') ? `0${s}` : s;
  const m = RATE_RE.exec(normal);
  if (!m) throw new RateFormatError(input);
  const [, whole, frac = ''] = m;
  return BigInt(whole!) * MICRO_PCT_PER_PCT + BigInt(frac.padEnd(6, '0'));
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
