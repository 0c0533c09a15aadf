/**
 * Thousands separators for printed reports only; CSV and JSON carry plain decimal strings.
 * @example groupThousands('-1234567.50') === '-1,234,567.50'
 */
export function groupThousands(amount: string): string {
  const [whole, frac] = amount.split('.') as [string, string | undefined];
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}
