/**
 * A synthetic corpus of exhibits in the style of the seeds: plans, agreements and amendments
 * of an AIM/INVESCO-like complex, rendered with renderExhibit and then varied the ways filings
 * vary (tags in lower case or absent, whitespace collapsed, <PAGE> breaks with page numbers).
 * Deterministic for a given seed.
 */

import { seededRandom } from '../src/demo/demoComplex.js';
import type { ExhibitDocument, ExhibitKind, ScheduleEntry } from '../src/edgar/exhibitDocument.js';
import { renderExhibitComposed } from '../src/edgar/renderExhibit.js';

export const PORTFOLIO_BRANDS = ['AIM', 'INVESCO'] as const;
export const PORTFOLIO_WORDS = [
  'Aggressive Growth',
  'Basic Value',
  'Blue Chip',
  'Capital Development',
  'Charter',
  'Constellation',
  'Core Stock',
  'Developing Markets',
  'Diversified Dividend',
  'Dynamics',
  'Energy',
  'European Growth',
  'Financial Services',
  'Global Science and Technology',
  'Gold & Precious Metals',
  'Health Sciences',
  'High Yield',
  'Income',
  'Intermediate Government',
  'International Core Equity',
  'Large Cap Basic Value',
  'Leisure',
  'Mid Cap Core Equity',
  'Mid-Cap Growth',
  'Money Market',
  'Opportunities II',
  'Real Estate',
  'Select Equity',
  'Small Cap Growth',
  'Structured Core',
  'Technology',
  'Total Return Bond',
  'U.S. Growth',
  'Utilities',
  'Value II',
  'Weingarten',
] as const;
export const GROUP_HEADINGS = [
  'AIM ADVISOR FUNDS',
  'AIM COUNSELOR SERIES TRUST',
  'AIM EQUITY FUNDS',
  'AIM FUNDS GROUP',
  'AIM GROWTH SERIES',
  'AIM INTERNATIONAL MUTUAL FUNDS',
  'AIM INVESTMENT SECURITIES FUNDS',
  'AIM SECTOR FUNDS',
  'AIM STOCK FUNDS',
  'INVESCO BOND FUNDS, INC.',
  'INVESCO COMBINATION STOCK & BOND FUNDS, INC.',
  'INVESCO SECTOR FUNDS, INC.',
] as const;
export const INSTRUMENT_REGISTRANTS = [
  'AIM Funds Group',
  'AIM Equity Funds',
  'AIM Growth Series',
  'AIM Sector Funds',
] as const;
export const PLAN_TITLES = [
  'Master Distribution Plan',
  'Amended and Restated Master Distribution Plan',
  'Sixth Amended and Restated Master Distribution Plan',
] as const;
export const AGREEMENT_TITLES = [
  'Master Distribution Agreement',
  'Amended and Restated Master Distribution Agreement',
] as const;
export const CLASS_CODES = ['A', 'B', 'C', 'K', 'R', 'P', 'Investor', 'Institutional'] as const;
export const SCHEDULE_NAMES = [
  'Schedule A',
  'Schedule A-1',
  'Schedule A-2',
  'Schedule B',
  'Appendix A',
] as const;
export const FOOTNOTE =
  'The Distribution Fee is payable apart from the sales charge, if any, as stated in the current prospectus for the applicable Portfolio (or Class thereof).';

export type LayoutVariant =
  | 'as-rendered'
  | 'lowercase-tags'
  | 'no-tags'
  | 'collapsed-whitespace'
  | 'page-breaks';
export const LAYOUT_VARIANTS: readonly LayoutVariant[] = [
  'as-rendered',
  'lowercase-tags',
  'no-tags',
  'collapsed-whitespace',
  'page-breaks',
];

const prng = seededRandom;

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

