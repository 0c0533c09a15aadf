import { describe, expect, it } from 'vitest';
import { type Termination, terminationProblem } from '../../src/governance/termination.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { seedDocuments } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';
import { governance, PLAN } from './support/testPlan.js';

const termination = (
  t: Partial<Termination> & Pick<Termination, 'instrument' | 'effectiveDate'>,
): Termination => ({
  kind: 'termination',
  id: `t-${t.instrument}-${t.effectiveDate}`,
  portfolioId: null,
  portfolioName: null,
  class: null,
  votedBy: 'trustees',
  noticeDate: null,
  reason: null,
  ...t,
});

// Plan §9: terminated "at any time by vote of a majority of the Dis-interested Trustees"; "the
// Fund will not be required to make any payments beyond the termination date".
describe('termination (Plan §9; Agreement FIFTEENTH)', () => {
  it('a Plan termination from 2005-07-15 makes every fee of the class zero from that day, and says why', () => {
    const growth = buildRegistry([PLAN]).identities.resolve('Test Growth Fund')!;
    const t = termination({
      instrument: 'plan',
      portfolioId: growth,
      portfolioName: 'Test Growth Fund',
      class: 'A',
      effectiveDate: '2005-07-15',
    });
    // Terminations apply whether or not approvals are enforced: they are recorded facts.
    const r = buildRegistry([PLAN], [], governance([], { enforce: false, terminations: [t] }));
    const before = r.governingOn(growth, 'A', '2005-07-14')!;
    expect([before.distributionFeePct, before.serviceFeePct, before.stopped]).toEqual(['0.10', '0.25', null]);
    const after = r.governingOn(growth, 'A', '2005-07-15')!;
    expect([after.distributionFeePct, after.serviceFeePct]).toEqual(['0.00', '0.00']);
    expect(after.stopped).toMatch(
      /the Plan was terminated for Test Growth Fund Class A by a majority of the Dis-interested Trustees from 2005-07-15: no payments are due from that day \(Plan §9\)/,
    );
    expect(r.scheduleAsOf('2005-08-01').warnings.join('\n')).toMatch(/Plan §9/);
  });

  it('refuses what the documents do not allow', () => {
    const base = {
      portfolioId: 'p',
      portfolioName: 'P',
      class: 'A',
      effectiveDate: '2005-03-15',
      noticeDate: null,
      reason: null,
    } as const;
    expect(terminationProblem({ ...base, instrument: 'plan', votedBy: 'distributor' })?.field).toBe('by');
    expect(
      terminationProblem({ ...base, instrument: 'plan', votedBy: 'shareholders', class: null })?.field,
    ).toBe('class');
    // FIFTEENTH(A): sixty days' written notice. 2005-01-01 + 60 days = 2005-03-02 (31 + 28 + 1).
    expect(
      terminationProblem({
        ...base,
        instrument: 'agreement',
        votedBy: 'trustees',
        noticeDate: '2005-01-01',
        effectiveDate: '2005-03-02',
      }),
    ).toBeNull();
    expect(
      terminationProblem({
        ...base,
        instrument: 'agreement',
        votedBy: 'trustees',
        noticeDate: '2005-01-01',
        effectiveDate: '2005-03-03',
      }),
    ).toBeNull(); // 61 days: more notice than FIFTEENTH(A) requires is accepted (calc11)
  });
});

describe.skipIf(!seedsAvailable)('Class B: what survives (Agreement FIFTEENTH(B))', () => {
  const docs = seedDocuments();
  const pid = buildRegistry(docs).identities.resolve('AIM Basic Value Fund')!;

  it('a termination of the Agreement leaves the Class B fees accruing (the 12b-1 Share and Earned CDSC survive)', () => {
    const t = termination({
      instrument: 'agreement',
      portfolioId: pid,
      portfolioName: 'AIM Basic Value Fund',
      class: 'B',
      effectiveDate: '2005-01-03',
    });
    const r = buildRegistry(docs, [], governance([], { enforce: false, terminations: [t] }));
    const g = r.governingOn(pid, 'B', '2005-02-01')!;
    expect([g.distributionFeePct, g.serviceFeePct, g.stopped]).toEqual(['0.75', '0.25', null]);
    expect(r.scheduleAsOf('2005-02-01', { portfolio: 'AIM Basic Value Fund' }).warnings.join('\n')).toMatch(
      /the Agreement was terminated .* the Plan's fees continue; the Distributor's 12b-1 Share and Earned CDSC survive the termination \(FIFTEENTH\(B\)\)/,
    );
  });

  it("a termination of the Plan for the portfolio's Class B stops the fee, and with it the Distributor's 12b-1 Share; the Earned CDSC survives", () => {
    const t = termination({
      instrument: 'plan',
      portfolioId: pid,
      portfolioName: 'AIM Basic Value Fund',
      class: 'B',
      effectiveDate: '2005-01-03',
    });
    const r = buildRegistry(docs, [], governance([], { enforce: false, terminations: [t] }));
    const g = r.governingOn(pid, 'B', '2005-02-01')!;
    expect([g.distributionFeePct, g.serviceFeePct]).toEqual(['0.00', '0.00']);
    expect(g.stopped).toMatch(
      /12b-1 Share ends with the fee, its Earned CDSC survives \(Agreement FIFTEENTH\(B\)\)/,
    );
    // Other portfolios' Class B is untouched.
    const other = r.identities.resolve('AIM Leisure Fund')!;
    expect(r.governingOn(other, 'B', '2005-02-01')!.distributionFeePct).toBe('0.75');
  });
});
