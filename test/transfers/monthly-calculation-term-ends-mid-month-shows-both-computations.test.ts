import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divRoundHalfUp, parseCents } from '../../src/money/cents.js';
import { writeMonthlyCalculationPdf } from '../../src/reports/monthlyCalculationPdf.js';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, DISTRIBUTOR, feeDays, transfer } from './support.js';

const ALPHA = 'Alpha Distributors';
const BETA = 'Beta Distributors';

describe('a month in which the term ends mid-month shows both computations (SPEC §7)', () => {
  /**
   * January 2006; the Distributor's term ends on the 14th (E). Fees 100.00 a day on the 1st–14th,
   * 120.00 a day on the 15th–31st (17 days: 2,040.00).
   * 1st–14th: the Distributor exclusive, 100% of 1,400.00.
   * 15th–31st: the computation of the 14th — shares 7 : 5 : 3 (Distributor, Alpha, Beta):
   *   percentages 100% split 7:5:3 to 0.0001%: quotas 46.66666…, 33.33333…, 20 → 46.6666, 33.3333,
   *   20.0000 (99.9999) and the last 0.0001 to the largest remainder (the Distributor's ⅔) →
   *   46.6667 / 33.3333 / 20.0000.
   *   dollars: each day's 120.00 split 7:5:3 by the shares in force (SPEC §7) is 56.00 / 40.00 /
   *   24.00 exactly; 17 days → 952.00 / 680.00 / 408.00.
   *   Each percentage reproduces its dollars: 2,040.00 × 46.6667% = 952.00; × 33.3333% = 680.00;
   *   × 20% = 408.00, half-up to the cent.
   * Month: Distributor 1,400.00 + 952.00 = 2,352.00; Alpha 680.00; Beta 408.00 (3,440.00).
   */
  const input = {
    ...baseInput(
      '2006-01',
      feeDays('2006-01', (d) => (d <= 14 ? 10_000n : 12_000n)),
    ),
    shareComputations: [
      { date: null, parties: [{ distributor: DISTRIBUTOR, shares: 1n }] },
      {
        date: '2006-01-14',
        parties: [
          { distributor: DISTRIBUTOR, shares: 70_000n },
          { distributor: ALPHA, shares: 50_000n },
          { distributor: BETA, shares: 30_000n },
        ],
      },
    ],
  };

  it('each computation with its days, percentage and dollars; Other Distributors one by one', () => {
    const mc = monthlyCalculation(input, []);
    expect(mc.computations).toEqual([
      {
        computedOn: null,
        from: '2006-01-01',
        to: '2006-01-14',
        days: 14,
        distributionFee: '1400.00',
        parties: [{ distributor: DISTRIBUTOR, sharePct: '100.0000', twelveB1Share: '1400.00' }],
      },
      {
        computedOn: '2006-01-14',
        from: '2006-01-15',
        to: '2006-01-31',
        days: 17,
        distributionFee: '2040.00',
        parties: [
          { distributor: DISTRIBUTOR, sharePct: '46.6667', twelveB1Share: '952.00' },
          { distributor: ALPHA, sharePct: '33.3333', twelveB1Share: '680.00' },
          { distributor: BETA, sharePct: '20.0000', twelveB1Share: '408.00' },
        ],
      },
    ]);
    expect(mc.distributor12b1Share).toBe('2352.00');
    expect(mc.otherDistributors).toEqual([
      { distributor: ALPHA, twelveB1Share: '680.00' },
      { distributor: BETA, twelveB1Share: '408.00' },
    ]);
    expect(mc.payees.map((p) => [p.payee, p.role, p.total])).toEqual([
      [DISTRIBUTOR, 'Distributor', '2352.00'],
      [ALPHA, 'Other Distributor', '680.00'],
      [BETA, 'Other Distributor', '408.00'],
    ]);
  });

  it('the printable PDF carries both computations', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'plan12b-mc-')), 'mc.pdf');
    await writeMonthlyCalculationPdf(
      [monthlyCalculation(input, [])],
      { month: '2006-01', distributor: DISTRIBUTOR, preparedAt: '2006-02-01T12:00:00Z' },
      path,
    );
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the month-end computation governs the next month, not this one', () => {
    const withMonthEnd = {
      ...input,
      shareComputations: [
        ...input.shareComputations,
        {
          date: '2006-01-31',
          parties: [
            { distributor: DISTRIBUTOR, shares: 1n },
            { distributor: ALPHA, shares: 3n },
          ],
        },
      ],
    };
    expect(monthlyCalculation(withMonthEnd, []).computations.map((c) => c.computedOn)).toEqual([
      null,
      '2006-01-14',
    ]);
  });

  it("each day's fee is split by the share in force that day, not the days' total by a rounded percentage", () => {
    /**
     * March 2006, shares 1 : 2 (Distributor, Alpha) computed on Feb 28, governing every day.
     * Fees 0.10 on each of the 31 days (3.10).
     * Each day: 10 cents × ⅓ = 3.333… → the Distributor 3 cents, Alpha 6.666… → 7 cents
     * (largest remainder: Alpha's .666 beats the Distributor's .333). Month: 31 × 3 = 0.93 and
     * 31 × 7 = 2.17.
     * The days' total split once by the share (33.3333% / 66.6667%) would give
     * 3.10 × 33.3333% = 1.0333 → 1.03 — the rule SPEC §7 does not state. The percentage shown is
     * the one that reproduces the dollars beside it (SPEC §7): 0.93 / 3.10 = 30%, 2.17 / 3.10 = 70%.
     */
    const mc = monthlyCalculation(
      {
        ...baseInput(
          '2006-03',
          feeDays('2006-03', () => 10n),
        ),
        shareComputations: [
          {
            date: '2006-02-28',
            parties: [
              { distributor: DISTRIBUTOR, shares: 1n },
              { distributor: ALPHA, shares: 2n },
            ],
          },
        ],
      },
      [],
    );
    expect(mc.computations[0]!.parties).toEqual([
      { distributor: DISTRIBUTOR, sharePct: '30.0000', twelveB1Share: '0.93' },
      { distributor: ALPHA, sharePct: '70.0000', twelveB1Share: '2.17' },
    ]);
    expect(mc.distributor12b1Share).toBe('0.93');
  });

  it('every part is the sum of its daily splits, within a cent a day of its percentage, and adds up (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 50_000_000n }), { minLength: 31, maxLength: 31 }),
        fc.integer({ min: 0, max: 31 }),
        fc.array(fc.bigInt({ min: 0n, max: 10_000_000_000n }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 31 })), {
          maxLength: 3,
        }),
        (fees, endDay, shares, ts) => {
          const daily = feeDays('2006-03', (d) => fees[d - 1]!);
          const end = `2006-03-${String(endDay).padStart(2, '0')}`;
          const parties = shares.map((s, i) => ({
            distributor: i === 0 ? DISTRIBUTOR : `Other ${i}`,
            shares: s,
          }));
          const mc = monthlyCalculation(
            {
              ...baseInput('2006-03', daily),
              shareComputations:
                endDay === 0
                  ? [{ date: '2006-02-28', parties }]
                  : [
                      { date: null, parties: [{ distributor: DISTRIBUTOR, shares: 1n }] },
                      { date: end, parties },
                    ],
            },
            ts.map(([pct, day], i) =>
              transfer({
                id: `T${i}`,
                twelveB1PortionPct: String(pct / 2),
                effectiveDate: `2006-03-${String(day).padStart(2, '0')}`,
              }),
            ),
          );
          const c = parseCents;
          let fee = 0n;
          let days = 0;
          const allShares = shares.reduce((s, x) => s + x, 0n);
          for (const g of mc.computations) {
            days += g.days;
            fee += c(g.distributionFee);
            // the percentages share one number of places, at least four, and add up to 100
            const places = g.parties[0]!.sharePct.split('.')[1]!.length;
            expect(places).toBeGreaterThanOrEqual(4);
            expect(g.parties.every((p) => p.sharePct.split('.')[1]!.length === places)).toBe(true);
            const whole = 100n * 10n ** BigInt(places);
            const pcts = g.parties.map((p) => BigInt(p.sharePct.replace('.', '')));
            expect(pcts.reduce((s, x) => s + x, 0n)).toBe(whole);
            expect(g.parties.reduce((s, p) => s + c(p.twelveB1Share), 0n)).toBe(c(g.distributionFee));
            g.parties.forEach((p, i) => {
              // SPEC §7: an auditor's fee × the percentage shown, half-up, is the dollars beside it
              expect(divRoundHalfUp(c(g.distributionFee) * pcts[i]!, whole)).toBe(c(p.twelveB1Share));
              // and the dollars follow the share: within a cent a day of the days' fee × the share
              if (allShares > 0n && g.computedOn !== null) {
                const diff = c(p.twelveB1Share) * allShares - c(g.distributionFee) * shares[i]!;
                const slack = BigInt(g.days) * allShares;
                expect(diff >= -slack && diff <= slack).toBe(true);
              }
            });
            // with two parties the Distributor's part of each day is that day's fee × its share,
            // half-up (largest remainder between two is half-up, a tie to the first): summed
            // independently over the computation's days
            if (g.computedOn !== null && g.parties.length === 2 && allShares > 0n) {
              let expected = 0n;
              for (let d = Number(g.from.slice(8)); d <= Number(g.to.slice(8)); d++)
                expected += divRoundHalfUp(fees[d - 1]! * shares[0]!, allShares);
              expect(c(g.parties[0]!.twelveB1Share)).toBe(expected);
            }
          }
          expect(days).toBe(31);
          expect(fee).toBe(c(mc.distributionFee));
          const others = mc.otherDistributors.reduce((s, o) => s + c(o.twelveB1Share), 0n);
          expect(c(mc.distributor12b1Share) + others).toBe(c(mc.distributionFee));
          expect(mc.payees.reduce((s, p) => s + c(p.total), 0n)).toBe(c(mc.distributionFee));
        },
      ),
    );
  });
});
