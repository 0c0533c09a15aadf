/**
 * The redemption reporter works out each portfolio's name on a date and each issuance's CDSC
 * attribution once and keeps them (issue 14): kept by the pair, a piece of another DOI or a
 * redemption of another date must still get its own (Agreement FOURTH(D): the distributor whose
 * term held the DOI; the name the portfolio had on the day).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDistributorTerm } from '../../src/class-b/distributorTerm.js';
import { attributeCdsc } from '../../src/class-b/earnedCdsc.js';
import type { Registry } from '../../src/registry/registry.js';
import { redemptionReporter } from '../../src/reports/classBRedemptionsReport.js';
import type { StoredRedemption } from '../../src/store/classBRepository.js';

const PORTFOLIOS = ['fund-a', 'fund-b', 'fund-c'];
// fund-a's Distributor changes on 2010-07-01 (its rights assigned); fund-b's on 2015-01-01; fund-c has none before 2012
const TERMS = [
  createDistributorTerm({
    portfolioId: 'fund-a',
    distributor: 'AIM',
    start: '2000-01-01',
    end: '2010-06-30',
    rightsAssignedTo: 'Financier',
  }),
  createDistributorTerm({
    portfolioId: 'fund-a',
    distributor: 'IDI',
    start: '2010-07-01',
    end: null,
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: 'fund-b',
    distributor: 'AIM',
    start: '2000-01-01',
    end: '2014-12-31',
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: 'fund-b',
    distributor: 'IDI',
    start: '2015-01-01',
    end: null,
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: 'fund-c',
    distributor: 'IDI',
    start: '2012-01-01',
    end: null,
    rightsAssignedTo: null,
  }),
];
// each portfolio renamed on its own date; fund-c unknown to the registry (reported by its id)
const RENAMED: Record<string, string> = { 'fund-a': '2012-03-01', 'fund-b': '2020-01-01' };
const nameOn = (pid: string, date: string) => `${pid} (${date < RENAMED[pid]! ? 'old' : 'new'} name)`;
const registry = {
  identities: {
    get: (pid: string) => (pid in RENAMED ? {} : undefined),
    // as PortfolioIdentities.nameOn: an id the registry does not know is its own name
    nameOn: (pid: string, date: string) => (pid in RENAMED ? nameOn(pid, date) : pid),
  },
} as unknown as Registry;
const expectedName = (pid: string, date: string) => (pid in RENAMED ? nameOn(pid, date) : pid);

const date = fc
  .integer({ min: Date.UTC(2005, 0, 1) / 86_400_000, max: Date.UTC(2024, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

const redemption = fc.record({
  date,
  portfolio: fc.constantFrom(...PORTFOLIOS),
  pieces: fc.array(fc.record({ doi: date, issuing: fc.constantFrom(...PORTFOLIOS), free: fc.boolean() }), {
    maxLength: 4,
  }),
});

describe('the redemption reporter, by portfolio and date', () => {
  it('names each portfolio as on its day and attributes each Commission Share piece by its own DOI', () => {
    fc.assert(
      fc.property(fc.array(redemption, { minLength: 1, maxLength: 30 }), (drawn) => {
        const reporter = redemptionReporter(registry, TERMS);
        drawn.forEach((r, n) => {
          const stored: StoredRedemption = {
            head: {
              txn_id: `R${n}`,
              date: r.date,
              account: 'A1',
              portfolio_id: r.portfolio,
              shares: '1.0000',
              price: '10.0000',
              waiver: null,
              gross: '10.00',
              cdsc: '0.00',
              cdsc_waived: '0.00',
              redemption_fee: '0.00',
              net: '10.00',
            },
            pieces: r.pieces.map((p, i) => ({
              txn_id: `R${n}`,
              lot_id: `L${n}-${i}`,
              kind: p.free ? 'free' : 'commission',
              doi: p.doi,
              issuing_portfolio_id: p.issuing,
              shares: '0.2500',
              cost: '2.50',
              rate_pct: '5',
              base: '2.50',
              cdsc: '0.00',
              cdsc_waived: '0.00',
            })),
          };
          const reported = reporter.report(stored);
          expect(reported.portfolio).toBe(expectedName(r.portfolio, r.date));
          reported.pieces.forEach((piece, i) => {
            const p = r.pieces[i]!;
            expect(piece.issuingPortfolio).toBe(expectedName(p.issuing, p.doi));
            const who = p.free
              ? { distributor: null, earnedBy: null }
              : attributeCdsc(TERMS, p.issuing, p.doi);
            expect({ distributor: piece.distributor, earnedBy: piece.earnedBy }).toEqual(who);
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('attributes two pieces of one portfolio on either side of a change of Distributor to each', () => {
    const reporter = redemptionReporter(registry, TERMS);
    const piece = (doi: string) => ({
      txn_id: 'R1',
      lot_id: doi,
      kind: 'commission' as const,
      doi,
      issuing_portfolio_id: 'fund-a',
      shares: '1.0000',
      cost: '10.00',
      rate_pct: '5',
      base: '10.00',
      cdsc: '0.50',
      cdsc_waived: '0.00',
    });
    const reported = reporter.report({
      head: {
        txn_id: 'R1',
        date: '2012-03-01',
        account: 'A1',
        portfolio_id: 'fund-a',
        shares: '2.0000',
        price: '10.0000',
        waiver: null,
        gross: '20.00',
        cdsc: '1.00',
        cdsc_waived: '0.00',
        redemption_fee: '0.00',
        net: '19.00',
      },
      pieces: [piece('2010-06-30'), piece('2010-07-01')],
    });
    // the DOI in AIM's term: AIM's, its rights assigned to the Financier; the next day IDI's own
    expect(reported.pieces.map((p) => [p.distributor, p.earnedBy])).toEqual([
      ['AIM', 'Financier'],
      ['IDI', 'IDI'],
    ]);
    expect(reported.portfolio).toBe('fund-a (new name)');
    expect(reported.pieces.map((p) => p.issuingPortfolio)).toEqual([
      'fund-a (old name)',
      'fund-a (old name)',
    ]);
  });
});
