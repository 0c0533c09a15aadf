import { describe, expect, it } from 'vitest';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { apartFromLapses, CLASS_B_AGREEMENT, classBEntry } from './registryFixtures.js';

/**
 * SPEC §2: renames as rules ("replacing INVESCO with Zeta"), effective on the amendment's date.
 * A Class B plan of Omega Trust (2010-06-01) lists a portfolio "Zeta Kappa Fund" at 0.50%; the
 * Class B agreement (2010-01-01) lists "INVESCO Kappa Fund", and its Amendment No. 1 (2011-03-01)
 * renames each INVESCO fund by replacing "INVESCO" with "Zeta" and lists "Zeta Kappa Fund". From
 * 2011-03-01 the name belongs to two portfolios; the amendment's line is read as the earlier one
 * (the plan's), so the plan's portfolio is answered at the agreement's 0.75% and INVESCO Kappa
 * Fund is no longer covered. plan12b cannot tell which is meant; it said so only once, at import.
 * Every query touching either portfolio from that date must say so; before it, nothing.
 */
const entry = classBEntry;
const agreementRef = CLASS_B_AGREEMENT;
const common = { exhibit: null, renames: [], renameRules: [], footnotes: [], warnings: [] };
const docs: StoredDocument[] = [
  {
    id: 'a0',
    fileName: 'agreement.txt',
    doc: {
      ...common,
      kind: 'agreement',
      title: agreementRef.title,
      instrument: agreementRef,
      amendmentNumber: null,
      effectiveDate: '2010-01-01',
      datedDate: null,
      terms: { distributionFeePct: '0.75', serviceFeePct: '0.25' },
      schedules: [
        {
          name: 'Schedule A-1',
          replacesEntirely: false,
          entries: [entry('ZETA EQUITY FUNDS', 'INVESCO Kappa Fund', null)],
        },
      ],
    },
  },
  {
    id: 'p0',
    fileName: 'plan.txt',
    doc: {
      ...common,
      kind: 'plan',
      title: 'Master Distribution Plan of Omega Trust (Class B Shares)',
      instrument: {
        kind: 'plan',
        title: 'Master Distribution Plan',
        registrant: 'Omega Trust',
        classes: ['B'],
        datedAsOf: '2010-06-01',
      },
      amendmentNumber: null,
      effectiveDate: '2010-06-01',
      datedDate: '2010-06-01',
      terms: { distributionFeePct: null, serviceFeePct: null },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: false,
          entries: [entry('OMEGA TRUST', 'Zeta Kappa Fund', ['0.50', '0.25', '0.75'])],
        },
      ],
    },
  },
  {
    id: 'a1',
    fileName: 'amendment1.txt',
    doc: {
      ...common,
      kind: 'agreement-amendment',
      title: 'Amendment No. 1',
      instrument: agreementRef,
      amendmentNumber: 1,
      effectiveDate: '2011-03-01',
      datedDate: '2011-03-01',
      terms: { distributionFeePct: null, serviceFeePct: null },
      renameRules: [{ replace: 'INVESCO', with: 'Zeta' }],
      schedules: [
        {
          name: 'Schedule A-1',
          replacesEntirely: true,
          entries: [entry('ZETA EQUITY FUNDS', 'Zeta Kappa Fund', null)],
        },
      ],
    } as ExhibitDocument,
  },
];

describe('a rename rule that gives a portfolio the name of another', () => {
  for (const order of [docs, [...docs].reverse()]) {
    const registry = buildRegistry(order);
    const doubt = (ws: readonly string[]) =>
      ws.filter((w) =>
        /^conflict for Zeta Kappa Fund class B: from 2011-03-01 the name Zeta Kappa Fund is borne by two portfolios/.test(
          w,
        ),
      );
    it('the day before: two portfolios, no warning', () => {
      const answer = registry.scheduleAsOf('2011-02-28', { class: 'B' });
      expect(answer.entries.map((e) => [e.portfolio, e.assetBasedSalesChargePct])).toEqual([
        ['Zeta Kappa Fund', '0.50'],
        ['INVESCO Kappa Fund', '0.75'],
      ]);
      expect(apartFromLapses(answer.warnings)).toEqual([]);
    });
    it('from the rule date: every query touching either portfolio warns, once', () => {
      const answer = registry.scheduleAsOf('2011-03-01', { class: 'B' });
      expect(doubt(answer.warnings)).toHaveLength(1);
      expect(apartFromLapses(answer.warnings)).toHaveLength(1);
      expect(
        doubt(registry.scheduleAsOf('2011-03-01', { portfolio: 'INVESCO Kappa Fund' }).warnings),
      ).toHaveLength(1);
      expect(doubt(registry.portfolioHistory('INVESCO Kappa Fund')!.warnings)).toHaveLength(1);
      expect(doubt(registry.portfolioHistory('Zeta Kappa Fund')!.warnings)).toHaveLength(1);
      const invesco = registry.identities.resolve('INVESCO Kappa Fund')!;
      expect(doubt(registry.conflictsDuring(invesco, 'B', '2011-02-01', '2011-03-31'))).toHaveLength(1);
      expect(registry.conflictsDuring(invesco, 'B', '2011-02-01', '2011-02-28')).toEqual([]);
    });
  }
});
