import { toCsv } from '../cli/csvOut.js';
import type { ClosedMonthView } from '../close/closedMonthView.js';
import { Plan12bError } from '../errors.js';
import { formatCents, parseCents } from '../money/cents.js';
import { type ClassMonthFees, FEES_MONTH_COLUMNS } from './feesReport.js';
import { JOURNAL_COLUMNS, type Journal } from './journal.js';
import type { MonthlyCalculationReport } from './monthlyCalculationReport.js';

/** The sealed parts `close show --csv --part P` (and the API's format=csv) print as CSV. */
export const CSV_PARTS = ['fees', 'journal', 'monthly-calculation'] as const;

/**
 * SPEC §12 `close show --csv --part P`: one sealed part of a closed month as the lines a person
 * opens in a spreadsheet — the fees per class, the journal lines, or the Monthly Calculation's
 * payees (Agreement EIGHTH(C)).
 */
export function closedMonthPartCsv(view: ClosedMonthView, part: string): string {
  const { columns, rows } = closedMonthPartRows(view, part);
  return toCsv(columns, rows);
}

/** The header and lines of {@link closedMonthPartCsv} (and of `close show --xlsx`). */
export function closedMonthPartRows(
  view: ClosedMonthView,
  part: string,
): { readonly columns: readonly string[]; readonly rows: readonly object[] } {
  const content = view.parts[part];
  if (content === undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      `${view.month} has no sealed part ${JSON.stringify(part)}`,
      `its parts: ${view.partHashes.map((p) => p.part).join(', ')}`,
    );
  if (part === 'fees')
    return { columns: FEES_MONTH_COLUMNS, rows: (content as { classes: ClassMonthFees[] }).classes };
  if (part === 'journal') return { columns: JOURNAL_COLUMNS, rows: (content as Journal).lines };
  if (part === 'monthly-calculation') {
    const report = content as MonthlyCalculationReport;
    // SPEC §12: what the journal pays each payee — its month and the prior-period adjustments
    // routed to it (a report sealed before `payables` existed: its payees, unadjusted)
    const rows =
      report.payables?.map((p) => ({
        portfolio: p.portfolio,
        month: report.month,
        payee: p.payee,
        role: p.role,
        twelveB1: p.twelveB1,
        cdsc: p.cdsc,
        total: formatCents(parseCents(p.twelveB1) + parseCents(p.cdsc)),
        owedOn: p.owedOn,
        dueDate: p.dueDate,
        priorPeriodAdjustment: formatCents(parseCents(p.adjustmentTwelveB1) + parseCents(p.adjustmentCdsc)),
        payable: p.payable,
      })) ??
      report.portfolios.flatMap((mc) =>
        mc.payees.map((p) => ({
          portfolio: mc.portfolio,
          month: mc.month,
          ...p,
          priorPeriodAdjustment: '0.00',
          payable: p.total,
        })),
      );
    return {
      columns: [
        'portfolio',
        'month',
        'payee',
        'role',
        'twelveB1',
        'cdsc',
        'total',
        'owedOn',
        'dueDate',
        'priorPeriodAdjustment',
        'payable',
      ],
      rows,
    };
  }
  throw new Plan12bError(
    'USAGE',
    `CSV prints the parts ${CSV_PARTS.join(', ')}, not ${JSON.stringify(part)}`,
    `print it as JSON: \`plan12b close show --month ${view.month} --json\``,
  );
}
