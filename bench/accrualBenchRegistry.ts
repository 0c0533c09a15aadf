/**
 * The registry for the accrual benchmark's product run: the generated terms as the exhibits a
 * fund complex would file (SPEC §2) — per class letter a Master Distribution Plan whose Schedule A
 * lists every class covered from the start, then amendments that replace Schedule A in its
 * entirety on the three dates of {@link benchTermDates}: adding the late classes, changing some
 * classes' rates, dropping the classes whose coverage ends. Rendered with renderExhibit, so that
 * `exhibit import` reads them as it reads a filing.
 */
import type { ClassTerms, RateSegment } from '../src/accrual/classSeries.js';
import type { ExhibitDocument, ScheduleEntry } from '../src/edgar/exhibitDocument.js';
import { renderExhibit } from '../src/edgar/renderExhibit.js';
import { type AccrualBenchData, benchTermDates, PLAN_START } from './accrualBenchData.js';

const REGISTRANT = 'BENCH FUNDS TRUST';

/** 350_000 micro-percent → "0.35" */
const pct = (microPct: bigint) => {
  const hundredths = microPct / 10_000n;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
};

function entry(portfolio: string, className: string, s: RateSegment): ScheduleEntry {
  return {
    registrant: REGISTRANT,
    portfolio,
    class: className,
    assetBasedSalesChargePct: pct(s.distributionFeeMicroPct),
    assetBasedSalesChargeBound: 'maximum',
    serviceFeePct: pct(s.serviceFeeMicroPct),
    aggregateFeePct: pct(s.distributionFeeMicroPct + s.serviceFeeMicroPct),
  };
}

/** The segment of `terms` in force on `date`, if any. */
function inForce(terms: ClassTerms, date: string): RateSegment | undefined {
  return terms.coverage.find((s) => s.from <= date && (s.until === null || date < s.until));
}

/** The exhibits stating the generated terms, in the order they were signed. */
export function accrualBenchExhibits(
  data: Pick<AccrualBenchData, 'from' | 'terms' | 'columns'>,
  days: number,
): { fileName: string; bytes: Buffer }[] {
  const dates = benchTermDates(data.from, days);
  const { portfolios, classNames } = data.columns;
  for (const t of data.terms)
    for (const s of t.coverage)
      if (![PLAN_START, dates.lateStart, dates.rateChange].includes(s.from))
        throw new Error(`${t.classKey}: a segment from ${s.from}, not one of the exhibits' dates`);
  const letters = [...new Set(classNames)].sort();
  const files: { fileName: string; bytes: Buffer }[] = [];
  for (const letter of letters) {
    const instrumentTitle = `Master Distribution Plan (Class ${letter} Shares)`;
    const scheduleOn = (date: string): ScheduleEntry[] =>
      data.terms.flatMap((t, c) => {
        if (classNames[c] !== letter) return [];
        const s = inForce(t, date);
        return s ? [entry(portfolios[c]!, letter, s)] : [];
      });
    const document = (amendmentNumber: number | null, effectiveDate: string): ExhibitDocument => ({
      kind: amendmentNumber === null ? 'plan' : 'plan-amendment',
      title:
        amendmentNumber === null
          ? instrumentTitle
          : `Amendment No. ${amendmentNumber} to the ${instrumentTitle}`,
      exhibit: null,
      instrument: {
        kind: 'plan',
        title: 'Master Distribution Plan',
        registrant: null,
        classes: [letter],
        datedAsOf: PLAN_START,
      },
      amendmentNumber,
      effectiveDate,
      datedDate: effectiveDate,
      terms: { distributionFeePct: null, serviceFeePct: null },
      schedules: [
        {
          name: 'Schedule A',
          replacesEntirely: amendmentNumber !== null,
          entries: scheduleOn(effectiveDate),
        },
      ],
      renames: [],
      renameRules: [],
      footnotes: [],
      warnings: [],
    });
    const docs = [
      document(null, PLAN_START),
      document(1, dates.lateStart),
      document(2, dates.rateChange),
      document(3, dates.coverageEnd),
    ];
    for (const [i, doc] of docs.entries())
      files.push({
        fileName: `bench-class-${letter.toLowerCase()}-${i === 0 ? 'plan' : `amendment-${i}`}.txt`,
        bytes: Buffer.from(renderExhibit(doc, { marked: false })),
      });
  }
  return files;
}
