import type { ExhibitDocument, ScheduleEntry } from '../../../src/edgar/exhibitDocument.js';
import { renderExhibit } from '../../../src/edgar/renderExhibit.js';

/** Ridge Trust's Class A plans and amendments, rendered as filed (the closed-month rename tests). */
const entry = (portfolio: string): ScheduleEntry => ({
  registrant: 'RIDGE TRUST',
  portfolio,
  class: 'A',
  assetBasedSalesChargePct: '0.25',
  assetBasedSalesChargeBound: 'maximum',
  serviceFeePct: '0.25',
  aggregateFeePct: null,
});

/** A Class A plan of Ridge Trust (`title`), or its amendment No. `n` replacing Schedule A, rendered as filed. */
export function exhibit(
  title: string,
  date: string,
  portfolios: string[],
  n: number | null = null,
  renames: { from: string; to: string }[] = [],
) {
  const instrument = {
    kind: 'plan' as const,
    title,
    registrant: 'Ridge Trust',
    classes: ['A'],
    datedAsOf: date,
  };
  const d: ExhibitDocument = {
    kind: n === null ? 'plan' : 'plan-amendment',
    title: n === null ? title : `Amendment No. ${n} to the ${title}`,
    exhibit: null,
    instrument: n === null ? instrument : { ...instrument, datedAsOf: '2019-01-01' },
    amendmentNumber: n,
    effectiveDate: date,
    datedDate: date,
    terms: { distributionFeePct: null, serviceFeePct: null },
    schedules: [{ name: 'Schedule A', replacesEntirely: n !== null, entries: portfolios.map(entry) }],
    renames,
    renameRules: [],
    footnotes: [],
    warnings: [],
  };
  const bytes = Buffer.from(renderExhibit(d, { marked: false }));
  return { fileName: `${title.replaceAll(' ', '-')}-${n ?? 'plan'}-${date}.txt`, bytes };
}
