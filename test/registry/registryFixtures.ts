import type { ExhibitDocument, ScheduleEntry } from '../../src/edgar/exhibitDocument.js';

/** A Class B schedule entry of the registry's tests: its rates (ABSC, service, aggregate) as maxima, or none (a plain list). */
export const classBEntry = (
  registrant: string,
  portfolio: string,
  rates: readonly [string, string, string] | null,
): ScheduleEntry => ({
  registrant,
  portfolio,
  class: 'B',
  assetBasedSalesChargePct: rates?.[0] ?? null,
  assetBasedSalesChargeBound: rates ? 'maximum' : null,
  serviceFeePct: rates?.[1] ?? null,
  aggregateFeePct: rates?.[2] ?? null,
});

/** The invented Class B agreement the registry's tests amend, made as of 2010-01-01. */
export const CLASS_B_AGREEMENT = {
  kind: 'agreement' as const,
  title: 'Amended and Restated Master Distribution Agreement',
  registrant: null,
  classes: ['B'],
  datedAsOf: '2010-01-01',
};

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

/**
 * A schedule answer's warnings but the lapses SPEC §10 flags (`schedule --as-of` says which entries
 * come from an instrument whose continuance lapsed): these registries record no continuance
 * approval, so every instrument lapsed after its first deadline — beside the point of the test.
 */
export const apartFromLapses = (warnings: readonly string[]): string[] =>
  warnings.filter(
    (w) => !/, which lapsed(?: for (?:its|their) Portfolios?)?: no continuance approval/.test(w),
  );
