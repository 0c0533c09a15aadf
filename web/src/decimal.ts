/**
 * Exact sums of the decimal strings the API answers with (SPEC §3: money is exact at every
 * boundary). Amounts are scaled to integers of 10^-SCALE and added as BigInt.
 */
const SCALE = 6;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimal(v: unknown): v is string {
  return typeof v === 'string' && DECIMAL.test(v) && (v.split('.')[1] ?? '').length <= SCALE;
}

/** A money amount as the API writes it: a decimal string with exactly two decimals. */
export function isMoney(v: unknown): v is string {
  return typeof v === 'string' && /^-?\d+\.\d\d$/.test(v);
}

function scaled(v: string): bigint {
  const neg = v.startsWith('-');
  const [int = '0', frac = ''] = (neg ? v.slice(1) : v).split('.');
  const n = BigInt(int + frac.padEnd(SCALE, '0'));
  return neg ? -n : n;
}

/** The exact sum of decimal strings, with as many decimals as the widest of them. */
export function sumDecimals(values: readonly string[]): string {
  const places = Math.max(0, ...values.map((v) => (v.split('.')[1] ?? '').length));
  const total = values.reduce((s, v) => s + scaled(v), 0n);
  const neg = total < 0n;
  const digits = (neg ? -total : total).toString().padStart(SCALE + 1, '0');
  const int = digits.slice(0, -SCALE);
  const frac = digits.slice(-SCALE).slice(0, places);
  return `${neg ? '-' : ''}${int}${places > 0 ? `.${frac}` : ''}`;
}

/** 1234567.5 → "1,234,567.50" for display; the exact string stays the value. */
export function formatAmount(v: string): string {
  const neg = v.startsWith('-');
  const [int = '0', frac] = (neg ? v.slice(1) : v).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '−' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}
