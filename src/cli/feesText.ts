import type { ClassMonthFees } from '../reports/feesReport.js';
import type { CliContext } from './context.js';
import { printTable } from './table.js';

/**
 * The text of the fees per class and month (SPEC §4): one line per class-month with its days,
 * average daily net assets, distribution fee, service fee and total — as `plan12b fees` and
 * `close show --part fees` print it.
 */
export function printFeesText(ctx: CliContext, classes: readonly ClassMonthFees[]): void {
  printTable(
    ctx,
    [
      'Portfolio',
      'Class',
      'Month',
      'Days',
      'Avg daily net assets',
      'Distribution fee',
      'Service fee',
      'Total',
    ],
    classes.map((m) => [
      m.portfolio,
      m.class,
      m.month,
      String(m.days),
      m.averageDailyNetAssets,
      m.distributionFee,
      m.serviceFee,
      m.totalFee,
    ]),
  );
}
