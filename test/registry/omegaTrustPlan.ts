import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';

/**
 * An invented Class B plan shared by the registry's tests: the Master Distribution Plan of Omega
 * Trust, made and effective 2011-03-01, whose Schedule A lists one portfolio, Omega Delta Fund,
 * at maximum ABSC 0.50%, maximum service fee 0.25%, maximum aggregate 0.75%.
 */
export const OMEGA_TRUST_PLAN: ExhibitDocument = {
  kind: 'plan',
  title: 'Master Distribution Plan of Omega Trust (Class B Shares)',
  exhibit: null,
  instrument: {
    kind: 'plan',
    title: 'Master Distribution Plan',
    registrant: 'Omega Trust',
    classes: ['B'],
    datedAsOf: '2011-03-01',
  },
  amendmentNumber: null,
  effectiveDate: '2011-03-01',
  datedDate: '2011-03-01',
  terms: { distributionFeePct: null, serviceFeePct: null },
  schedules: [
    {
      name: 'Schedule A',
      replacesEntirely: false,
      entries: [
        {
          registrant: 'OMEGA TRUST',
          portfolio: 'Omega Delta Fund',
          class: 'B',
          assetBasedSalesChargePct: '0.50',
          assetBasedSalesChargeBound: 'maximum',
          serviceFeePct: '0.25',
          aggregateFeePct: '0.75',
        },
      ],
    },
  ],
  renames: [],
  renameRules: [],
  footnotes: [],
  warnings: [],
};
