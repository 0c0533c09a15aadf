import type { ExhibitDocument, ScheduleEntry } from '../edgar/exhibitDocument.js';
import { Plan12bError } from '../errors.js';
import { askedClass } from '../registry/askedClass.js';
import type { Registry } from '../registry/registry.js';

/**
 * The schedule in force on a date as one exhibit-shaped document (a conformed plan dated that
 * day), so `exhibit render --as-of`
 * prints a conformed Schedule A that a treasurer can compare with the signed instruments; with the
 * registry's warnings of that day (SPEC §2: a same-date conflict is warned on every query that
 * touches it, and the rendering shows one of the two entries).
 */
export function scheduleDocumentAsOf(
  registry: Registry,
  asOf: string,
  shareClass?: string,
): { document: ExhibitDocument; warnings: string[] } {
  // a class no instrument ever named is a name to check, as in every query (not "nothing in force")
  if (shareClass) askedClass(registry, shareClass);
  const { entries, warnings } = registry.scheduleAsOf(asOf, shareClass ? { class: shareClass } : {});
  // SPEC §2.1 parse(render(x)) = x: a schedule listing no portfolio is not an exhibit parse reads
  // ("Schedule A lists no portfolios"), so nothing in force is said as such, never rendered
  if (entries.length === 0)
    throw new Plan12bError(
      'NOT_FOUND',
      `no schedule entry is in force on ${asOf}${shareClass ? ` for class ${shareClass}` : ''}: there is no schedule to render`,
      'see `plan12b exhibit list` for the documents and their effective dates',
    );
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
  const document: ExhibitDocument = {
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
  return { document, warnings: [...warnings] };
}
