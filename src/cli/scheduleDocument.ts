import type { ExhibitDocument, ScheduleEntry } from '../edgar/exhibitDocument.js';
import type { Registry } from '../registry/registry.js';

/**
 * The schedule in force on a date as one exhibit-shaped document (a conformed plan dated that
 * day), so `exhibit render --as-of`
 * prints a conformed Schedule A that a treasurer can compare with the signed instruments.
 */
export function scheduleDocumentAsOf(registry: Registry, asOf: string, shareClass?: string): ExhibitDocument {
  const { entries } = registry.scheduleAsOf(asOf, shareClass ? { class: shareClass } : {});
  // the signed schedule's rates (its maxima and minima, under those headings), never a Board-set
  // current rate or the zero of a stopped class: those are not what the instruments say (SPEC §2)
  const rows: ScheduleEntry[] = entries.map((e) => ({
    registrant: e.registrant,
    portfolio: e.portfolio,
    class: e.class,
    assetBasedSalesChargePct: e.scheduleRates.assetBasedSalesChargePct,
    assetBasedSalesChargeBound: e.scheduleRates.assetBasedSalesChargeBound,
    serviceFeePct: e.scheduleRates.serviceFeePct,
    aggregateFeePct: e.scheduleRates.aggregateFeePct,
  }));
  const classes = [...new Set(rows.map((r) => r.class))].sort();
  return {
    kind: 'plan',
    title: 'Conformed Master Distribution Plan',
    exhibit: null,
    instrument: {
      kind: 'plan',
      title: 'Conformed Master Distribution Plan',
      registrant: null,
      classes,
      datedAsOf: asOf,
    },
    amendmentNumber: null,
    effectiveDate: asOf,
    datedDate: asOf,
    terms: { distributionFeePct: null, serviceFeePct: null },
    schedules: [{ name: 'Schedule A', replacesEntirely: false, entries: rows }],
    renames: [],
    renameRules: [],
    footnotes: [],
    warnings: [],
  };
}
