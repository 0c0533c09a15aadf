import type { ExhibitDocument, ScheduleEntry } from '../edgar/exhibitDocument.js';

/**
 * A synthetic fund complex of plan12b's own (no real fund's data): three registrants, a dozen
 * portfolios, Class A and C plans, a Class B master distribution agreement with two schedules,
 * and amendments that rename portfolios (explicitly and by rule), add one, and move one between
 * registrants. Deterministic, so the demo prints the same figures every time.
 */

export const DEMO_START = '2024-01-02';

interface DemoPortfolio {
  readonly registrant: string;
  readonly name: string;
  readonly classAAbscPct: string;
}

const EQUITY = 'SUMMIT EQUITY FUNDS';
const INCOME = 'SUMMIT INCOME FUNDS';
const HARBOR = 'HARBOR SECTOR FUNDS, INC.';

const PORTFOLIOS: readonly DemoPortfolio[] = [
  { registrant: EQUITY, name: 'Summit Capital Growth Fund', classAAbscPct: '0.10' },
  { registrant: EQUITY, name: 'Summit Dividend Value Fund', classAAbscPct: '0.10' },
  { registrant: EQUITY, name: 'Summit Small Cap Fund', classAAbscPct: '0.10' },
  { registrant: EQUITY, name: 'Summit International Fund', classAAbscPct: '0.00' },
  { registrant: INCOME, name: 'Summit Core Bond Fund', classAAbscPct: '0.00' },
  { registrant: INCOME, name: 'Summit Municipal Income Fund', classAAbscPct: '0.00' },
  { registrant: INCOME, name: 'Summit Real Estate Fund', classAAbscPct: '0.10' },
  { registrant: HARBOR, name: 'Harbor Energy Fund', classAAbscPct: '0.10' },
  { registrant: HARBOR, name: 'Harbor Health Sciences Fund', classAAbscPct: '0.10' },
  { registrant: HARBOR, name: 'Harbor Core Equity Fund', classAAbscPct: '0.10' },
  { registrant: HARBOR, name: 'Harbor Technology Fund', classAAbscPct: '0.10' },
];

/** After Amendment No. 1 to the Class A plan (2025-04-01): HARBOR → SUMMIT, one explicit rename. */
function renamed(name: string): string {
  if (name === 'Harbor Core Equity Fund') return 'Summit Core Stock Fund';
  return name.replace(/^Harbor /, 'Summit ');
}

function planDocument(opts: {
  kind: 'plan' | 'plan-amendment';
  cls: 'A' | 'C';
  effectiveDate: string;
  amendmentNumber: number | null;
  entries: ScheduleEntry[];
  renames?: ExhibitDocument['renames'];
  renameRules?: ExhibitDocument['renameRules'];
}): ExhibitDocument {
  const instrumentTitle = `Master Distribution Plan (Class ${opts.cls} Shares)`;
  return {
    kind: opts.kind,
    title:
      opts.amendmentNumber === null
        ? instrumentTitle
        : `Amendment No. ${opts.amendmentNumber} to the ${instrumentTitle}`,
    exhibit: null,
    instrument: {
      kind: 'plan',
      title: 'Master Distribution Plan',
      registrant: null,
      classes: [opts.cls],
      datedAsOf: '2024-01-02',
    },
    amendmentNumber: opts.amendmentNumber,
    effectiveDate: opts.effectiveDate,
    datedDate: opts.effectiveDate,
    terms: { distributionFeePct: null, serviceFeePct: null },
    schedules: [
      { name: 'Schedule A', replacesEntirely: opts.kind === 'plan-amendment', entries: opts.entries },
    ],
    renames: opts.renames ?? [],
    renameRules: opts.renameRules ?? [],
    footnotes: [],
    warnings: [],
  };
}

function classAEntries(
  names: (p: DemoPortfolio) => string,
  extra: DemoPortfolio[] = [],
  abscPct: (p: DemoPortfolio) => string = (p) => p.classAAbscPct,
): ScheduleEntry[] {
  return [...PORTFOLIOS, ...extra].map((p) => ({
    registrant: names(p) === p.name ? p.registrant : p.registrant.replace('HARBOR', 'SUMMIT'),
    portfolio: names(p),
    class: 'A',
    assetBasedSalesChargePct: abscPct(p),
    assetBasedSalesChargeBound: 'minimum',
    serviceFeePct: '0.25',
    aggregateFeePct: abscPct(p) === '0.10' ? '0.35' : '0.25',
  }));
}

/**
 * Amendment No. 2 to the Class A plan (effective 2025-10-01) raises the Class A asset-based sales
 * charge of this portfolio from 0.00% to 0.10% (aggregate 0.25% → 0.35%): a material increase
 * (Plan §11) that needs its Class A shareholders' vote (Plan §5) besides the Board's.
 */
