import { describe, expect, it } from 'vitest';
import type { ClosedMonthView } from '../../src/close/closedMonthView.js';
import { closedMonthPartRows } from '../../src/reports/closedMonthPartCsv.js';

/**
 * `close show --part class-b --csv`: the redemptions per portfolio as sealed. A month sealed before
 * the part held totals (every redemption whole, no `byPortfolio`) has no such lines: said (66), not
 * a crash or an empty CSV that would read as "no redemptions".
 */
describe('the class-b part of a month sealed with every redemption whole', () => {
  const view = (redemptions: object) =>
    ({
      month: '2024-06',
      parts: { 'class-b': { redemptions } },
      partHashes: [{ part: 'class-b', contentHash: 'x' }],
    }) as unknown as ClosedMonthView;

  it('is not found as lines per portfolio, the hint naming --json', () => {
    const whole = { from: '2024-06-01', to: '2024-06-30', redemptions: [], totals: {}, warnings: [] };
    expect(() => closedMonthPartRows(view(whole), 'class-b')).toThrow(
      /2024-06's class-b part was sealed with every redemption, not as totals per portfolio/,
    );
  });

  it('as totals: the lines per portfolio as sealed', () => {
    const line = {
      portfolio: 'AIM Value Fund',
      count: 2,
      gross: '100.00',
      cdsc: '5.00',
      cdscWaived: '0.00',
      redemptionFee: '0.00',
      net: '95.00',
    };
    expect(closedMonthPartRows(view({ byPortfolio: [line] }), 'class-b').rows).toEqual([line]);
  });
});
