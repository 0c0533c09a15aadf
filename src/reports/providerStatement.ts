/**
 * A service provider's monthly statement (SPEC §5) as CSV: what a dealer checks against its own
 * records — per class, the days its agreement earned a fee, the average daily net assets of its
 * customers' shares, the rate and the amount — and the total, paid on the payment date. Then its
 * prior-period adjustments (SPEC §12): per restated month and class, original, restated and the
 * difference (in `amount`), and the total due.
 */
import { toCsv } from '../cli/csvOut.js';
import { formatCents, parseCents } from '../money/cents.js';
import { providerAdjustmentsOf } from './providerStatementAdjustments.js';
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
  'restated_month',
  'original',
  'restated',
] as const;

/** `statement-2007-01-DLR-0001`: month first, so a folder of statements sorts by month. */
export function statementFileStem(report: { month: string }, provider: { id: string }): string {
  return `statement-${report.month}-${provider.id}`;
}

/** What the provider is paid on the payment date: the month's fees and its prior-period adjustments. */
export function providerAmountDue(
  report: Pick<ServiceFeesReport, 'priorPeriodAdjustments'>,
  p: Pick<ProviderMonth, 'id' | 'amount'>,
): string {
  return formatCents(
    providerAdjustmentsOf(report.priorPeriodAdjustments, p.id).reduce(
      (s, a) => s + parseCents(a.difference),
      parseCents(p.amount),
    ),
  );
}

/**
 * One row per class (and rate), then a `Total` row with the month's fees; with prior-period
 * adjustments, one row per restated month and class (`Prior-period adjustment`) and a `Total due`.
 */
export function providerStatementCsv(
  report: Pick<ServiceFeesReport, 'month' | 'priorPeriodAdjustments'>,
  p: ProviderMonth,
): string {
  const empty = { restated_month: '', original: '', restated: '' };
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
    ...empty,
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
    ...empty,
  });
  const adjustments = providerAdjustmentsOf(report.priorPeriodAdjustments, p.id);
  if (adjustments.length > 0) {
    for (const a of adjustments)
      rows.push({
        provider_id: p.id,
        provider: p.name,
        month: report.month,
        portfolio: `Prior-period adjustment: ${a.portfolio}`,
        class: a.class,
        days: '',
        average_daily_net_assets: '',
        rate_pct: '',
        amount: a.difference,
        restated_month: a.month,
        original: a.original,
        restated: a.restated,
      });
    rows.push({
      provider_id: p.id,
      provider: p.name,
      month: report.month,
      portfolio: 'Total due',
      class: '',
      days: '',
      average_daily_net_assets: '',
      rate_pct: '',
      amount: providerAmountDue(report, p),
      ...empty,
    });
  }
  return `${toCsv(STATEMENT_COLUMNS, rows)}\n`;
}
