import { describe, expect, it } from 'vitest';
import { portfolioGroups, portfoliosListedOn } from '../../src/governance/portfolioContinuanceGroups.js';

describe('Agreement FOURTEENTH: Portfolios grouped as they stand', () => {
  const p = (portfolio: string, status: string, lastDay: string | null = null) => ({
    portfolio,
    status,
    lastDay,
  });

  it('groups by the key in the order of each group’s first Portfolio, leaving out those keyed null', () => {
    const groups = portfolioGroups(
      [p('X', 'lapsed'), p('Y', 'in force'), p('Z', 'lapsed'), p('W', 'ended')],
      (q) => (q.status === 'ended' ? null : q.status),
    );
    expect(groups.map((g) => [g.key, g.first.portfolio, g.names])).toEqual([
      ['lapsed', 'X', ['X', 'Z']],
      ['in force', 'Y', ['Y']],
    ]);
  });

  it('lists a Portfolio through its last day, not after it', () => {
    const listed = [p('A', 'x'), p('B', 'x', '2005-06-30'), p('C', 'x', '2005-06-29')];
    expect(portfoliosListedOn(listed, '2005-06-30').map((q) => q.portfolio)).toEqual(['A', 'B']);
    expect(portfoliosListedOn(null, '2005-06-30')).toEqual([]);
  });
});
