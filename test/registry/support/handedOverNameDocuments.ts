import type { ExhibitDocument, ScheduleEntry } from '../../../src/edgar/exhibitDocument.js';
import type { StoredDocument } from '../../../src/registry/storedDocument.js';

/**
 * SPEC §2: a rename takes effect on its date. Invented documents: a plan (2012-07-01) listing
 * Investment Grade Bond Fund and Core Bond Fund, classes A (service fee 0.25%) and B, and an
 * amendment effective 2020-06-01 listing "Core Bond Fund (formerly Investment Grade Bond Fund)"
 * and "Total Return Bond Fund (formerly Core Bond Fund)": the name Core Bond Fund passes from one
 * portfolio to the other on 2020-06-01.
 */
export const IGB = 'Investment Grade Bond Fund';
export const CORE = 'Core Bond Fund';
export const TRB = 'Total Return Bond Fund';
const entries = (portfolio: string, pct: string): ScheduleEntry[] =>
  ['A', 'B'].map((cls) => ({
    registrant: 'RIDGE TRUST',
    portfolio,
    class: cls,
    assetBasedSalesChargePct: cls === 'B' ? '0.75' : pct,
    assetBasedSalesChargeBound: 'maximum',
    serviceFeePct: '0.25',
    aggregateFeePct: null,
  }));
const instrument = {
  kind: 'plan' as const,
  title: 'Distribution and Service Plan',
  registrant: 'Ridge Trust',
  classes: ['A', 'B'],
  datedAsOf: '2012-07-01',
};
const doc = (
  id: string,
  effectiveDate: string,
  list: ScheduleEntry[],
  renames: { from: string; to: string }[],
  amendmentNumber: number | null,
): StoredDocument => {
  const d: ExhibitDocument = {
    kind: amendmentNumber === null ? 'plan' : 'plan-amendment',
    title:
      amendmentNumber === null
        ? instrument.title
        : `Amendment No. ${amendmentNumber} to the ${instrument.title}`,
    exhibit: null,
    instrument,
    amendmentNumber,
    effectiveDate,
    datedDate: effectiveDate,
    terms: { distributionFeePct: null, serviceFeePct: null },
    schedules: [{ name: 'Schedule A', replacesEntirely: amendmentNumber !== null, entries: list }],
    renames,
    renameRules: [],
    footnotes: [],
    warnings: [],
  };
  return { id, fileName: `${id}.txt`, doc: d };
};
export const HANDOVER_DOCUMENTS: readonly StoredDocument[] = [
  doc('base', '2012-07-01', [...entries(IGB, '0.30'), ...entries(CORE, '0.20')], [], null),
  doc(
    'a1',
    '2020-06-01',
    [...entries(CORE, '0.35'), ...entries(TRB, '0.25')],
    [
      { from: IGB, to: CORE },
      { from: CORE, to: TRB },
    ],
    1,
  ),
];
