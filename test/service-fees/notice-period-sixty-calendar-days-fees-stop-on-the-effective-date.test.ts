import { describe, expect, it } from 'vitest';
import { terminationOnNotice } from '../../src/service-fees/agreementTermination.js';
import { computeMonthlyServiceFees } from '../../src/service-fees/monthlyServiceFees.js';
import { createServiceAgreement, withTermination } from '../../src/service-fees/serviceAgreement.js';
import { classDaysOf, holdingOf } from './support/serviceFeesFixtures.js';

// Plan §10(a): terminable "on not more than sixty (60) days' written notice". The days are calendar
// days counted from the notice date (day 0); the effective date is the termination date, the first
// day the agreement is no longer in force (as Plan §9's termination date: nothing accrues on or
// after it). Notice on 2007-01-05: day 60 is 2007-03-06 (26 days of January after the 5th, 28 of
// February, 6 of March); the last fee day is 2007-03-05.
const dealer = createServiceAgreement({
  providerId: 'DLR-1',
  providerName: 'Dealer One',
  providerKind: 'dealer',
  agreementDate: '2006-01-01',
});

describe('the sixty days of a termination on written notice', () => {
  it('are calendar days across a February: day 60 after 2007-01-05 is 2007-03-06, and in a leap year 2008-03-05', () => {
    expect(terminationOnNotice('DLR-1', '2007-01-05').effectiveDate).toBe('2007-03-06');
    // 2008: 26 + 29 + 5 = 60
    expect(terminationOnNotice('DLR-1', '2008-01-05').effectiveDate).toBe('2008-03-05');
    expect(() => terminationOnNotice('DLR-1', '2008-01-05', '2008-03-06')).toThrow(/more than 60 days/);
    // the notice day itself is a possible termination date (notice "not more than" sixty days)
    expect(terminationOnNotice('DLR-1', '2007-01-05', '2007-01-05').effectiveDate).toBe('2007-01-05');
  });

  it('the service fee is paid through 2007-03-05 and stops on 2007-03-06', () => {
    const ended = withTermination(dealer, terminationOnNotice('DLR-1', '2007-01-05')).agreement;
    // 3,650,000.00 × 0.25% / 365 = 25.00 a day; in force March 1–5 = 5 days → 125.00
    const month = computeMonthlyServiceFees({
      month: '2007-03',
      classDays: classDaysOf('fund|A', '2007-03', 31, 1_000_000_000n, 250_000n),
      agreements: [ended],
      holdings: [holdingOf('DLR-1', 'fund|A', [['2007-02-28', 365_000_000n]])],
    });
    expect(month.providerFees.map((f) => [f.days, f.amountCents])).toEqual([[5, 12_500n]]);
  });
});
