/**
 * DOMAIN.md gap audit: the CONFIRMED facts the pure modules implement, each checked against a
 * value worked by hand from DOMAIN.md (never pasted from the product's output).
 */
import { describe, expect, it } from 'vitest';
import type { ClassSeries } from '../../src/accrual/classSeries.js';
import { exactDailyFeeCents } from '../../src/accrual/exactDailyFee.js';
import { accrueFast } from '../../src/accrual/fastAccrual.js';
import { accrueReference } from '../../src/accrual/referenceAccrual.js';
import { cdscRateMicroPct, DEFAULT_CDSC_SCHEDULE } from '../../src/class-b/cdscSchedule.js';
import { conversionDateFor, DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { approvedByTheBoard, type BoardVote } from '../../src/governance/boardVote.js';
import { continuanceAsOf } from '../../src/governance/continuance.js';
import { aggregateCapLedger, type CapMonthInput } from '../../src/governance/finraAggregateCap.js';
import { majorityOfOutstandingVotingSecurities } from '../../src/governance/shareholderVote.js';
import { terminationOnNotice } from '../../src/service-fees/agreementTermination.js';
import { serviceProviderFeeRate } from '../../src/service-fees/serviceFeeRate.js';

const sv = (outstandingUnits: bigint, presentUnits: bigint, forUnits: bigint) =>
  majorityOfOutstandingVotingSecurities({
    kind: 'shareholder-vote',
    outstandingUnits,
    presentUnits,
    forUnits,
  });

describe('DOMAIN §2.1: majority of the outstanding voting securities, §2(a)(42)', () => {
  it('(A) 67% of those present with more than half present, at the exact boundary', () => {
    // 501 of 1000 present; 67% of 501 = 335.67, so 336 for carries and 335 does not
    expect(sv(1000n, 501n, 336n)).toMatchObject({ approved: true, by: expect.stringMatching(/^A:/) });
    expect(sv(1000n, 501n, 335n).approved).toBe(false);
  });
  it('(A) needs more than 50% present: exactly half present is not enough', () => {
    expect(sv(1000n, 500n, 400n).approved).toBe(false);
  });
  it('(B) more than 50% of the outstanding suffices whatever the attendance', () => {
    expect(sv(1000n, 1000n, 501n)).toMatchObject({ approved: true, by: expect.stringMatching(/^B:/) });
    expect(sv(1000n, 1000n, 500n).approved).toBe(false);
  });
});

describe('DOMAIN §1.2 item 3: Board and, separately, Dis-interested Trustees, in person', () => {
  const vote = (over: Partial<BoardVote>): BoardVote => ({
    kind: 'board-vote',
    trusteesInOffice: 10,
    trusteesFor: 6,
    trusteesAgainst: 4,
    disinterestedInOffice: 7,
    disinterestedFor: 4,
    disinterestedAgainst: 3,
    inPerson: true,
    calledForThePurpose: true,
    ...over,
  });
  it('6 of 10 trustees and 4 of 7 Dis-interested Trustees carries', () => {
    expect(approvedByTheBoard(vote({})).approved).toBe(true);
  });
  it('5 of 10 trustees is not a majority', () => {
    expect(approvedByTheBoard(vote({ trusteesFor: 5, trusteesAgainst: 5 })).approved).toBe(false);
  });
  it('a vote not cast in person fails', () => {
    expect(approvedByTheBoard(vote({ inPerson: false })).approved).toBe(false);
  });
});

describe('DOMAIN §1.2 item 4(i): continuance at least annually', () => {
  it('an approval more than a year before the first deadline does not meet it', () => {
    // Plan §7 first deadline 2003-06-30; approval 2002-06-01 is before 2002-06-30 → lapse, ends 2003-07-01
    expect(continuanceAsOf('2003-06-30', ['2002-06-01'], '2003-08-01').endsOn).toBe('2003-07-01');
  });
  it('met in 2003 and 2004, missed in 2005: ends 2005-07-01', () => {
    expect(continuanceAsOf('2003-06-30', ['2003-06-12', '2004-06-10'], '2005-08-01').endsOn).toBe(
      '2005-07-01',
    );
  });
});

describe('DOMAIN §3.4–3.5: FINRA 2341 aggregate cap', () => {
  const month = (over: Partial<CapMonthInput>): CapMonthInput => ({
    month: '2005-01',
    daysInMonth: 31,
    newGrossSalesCents: 0n,
    frontEndSalesChargesCents: 0n,
    deferredSalesChargesCents: 0n,
    dailyAbscCents: [],
    primeRateMicroPct: 0n,
    serviceFeePaid: true,
    ...over,
  });
  it('6.25% of sales, less CDSC and ABSC, then prime + 1% on the remaining amount', () => {
    // Jan: 6.25% × $100,000 = $6,250.00 − $100.00 CDSC − 31 × $10.00 ABSC = $5,840.00
    // Feb: $5,840.00 × (5.25% + 1%) × 28/365 = $28.00 interest; − 28 × $10.00 → $5,588.00
    const [jan, feb] = aggregateCapLedger([
      month({
        newGrossSalesCents: 10_000_000n,
        deferredSalesChargesCents: 10_000n,
        dailyAbscCents: Array(31).fill(1000n),
      }),
      month({
        month: '2005-02',
        daysInMonth: 28,
        primeRateMicroPct: 5_250_000n,
        dailyAbscCents: Array(28).fill(1000n),
      }),
    ]);
    expect(jan?.capAdditionCents).toBe(625_000n);
    expect(jan?.closingCents).toBe(584_000n);
    expect(feb?.interestCents).toBe(2_800n);
    expect(feb?.closingCents).toBe(558_800n);
  });
  it('7.25% where no service fee is paid', () => {
    const [m] = aggregateCapLedger([month({ newGrossSalesCents: 10_000_000n, serviceFeePaid: false })]);
    expect(m?.capAdditionCents).toBe(725_000n);
  });
  it('the ABSC stops on the day the remaining amount is used up', () => {
    // opening $25.00, interest 1% × 30/365 = $0.0205 → $0.02; $25.02 pays 10, 10, 5.02, 0, 0
    const [m] = aggregateCapLedger(
      [month({ daysInMonth: 30, dailyAbscCents: [1000n, 1000n, 1000n, 1000n, 1000n] })],
      2500n,
    );
    expect(m?.interestCents).toBe(2n);
    expect(m?.dailyAllowedCents).toEqual([1000n, 1000n, 502n, 0n, 0n]);
    expect(m?.abscStoppedOnDay).toBe(3);
    expect(m?.exhausted).toBe(true);
  });
});

describe('DOMAIN §6.1: daily fee = net assets × rate / 365 (366 in leap years)', () => {
  it('$1,000,000 at 0.75%: $20.49 on a leap-year day, $20.55 otherwise', () => {
    // 7,500 / 366 = 20.4918 → 20.49; 7,500 / 365 = 20.5479 → 20.55
    expect(exactDailyFeeCents(100_000_000n, 750_000n, 366)).toBe(2049n);
    expect(exactDailyFeeCents(100_000_000n, 750_000n, 365)).toBe(2055n);
  });
});

describe('DOMAIN §1.2 item 4(iv), §9: service providers ≤ 0.25%; related agreements on ≤ 60 days', () => {
  it('the lowest of 0.25%, the class rate and the agreement rate', () => {
    expect(serviceProviderFeeRate(250_000n, 200_000n)).toBe(200_000n);
    expect(serviceProviderFeeRate(300_000n, null)).toBe(250_000n);
  });
  it('notice of 2007-01-10 takes effect at the latest on 2007-03-11', () => {
    expect(terminationOnNotice('d1', '2007-01-10').effectiveDate).toBe('2007-03-11');
    expect(() => terminationOnNotice('d1', '2007-01-10', '2007-03-12')).toThrow(
      /more than 60 days .*sixty \(60\) days/,
    );
  });
});

describe('DOMAIN §4.3: CDSC by anniversary, conversion at month end', () => {
  it('Feb 29 DOI: 5% until 2005-02-27, 4% from 2005-02-28; 1% in year 6, 0% after', () => {
    expect(cdscRateMicroPct(DEFAULT_CDSC_SCHEDULE, '2004-02-29', '2005-02-27')).toBe(5_000_000n);
    expect(cdscRateMicroPct(DEFAULT_CDSC_SCHEDULE, '2004-02-29', '2005-02-28')).toBe(4_000_000n);
    expect(cdscRateMicroPct(DEFAULT_CDSC_SCHEDULE, '2004-02-29', '2010-02-27')).toBe(1_000_000n);
    expect(cdscRateMicroPct(DEFAULT_CDSC_SCHEDULE, '2004-02-29', '2010-02-28')).toBe(0n);
  });
  it('DOI 2003-05-15 converts at the end of May 2011', () => {
    expect(conversionDateFor(DEFAULT_CLASS_B_TERMS, 'p', '2003-05-15')).toBe('2011-05-31');
  });
});

describe('DOMAIN §6.2: calendar-day accrual carries the last business day over closures', () => {
  // Thu 2004-06-10 $1,000,000; Fri 06-11 closed (Reagan), Sat, Sun carry it; Mon 06-14 $2,000,000.
  // 0.75%: 7,500/366 = 20.49 × 4 + 15,000/366 = 40.98 → $122.94; 0.25%: 6.83 × 4 + 13.66 → $40.98;
  // average daily net assets (4 × 1,000,000 + 2,000,000) / 5 = $1,200,000.00
  const series: ClassSeries[] = [
    {
      classKey: 'p|B',
      coverage: [
        { from: '2004-01-01', until: null, distributionFeeMicroPct: 750_000n, serviceFeeMicroPct: 250_000n },
      ],
      netAssets: [
        { date: '2004-06-10', netAssetsCents: 100_000_000n },
        { date: '2004-06-14', netAssetsCents: 200_000_000n },
      ],
    },
  ];
  for (const [name, engine] of [
    ['reference', accrueReference],
    ['fast', accrueFast],
  ] as const)
    it(`the ${name} engine`, () => {
      const [m] = engine(series, '2004-06-10', '2004-06-14').months;
      expect(m).toMatchObject({
        days: 5,
        averageDailyNetAssetsCents: 120_000_000n,
        distributionFeeCents: 12_294n,
        serviceFeeCents: 4_098n,
      });
    });
});
