import type { ServiceFeesReport } from './serviceFeesReport.js';

/**
 * `plan12b service-fees --csv` (its workbook's Providers sheet) and `close show --part service-fees
 * --csv`: one line per provider and class (Plan §4(b)–(g)), so the live and the sealed CSV of a
 * month agree line for line where nothing changed since.
 */
export const SERVICE_FEES_COLUMNS = [
  'provider',
  'name',
  'portfolio',
  'class',
  'days',
  'averageDailyNetAssets',
  'ratePct',
  'amount',
] as const;

export function serviceFeesCsvRows(report: Pick<ServiceFeesReport, 'providers'>): object[] {
  return report.providers.flatMap((p) => p.classes.map((c) => ({ ...c, provider: p.id, name: p.name })));
}
