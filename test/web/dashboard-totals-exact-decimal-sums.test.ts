import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, parseCents } from '../../src/money/cents.js';
import { formatAmount, sumDecimals } from '../../web/src/decimal.js';

// The dashboard totals money columns in the browser: exactly, as the API's decimal strings.
describe('dashboard totals', () => {
  it('adds money strings exactly, as integer cents do', () => {
    const cents = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 40 }), (xs) => {
        const strings = xs.map((x) => formatCents(x));
        const expected = formatCents(xs.reduce((s, x) => s + x, 0n));
        expect(sumDecimals(['0.00', ...strings])).toBe(expected);
        expect(parseCents(sumDecimals(['0.00', ...strings]))).toBe(xs.reduce((s, x) => s + x, 0n));
      }),
      { numRuns: 500 },
    );
  });

  it('worked examples: 0.10 + 0.20 = 0.30 (floats give 0.30000000000000004); 1,000,000.07 − 0.37 + 0.30 = 1,000,000.00', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.30');
    expect(sumDecimals(['0.10', '0.20', '1000000.07', '-0.37'])).toBe('1000000.00');
    expect(sumDecimals(['0.00'])).toBe('0.00');
    expect(formatAmount('1234567.50')).toBe('1,234,567.50');
    expect(formatAmount('-1234.05')).toBe('−1,234.05');
  });
});
