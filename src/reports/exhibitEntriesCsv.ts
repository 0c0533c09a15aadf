import type { ParsedExhibit } from '../edgar/exhibitDocument.js';

/**
 * `exhibit parse FILE --csv|--xlsx` (SPEC §2.1): the schedule entries of one exhibit as the document
 * states them, one line each, in the order filed — what a person checks against the filing in a
 * spreadsheet. A rate column the schedule does not have is an empty cell: the instrument's terms
 * supply the rate on import; the parse keeps the document's own words.
 */
export const EXHIBIT_ENTRY_COLUMNS = [
  'schedule',
  'registrant',
  'portfolio',
  'class',
  'assetBasedSalesChargePct',
  'assetBasedSalesChargeBound',
  'serviceFeePct',
  'aggregateFeePct',
] as const;

export type ExhibitEntryRow = Readonly<Record<(typeof EXHIBIT_ENTRY_COLUMNS)[number], string | null>>;

export function exhibitEntryRows(doc: Pick<ParsedExhibit, 'schedules'>): ExhibitEntryRow[] {
  return doc.schedules.flatMap((s) =>
    s.entries.map((e) => ({
      schedule: s.name,
      registrant: e.registrant,
      portfolio: e.portfolio,
      class: e.class,
      assetBasedSalesChargePct: e.assetBasedSalesChargePct,
      assetBasedSalesChargeBound: e.assetBasedSalesChargeBound,
      serviceFeePct: e.serviceFeePct,
      aggregateFeePct: e.aggregateFeePct,
    })),
  );
}
