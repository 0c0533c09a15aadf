import DecimalModule from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { exchangeSharesConsistent } from '../../src/class-b/classBActivity.js';
import { exchangeLegProblems } from '../../src/class-b/classBTransactionRules.js';
import { parsePriceUnits } from '../../src/class-b/pricePerShare.js';
import { parseShareUnits } from '../../src/class-b/shareUnits.js';
import { exchange } from './support/activity.js';

const Decimal = DecimalModule as unknown as typeof DecimalModule.Decimal;

// SPEC §6 / FORMATS: the exchange_in shares are the exchange_out shares × out price / in price
// rounded to the nearest 0.0001 share, as the transfer agent rounds them. The only difference a
// paired row may legitimately show is that rounding: at most half of 0.0001 share (0.00005) from
// the exact ratio. At an exact half both neighbours are a rounding of it (half up or half down).
const consistent = (out: [string, string], into: [string, string]) =>
  exchangeSharesConsistent(exchange('E', '2005-02-01', ['growth', ...out], ['value', ...into]));

/** The exact ratio by an independent decimal calculation. */
const exact = (shares: string, pOut: string, pIn: string) => new Decimal(shares).times(pOut).div(pIn);

describe('the exchange_in shares a Free Exchange Transaction may deliver', () => {
  it('an exact ratio: only that count, not 0.0001 either side', () => {
    // 3 × 10.00 / 30.00 = 1
    expect(consistent(['3', '10.00'], ['1', '30.00'])).toBe(true);
    expect(consistent(['3', '10.00'], ['1.0001', '30.00'])).toBe(false);
    expect(consistent(['3', '10.00'], ['0.9999', '30.00'])).toBe(false);
  });

  it('exactly half a ten-thousandth off: both roundings of the tie are accepted, nothing further', () => {
    // 0.0003 × 1.0000 / 2.0000 = 0.00015
    expect(exact('0.0003', '1', '2').toString()).toBe('0.00015');
    expect(consistent(['0.0003', '1.0000'], ['0.0002', '2.0000'])).toBe(true);
    expect(consistent(['0.0003', '1.0000'], ['0.0001', '2.0000'])).toBe(true);
    expect(consistent(['0.0003', '1.0000'], ['0.0003', '2.0000'])).toBe(false);
  });

  it('just over half off is refused, just under is accepted', () => {
    // 0.0003 / 1.9999 = 0.000150007…: 0.0002 is 0.49993 of a unit off, 0.0001 is 0.50007 off
    expect(exact('0.0003', '1', '1.9999').gt('0.00015')).toBe(true);
    expect(consistent(['0.0003', '1.0000'], ['0.0002', '1.9999'])).toBe(true);
    expect(consistent(['0.0003', '1.0000'], ['0.0001', '1.9999'])).toBe(false);
    // 0.0003 / 2.0001 = 0.000149992…: 0.0001 is 0.49992 off, 0.0002 is 0.50008 off
    expect(consistent(['0.0003', '1.0000'], ['0.0001', '2.0001'])).toBe(true);
    expect(consistent(['0.0003', '1.0000'], ['0.0002', '2.0001'])).toBe(false);
  });

  it('a large exchange: the nearest count by a decimal calculation, and 0.0001 either side refused', () => {
    const [shares, pOut, pIn] = ['1234567.8901', '12.3456', '7.8912'];
    const nearest = exact(shares, pOut, pIn).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
    expect(consistent([shares, pOut], [nearest.toFixed(4), pIn])).toBe(true);
    expect(consistent([shares, pOut], [nearest.plus('0.0001').toFixed(4), pIn])).toBe(false);
    expect(consistent([shares, pOut], [nearest.minus('0.0001').toFixed(4), pIn])).toBe(false);
  });

  it('the feed refuses the pair on the exchange_in shares, naming the count due', () => {
    const leg = (
      line: number,
      type: 'exchange_out' | 'exchange_in',
      portfolioId: string,
      s: string,
      p: string,
    ) => ({
      line,
      account: 'A1',
      date: '2005-02-01',
      type,
      exchangeId: 'X1',
      portfolioId,
      portfolioName: portfolioId,
      shares: s,
      shareUnits: parseShareUnits(s),
      price: p,
      priceUnits: parsePriceUnits(p),
    });
    const problems = exchangeLegProblems('t.csv', [
      leg(2, 'exchange_out', 'growth', '0.0003', '1.0000'),
      leg(3, 'exchange_in', 'value', '0.0001', '1.9999'),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'shares',
        reason: expect.stringMatching(/deliver 0\.0002 shares/),
      }),
    ]);
    expect(
      exchangeLegProblems('t.csv', [
        leg(2, 'exchange_out', 'growth', '0.0003', '1.0000'),
        leg(3, 'exchange_in', 'value', '0.0002', '1.9999'),
      ]),
    ).toEqual([]);
  });
});