export const MATERIAL_INCREASE = {
  portfolio: 'Summit International Fund',
  class: 'A',
  effectiveDate: '2025-10-01',
  fromAbscPct: '0.00',
  toAbscPct: '0.10',
} as const;

function classCEntries(): ScheduleEntry[] {
  return PORTFOLIOS.filter((p) => p.registrant !== INCOME || p.name !== 'Summit Municipal Income Fund').map(
    (p) => ({
      registrant: p.registrant,
      portfolio: p.name,
      class: 'C',
      assetBasedSalesChargePct: '0.75',
      assetBasedSalesChargeBound: 'maximum',
      serviceFeePct: '0.25',
      aggregateFeePct: '1.00',
    }),
  );
}

function classBList(registrants: readonly string[], moveRealEstate: boolean): ScheduleEntry[] {
  return PORTFOLIOS.filter((p) => registrants.includes(p.registrant)).map((p) => ({
    registrant: moveRealEstate && p.name === 'Summit Real Estate Fund' ? EQUITY : p.registrant,
    portfolio: p.name,
    class: 'B',
    assetBasedSalesChargePct: null,
    assetBasedSalesChargeBound: null,
    serviceFeePct: null,
    aggregateFeePct: null,
  }));
}

const NEW_FUND: DemoPortfolio = {
  registrant: EQUITY,
  name: 'Summit Global Opportunities Fund',
  classAAbscPct: '0.10',
};

/** The complex's exhibits, in the order they were signed. */
export function demoExhibits(): { fileName: string; doc: ExhibitDocument }[] {
  const classBAgreement: ExhibitDocument = {
    kind: 'agreement',
    title: 'Master Distribution Agreement (Class B Shares)',
    exhibit: null,
    instrument: {
      kind: 'agreement',
      title: 'Master Distribution Agreement',
      registrant: null,
      classes: ['B'],
      datedAsOf: DEMO_START,
    },
    amendmentNumber: null,
    effectiveDate: DEMO_START,
    datedDate: null,
    terms: { distributionFeePct: '0.75', serviceFeePct: '0.25' },
    schedules: [
      { name: 'Schedule A-1', replacesEntirely: false, entries: classBList([EQUITY, INCOME], false) },
      { name: 'Schedule A-2', replacesEntirely: false, entries: classBList([HARBOR], false) },
    ],
    renames: [],
    renameRules: [],
    footnotes: [],
    warnings: [],
  };
  const classBAmendment: ExhibitDocument = {
    ...classBAgreement,
    kind: 'agreement-amendment',
    title: 'Amendment No. 1 to the Master Distribution Agreement (Class B Shares)',
    amendmentNumber: 1,
    effectiveDate: '2025-07-01',
    datedDate: '2025-07-01',
    terms: { distributionFeePct: null, serviceFeePct: null },
    schedules: [
      { name: 'Schedule A-1', replacesEntirely: true, entries: classBList([EQUITY, INCOME], true) },
    ],
  };
  return [
    {
      fileName: 'demo-01-class-a-plan.txt',
      doc: planDocument({
        kind: 'plan',
        cls: 'A',
        effectiveDate: DEMO_START,
        amendmentNumber: null,
        entries: classAEntries((p) => p.name),
      }),
    },
    {
      fileName: 'demo-02-class-c-plan.txt',
      doc: planDocument({
        kind: 'plan',
        cls: 'C',
        effectiveDate: DEMO_START,
        amendmentNumber: null,
        entries: classCEntries(),
      }),
    },
    { fileName: 'demo-03-class-b-agreement.txt', doc: classBAgreement },
    {
      fileName: 'demo-04-class-a-amendment-1.txt',
      doc: planDocument({
        kind: 'plan-amendment',
        cls: 'A',
        effectiveDate: '2025-04-01',
        amendmentNumber: 1,
        entries: classAEntries((p) => renamed(p.name), [NEW_FUND]),
        renames: [{ from: 'Harbor Core Equity Fund', to: 'Summit Core Stock Fund' }],
        renameRules: [{ replace: 'Harbor', with: 'Summit' }],
      }),
    },
    { fileName: 'demo-05-class-b-amendment-1.txt', doc: classBAmendment },
    {
      fileName: 'demo-06-class-a-amendment-2.txt',
      doc: planDocument({
        kind: 'plan-amendment',
        cls: 'A',
        effectiveDate: MATERIAL_INCREASE.effectiveDate,
        amendmentNumber: 2,
        entries: classAEntries(
          (p) => renamed(p.name),
          [NEW_FUND],
          (p) => (p.name === MATERIAL_INCREASE.portfolio ? MATERIAL_INCREASE.toAbscPct : p.classAAbscPct),
        ),
      }),
    },
  ];
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