function isoDate(rand: () => number): string {
  const y = 1995 + Math.floor(rand() * 15);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A rate string of `hundredths` of a percent: 75 → "0.75". */
function pct(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** A multiple of 0.05% up to `maxHundredths` (FINRA Rule 2341: ABSC ≤ 0.75%, service ≤ 0.25%). */
function rateUpTo(rand: () => number, maxHundredths: number): number {
  return 5 * Math.floor(rand() * (maxHundredths / 5 + 1));
}

function portfolio(rand: () => number): string {
  return `${pick(rand, PORTFOLIO_BRANDS)} ${pick(rand, PORTFOLIO_WORDS)} Fund`;
}

/** One realistic exhibit document. */
export function generateExhibitDocument(rand: () => number): ExhibitDocument {
  const amendment = rand() < 0.6;
  const instrumentKind = rand() < 0.7 ? 'plan' : 'agreement';
  const kind = (amendment ? `${instrumentKind}-amendment` : instrumentKind) as ExhibitKind;
  const classes = [
    ...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(rand, CLASS_CODES))),
  ];
  const registrant = rand() < 0.3 ? pick(rand, INSTRUMENT_REGISTRANTS) : null;
  const scheduleCount = 1 + Math.floor(rand() * 3);
  const names = [...SCHEDULE_NAMES].sort(() => rand() - 0.5).slice(0, scheduleCount);
  const schedules = names.map((name, s) => {
    const plain = rand() < 0.3;
    const grouped = registrant === null || rand() < 0.5;
    const entries: ScheduleEntry[] = [];
    // The first schedule reaches every class the title names: a class no schedule reaches is how
    // the reader tells a document cut short (importableDocument refuses it), not how one is filed.
    const runs = Math.max(1 + Math.floor(rand() * 8), s === 0 ? classes.length : 0);
    for (let r = 0; r < runs; r++) {
      const group = grouped ? pick(rand, GROUP_HEADINGS) : registrant;
      const klass = s === 0 && r < classes.length ? classes[r]! : pick(rand, classes);
      const shape = Math.floor(rand() * 4);
      const bound = pick(rand, ['minimum', 'maximum', null] as const);
      const rows = 1 + Math.floor(rand() * 12);
      for (let i = 0; i < rows; i++) {
        // rates a 12b-1 schedule can set: within FINRA's caps, the aggregate not below its parts
        // (the reader refuses a row beyond them at its line)
        const absc = plain || shape === 3 ? null : rateUpTo(rand, 75);
        const service = plain || shape === 2 ? null : rateUpTo(rand, 25);
        const aggregate = plain || shape !== 0 ? null : (absc ?? 0) + (service ?? 0) + rateUpTo(rand, 50);
        entries.push({
          registrant: group,
          portfolio: portfolio(rand),
          class: klass,
          assetBasedSalesChargePct: absc === null ? null : pct(absc),
          assetBasedSalesChargeBound: absc === null ? null : bound,
          serviceFeePct: service === null ? null : pct(service),
          aggregateFeePct: aggregate === null ? null : pct(aggregate),
        });
      }
    }
    return { name, replacesEntirely: amendment && rand() < 0.7, entries };
  });
  const effectiveDate = isoDate(rand);
  const renames =
    amendment && rand() < 0.3
      ? [
          { from: portfolio(rand), to: portfolio(rand) },
          { from: portfolio(rand), to: portfolio(rand) },
        ]
      : [];
  const termsRates = !amendment && instrumentKind === 'agreement';
  return {
    kind,
    title: '',
    exhibit: rand() < 0.5 ? `m(${1 + Math.floor(rand() * 9)})(${pick(rand, ['a', 'b', 'c', 'm'])})` : null,
    instrument: {
      kind: instrumentKind,
      title: pick(rand, instrumentKind === 'plan' ? PLAN_TITLES : AGREEMENT_TITLES),
      registrant,
      classes,
      datedAsOf: rand() < 0.8 ? isoDate(rand) : null,
    },
    amendmentNumber: amendment ? 1 + Math.floor(rand() * 20) : null,
    effectiveDate,
    datedDate: rand() < 0.7 ? (rand() < 0.8 ? effectiveDate : isoDate(rand)) : null,
    terms: { distributionFeePct: termsRates ? '0.75' : null, serviceFeePct: termsRates ? '0.25' : null },
    schedules,
    renames,
    renameRules: renames.length > 0 && rand() < 0.5 ? [{ replace: 'INVESCO', with: 'AIM' }] : [],
    footnotes: rand() < 0.3 ? [FOOTNOTE] : [],
    warnings: [],
  };
}

/** The same exhibit as filers lay it out differently (SPEC §2.1 "as filed"). */
export function layoutVariant(text: string, variant: LayoutVariant): string {
  switch (variant) {
    case 'as-rendered':
      return text;
    case 'lowercase-tags':
      return text.replace(/<\/?(?:TABLE|CAPTION|S|C)>/g, (t) => t.toLowerCase());
    case 'no-tags':
      return text.replace(/<\/?(?:TABLE|CAPTION|S|C)>/g, '');
    case 'collapsed-whitespace':
      return text
        .split('\n')
        .map((l) => l.trim().replace(/\s+/g, ' '))
        .join('\n');
    case 'page-breaks': {
      const lines = text.split('\n');
      const out: string[] = [];
      let page = 1;
      lines.forEach((l, i) => {
        out.push(l);
        if (i > 0 && i % 37 === 0) out.push('', `${' '.repeat(39)}${page++}`, '<PAGE>', '');
      });
      return out.join('\n');
    }
  }
}

/**
 * n exhibits, rendered and varied.
 * @example generateExhibitCorpus(3, 1).map((d) => d.name) → ['exhibit-000000-as-rendered.txt', …]
 */
export function generateExhibitCorpus(n: number, seed: number): { name: string; text: string }[] {
  const rand = prng(seed);
  const out: { name: string; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    const doc = generateExhibitDocument(rand);
    const variant = LAYOUT_VARIANTS[i % LAYOUT_VARIANTS.length]!;
    out.push({
      name: `exhibit-${String(i).padStart(6, '0')}-${variant}.txt`,
      // the seeds' layout: what renderExhibit gives (its search reads no layout back as a document
      // of empty title) without parsing each layout it would try (test/edgar/bench-exhibit-corpus-…)
      text: layoutVariant(renderExhibitComposed(doc, { marked: false }), variant),
    });
  }
  return out;
}
