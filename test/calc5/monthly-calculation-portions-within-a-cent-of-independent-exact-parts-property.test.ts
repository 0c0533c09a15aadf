import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCents } from '../../src/money/cents.js';
import { type DistributorCount, monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { baseInput, DISTRIBUTOR, feeDays, transfer } from '../transfers/support.js';

/**
 * SPEC §7–§8, §12 ("every split … checked by computations independent of the one that made the
 * split"): random months of daily fees, a term end E (or none), a Distributor and an Other
 * Distributor, counts of the Distributor's Commission Shares by DOI at the last month end and at E,
 * up to three Transfers (whole-number percentages adding to at most 100, optional DOI ranges,
 * effective dates in the month, notices before, after or never), and Earned CDSC pieces.
 *
 * Computed here, independently, as exact fractions:
 *  - the Distributor's part of each day: the whole fee through E; after it fee × s0 / (s0 + s1)
 *    half-up (largest remainder between two parties, the tie to the Distributor listed first);
 *  - each Assignee's 12b-1 Portion: Σ over its days in force of that part × pct × (Commission Shares
 *    in its range / the Distributor's shares, by the count governing the day);
 *  - the Distributor's own: the rest of each day's part, summed on its own (not "whole minus the
 *    others");
 *  - CDSC Portions: Σ pieces in force and in range × pct.
 * Each product part must be within a cent of its exact value per Exhibit A computation (each
 * computation's days are split once by largest remainder), the parts add up to their wholes, and a
 * portion owed before the notice is received by the payment date is paid to the Distributor and
 * owed on.
 */

const DOIS = ['2001-03-01', '2002-06-15', '2003-09-30'] as const;
const MONTH = '2006-03';
const DUE = '2006-04-13';

interface Q {
  n: bigint;
  d: bigint;
}
const add = (a: Q, b: Q): Q => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const withinCents = (cents: bigint, exact: Q, slack: bigint) => {
  const diff = cents * exact.d - exact.n;
  return (diff < 0n ? -diff : diff) < slack * exact.d;
};
const day = (d: number) => `${MONTH}-${String(d).padStart(2, '0')}`;

const arbTransfer = fc.record({
  pct: fc.integer({ min: 0, max: 60 }),
  cdscPct: fc.integer({ min: 0, max: 60 }),
  range: fc.option(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { nil: null }),
  effective: fc.integer({ min: 1, max: 31 }),
  notice: fc.constantFrom('2006-03-01', '2006-04-13', '2006-04-14', null),
});
const arbCount = fc.tuple(
  fc.bigInt({ min: 0n, max: 3_000_000n }),
  fc.bigInt({ min: 0n, max: 3_000_000n }),
  fc.bigInt({ min: 0n, max: 3_000_000n }),
  fc.bigInt({ min: 0n, max: 3_000_000n }),
);

describe('Monthly Calculation portions against independently computed exact parts (property)', () => {
  it('each part within a cent per computation of its exact value; parts add up; notices decide the payee', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 40_000n }), { minLength: 31, maxLength: 31 }),
        fc.integer({ min: 0, max: 31 }),
        fc.bigInt({ min: 1n, max: 9_000_000n }),
        fc.bigInt({ min: 0n, max: 9_000_000n }),
        arbCount,
        arbCount,
        fc.array(arbTransfer, { minLength: 1, maxLength: 3 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 1, max: 31 }),
            fc.integer({ min: 0, max: 2 }),
            fc.bigInt({ min: 1n, max: 99_999n }),
          ),
          { maxLength: 4 },
        ),
        (fees, endDay, s0, s1, countPrev, countE, ts, pieces) => {
          // the whole at most 100%: scale down in order when the sum passes it
          let left12 = 100;
          let leftCdsc = 100;
          const specs = ts.map((t) => {
            const pct = Math.min(t.pct, left12);
            const cdscPct = Math.min(t.cdscPct, leftCdsc);
            left12 -= pct;
            leftCdsc -= cdscPct;
            return { ...t, pct, cdscPct };
          });
          const transfers = specs.map((t, i) =>
            transfer({
              id: `T${i + 1}`,
              portfolioId: 'p',
              twelveB1PortionPct: String(t.pct),
              cdscPortionPct: String(t.cdscPct),
              doiFrom: t.range ? DOIS[Math.min(...t.range)]! : null,
              doiTo: t.range ? DOIS[Math.max(...t.range)]! : null,
              effectiveDate: day(t.effective),
              noticeReceivedDate: t.notice,
            }),
          );
          const count = (date: string, c: readonly bigint[]): DistributorCount => ({
            date,
            distributorShares: c[0]! + c[1]! + c[2]! + c[3]!, // commission by DOI + the rest (free, other DOIs)
            commissionSharesByDoi: DOIS.map((doi, k) => ({ doi, shares: c[k]! })),
          });
          const E = endDay === 0 ? null : day(endDay);
          const counts = [count('2006-02-28', countPrev), ...(E ? [count(E, countE)] : [])];
          const parties = [
            { distributor: DISTRIBUTOR, shares: s0 },
            { distributor: 'Other Distributor', shares: s1 },
          ];
          const daily = feeDays(MONTH, (d) => fees[d - 1]!);
          const earned = pieces.map(([d, k, cents]) => ({ date: day(d), doi: DOIS[k]!, cents }));
          const mc = monthlyCalculation(
            {
              ...baseInput(MONTH, daily),
              dueDate: DUE,
              shareComputations: E
                ? [
                    { date: null, parties: [{ distributor: DISTRIBUTOR, shares: 1n }] },
                    { date: E, parties },
                  ]
                : [{ date: '2006-02-28', parties }],
              distributorCounts: counts,
              earnedCdsc: earned,
            },
            transfers,
          );

          // the Distributor's part of each day, independently
          const part = (d: number) => {
            const fee = fees[d - 1]!;
            if (E !== null && day(d) <= E) return fee;
            const S = s0 + s1;
            return (2n * fee * s0 + S) / (2n * S);
          };
          const governing = (d: number) => (E !== null && day(d) > E ? counts[1]! : counts[0]!);
          const segments = E === null || endDay === 31 ? 1n : 2n;
          let share = 0n;
          const exact12 = specs.map(() => ({ n: 0n, d: 1n }) as Q);
          let own: Q = { n: 0n, d: 1n };
          for (let d = 1; d <= 31; d++) {
            const p = part(d);
            share += p;
            let assigned: Q = { n: 0n, d: 1n };
            transfers.forEach((t, i) => {
              if (day(d) < t.effectiveDate || specs[i]!.pct === 0) return;
              const c = governing(d);
              const inRange =
                t.doiFrom === null
                  ? c.distributorShares
                  : c.commissionSharesByDoi
                      .filter((x) => x.doi >= t.doiFrom! && x.doi <= t.doiTo!)
                      .reduce((s, x) => s + x.shares, 0n);
              if (c.distributorShares === 0n) return;
              const q: Q = { n: p * BigInt(specs[i]!.pct) * inRange, d: 100n * c.distributorShares };
              exact12[i] = add(exact12[i]!, q);
              assigned = add(assigned, q);
            });
            own = add(own, { n: p * assigned.d - assigned.n, d: assigned.d });
          }
          const c = parseCents;
          expect(c(mc.distributor12b1Share)).toBe(share);
          const lines = mc.assignees;
          lines.forEach((a, i) => {
            expect(withinCents(c(a.twelveB1Portion), exact12[i]!, segments)).toBe(true);
          });
          expect(withinCents(c(mc.distributor12b1Portion), own, segments)).toBe(true);
          expect(lines.reduce((s, a) => s + c(a.twelveB1Portion), 0n) + c(mc.distributor12b1Portion)).toBe(
            share,
          );

          // CDSC Portions: one split of the month's Earned CDSC
          const earnedCents = earned.reduce((s, x) => s + x.cents, 0n);
          expect(c(mc.earnedCdsc)).toBe(earnedCents);
          let ownCdsc: Q = { n: 0n, d: 1n };
          lines.forEach((a, i) => {
            const t = transfers[i]!;
            let q: Q = { n: 0n, d: 1n };
            for (const x of earned)
              if (
                x.date >= t.effectiveDate &&
                (t.doiFrom === null || (x.doi >= t.doiFrom && x.doi <= t.doiTo!))
              )
                q = add(q, { n: x.cents * BigInt(specs[i]!.cdscPct), d: 100n });
            expect(withinCents(c(a.cdscPortion), q, 1n)).toBe(true);
          });
          for (const x of earned) {
            let pct = 100n;
            transfers.forEach((t, i) => {
              if (
                x.date >= t.effectiveDate &&
                (t.doiFrom === null || (x.doi >= t.doiFrom && x.doi <= t.doiTo!))
              )
                pct -= BigInt(specs[i]!.cdscPct);
            });
            ownCdsc = add(ownCdsc, { n: x.cents * pct, d: 100n });
          }
          expect(withinCents(c(mc.distributorEarnedCdscPortion), ownCdsc, 1n)).toBe(true);
          expect(lines.reduce((s, a) => s + c(a.cdscPortion), 0n) + c(mc.distributorEarnedCdscPortion)).toBe(
            earnedCents,
          );

          // EIGHTH(B)–(C): paid directly only once the notice is received by the payment date
          lines.forEach((a, i) => {
            const received = specs[i]!.notice !== null && specs[i]!.notice! <= DUE;
            expect(a.payTo).toBe(received ? a.assignee : DISTRIBUTOR);
            expect(c(a.owedOnToAssignee)).toBe(received ? 0n : c(a.twelveB1Portion) + c(a.cdscPortion));
          });
          // every payee together: the whole Distribution Fee and the Earned CDSC
          const fee = fees.reduce((s, x) => s + x, 0n);
          expect(mc.payees.reduce((s, p) => s + c(p.total), 0n)).toBe(fee + earnedCents);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('ties between Assignees go to the one listed first (SPEC §3)', () => {
  it('2 cents: own 34% = 0.68, T1 33% = 0.66, T2 33% = 0.66 → own 1, then the T1/T2 tie to T1', () => {
    // floors 0 / 0 / 0, two cents to place: the largest remainder (own .68), then .66 and .66 tie → T1
    const mc = monthlyCalculation(
      {
        ...baseInput(
          MONTH,
          feeDays(MONTH, (d) => (d === 1 ? 2n : 0n)),
        ),
        dueDate: DUE,
      },
      [
        transfer({
          id: 'T1',
          twelveB1PortionPct: '33',
          effectiveDate: '2006-03-01',
          noticeReceivedDate: '2006-03-01',
        }),
        transfer({
          id: 'T2',
          twelveB1PortionPct: '33',
          effectiveDate: '2006-03-01',
          noticeReceivedDate: '2006-03-01',
        }),
      ],
    );
    expect([mc.distributor12b1Portion, ...mc.assignees.map((a) => a.twelveB1Portion)]).toEqual([
      '0.01',
      '0.01',
      '0.00',
    ]);
  });
  it('1 cent at 50% / 25% / 25%: the largest remainder is the Distributor own (.5 against .25 and .25)', () => {
    // 1 cent: own 0.5, T1 0.25, T2 0.25 → floors 0 / 0 / 0, one cent to the largest remainder: own
    const mc = monthlyCalculation(
      {
        ...baseInput(
          MONTH,
          feeDays(MONTH, (d) => (d === 1 ? 1n : 0n)),
        ),
        dueDate: DUE,
      },
      [
        transfer({
          id: 'T1',
          twelveB1PortionPct: '25',
          effectiveDate: '2006-03-01',
          noticeReceivedDate: '2006-03-01',
        }),
        transfer({
          id: 'T2',
          twelveB1PortionPct: '25',
          effectiveDate: '2006-03-01',
          noticeReceivedDate: '2006-03-01',
        }),
      ],
    );
    expect([mc.distributor12b1Portion, ...mc.assignees.map((a) => a.twelveB1Portion)]).toEqual([
      '0.01',
      '0.00',
      '0.00',
    ]);
  });
  it('2 cents at 50% / 25% / 25%: own 1.0, T1 0.5, T2 0.5 → own 1, the tie T1/T2 to T1', () => {
    const mc = monthlyCalculation(
      {
        ...baseInput(
          MONTH,
          feeDays(MONTH, (d) => (d === 1 ? 2n : 0n)),
        ),
        dueDate: DUE,
      },
      [
        transfer({
          id: 'T1',
          twelveB1PortionPct: '25',
          effectiveDate: '2006-03-01',
          noticeReceivedDate: '2006-03-01',
        }),
        transfer({
          id: 'T2',
          twelveB1PortionPct: '25',
          effectiveDate: '2006-03-01',
          noticeReceivedDate: '2006-03-01',
        }),
      ],
    );
    expect([mc.distributor12b1Portion, ...mc.assignees.map((a) => a.twelveB1Portion)]).toEqual([
      '0.01',
      '0.01',
      '0.00',
    ]);
  });
});
