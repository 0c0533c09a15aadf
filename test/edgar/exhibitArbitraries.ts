/**
 * fast-check arbitraries of realistic exhibit documents: names, registrants, classes, rates and
 * dates of the AIM/INVESCO complex, 1–3 schedules, renames and rename rules. They stay inside
 * what renderExhibit promises to round-trip (see its header): group headings in capitals,
 * portfolio names in mixed case, the instrument's own Registrant only in ungrouped schedules,
 * no bound without an asset-based sales charge, plain lists only in all-plain schedules.
 */

import fc from 'fast-check';
import {
  AGREEMENT_TITLES,
  CLASS_CODES,
  GROUP_HEADINGS,
  INSTRUMENT_REGISTRANTS,
  PLAN_TITLES,
  PORTFOLIO_BRANDS,
  PORTFOLIO_WORDS,
  SCHEDULE_NAMES,
} from '../../bench/exhibitCorpus.js';
import type { ExhibitDocument, ScheduleEntry } from '../../src/edgar/exhibitDocument.js';

export const portfolioArb = fc
  .tuple(fc.constantFrom(...PORTFOLIO_BRANDS), fc.constantFrom(...PORTFOLIO_WORDS))
  .map(([brand, words]) => `${brand} ${words} Fund`);

export const rateArb = fc
  .integer({ min: 0, max: 150 })
  .map((h) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`);

/** hundredths of a percent as a rate string: 75 → "0.75" */
const pctOf = (h: number) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;

/**
 * A schedule row's rates as a 12b-1 schedule can set them (FINRA Rule 2341, src/edgar/finraLimits.ts:
 * a row beyond them is refused at its line): ABSC ≤ 0.75%, service ≤ 0.25%, the aggregate not below
 * either part.
 */
const rowRatesArb = fc
  .record({
    a: fc.integer({ min: 0, max: 75 }),
    s: fc.integer({ min: 0, max: 25 }),
    extra: fc.integer({ min: 0, max: 50 }),
  })
  .map(({ a, s, extra }) => ({ a: pctOf(a), s: pctOf(s), g: pctOf(a + s + extra) }));

export const isoDateArb = fc
  .record({
    y: fc.integer({ min: 1990, max: 2012 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

type Shape = 'absc+service+aggregate' | 'absc+service' | 'absc' | 'service' | 'absc+aggregate';
const SHAPES: readonly Shape[] = [
  'absc+service+aggregate',
  'absc+service',
  'absc',
  'service',
  'absc+aggregate',
];

function runArb(classes: readonly string[], registrants: fc.Arbitrary<string | null>, plain: boolean) {
  return fc
    .record({
      registrant: registrants,
      class: fc.constantFrom(...classes),
      shape: fc.constantFrom(...SHAPES),
      bound: fc.constantFrom('minimum' as const, 'maximum' as const, null),
      rows: fc.array(
        fc.tuple(portfolioArb, rowRatesArb).map(([portfolio, r]) => ({ portfolio, ...r })),
        {
          minLength: 1,
          maxLength: 6,
        },
      ),
    })
    .map(({ registrant, class: klass, shape, bound, rows }) =>
      rows.map((r): ScheduleEntry => {
        const absc = !plain && shape.includes('absc') ? r.a : null;
        return {
          registrant,
          portfolio: r.portfolio,
          class: klass,
          assetBasedSalesChargePct: absc,
          assetBasedSalesChargeBound: absc === null ? null : bound,
          serviceFeePct: !plain && shape.includes('service') ? r.s : null,
          aggregateFeePct: !plain && shape.includes('aggregate') ? r.g : null,
        };
      }),
    );
}

export const exhibitDocumentArb: fc.Arbitrary<ExhibitDocument> = fc
  .record({
    amendment: fc.boolean(),
    instrumentKind: fc.constantFrom('plan' as const, 'agreement' as const),
    classes: fc.uniqueArray(fc.constantFrom(...CLASS_CODES), { minLength: 1, maxLength: 3 }),
    registrant: fc.option(fc.constantFrom(...INSTRUMENT_REGISTRANTS), { nil: null }),
    scheduleNames: fc.uniqueArray(fc.constantFrom(...SCHEDULE_NAMES), { minLength: 1, maxLength: 3 }),
    planTitle: fc.constantFrom(...PLAN_TITLES),
    agreementTitle: fc.constantFrom(...AGREEMENT_TITLES),
    seed: fc.integer(),
  })
  .chain((base) => {
    const scheduleArb = (name: string) =>
      fc
        .record({ plain: fc.boolean(), grouped: fc.boolean(), replaces: fc.boolean() })
        .chain(({ plain, grouped, replaces }) => {
          const registrants: fc.Arbitrary<string | null> =
            grouped || base.registrant === null
              ? fc.constantFrom(...GROUP_HEADINGS)
              : fc.constant(base.registrant);
          return fc
            .array(runArb(base.classes, registrants, plain), { minLength: 1, maxLength: 4 })
            .map((runs) => ({
              name,
              replacesEntirely: base.amendment && replaces,
              entries: runs.flat(),
            }));
        });
    return fc.record({
      base: fc.constant(base),
      schedules: fc.tuple(...base.scheduleNames.map(scheduleArb)),
      amendmentNumber: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
      effectiveDate: isoDateArb,
      datedAsOf: fc.option(isoDateArb, { nil: null }),
      datedDate: fc.option(isoDateArb, { nil: null }),
      distributionFeePct: fc.option(rateArb, { nil: null }),
      serviceFeePct: fc.option(rateArb, { nil: null }),
      // a rename stated twice is one rename: the reader gives each pair once
      renames: fc.uniqueArray(fc.record({ from: portfolioArb, to: portfolioArb }), {
        maxLength: 3,
        selector: (r) => `${r.from}|${r.to}`,
      }),
      renameRules: fc.array(
        fc.constantFrom({ replace: 'INVESCO', with: 'AIM' }, { replace: 'Trimark', with: 'AIM Trimark' }),
        { maxLength: 1 },
      ),
      exhibit: fc.option(fc.constantFrom('m(4)(m)', 'm(1)(a)', 'e(2)', 'm(3)(b)'), { nil: null }),
    });
  })
  .map((g): ExhibitDocument => {
    const { base } = g;
    const kind = base.amendment ? (`${base.instrumentKind}-amendment` as const) : base.instrumentKind;
    return {
      kind,
      title: '',
      exhibit: g.exhibit,
      instrument: {
        kind: base.instrumentKind,
        title: base.instrumentKind === 'plan' ? base.planTitle : base.agreementTitle,
        registrant: base.registrant,
        classes: base.classes,
        datedAsOf: g.datedAsOf,
      },
      amendmentNumber: base.amendment ? g.amendmentNumber : null,
      effectiveDate: g.effectiveDate,
      datedDate: g.datedDate,
      terms: { distributionFeePct: g.distributionFeePct, serviceFeePct: g.serviceFeePct },
      schedules: g.schedules,
      renames: base.amendment ? g.renames : [],
      renameRules: base.amendment ? g.renameRules : [],
      footnotes: [],
      warnings: [],
    };
  });
