import { describe, expect, it } from 'vitest';
import type { Termination } from '../../src/governance/termination.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { coverageOf } from '../../src/reports/feesReport.js';
import { AMENDMENT_1, AMENDMENT_2, governance, PLAN } from '../governance/support/testPlan.js';

/**
 * Plan §9 / SPEC §4: a fee query says once that the Plan was terminated for a class, from the
 * termination date. Test Growth Fund class A is terminated from 2004-07-15; Amendments No. 1
 * (2005-01-01) and No. 2 (2005-03-01) still list it, so three schedule versions "govern" it after
 * the termination, each at zero. That is one termination, not three, and it took effect on
 * 2004-07-15 — not on 2005-01-01 or 2005-03-01.
 */
describe('the termination warning of a fee query', () => {
  const docs = [PLAN, AMENDMENT_1, AMENDMENT_2];
  const growth = buildRegistry(docs).identities.resolve('Test Growth Fund')!;
  const t: Termination = {
    kind: 'termination',
    id: 't-plan-2004-07-15',
    instrument: 'plan',
    portfolioId: growth,
    portfolioName: 'Test Growth Fund',
    class: 'A',
    effectiveDate: '2004-07-15',
    votedBy: 'trustees',
    noticeDate: null,
    reason: null,
  };
  const registry = buildRegistry(docs, [], governance([], { enforce: false, terminations: [t] }));
  const terminationWarnings = (from: string, to: string) => {
    const warnings: string[] = [];
    const segments = coverageOf(registry, growth, 'A', warnings, { from, to });
    return { segments, warnings: warnings.filter((w) => w.includes('Plan §9')) };
  };

  it('is given once, from the termination date, over a range every version falls in', () => {
    const { segments, warnings } = terminationWarnings('2004-07-01', '2005-12-31');
    // fees accrue only before the termination
    expect(segments.map((s) => [s.from, s.until])).toEqual([['2002-06-03', '2004-07-15']]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Test Growth Fund class A: from 2004-07-15: the Plan was terminated/);
  });

  it('names the termination date also in a range that begins after a later amendment', () => {
    const { warnings } = terminationWarnings('2005-04-01', '2005-04-30');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Test Growth Fund class A: from 2004-07-15: /);
  });

  it('is not given for a range wholly before the termination', () => {
    expect(terminationWarnings('2004-06-01', '2004-06-30').warnings).toEqual([]);
  });
});
