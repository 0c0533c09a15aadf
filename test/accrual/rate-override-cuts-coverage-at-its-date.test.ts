import { describe, expect, it } from 'vitest';
import { overrideCoverage } from '../../src/accrual/rateOverride.js';
import { comparePayees } from '../../src/reports/whatIfReport.js';

const seg = (from: string, until: string | null, d: bigint, s: bigint) => ({
  from,
  until,
  distributionFeeMicroPct: d,
  serviceFeeMicroPct: s,
});

describe('what-if: a hypothetical rate replaces the coverage from its date, nothing else', () => {
  const o = {
    portfolioId: 'p',
    class: 'B',
    from: '2025-01-01',
    distributionFeeMicroPct: 500_000n,
    serviceFeeMicroPct: null,
  };

  it('cuts a run that straddles the date; keeps earlier runs and gaps; a null component keeps the rate', () => {
    expect(
      overrideCoverage(
        [seg('2003-08-18', '2004-01-01', 750_000n, 250_000n), seg('2004-06-01', null, 750_000n, 200_000n)],
        o,
      ),
    ).toEqual([
      seg('2003-08-18', '2004-01-01', 750_000n, 250_000n),
      seg('2004-06-01', '2025-01-01', 750_000n, 200_000n),
      seg('2025-01-01', null, 500_000n, 200_000n),
    ]);
    // a run beginning on or after the date takes the rate whole
    expect(
      overrideCoverage([seg('2025-03-01', null, 750_000n, 250_000n)], { ...o, serviceFeeMicroPct: 200_000n }),
    ).toEqual([seg('2025-03-01', null, 500_000n, 200_000n)]);
  });

  it('payees before and after: summed per payee, role and component, in a fixed order, 0.00 where absent', () => {
    const rows = comparePayees(
      [
        { payee: 'Dealer', role: 'Service Provider', component: 'service fee', cents: 1_000n },
        { payee: 'D', role: 'Distributor', component: 'distribution fee', cents: 5_000n },
        { payee: 'D', role: 'Distributor', component: 'distribution fee', cents: 5_000n },
        { payee: 'Old Assignee', role: 'Assignee', component: 'distribution fee', cents: 300n },
      ],
      [
        { payee: 'D', role: 'Distributor', component: 'distribution fee', cents: 8_000n },
        { payee: 'Dealer', role: 'Service Provider', component: 'service fee', cents: 800n },
        { payee: 'D', role: 'Distributor', component: 'service fee retained', cents: 50n },
      ],
    );
    expect(rows.map((r) => [r.payee, r.role, r.component, r.before, r.after, r.difference])).toEqual([
      ['D', 'Distributor', 'distribution fee', '100.00', '80.00', '-20.00'],
      ['D', 'Distributor', 'service fee retained', '0.00', '0.50', '0.50'],
      ['Old Assignee', 'Assignee', 'distribution fee', '3.00', '0.00', '-3.00'],
      ['Dealer', 'Service Provider', 'service fee', '10.00', '8.00', '-2.00'],
    ]);
  });
});
