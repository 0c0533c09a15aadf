import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from '../../src/calendar/isoDate.js';
import { anniversaryOf, completedYears } from '../../src/class-b/anniversary.js';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import {
  conversionDateFor,
  createClassBTerms,
  createConversionPeriod,
  DEFAULT_CLASS_B_TERMS,
} from '../../src/class-b/classBTerms.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { buy, ledgerJson, redeem } from './support/activity.js';

// SPEC §6: years since the DOI count by anniversaries; a Feb 29 DOI has its anniversary on Feb 28
// (in a year that has no Feb 29).
describe('a DOI on February 29', () => {
  const activity = [
    buy('P1', '2004-02-29', 'growth', '100', '10.00'),
    redeem('X1', '2005-02-27', 'growth', '10', '10.00'), // year 1: 5% of 100.00 = 5.00
    redeem('X2', '2005-02-28', 'growth', '10', '10.00'), // the first anniversary: year 2, 4.00
    redeem('X3', '2008-02-28', 'growth', '10', '10.00'), // three anniversaries: year 4, 3.00
    redeem('X4', '2008-02-29', 'growth', '10', '10.00'), // the fourth, in a leap year: year 5, 2.00
  ];

  it('charges by anniversaries that fall on Feb 28, and on Feb 29 in a leap year', () => {
    const ledger = replayAccount('acct-8', activity, DEFAULT_CLASS_B_TERMS);
    expect(
      ledger.redemptions.map((r) => [r.txnId, String(r.pieces[0]!.rateMicroPct), String(r.cdscCents)]),
    ).toEqual([
      ['X1', '5000000', '500'],
      ['X2', '4000000', '400'],
      ['X3', '3000000', '300'],
      ['X4', '2000000', '200'],
    ]);
    expect(ledgerJson(referenceReplayAccount('acct-8', activity, DEFAULT_CLASS_B_TERMS))).toEqual(
      ledgerJson(ledger),
    );
  });

  it('converts at the end of February of the 8th (or a 7-year) anniversary', () => {
    expect(conversionDateFor(DEFAULT_CLASS_B_TERMS, 'growth', '2004-02-29')).toBe('2012-02-29');
    const seven = createClassBTerms({
      conversionPeriods: [createConversionPeriod({ portfolioId: 'growth', years: 7 })],
    });
    expect(conversionDateFor(seven, 'growth', '2004-02-29')).toBe('2011-02-28');
    expect(conversionDateFor(seven, 'other', '2004-02-29')).toBe('2012-02-29');
  });

  it('anniversary arithmetic: the n-th anniversary completes n years, the day before it n − 1', () => {
    const day = fc
      .integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2030-12-31') })
      .map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 12 }), (doi, n) => {
        const a = anniversaryOf(doi, n);
        return completedYears(doi, a) === n && completedYears(doi, addDays(a, -1)) === n - 1;
      }),
    );
    expect(anniversaryOf('2004-02-29', 1)).toBe('2005-02-28');
    expect(anniversaryOf('2004-02-29', 4)).toBe('2008-02-29');
  });
});
