import { describe, expect, it } from 'vitest';
import { CDSC_CREDITED_TO_FUND, monthlyCalculationEntries } from '../../src/reports/journal.js';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, DISTRIBUTOR, feeDays } from '../transfers/support.js';

const WITHHELD = 'Class B CDSC withheld from redemption proceeds';

/**
 * FINRA 2341(d)(2), standing rule 2: the CDSC collected = the Earned CDSC + the part credited to
 * the fund. March 2007, 100.00 a day (3,100.00), no Transfers: the Distributor is the only payee.
 * One piece collected 80.00 of which 35.00 came after the cap was used up: Earned 80.00 − 35.00 =
 * 45.00 (the piece's cents), collected 80.00, credited 35.00.
 */
const input = {
  ...baseInput(
    '2007-03',
    feeDays('2007-03', () => 10_000n),
  ),
  shareComputations: [{ date: null, parties: [{ distributor: DISTRIBUTOR, shares: 1n }] }],
  earnedCdsc: [{ date: '2007-03-20', doi: '2006-01-05', cents: 4_500n }],
};

describe('the CDSC collected, earned and credited to the fund add up, in the Monthly Calculation and the journal', () => {
  it('the Monthly Calculation carries 80.00 collected, 45.00 earned, 35.00 credited to the fund', () => {
    const mc = monthlyCalculation(
      { ...input, cdscToFund: { collectedCents: 8_000n, creditedToFundCents: 3_500n } },
      [],
    );
    expect([mc.cdscCollected, mc.earnedCdsc, mc.cdscCreditedToFund]).toEqual(['80.00', '45.00', '35.00']);
    let n = 0;
    const lines = monthlyCalculationEntries([mc], new Map([['p', 310_000n]]), () => ++n).filter(
      (l) => l.entry.startsWith('ALC-') && /CDSC/.test(l.account),
    );
    // debit withheld 80.00 = credit the Distributor 45.00 + the fund 35.00
    expect(lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      [WITHHELD, '80.00', '0.00'],
      [CDSC_CREDITED_TO_FUND, '0.00', '35.00'],
      [`Payable to ${DISTRIBUTOR} — CDSC (Distributor)`, '0.00', '45.00'],
    ]);
  });

  it('refuses parts that do not add up: 80.00 collected is not 45.00 earned + 30.00 credited', () => {
    expect(() =>
      monthlyCalculation(
        { ...input, cdscToFund: { collectedCents: 8_000n, creditedToFundCents: 3_000n } },
        [],
      ),
    ).toThrow(
      /CDSC collected \(80\.00\) is not the Earned CDSC \(45\.00\) plus the CDSC credited to the fund \(30\.00\)/,
    );
    const mc = monthlyCalculation(
      { ...input, cdscToFund: { collectedCents: 8_000n, creditedToFundCents: 3_500n } },
      [],
    );
    // a sealed Monthly Calculation changed: 80.00 collected, paid 45.00, credited 30.00 — 5.00 in no line
    expect(() =>
      monthlyCalculationEntries(
        [{ ...mc, cdscCreditedToFund: '30.00' }],
        new Map([['p', 310_000n]]),
        () => 1,
      ),
    ).toThrow(
      /CDSC collected 80\.00 is not what the payees are paid \(45\.00\) plus what is credited to the fund \(30\.00\)/,
    );
  });

  it('a Monthly Calculation without the fields (none credited, or sealed before them) books its paid CDSC as withheld', () => {
    const mc = monthlyCalculation(input, []);
    expect('cdscCollected' in mc || 'cdscCreditedToFund' in mc).toBe(false);
    const lines = monthlyCalculationEntries([mc], new Map([['p', 310_000n]]), () => 1).filter(
      (l) => l.entry.startsWith('ALC-') && /CDSC/.test(l.account),
    );
    expect(lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      [WITHHELD, '45.00', '0.00'],
      [`Payable to ${DISTRIBUTOR} — CDSC (Distributor)`, '0.00', '45.00'],
    ]);
  });
});
