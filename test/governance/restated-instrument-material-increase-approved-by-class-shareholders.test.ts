import { describe, expect, it } from 'vitest';
import type { Approval } from '../../src/governance/approval.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { instrumentKey, type StoredDocument } from '../../src/registry/storedDocument.js';
import { approvedAndContinued } from './support/continued.js';
import { approval, BOARD_CARRIES, governance, PLAN, shareholderVote } from './support/testPlan.js';

// Plan §11 / §5: an instrument that raises a class's fees above what governed the day before (here
// a restated plan, not an amendment) needs the class's shareholders; their vote approves the
// instrument itself (approves=instrument), and that vote must count.
const RESTATED_REF = {
  kind: 'plan' as const,
  title: 'Amended and Restated Master Distribution Plan of Test Funds (Class A Shares)',
  registrant: 'TEST FUNDS',
  classes: ['A'],
  datedAsOf: '2005-01-01',
};
const RESTATED: StoredDocument = {
  id: 'd'.repeat(64),
  fileName: 'restated.txt',
  doc: {
    ...PLAN.doc,
    title: RESTATED_REF.title,
    instrument: RESTATED_REF,
    effectiveDate: '2005-01-01',
    datedDate: '2005-01-01',
    schedules: [
      {
        name: 'Schedule A',
        replacesEntirely: true,
        entries: [
          {
            registrant: 'TEST FUNDS',
            portfolio: 'Test Growth Fund',
            class: 'A',
            assetBasedSalesChargePct: '0.25',
            assetBasedSalesChargeBound: 'maximum',
            serviceFeePct: '0.25',
            aggregateFeePct: '0.50',
          },
        ],
      },
    ],
  },
};

describe('a restated plan raising the fee governs once the class shareholders approve the instrument', () => {
  const docs = [PLAN, RESTATED];
  const growth = buildRegistry(docs).identities.resolve('Test Growth Fund')!;
  const restated = (a: Approval): Approval => ({ ...a, instrumentKey: instrumentKey(RESTATED_REF) });
  const board = restated(approval('2004-12-10', 'instrument', RESTATED, BOARD_CARRIES));
  // 1,000,000 outstanding, 600,000 present, 402,000 for: 402,000 ≥ 67% × 600,000 = 402,000 → (A)
  const holders = restated(
    approval('2004-12-20', 'instrument', RESTATED, shareholderVote(1_000_000n, 600_000n, 402_000n), {
      portfolioId: growth,
      portfolioName: 'Test Growth Fund',
      class: 'A',
    }),
  );

  it('Board only: the raise from 0.10% to 0.25% is pending, the old plan governs', () => {
    const r = buildRegistry(
      docs,
      [],
      governance([...approvedAndContinued(2005), board], { today: '2005-06-01' }),
    );
    const g = r.governingOn(growth, 'A', '2005-01-15')!;
    expect(g.fileName).toBe('plan.txt');
    expect(g.schedule.assetBasedSalesChargePct).toBe('0.10');
  });

  it('Board and Class A shareholders (approves=instrument): the restated plan governs from 2005-01-01 at 0.25%', () => {
    const r = buildRegistry(
      docs,
      [],
      governance([...approvedAndContinued(2005), board, holders], { today: '2005-06-01' }),
    );
    expect(r.governingOn(growth, 'A', '2004-12-31')!.fileName).toBe('plan.txt');
    const g = r.governingOn(growth, 'A', '2005-01-01')!;
    expect(g.fileName).toBe('restated.txt');
    expect(g.schedule.assetBasedSalesChargePct).toBe('0.25');
  });
});
