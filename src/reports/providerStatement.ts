/**
 * A service provider's monthly statement (SPEC §5) as CSV: what a dealer checks against its own
 * records — per class, the days its agreement earned a fee, the average daily net assets of its
 * customers' shares, the rate and the amount — and the total, paid on the payment date.
 */
import { toCsv } from '../cli/csvOut.js';
import type { ProviderMonth, ServiceFeesReport } from './serviceFeesReport.js';

export const STATEMENT_COLUMNS = [
  'provider_id',
  'provider',
  'month',
  'portfolio',
  'class',
  'days',
  'average_daily_net_assets',
  'rate_pct',
  'amount',
] as const;

/** `statement-2007-01-DLR-0001`: month first, so a folder of statements sorts by month. */
export function statementFileStem(report: { month: string }, provider: { id: string }): string {
  return `statement-${report.month}-${provider.id}`;
}

/** One row per class (and rate), then a `Total` row whose amount is the payment. */
export function providerStatementCsv(report: Pick<ServiceFeesReport, 'month'>, p: ProviderMonth): string {
  const rows: Record<(typeof STATEMENT_COLUMNS)[number], string | number>[] = p.classes.map((c) => ({
    provider_id: p.id,
    provider: p.name,
    month: report.month,
    portfolio: c.portfolio,
    class: c.class,
    days: c.days,
    average_daily_net_assets: c.averageDailyNetAssets,
    rate_pct: c.ratePct,
    amount: c.amount,
  }));
  rows.push({
    provider_id: p.id,
    provider: p.name,
    month: report.month,
    portfolio: 'Total',
    class: '',
    days: '',
    average_daily_net_assets: '',
    rate_pct: '',
    amount: p.amount,
  });
  return `${toCsv(STATEMENT_COLUMNS, rows)}\n`;
}
