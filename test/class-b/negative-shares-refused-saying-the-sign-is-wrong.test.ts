import { describe, expect, it } from 'vitest';
import { parseShareUnits, ShareFormatError } from '../../src/class-b/shareUnits.js';

/**
 * A number of shares written with a sign ("-5.0000", "-0.0000" in a transactions row) was refused
 * as "expected digits with at most 4 decimals", which it has: the reason now says what is wrong
 * and what to do (the transaction's type says which way the shares move).
 */
describe('shares written with a minus sign', () => {
  it.each(['-5.0000', '-0.0000', '-12', '-0.5'])('%s is refused as negative', (input) => {
    let refusal: unknown;
    try {
      parseShareUnits(input);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(ShareFormatError);
    expect((refusal as ShareFormatError).reason).toBe(
      'a number of shares is never negative; the type (redeem, exchange_out …) says which way shares move',
    );
  });

  it('other malformed numbers keep their reasons', () => {
    // too many decimals is said first, signed or not (docs/FORMATS.md "Numbers": one rule)
    expect(() => parseShareUnits('-5.00001')).toThrow(/more than 4 decimals/);
    expect(() => parseShareUnits('5x')).toThrow(/expected digits with at most 4 decimals/);
    expect(() => parseShareUnits('5.00001')).toThrow(/more than 4 decimals/);
    expect(parseShareUnits('5.0001')).toBe(50_001n);
  });
});
